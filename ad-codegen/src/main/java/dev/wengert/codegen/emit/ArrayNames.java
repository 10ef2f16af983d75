package dev.wengert.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.FieldRef;
import dev.wengert.codegen.ir.SourceClass;

/**
 * How the arrays and fields the IR refers to by role are written in a generated class: x keeps
 * its source name, v, g, hv and h are named so that they differ from it, data parameters are
 * fields of the generated class, tables and constants are static fields of the source class (or of
 * a helper's class), an instance method's fields are read through the object the class holds, and work
 * arrays are fields of the thread's {@code Workspace}, handed to the methods as {@code work}.
 */
final class ArrayNames {
    /** The helper method of a generated class that lists the entries of its Hessian's pattern. */
    static final String ADD_SITE = "addSite";
    /** The helper that hands out a thread's work array of a length, cleared ({@code new double[n]} without allocating). */
    static final String CLEARED = "cleared";
    /** The helper that hands out a thread's work array of a length as the last call left it (new only at first). */
    static final String SIZED = "sized";
    /** The per-thread holder of the work arrays, as a parameter of the methods that use them. */
    static final String WORKSPACE = "work";
    /** The nested class of that holder. */
    static final String WORKSPACE_TYPE = "Workspace";

    private final String x;
    private final ClassName sourceClass;
    /** The field of the generated class that holds the object an instance method runs on; null for static ones. */
    private final String instance;
    /** In the method that lists the Hessian's pattern: the int parameter that stands for x's length; else null. */
    private final String dimension;

    ArrayNames(String x, ClassName sourceClass, String instance) {
        this(x, sourceClass, instance, null);
    }

    private ArrayNames(String x, ClassName sourceClass, String instance, String dimension) {
        this.x = x;
        this.sourceClass = sourceClass;
        this.instance = instance;
        this.dimension = dimension;
    }

    /** The names in a method that has no x but its length, the int parameter {@code n}. */
    ArrayNames withDimension(String n) {
        return new ArrayNames(x, sourceClass, instance, n);
    }

    /** The class that declares a static field: the source class unless another is named. */
    private ClassName owner(SourceClass other) {
        if (other == null) {
            return sourceClass;
        }
        String[] names = other.nestedName().split("\\.");
        return ClassName.get(other.packageName(), names[0], java.util.Arrays.copyOfRange(names, 1, names.length));
    }

    /** The local holding the sparsity pattern in {@code sparseHessian}. */
    String pattern() {
        return avoidX("pattern");
    }

    /** The local holding the position in the values of each slot, in {@code sparseHessian}. */
    String slots() {
        return avoidX("slots");
    }

    /** The int local counting the slots, in {@code sparseHessian}. */
    String slot() {
        return avoidX("slot");
    }

    /** The holder of the listed entries (their rows in {@code [0]}, their columns in {@code [1]}), in the method that lists them. */
    String sites() {
        return avoidX("sites");
    }

    /** The holder of the number of listed entries, in the method that lists them. */
    String count() {
        return avoidX("count");
    }

    /** The length of an array. */
    CodeBlock length(ArrayRef array) {
        if (dimension != null && array.kind() == ArrayRef.Kind.VARIABLE) {
            return CodeBlock.of("$N", dimension);
        }
        return CodeBlock.of("$L.length", of(array));
    }

    /** The statement that lists entry (row, column) of the Hessian's pattern. */
    CodeBlock addToEntry(ArrayRef matrix, CodeBlock row, CodeBlock column) {
        if (matrix.kind() != ArrayRef.Kind.HESSIAN_PATTERN) {
            throw new IllegalArgumentException(matrix.kind() + " is not listed by entry");
        }
        return CodeBlock.of("$N($N, $N, $L, $L)", ADD_SITE, sites(), count(), row, column);
    }

    /** The statement that adds ({@code +=}) or subtracts ({@code -=}) {@code value} at the next slot of a matrix. */
    CodeBlock addToSlot(ArrayRef matrix, String operator, CodeBlock value) {
        if (matrix.kind() != ArrayRef.Kind.SPARSE_HESSIAN) {
            throw new IllegalArgumentException(matrix.kind() + " has no slots");
        }
        return CodeBlock.of("$N[$N[$N++]] $L $L", parameter(matrix.kind()), slots(), slot(), operator, value);
    }

    /** The Java parameter name of an array of the generated methods. */
    String parameter(ArrayRef.Kind kind) {
        return switch (kind) {
            case VARIABLE -> x;
            case DIRECTION -> avoidX("v");
            case GRADIENT -> avoidX("g");
            case HESSIAN_VECTOR -> avoidX("hv");
            case HESSIAN -> avoidX("h");
            case SPARSE_HESSIAN -> avoidX("values");
            case DATA, MATRIX, TABLE, INSTANCE, HESSIAN_PATTERN, WORK -> throw new IllegalArgumentException(kind + " is not a parameter");
        };
    }

    /** The array as an expression. */
    CodeBlock of(ArrayRef array) {
        return switch (array.kind()) {
            case DATA, MATRIX -> CodeBlock.of("this.$N", array.sourceName());
            case TABLE -> CodeBlock.of("$T.$N", owner(array.owner()), array.sourceName());
            case INSTANCE -> CodeBlock.of("this.$N.$N", instance, array.sourceName());
            case WORK -> CodeBlock.of("$N.$N", WORKSPACE, array.sourceName());
            case VARIABLE -> {
                if (dimension != null) {
                    throw new IllegalStateException("the pattern of the Hessian cannot depend on x");
                }
                yield CodeBlock.of("$N", x);
            }
            default -> CodeBlock.of("$N", parameter(array.kind()));
        };
    }

    /** The scalar field as an expression. */
    CodeBlock of(FieldRef field) {
        return switch (field.kind()) {
            case DATA -> CodeBlock.of("this.$N", field.sourceName());
            case CONSTANT -> CodeBlock.of("$T.$N", owner(field.owner()), field.sourceName());
            case INSTANCE -> CodeBlock.of("this.$N.$N", instance, field.sourceName());
        };
    }

    private String avoidX(String name) {
        return name.equals(x) ? name + "Out" : name;
    }
}
