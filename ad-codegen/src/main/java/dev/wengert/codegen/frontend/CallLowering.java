package dev.wengert.codegen.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.Trees;
import dev.wengert.ad.rules.ElementaryFunction;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Lowers calls: {@code Math} functions of the subset (the int overloads of min, max and abs
 * exactly), and static methods of classes in the same compilation, whose bodies are lowered in
 * place with their parameters bound to the arguments.
 */
final class CallLowering {
    private final Environment env;
    private final Builder b;
    private final Trees trees;
    private final StatementLowering statements;
    private final ExpressionLowering expressions;

    CallLowering(Environment env, Trees trees, StatementLowering statements, ExpressionLowering expressions) {
        this.env = env;
        this.b = env.b;
        this.trees = trees;
        this.statements = statements;
        this.expressions = expressions;
    }

    Value mathCall(MethodInvocationTree m, String name) {
        List<Value> args = new ArrayList<>();
        for (ExpressionTree a : m.getArguments()) {
            Value v = expressions.lowerExpr(a);
            if (v.type() == Type.BOOLEAN) {
                throw new UnsupportedConstructException(a, "boolean argument to Math." + name);
            }
            args.add(v);
        }
        boolean allInt = args.stream().allMatch(v -> v.type() == Type.INT);
        if (allInt && (name.equals("max") || name.equals("min")) && args.size() == 2) {
            // Math.max(int, int) is the int overload: exact, no derivative needed
            Value first = args.get(0);
            Value second = args.get(1);
            return b.select(b.compare(name.equals("max") ? Op.GE : Op.LE, first, second), first, second);
        }
        if (allInt && name.equals("abs") && args.size() == 1) {
            Value a = args.get(0);
            return b.select(b.compare(Op.LT, a, b.constant(0)), b.neg(a), a);
        }
        ElementaryFunction fn = ElementaryFunction.byJavaName(name);
        if (fn == null || fn.arity() != args.size()) {
            throw new UnsupportedConstructException(m, "Math." + name + " with " + args.size()
                    + " argument(s) is not supported; supported: " + supportedMath());
        }
        Value[] converted = new Value[args.size()];
        for (int k = 0; k < converted.length; k++) {
            converted[k] = b.toDouble(args.get(k));
        }
        return b.call(fn, converted);
    }

    private static String supportedMath() {
        StringBuilder s = new StringBuilder();
        for (ElementaryFunction f : ElementaryFunction.values()) {
            if (f.javaName() != null) {
                s.append(s.length() == 0 ? "" : ", ").append(f.javaName());
            }
        }
        return s.toString();
    }

    /**
     * A call of a static method of {@code owner} (the class being lowered, or another class of the
     * same compilation): its body is lowered in place with the arguments bound, its names resolved
     * in its own class.
     */
    Value inline(MethodInvocationTree m, ClassMembers owner, String name) {
        List<ExecutableElement> candidates = owner.methods(name, m.getArguments().size());
        if (candidates.isEmpty()) {
            throw new UnsupportedConstructException(m, "unknown method '" + name + "' with " + m.getArguments().size()
                    + " argument(s); only Math functions and static methods of classes in the same compilation can "
                    + "be called");
        }
        if (candidates.size() > 1) {
            // overloads of another arity are fine (the call's arity picks one, as in Java); the same
            // arity would need Java's resolution by types, which the front end does not do
            throw new UnsupportedConstructException(m, "method '" + name + "' is overloaded with " + m.getArguments().size()
                    + " parameter(s); give the helper a name of its own (overloads that differ in their number of "
                    + "parameters are fine)");
        }
        ExecutableElement callee = candidates.get(0);
        if (!callee.getModifiers().contains(Modifier.STATIC) && !owner.hasInstance()) {
            throw new UnsupportedConstructException(m, "method '" + name + "' is not static; only static helpers, and "
                    + "in an instance method the instance's own methods, can be inlined");
        }
        if (env.inlining.contains(callee)) {
            throw new UnsupportedConstructException(m, "recursive call of '" + name
                    + "': recursion cannot be inlined; write it as a loop");
        }
        MethodTree tree = trees.getTree(callee);
        if (tree == null || tree.getBody() == null) {
            throw new UnsupportedConstructException(m, "the body of '" + name + "' is not available to inline: "
                    + "helpers must be compiled in the same javac run (the same module's sources), not taken from a jar");
        }
        TypeKind ret = callee.getReturnType().getKind();
        if (ret != TypeKind.DOUBLE && ret != TypeKind.INT) {
            throw new UnsupportedConstructException(m, "helper '" + name + "' returns " + callee.getReturnType()
                    + "; helpers must return double or int");
        }
        List<Object> bound = new ArrayList<>();
        for (int k = 0; k < m.getArguments().size(); k++) {
            VariableElement p = callee.getParameters().get(k);
            ExpressionTree arg = m.getArguments().get(k);
            TypeKind pk = p.asType().getKind();
            if (ClassMembers.isDoubleArray(p.asType())) {
                bound.add(expressions.array(arg));
            } else if (ClassMembers.isDoubleMatrix(p.asType()) && expressions.matrix(arg) != null) {
                bound.add(expressions.matrix(arg));
            } else if (pk == TypeKind.DOUBLE || pk == TypeKind.INT) {
                bound.add(env.convert(expressions.lowerExpr(arg), pk == TypeKind.INT ? Type.INT : Type.DOUBLE, arg));
            } else {
                throw new UnsupportedConstructException(arg, "helper parameter '" + p.getSimpleName() + "' has type "
                        + p.asType() + "; helper parameters must be double, int, double[] or double[][]");
            }
        }
        env.inlining.push(callee);
        env.returnTypes.push(ret == TypeKind.INT ? Type.INT : Type.DOUBLE);
        env.scopes.push(new Environment.Scope(new HashMap<>(), new HashMap<>(), true));
        env.classes.push(owner);
        try {
            for (int k = 0; k < bound.size(); k++) {
                String pname = callee.getParameters().get(k).getSimpleName().toString();
                if (bound.get(k) instanceof ArrayRef a) {
                    env.bindArray(pname, a);
                } else {
                    Value v = (Value) bound.get(k);
                    env.bindScalar(pname, v.type(), v);
                }
            }
            return statements.lowerReturning(new ArrayList<>(tree.getBody().getStatements()), tree);
        } finally {
            env.classes.pop();
            env.scopes.pop();
            env.returnTypes.pop();
            env.inlining.pop();
        }
    }
}
