package dev.wengert.codegen.frontend;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Program;
import java.util.List;

/**
 * A {@code @Differentiate} method in IR, with what the generated class needs to know about its
 * parameters.
 *
 * @param primal the method body as an IR program returning f(x)
 * @param variable the variable array x (its name is the source parameter's)
 * @param data the other parameters, in declaration order
 * @param ownerName the enclosing class as written in its package ({@code Outer.Inner})
 */
public record LoweredMethod(Program primal, ArrayRef variable, List<DataParameter> data, String ownerName) {
}
