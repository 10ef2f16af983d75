package dev.wengert.codegen.ir;

/**
 * {@code target[index] += value}, or {@code target[index] = value} if {@code assign}: the only side
 * effect in the IR, used by derivative programs to accumulate into g, hv or h. An assignment is
 * made only where the program proves that it is the one write of that entry (the dense Hessian of
 * a pair kernel, see {@code LocalHessian}); it is never merged, deferred or dropped. A scatter into
 * a matrix by entry ({@link ArrayRef.Kind#SPARSE_HESSIAN}, {@link ArrayRef.Kind#HESSIAN_PATTERN})
 * has a {@code column}: it adds into entry (index, column) wherever the matrix stores it.
 *
 * @param target the output array
 * @param index int index (the row, for a scatter by entry)
 * @param column int column of a scatter by entry, null for an array index
 * @param value double added (or stored)
 * @param assign true for {@code =}, false for {@code +=}
 */
public record Scatter(ArrayRef target, Value index, Value column, Value value, boolean assign) implements Node {

    /** {@code target[index] += value}, or {@code =} if {@code assign}. */
    public Scatter(ArrayRef target, Value index, Value value, boolean assign) {
        this(target, index, null, value, assign);
    }

    /** {@code target[index] += value}. */
    public Scatter(ArrayRef target, Value index, Value value) {
        this(target, index, null, value, false);
    }

    /** True for a scatter into a matrix by (row, column). */
    public boolean byEntry() {
        return column != null;
    }
}
