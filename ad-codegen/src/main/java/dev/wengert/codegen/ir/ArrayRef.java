package dev.wengert.codegen.ir;

/**
 * An array the program reads from or scatters into. The {@code name} is what the emitter prints:
 * a parameter name, a field name or a qualified static field.
 *
 * @param kind what role the array plays
 * @param name its name in the generated source
 */
public record ArrayRef(Kind kind, String name) {

    /** The role of an array in a generated method. */
    public enum Kind {
        /** The variable x derivatives are taken with respect to. */
        VARIABLE,
        /** The direction v of a Hessian-vector product. */
        DIRECTION,
        /** A {@code double[]} data parameter, held in a final field of the generated class. */
        DATA,
        /** A {@code static final double[]} table of the annotated method's class. */
        TABLE,
        /** An output: the gradient g, the product hv or the Hessian h (written by {@link Scatter}). */
        OUTPUT
    }
}
