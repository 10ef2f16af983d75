package dev.wengert.codegen;

/**
 * The arithmetic a random kernel's evaluator needs, so the same kernel can be evaluated on
 * hyper-dual numbers (the exact oracle) and recorded on the tape.
 */
interface Num {
    double value();

    Num plus(Num o);

    Num minus(Num o);

    Num times(Num o);

    Num div(Num o);

    Num negate();

    Num sin();

    Num cos();

    Num tanh();

    Num atan();

    Num exp();

    Num log();

    Num sqrt();

    Num pow(double p);
}
