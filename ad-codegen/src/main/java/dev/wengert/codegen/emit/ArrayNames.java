package dev.wengert.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.FieldRef;

/**
 * How the arrays and fields the IR refers to by role are written in a generated class: x keeps
 * its source name, v, g, hv and h are named so that they differ from it, data parameters are
 * fields of the generated class and tables and constants are static fields of the source class.
 */
final class ArrayNames {
    private final String x;
    private final ClassName sourceClass;

    ArrayNames(String x, ClassName sourceClass) {
        this.x = x;
        this.sourceClass = sourceClass;
    }

    /** The Java parameter name of an array of the generated methods. */
    String parameter(ArrayRef.Kind kind) {
        return switch (kind) {
            case VARIABLE -> x;
            case DIRECTION -> avoidX("v");
            case GRADIENT -> avoidX("g");
            case HESSIAN_VECTOR -> avoidX("hv");
            case HESSIAN -> avoidX("h");
            case DATA, TABLE -> throw new IllegalArgumentException(kind + " is not a parameter");
        };
    }

    /** The array as an expression. */
    CodeBlock of(ArrayRef array) {
        return switch (array.kind()) {
            case DATA -> CodeBlock.of("this.$N", array.sourceName());
            case TABLE -> CodeBlock.of("$T.$N", sourceClass, array.sourceName());
            default -> CodeBlock.of("$N", parameter(array.kind()));
        };
    }

    /** The scalar field as an expression. */
    CodeBlock of(FieldRef field) {
        return field.kind() == FieldRef.Kind.DATA
                ? CodeBlock.of("this.$N", field.sourceName())
                : CodeBlock.of("$T.$N", sourceClass, field.sourceName());
    }

    private String avoidX(String name) {
        return name.equals(x) ? name + "Out" : name;
    }
}
