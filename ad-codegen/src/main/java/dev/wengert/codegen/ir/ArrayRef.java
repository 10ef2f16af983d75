package dev.wengert.codegen.ir;

/**
 * An array the program reads from or scatters into, by its role. The emitter chooses how it is
 * written in Java; only the arrays that come from the source carry their source name.
 *
 * @param kind what role the array plays
 * @param sourceName the parameter or field name in the annotated source for {@link Kind#VARIABLE},
 *        {@link Kind#DATA}, {@link Kind#TABLE} and {@link Kind#INSTANCE}; null for the arrays of the
 *        generated methods
 * @param owner for a {@link Kind#TABLE} of another class than the annotated method's, that class; else null
 */
public record ArrayRef(Kind kind, String sourceName, SourceClass owner) {

    /** An array of the annotated method's own class, or one that belongs to no class. */
    public ArrayRef(Kind kind, String sourceName) {
        this(kind, sourceName, null);
    }

    /** The direction v of a Hessian-vector product. */
    public static final ArrayRef DIRECTION = new ArrayRef(Kind.DIRECTION, null);
    /** The gradient g. */
    public static final ArrayRef GRADIENT = new ArrayRef(Kind.GRADIENT, null);
    /** The Hessian-vector product hv. */
    public static final ArrayRef HESSIAN_VECTOR = new ArrayRef(Kind.HESSIAN_VECTOR, null);
    /** The dense Hessian h, row-major. */
    public static final ArrayRef HESSIAN = new ArrayRef(Kind.HESSIAN, null);
    /** The Hessian's non-zeros in the order of its sparsity pattern. */
    public static final ArrayRef SPARSE_HESSIAN = new ArrayRef(Kind.SPARSE_HESSIAN, null);
    /** The entries of the Hessian's sparsity pattern. */
    public static final ArrayRef HESSIAN_PATTERN = new ArrayRef(Kind.HESSIAN_PATTERN, null);

    /** The role of an array in a generated method. */
    public enum Kind {
        /** The variable x derivatives are taken with respect to. */
        VARIABLE,
        /** The direction v of a Hessian-vector product. */
        DIRECTION,
        /** A {@code double[]} data parameter, held in a final field of the generated class. */
        DATA,
        /**
         * A {@code double[][]} data parameter, held in a final field of the generated class: read as
         * {@code a[i][j]} (a {@link Op#READ} with two indices), {@code a.length} and {@code a[i].length}
         * (a {@link Op#LENGTH} with the row as its argument).
         */
        MATRIX,
        /** A {@code static final double[]} table of the annotated method's class (or of {@link #owner()}). */
        TABLE,
        /** A {@code final double[]} field of the object an annotated instance method runs on. */
        INSTANCE,
        /** The gradient, written by {@link Scatter}. */
        GRADIENT,
        /** The Hessian-vector product, written by {@link Scatter}. */
        HESSIAN_VECTOR,
        /** The dense Hessian, written by {@link Scatter}. */
        HESSIAN,
        /**
         * The non-zeros of the Hessian in the order of its sparsity pattern, written by entry, or by slot
         * once the order of the entries is fixed.
         */
        SPARSE_HESSIAN,
        /** The entries of the Hessian's sparsity pattern, listed by entry in the order they are added (values ignored). */
        HESSIAN_PATTERN,
        /**
         * A {@code double[]} work array of the function (a local {@code new double[n]}), its adjoint or a tangent
         * of either: written by {@link Scatter}, created (zero-filled) by {@link Alloc}, held per thread by the
         * generated class. Its elements are active values, so reads of it are never shared or hoisted.
         */
        WORK
    }

    /** The local work array {@code name} of the source method. */
    public static ArrayRef work(String name) {
        return new ArrayRef(Kind.WORK, name);
    }

    /** True for a work array (or its adjoint or tangent). */
    public boolean isWork() {
        return kind == Kind.WORK;
    }

    /** The adjoint of a work array: same length, {@code uBar} for {@code u}. */
    public ArrayRef adjoint() {
        requireWork();
        return work(sourceName + "Bar");
    }

    /** The tangent of a work array: same length, {@code uDot} for {@code u}. */
    public ArrayRef tangent() {
        requireWork();
        return work(sourceName + "Dot");
    }

    private void requireWork() {
        if (kind != Kind.WORK) {
            throw new IllegalStateException(this + " is not a work array");
        }
    }

    /** The variable array, named {@code sourceName} in the source. */
    public static ArrayRef variable(String sourceName) {
        return new ArrayRef(Kind.VARIABLE, sourceName);
    }

    /** A {@code double[]} data parameter of the source method. */
    public static ArrayRef data(String sourceName) {
        return new ArrayRef(Kind.DATA, sourceName);
    }

    /** A {@code double[][]} data parameter of the source method. */
    public static ArrayRef matrix(String sourceName) {
        return new ArrayRef(Kind.MATRIX, sourceName);
    }

    /** A {@code static final double[]} table of the source class. */
    public static ArrayRef table(String sourceName) {
        return new ArrayRef(Kind.TABLE, sourceName);
    }

    /** A {@code static final double[]} table of {@code owner}, or of the source class if owner is null. */
    public static ArrayRef table(String sourceName, SourceClass owner) {
        return new ArrayRef(Kind.TABLE, sourceName, owner);
    }
}
