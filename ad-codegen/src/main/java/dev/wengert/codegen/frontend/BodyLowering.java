package dev.wengert.codegen.frontend;

import com.sun.source.tree.MethodTree;
import com.sun.source.util.Trees;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;

/**
 * Lowers a method body of the subset to IR: wires the statement, expression and call lowerings
 * around one shared {@link Environment}. Every construct outside the subset throws
 * {@link UnsupportedConstructException} at its node.
 */
final class BodyLowering {
    private final Environment env;
    private final StatementLowering statements;

    BodyLowering(Builder b, Trees trees, ClassMembers members) {
        env = new Environment(b, members);
        statements = new StatementLowering(env);
        ExpressionLowering expressions = new ExpressionLowering(env);
        statements.connect(expressions);
        expressions.connect(new CallLowering(env, trees, statements, expressions));
    }

    /** Opens the outermost scope of a method (called before binding its parameters). */
    void openMethodScope() {
        env.openMethodScope();
    }

    /** Binds a double or int parameter to a value (a field of the generated class). */
    void bindScalar(String name, Type type, Value value) {
        env.bindScalar(name, type, value);
    }

    /** Binds an array parameter. */
    void bindArray(String name, ArrayRef array) {
        env.bindArray(name, array);
    }

    /** Lowers the body of {@code method}, which must end in a return; returns the returned double. */
    Value lowerMethodBody(MethodTree method) {
        return statements.lowerMethodBody(method);
    }
}
