package dev.wengert.ad.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates catalogue formulas on dual numbers (value, tangent): a first partial evaluated this way
 * carries its own directional derivative, i.e. a second partial derived from the catalogue, with
 * the zero-tangent rule of the engines (a zero tangent times a non-finite partial is zero).
 */
public final class DualAlgebra implements Algebra<DualAlgebra.D> {

    public static final DualAlgebra DUALS = new DualAlgebra();

    /** A value and its tangent. */
    public record D(double value, double tangent) {
    }

    @Override public D constant(double c) { return new D(c, 0); }
    @Override public D add(D a, D b) { return new D(a.value + b.value, a.tangent + b.tangent); }
    @Override public D sub(D a, D b) { return new D(a.value - b.value, a.tangent - b.tangent); }

    @Override
    public D mul(D a, D b) {
        return new D(a.value * b.value, times(b.value, a.tangent) + times(a.value, b.tangent));
    }

    @Override
    public D div(D a, D b) {
        double q = a.value / b.value;
        return new D(q, times(1 / b.value, a.tangent) - times(q / b.value, b.tangent));
    }

    @Override public D neg(D a) { return new D(-a.value, -a.tangent); }

    @Override
    public D apply(ElementaryFunction f, List<D> args) {
        double[] xs = args.stream().mapToDouble(D::value).toArray();
        double tangent = 0;
        for (int i = 0; i < xs.length; i++) {
            tangent += times(NumberAlgebra.partial(f, i, xs), args.get(i).tangent);
        }
        return new D(f.evaluate(xs), tangent);
    }

    @Override
    public D ifEqual(D a, D b, D then, D otherwise) {
        return a.value == b.value ? then : otherwise;
    }

    @Override
    public D ifLessOrEqual(D a, D b, D then, D otherwise) {
        return a.value <= b.value ? then : otherwise;
    }

    private static double times(double partial, double tangent) {
        return tangent == 0 ? 0 : partial * tangent;
    }

    /**
     * The derivative of partial {@code i} of {@code f} at {@code args} in the direction {@code dir}:
     * row i of f's Hessian times dir, derived from the catalogue's first partials.
     */
    public static double secondPartial(ElementaryFunction f, int i, double[] args, double[] dir) {
        List<D> xs = new ArrayList<>();
        double ft = 0;
        for (int k = 0; k < args.length; k++) {
            xs.add(new D(args[k], dir[k]));
            ft += times(NumberAlgebra.partial(f, k, args), dir[k]);
        }
        return f.partial(DUALS, i, xs, new D(f.evaluate(args), ft)).tangent();
    }
}
