package dev.wengert.ad;

/**
 * A vector-valued function written against {@link Var}, whose Jacobian a {@link Recording} gives.
 *
 * <pre>{@code
 * VectorFunction polar = x -> new Var[] {Var.hypot(x[0], x[1]), Var.atan2(x[1], x[0])};
 * double[] jac = Derivatives.jacobian(polar, 3.0, 4.0);   // 2 x 2, row-major
 * }</pre>
 */
@FunctionalInterface
public interface VectorFunction {
    /**
     * Computes the outputs from the input variables.
     *
     * @param x the input variables, one per coordinate
     * @return the outputs, in order
     */
    Var[] apply(Var[] x);
}
