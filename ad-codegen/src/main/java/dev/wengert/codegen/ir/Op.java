package dev.wengert.codegen.ir;

/** The operation of a {@link Value}. */
public enum Op {
    /** A literal (payload: Double, Integer or Boolean); free, never placed in a block. */
    CONST,
    /** A scalar data parameter or a static field (payload: its {@link FieldRef}); free. */
    PARAM,
    /** {@code a.length} (payload: the ArrayRef), or {@code a[row].length} of a matrix (arg: the row). */
    LENGTH,
    /** {@code a[i]} (payload: the ArrayRef; arg: the int index), or {@code a[row][column]} of a matrix (args: both). */
    READ,
    NEG, ADD, SUB, MUL, DIV, REM,
    /** int to double widening. */
    TO_DOUBLE,
    /** A Math function (payload: the catalogue's ElementaryFunction). */
    CALL,
    LT, LE, GT, GE, EQ, NE, NOT, AND, OR,
    /** {@code c ? a : b} on already computed values (both sides are side-effect free). */
    SELECT,
    /**
     * {@code p * a}, but 0 where {@code a} is 0 even if {@code p} is infinite (CppAD's {@code azmul}): a
     * partial that can be infinite times an adjoint or tangent. Its derivative is
     * {@code azmul(p', a) + azmul(p, a')}, so a zero adjoint still passes on its own tangent.
     */
    AZMUL,
    /** The counter of a {@link Loop}; defined by the loop. */
    LOOP_INDEX,
    /** The final value of a reduction or of carried state of a {@link Loop}; defined by the loop. */
    LOOP_RESULT,
    /** Carried state of a {@link Loop} at the start of an iteration; defined by the loop. */
    LOOP_CARRIED,
    /** The merge of a value after an {@link If}; defined by the if. */
    PHI;

    /** True for values that need no definition in a block (literals and fields). */
    public boolean isFree() {
        return this == CONST || this == PARAM;
    }

    /** True for values defined by a loop or if node rather than by their own statement. */
    public boolean isDefinedByNode() {
        return this == LOOP_INDEX || this == LOOP_RESULT || this == LOOP_CARRIED || this == PHI;
    }

    /** True for the comparisons. */
    public boolean isComparison() {
        return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
    }
}
