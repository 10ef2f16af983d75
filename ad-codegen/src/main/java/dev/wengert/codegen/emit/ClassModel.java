package dev.wengert.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.wengert.codegen.ir.ObjectivePrograms;
import java.util.List;

/**
 * Everything the emitter needs to write one generated class.
 *
 * @param packageName package of the annotated method's class (the generated class joins it)
 * @param className simple name of the generated class
 * @param isPublic whether the generated class is public (it is when the source class is)
 * @param source the source method as a reader would name it, e.g. {@code Thomson.energy(double[])}
 * @param sourceClass the annotated method's class, whose static tables and constants the programs read
 * @param processorVersion written in the header comment
 * @param x name of the variable array
 * @param fields the data parameters, in constructor order
 * @param programs the optimised programs
 * @param generatedAnnotation whether {@code javax.annotation.processing.Generated} is visible to
 *        the compiled code (it is not in a module that does not require java.compiler)
 */
public record ClassModel(String packageName, String className, boolean isPublic, String source,
                         ClassName sourceClass, String processorVersion, String x, List<Field> fields,
                         ObjectivePrograms programs, boolean generatedAnnotation) {

    /**
     * A final field holding a data parameter.
     *
     * @param name the parameter's name
     * @param type {@code double[]}, {@code double}, {@code int}, or the annotated class for an instance method's object
     */
    public record Field(String name, TypeName type) {
    }
}
