package dev.wengert.codegen;

import dev.wengert.ad.Var;

/** A tape variable as a {@link Num}. */
record TapeNum(Var v) implements Num {

    private static Var var(Num o) {
        return ((TapeNum) o).v;
    }

    @Override
    public double value() {
        return v.value();
    }

    @Override
    public Num plus(Num o) {
        return new TapeNum(v.plus(var(o)));
    }

    @Override
    public Num minus(Num o) {
        return new TapeNum(v.minus(var(o)));
    }

    @Override
    public Num times(Num o) {
        return new TapeNum(v.times(var(o)));
    }

    @Override
    public Num div(Num o) {
        return new TapeNum(v.div(var(o)));
    }

    @Override
    public Num negate() {
        return new TapeNum(v.unaryMinus());
    }

    @Override
    public Num sin() {
        return new TapeNum(v.sin());
    }

    @Override
    public Num cos() {
        return new TapeNum(v.cos());
    }

    @Override
    public Num tanh() {
        return new TapeNum(v.tanh());
    }

    @Override
    public Num atan() {
        return new TapeNum(v.atan());
    }

    @Override
    public Num exp() {
        return new TapeNum(v.exp());
    }

    @Override
    public Num log() {
        return new TapeNum(v.log());
    }

    @Override
    public Num sqrt() {
        return new TapeNum(v.sqrt());
    }

    @Override
    public Num pow(double p) {
        return new TapeNum(v.pow(p));
    }
}
