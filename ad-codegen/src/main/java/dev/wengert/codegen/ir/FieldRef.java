package dev.wengert.codegen.ir;

/**
 * A scalar field a program reads (the payload of a {@link Op#PARAM}): a data parameter, held in
 * a final field of the generated class, or a {@code static final} constant of the source class
 * that is not a compile-time constant. The emitter chooses how it is written in Java.
 *
 * @param kind where the field lives
 * @param sourceName the parameter's or the field's name in the source
 * @param owner for a {@link Kind#CONSTANT} of another class than the annotated method's, that class; else null
 */
public record FieldRef(Kind kind, String sourceName, SourceClass owner) {

    /** A field of the generated class or of the annotated method's own class. */
    public FieldRef(Kind kind, String sourceName) {
        this(kind, sourceName, null);
    }

    /** Where a field lives. */
    public enum Kind {
        /** A data parameter of the source method, held by the generated class. */
        DATA,
        /** A static field of the source class (or of {@link #owner()}). */
        CONSTANT,
        /** A final field of the object an annotated instance method runs on. */
        INSTANCE
    }
}
