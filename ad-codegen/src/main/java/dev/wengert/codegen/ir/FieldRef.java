package dev.wengert.codegen.ir;

/**
 * A scalar field a program reads (the payload of a {@link Op#PARAM}): a data parameter, held in
 * a final field of the generated class, or a {@code static final} constant of the source class
 * that is not a compile-time constant. The emitter chooses how it is written in Java.
 *
 * @param kind where the field lives
 * @param sourceName the parameter's or the field's name in the source
 */
public record FieldRef(Kind kind, String sourceName) {

    /** Where a field lives. */
    public enum Kind {
        /** A data parameter of the source method, held by the generated class. */
        DATA,
        /** A static field of the source class. */
        CONSTANT
    }
}
