package dev.wengert.codegen.frontend;

/**
 * A parameter of the annotated method other than the variable: it becomes a final field of the
 * generated class, set by its constructor.
 *
 * @param name the parameter's name
 * @param kind its type
 */
public record DataParameter(String name, Kind kind) {

    /** The types a data parameter may have; {@code INSTANCE} is the annotated instance method's object. */
    public enum Kind {
        DOUBLE_ARRAY, DOUBLE_MATRIX, DOUBLE, INT, INSTANCE
    }
}
