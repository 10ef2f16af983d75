package dev.wengert.codegen.emit;

import dev.wengert.codegen.derivative.DerivativePrograms;
import java.util.List;

/**
 * Everything the emitter needs to write one generated class.
 *
 * @param packageName package of the annotated method's class (the generated class joins it)
 * @param className simple name of the generated class
 * @param isPublic whether the generated class is public (it is when the source class is)
 * @param source the source method as a reader would name it, e.g. {@code Thomson.energy(double[])}
 * @param processorVersion written in the header comment
 * @param x name of the variable array
 * @param names names of the other arrays of the generated methods
 * @param fields the data parameters, in constructor order
 * @param programs the optimised programs
 * @param generatedAnnotation whether {@code javax.annotation.processing.Generated} is visible to
 *        the compiled code (it is not in a module that does not require java.compiler)
 */
public record ClassModel(String packageName, String className, boolean isPublic, String source,
                         String processorVersion, String x, ArrayNames names, List<Field> fields,
                         DerivativePrograms programs, boolean generatedAnnotation) {

    /** Parameter names of v, g, hv and h in the generated methods. */
    public record ArrayNames(String v, String g, String hv, String h) {
    }

    /**
     * A final field holding a data parameter.
     *
     * @param name the parameter's name
     * @param type {@code double[]}, {@code double}, {@code int}, or the annotated class for an instance method's object
     */
    public record Field(String name, String type) {
    }
}
