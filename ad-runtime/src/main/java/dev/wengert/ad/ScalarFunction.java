package dev.wengert.ad;

/**
 * A scalar function written against {@link Var}, to be recorded on a tape.
 *
 * <pre>{@code
 * ScalarFunction rosenbrock = x -> Var.minus(1, x[0]).square()
 *         .plus(x[1].minus(x[0].square()).square().times(100));
 * }</pre>
 */
@FunctionalInterface
public interface ScalarFunction {
    /**
     * Computes f from the input variables (do not keep them: they belong to one recording).
     *
     * @param x the input variables, one per coordinate
     * @return the value of f
     */
    Var apply(Var[] x);
}
