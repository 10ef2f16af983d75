package dev.wengert.ad.tape;

/**
 * First and second partial derivatives of one node with respect to its (at most two) operands,
 * as {@link Rules#partials} fills them. A sweep owns one instance and reuses it for every node,
 * so evaluating a rule allocates nothing.
 */
public final class Partials {
    double dx;
    double dy;
    double dxx;
    double dxy;
    double dyy;

    /** df/dx. */
    public double dx() {
        return dx;
    }

    /** df/dy (zero for unary opcodes and for a constant operand). */
    public double dy() {
        return dy;
    }

    /** d2f/dx2. */
    public double dxx() {
        return dxx;
    }

    /** d2f/dxdy. */
    public double dxy() {
        return dxy;
    }

    /** d2f/dy2. */
    public double dyy() {
        return dyy;
    }
}
