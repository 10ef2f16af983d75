package dev.wengert.codegen.ir;

/**
 * {@code target[index] += value}, or {@code target[index] = value} if {@code assign}: the only side
 * effect in the IR, used by derivative programs to accumulate into g, hv or h. An assignment is
 * made only where the program proves that it is the one write of that entry (the dense Hessian of
 * a pair kernel, see {@code LocalHessian}); it is never merged, deferred or dropped.
 *
 * @param target the output array
 * @param index int index
 * @param value double added (or stored)
 * @param assign true for {@code =}, false for {@code +=}
 */
public record Scatter(ArrayRef target, Value index, Value value, boolean assign) implements Node {

    /** {@code target[index] += value}. */
    public Scatter(ArrayRef target, Value index, Value value) {
        this(target, index, value, false);
    }
}
