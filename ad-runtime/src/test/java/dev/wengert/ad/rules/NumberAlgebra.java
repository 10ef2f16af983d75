package dev.wengert.ad.rules;

import java.util.List;

/** Evaluates catalogue formulas on numbers. */
public final class NumberAlgebra implements Algebra<Double> {

    public static final NumberAlgebra NUMBERS = new NumberAlgebra();

    @Override public Double constant(double c) { return c; }
    @Override public Double add(Double a, Double b) { return a + b; }
    @Override public Double sub(Double a, Double b) { return a - b; }
    @Override public Double mul(Double a, Double b) { return a * b; }
    @Override public Double div(Double a, Double b) { return a / b; }
    @Override public Double neg(Double a) { return -a; }

    @Override
    public Double apply(ElementaryFunction f, List<Double> args) {
        return f.evaluate(args.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public Double ifEqual(Double a, Double b, Double then, Double otherwise) {
        return a.doubleValue() == b.doubleValue() ? then : otherwise;
    }

    @Override
    public Double ifLessOrEqual(Double a, Double b, Double then, Double otherwise) {
        return a <= b ? then : otherwise;
    }

    /** The partial {@code i} of {@code f} at {@code args}, on numbers. */
    public static double partial(ElementaryFunction f, int i, double... args) {
        List<Double> xs = java.util.Arrays.stream(args).boxed().toList();
        return f.partial(NUMBERS, i, xs, f.evaluate(args));
    }
}
