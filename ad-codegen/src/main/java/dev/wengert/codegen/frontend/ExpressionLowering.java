package dev.wengert.codegen.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Lowers expressions, typing them from the declarations as it goes (javac has not attributed the
 * trees when processors run): literals, names, array reads, arithmetic with int-to-double
 * widening, comparisons, short-circuit logic, {@code ?:} and casts. Calls go to {@link CallLowering}.
 */
final class ExpressionLowering {
    private final Environment env;
    private final Builder b;
    private CallLowering calls;

    ExpressionLowering(Environment env) {
        this.env = env;
        this.b = env.b;
    }

    void connect(CallLowering calls) {
        this.calls = calls;
    }

    Value lowerCondition(ExpressionTree e) {
        Value c = lowerExpr(e);
        if (c.type() != Type.BOOLEAN) {
            throw new UnsupportedConstructException(e, "a condition must be a comparison");
        }
        return c;
    }

    Value lowerExpr(ExpressionTree e) {
        if (e instanceof ParenthesizedTree p) {
            return lowerExpr(p.getExpression());
        } else if (e instanceof LiteralTree l) {
            return literal(l);
        } else if (e instanceof IdentifierTree id) {
            return identifier(id);
        } else if (e instanceof MemberSelectTree m) {
            return memberSelect(m);
        } else if (e instanceof ArrayAccessTree a) {
            return arrayRead(a);
        } else if (e instanceof BinaryTree bin) {
            return binary(bin);
        } else if (e instanceof UnaryTree u) {
            return unary(u);
        } else if (e instanceof ConditionalExpressionTree c) {
            return conditional(c);
        } else if (e instanceof TypeCastTree c) {
            return cast(c);
        } else if (e instanceof MethodInvocationTree m) {
            return invocation(m);
        } else if (e instanceof AssignmentTree || e instanceof CompoundAssignmentTree) {
            throw new UnsupportedConstructException(e,
                    "assignment inside an expression is not supported; assign in its own statement");
        }
        throw new UnsupportedConstructException(e, "expression '" + e + "' (" + Environment.describe(e)
                + ") is not supported by @Differentiate; use double/int arithmetic, Math functions, "
                + "array reads and calls to static methods");
    }

    private Value literal(LiteralTree l) {
        Object v = l.getValue();
        if (v instanceof Integer i) {
            return b.constant(i);
        } else if (v instanceof Double d) {
            return b.constant(d);
        } else if (v instanceof Boolean z) {
            return b.bool(z);
        }
        throw new UnsupportedConstructException(l, "literal " + l + " of type "
                + (v == null ? "null" : v.getClass().getSimpleName()) + " is not supported; use double or int literals");
    }

    private Value identifier(IdentifierTree id) {
        String name = id.getName().toString();
        Variable var = env.lookupScalar(name);
        if (var != null) {
            for (Set<Variable> r : env.reducing) {
                if (r.contains(var)) {
                    throw new UnsupportedConstructException(id, "'" + name + "' is read inside the loop that accumulates it; "
                            + Environment.loopCarried(name));
                }
            }
            return env.current(var, id);
        }
        if (env.lookupArray(name) != null) {
            throw new UnsupportedConstructException(id, "array '" + name
                    + "' used as a value; read its elements (" + name + "[i]) or its length (" + name + ".length)");
        }
        if (env.members().hasField(name)) {
            if (env.members().isTable(name)) {
                throw new UnsupportedConstructException(id, "table '" + name + "' used as a value; read its elements");
            }
            return env.members().scalarField(name, b, id);
        }
        throw new UnsupportedConstructException(id, "unknown name '" + name + "'");
    }

    private Value memberSelect(MemberSelectTree m) {
        String member = m.getIdentifier().toString();
        ExpressionTree target = m.getExpression();
        if (member.equals("length") && target instanceof IdentifierTree id && env.lookupRow(id.getName().toString()) != null) {
            Environment.Row row = env.lookupRow(id.getName().toString());
            return b.rowLength(row.matrix(), row.index());
        }
        if (member.equals("length") && target instanceof ArrayAccessTree a) {
            Environment.Row row = row(a);
            return b.rowLength(row.matrix(), row.index());
        }
        if (member.equals("length") && matrix(target) != null) {
            return b.length(matrix(target));
        }
        if (member.equals("length") && target instanceof IdentifierTree id) {
            return b.length(array(id));
        }
        if (Environment.isName(target, "Math") && (member.equals("PI") || member.equals("E"))) {
            return b.constant(member.equals("PI") ? Math.PI : Math.E);
        }
        if (Environment.isName(target, "this")) {
            return env.members().scalarField(member, b, m);
        }
        ClassMembers owner = classNamedBy(target);
        if (owner != null) {
            return owner.scalarField(member, b, m);
        }
        throw new UnsupportedConstructException(m, "field access '" + m + "' is not supported; only x.length, "
                + "Math.PI, Math.E and static final constants of classes in the same compilation can be read");
    }

    /**
     * The members of the class {@code qualifier} names ({@code Energy} in {@code Energy.K}): the
     * class being lowered, or another class of the same compilation; null if it names no class.
     */
    ClassMembers classNamedBy(ExpressionTree qualifier) {
        ClassMembers current = env.members();
        if (Environment.isName(qualifier, current.simpleName())) {
            return current;
        }
        if (!(qualifier instanceof IdentifierTree || qualifier instanceof MemberSelectTree)) {
            return null;
        }
        TypeElement type = current.classNamedBy(qualifier);
        return type == null ? null : current.of(type);
    }

    /**
     * The row {@code a[i]} of a {@code double[][]} data parameter, or the row a name is bound to; an error
     * for anything else.
     */
    Environment.Row row(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        if (e instanceof IdentifierTree id && env.lookupRow(id.getName().toString()) != null) {
            return env.lookupRow(id.getName().toString());
        }
        if (e instanceof ArrayAccessTree a && matrix(a.getExpression()) != null) {
            Value index = lowerExpr(a.getIndex());
            if (index.type() != Type.INT) {
                throw new UnsupportedConstructException(a.getIndex(), "array index must be an int expression");
            }
            return new Environment.Row(matrix(a.getExpression()), index);
        }
        throw new UnsupportedConstructException(e, "'" + e + "' is not a row of a double[][] parameter; "
                + "write a[i] for a double[][] parameter a");
    }

    /** The double[][] data parameter e names, or null. */
    ArrayRef matrix(ExpressionTree e) {
        if (e instanceof IdentifierTree id) {
            ArrayRef a = env.lookupArray(id.getName().toString());
            return a != null && a.kind() == ArrayRef.Kind.MATRIX ? a : null;
        }
        return null;
    }

    /** True if e is a row of a matrix: {@code a[i]} or a name bound to one. */
    boolean isRow(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        return e instanceof IdentifierTree id && env.lookupRow(id.getName().toString()) != null
                || e instanceof ArrayAccessTree a && matrix(a.getExpression()) != null;
    }

    ArrayRef array(ExpressionTree e) {
        if (matrix(e) != null) {
            throw new UnsupportedConstructException(e, "'" + e + "' is a double[][]: read its elements as "
                    + e + "[i][j], its rows' lengths as " + e + "[i].length");
        }
        if (isRow(e)) {
            throw new UnsupportedConstructException(e, "a row of a double[][] can be read (" + e + "[j]), measured ("
                    + e + ".length) and iterated over, not passed on; pass the matrix and the row index instead");
        }
        if (e instanceof IdentifierTree id) {
            String name = id.getName().toString();
            ArrayRef a = env.lookupArray(name);
            if (a != null) {
                return a;
            }
            if (env.lookupScalar(name) == null && env.members().isTable(name)) {
                return env.members().table(name, id);
            }
        }
        if (e instanceof MemberSelectTree m) {
            ClassMembers owner = Environment.isName(m.getExpression(), "this") ? env.members() : classNamedBy(m.getExpression());
            if (owner != null && owner.isTable(m.getIdentifier().toString())) {
                return owner.table(m.getIdentifier().toString(), m);
            }
        }
        throw new UnsupportedConstructException(e, "'" + e + "' is not an array parameter or a static final double[] "
                + "table; only those can be indexed");
    }

    private Value arrayRead(ArrayAccessTree a) {
        if (isRow(a.getExpression())) {
            Environment.Row row = row(a.getExpression());
            Value column = lowerExpr(a.getIndex());
            if (column.type() != Type.INT) {
                throw new UnsupportedConstructException(a.getIndex(), "array index must be an int expression");
            }
            return b.read(row.matrix(), row.index(), column);
        }
        if (matrix(a.getExpression()) != null) {
            throw new UnsupportedConstructException(a, "'" + a + "' is a row of a double[][]; read an element: "
                    + a + "[j]");
        }
        ArrayRef array = array(a.getExpression());
        Value index = lowerExpr(a.getIndex());
        if (index.type() != Type.INT) {
            throw new UnsupportedConstructException(a.getIndex(), "array index must be an int expression");
        }
        return env.read(array, index, a);
    }

    private Value binary(BinaryTree bin) {
        Tree.Kind k = bin.getKind();
        if (k == Tree.Kind.CONDITIONAL_AND || k == Tree.Kind.CONDITIONAL_OR) {
            return shortCircuit(bin, k == Tree.Kind.CONDITIONAL_AND);
        }
        Value l = lowerExpr(bin.getLeftOperand());
        Value r = lowerExpr(bin.getRightOperand());
        Op op = switch (k) {
            case PLUS -> Op.ADD;
            case MINUS -> Op.SUB;
            case MULTIPLY -> Op.MUL;
            case DIVIDE -> Op.DIV;
            case REMAINDER -> Op.REM;
            case LESS_THAN -> Op.LT;
            case LESS_THAN_EQUAL -> Op.LE;
            case GREATER_THAN -> Op.GT;
            case GREATER_THAN_EQUAL -> Op.GE;
            case EQUAL_TO -> Op.EQ;
            case NOT_EQUAL_TO -> Op.NE;
            default -> throw new UnsupportedConstructException(bin, "operator " + k
                    + " is not supported; use + - * / (and % on ints), comparisons, && and ||");
        };
        if (l.type() == Type.BOOLEAN || r.type() == Type.BOOLEAN) {
            throw new UnsupportedConstructException(bin, "operator " + k + " on boolean operands is not supported");
        }
        Type t = l.type() == Type.DOUBLE || r.type() == Type.DOUBLE ? Type.DOUBLE : Type.INT;
        l = env.convert(l, t, bin.getLeftOperand());
        r = env.convert(r, t, bin.getRightOperand());
        if (op == Op.REM && t == Type.DOUBLE) {
            throw new UnsupportedConstructException(bin, "% on double values is not supported; use it on int indices only");
        }
        return op.isComparison() ? b.compare(op, l, r) : b.arith(op, l, r);
    }

    /** {@code a && b}: b is evaluated only when needed, unless evaluating it cannot fail. */
    private Value shortCircuit(BinaryTree bin, boolean isAnd) {
        Value l = lowerCondition(bin.getLeftOperand());
        If node = b.beginIf(l);
        Value r;
        State before = env.state.copy();
        if (isAnd) {
            r = lowerCondition(bin.getRightOperand());
            b.beginElse(node);
            b.endIf(node);
            env.state = before;
            if (node.then().nodes().stream().allMatch(ExpressionLowering::cannotFail)) {
                hoist(node);
                return b.and(l, r);
            }
            return b.phi(node, r, b.bool(false));
        }
        b.beginElse(node);
        r = lowerCondition(bin.getRightOperand());
        b.endIf(node);
        env.state = before;
        if (node.otherwise().nodes().stream().allMatch(ExpressionLowering::cannotFail)) {
            hoist(node);
            return b.or(l, r);
        }
        return b.phi(node, b.bool(true), r);
    }

    /** Moves the nodes of a short-circuit's branch out of the if, and drops the if. */
    private void hoist(If node) {
        List<Node> moved = new ArrayList<>(node.then().nodes());
        moved.addAll(node.otherwise().nodes());
        List<Node> enclosing = b.currentBlock().nodes();
        enclosing.remove(enclosing.size() - 1);   // the if itself, just closed
        enclosing.addAll(moved);
    }

    private static boolean cannotFail(Node n) {
        return n instanceof Value v && v.op() != Op.READ && !(v.type() == Type.INT && (v.op() == Op.DIV || v.op() == Op.REM));
    }

    private Value unary(UnaryTree u) {
        return switch (u.getKind()) {
            case UNARY_MINUS -> {
                Value v = lowerExpr(u.getExpression());
                if (v.type() == Type.BOOLEAN) {
                    throw new UnsupportedConstructException(u, "unary minus on a boolean");
                }
                yield b.neg(v);
            }
            case UNARY_PLUS -> lowerExpr(u.getExpression());
            case LOGICAL_COMPLEMENT -> b.not(lowerCondition(u.getExpression()));
            default -> throw new UnsupportedConstructException(u, "operator " + u.getKind()
                    + " inside an expression is not supported; write ++/-- and assignments as separate statements");
        };
    }

    private Value conditional(ConditionalExpressionTree c) {
        Value cond = lowerCondition(c.getCondition());
        Value result = conditional(c, cond, null);
        if (result != null) {
            return result;
        }
        // one side is int, the other double: lower again, widening inside the int side's branch
        return conditional(c, cond, Type.DOUBLE);
    }

    /** Lowers {@code c ? t : f} into an if; returns null (and removes the if) if the sides' types differ. */
    private Value conditional(ConditionalExpressionTree c, Value cond, Type type) {
        State before = env.state.copy();
        If node = b.beginIf(cond);
        Value t = lowerExpr(c.getTrueExpression());
        if (type != null) {
            t = env.convert(t, type, c.getTrueExpression());
        }
        b.beginElse(node);
        Value f = lowerExpr(c.getFalseExpression());
        if (type != null) {
            f = env.convert(f, type, c.getFalseExpression());
        }
        b.endIf(node);
        env.state = before;
        if (t.type() != f.type()) {
            if (t.type() == Type.BOOLEAN || f.type() == Type.BOOLEAN) {
                throw new UnsupportedConstructException(c, "?: mixing a boolean and a number");
            }
            List<Node> enclosing = b.currentBlock().nodes();
            enclosing.remove(enclosing.size() - 1);
            return null;
        }
        return b.phi(node, t, f);
    }

    private Value cast(TypeCastTree c) {
        Type target = Environment.primitiveTypeOrNull(c.getType());
        Value v = lowerExpr(c.getExpression());
        if (target == Type.DOUBLE && v.type() != Type.BOOLEAN) {
            return b.toDouble(v);
        }
        if (target == Type.INT && v.type() == Type.INT) {
            return v;
        }
        throw new UnsupportedConstructException(c, "cast to " + c.getType() + " is not supported: a double-to-int "
                + "conversion has no derivative; only (double) casts of ints are allowed");
    }

    private Value invocation(MethodInvocationTree m) {
        ExpressionTree select = m.getMethodSelect();
        if (select instanceof MemberSelectTree ms && Environment.isName(ms.getExpression(), "Math")) {
            return calls.mathCall(m, ms.getIdentifier().toString());
        }
        if (select instanceof IdentifierTree id) {
            return calls.inline(m, env.members(), id.getName().toString());
        }
        ClassMembers owner = !(select instanceof MemberSelectTree ms) ? null
                : Environment.isName(ms.getExpression(), "this") ? env.members() : classNamedBy(ms.getExpression());
        if (owner == null) {
            throw new UnsupportedConstructException(m, "call of '" + select + "' is not supported; only Math functions "
                    + "and static methods of classes in the same compilation (which are inlined) can be called");
        }
        return calls.inline(m, owner, ((MemberSelectTree) select).getIdentifier().toString());
    }
}
