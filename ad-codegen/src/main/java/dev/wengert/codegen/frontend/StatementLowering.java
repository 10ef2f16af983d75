package dev.wengert.codegen.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.TypeKind;

/**
 * Lowers statements: locals, assignments and reductions, if/else (with phis for the variables the
 * branches assign), counted for loops (whose carried variables must be {@code +=}/{@code -=}
 * reductions) and returns, including returns inside branches.
 */
final class StatementLowering {
    private final Environment env;
    private final Builder b;
    private ExpressionLowering expressions;
    private final Deque<ReturnSlot> returnSlots = new ArrayDeque<>();

    StatementLowering(Environment env) {
        this.env = env;
        this.b = env.b;
    }

    void connect(ExpressionLowering expressions) {
        this.expressions = expressions;
    }

    /** Lowers the body of {@code method}, which must end in a return; returns the returned double. */
    Value lowerMethodBody(MethodTree method) {
        env.returnTypes.push(Type.DOUBLE);
        try {
            return lowerReturning(new ArrayList<>(method.getBody().getStatements()), method);
        } finally {
            env.returnTypes.pop();
        }
    }

    /**
     * Lowers a method body or an inlined helper's body and returns the returned value. A return
     * inside a branch is lowered as an assignment to a return slot, a result and a "has returned"
     * flag that ifs merge like any variable; the statements after an if that may have returned
     * run under a guard on the flag. Each statement is lowered once, so the IR grows linearly with
     * the source (copying the rest of the method into both branches of every such if doubled it).
     */
    Value lowerReturning(List<? extends StatementTree> stmts, Tree owner) {
        Type type = env.returnTypes.peek();
        // names no Java identifier can take, in the method's own scope so that every if merges them
        ReturnSlot slot = new ReturnSlot(new Variable("<returned>", Type.BOOLEAN, env.loopDepth, false),
                new Variable("<result>", type, env.loopDepth, false));
        env.scope().scalars().put(slot.returned().name, slot.returned());
        env.scope().scalars().put(slot.result().name, slot.result());
        env.state.values.put(slot.returned(), b.bool(false));
        // the value on paths that have not returned: never read, since every path must return
        env.state.values.put(slot.result(), zero(type));
        returnSlots.push(slot);
        try {
            lowerSequence(stmts);
            if (!isTrue(env.state.values.get(slot.returned()))) {
                throw new UnsupportedConstructException(owner, "the method must end with a return statement");
            }
            return env.state.values.get(slot.result());
        } finally {
            returnSlots.pop();
        }
    }

    /** The return slot of the method being lowered: whether it has returned, and what. */
    private record ReturnSlot(Variable returned, Variable result) {
    }

    private void lowerSequence(List<? extends StatementTree> stmts) {
        ReturnSlot slot = returnSlots.peek();
        int k = 0;
        while (k < stmts.size()) {
            Value returned = env.state.values.get(slot.returned());
            if (isTrue(returned)) {
                return;   // what follows is unreachable, which javac reports
            }
            if (!isFalse(returned)) {
                // may have returned: guard the statements up to the next one that can return, at
                // this level (not nested into each other, so each is recomputed a bounded number of
                // times by the adjoint of an if)
                int end = k;
                while (end < stmts.size() - 1 && !containsReturn(stmts.get(end))) {
                    end++;
                }
                lowerGuarded(returned, stmts.subList(k, end + 1));
                k = end + 1;
                continue;
            }
            StatementTree s = stmts.get(k);
            if (s instanceof ReturnTree r) {
                if (r.getExpression() == null) {
                    throw new UnsupportedConstructException(r, "return without a value: the method must return a double");
                }
                Value value = env.convert(expressions.lowerExpr(r.getExpression()), env.returnTypes.peek(),
                        r.getExpression());
                env.state.values.put(slot.result(), value);
                env.state.values.put(slot.returned(), b.bool(true));
            } else if (s instanceof IfTree i && containsReturn(i)) {
                if (lowerReturningIf(i, stmts.subList(k + 1, stmts.size()))) {
                    return;
                }
            } else if (s instanceof BlockTree blk && containsReturn(blk)) {
                env.pushScope();
                try {
                    lowerSequence(blk.getStatements());
                } finally {
                    env.popScope();
                }
            } else {
                lowerStatement(s);
            }
            k++;
        }
    }

    /**
     * {@code if (c) A else B} where A or B contains a return. When exactly one branch always
     * returns and the statements after the if return only at their end, those statements become
     * the rest of the other branch (the code a person would write); returns true then.
     */
    private boolean lowerReturningIf(IfTree i, List<? extends StatementTree> rest) {
        boolean thenReturns = alwaysReturns(i.getThenStatement());
        boolean elseReturns = alwaysReturns(i.getElseStatement());
        boolean consume = thenReturns != elseReturns && returnsOnlyAtEnd(rest);
        Value cond = expressions.lowerCondition(i.getCondition());
        State before = env.state.copy();
        If node = b.beginIf(cond);
        lowerReturningBranch(i.getThenStatement(), consume && elseReturns ? rest : List.of());
        State afterThen = env.state;
        env.state = before.copy();
        b.beginElse(node);
        lowerReturningBranch(i.getElseStatement(), consume && thenReturns ? rest : List.of());
        State afterElse = env.state;
        b.endIf(node);
        env.state = before;
        mergeReturning(node, before, afterThen, afterElse);
        return consume;
    }

    private void lowerReturningBranch(StatementTree branch, List<? extends StatementTree> rest) {
        List<StatementTree> joined = new ArrayList<>();
        if (branch instanceof BlockTree blk) {
            joined.addAll(blk.getStatements());
        } else if (branch != null) {
            joined.add(branch);
        }
        joined.addAll(rest);
        env.pushScope();
        try {
            lowerSequence(joined);
        } finally {
            env.popScope();
        }
    }

    /** {@code if (returned) {} else {stmts}}: the statements continue the enclosing block (no new scope). */
    private void lowerGuarded(Value returned, List<? extends StatementTree> stmts) {
        ReturnSlot slot = returnSlots.peek();
        State before = env.state.copy();
        If node = b.beginIf(returned);
        env.state.values.put(slot.returned(), b.bool(true));
        State afterThen = env.state;
        env.state = before.copy();
        b.beginElse(node);
        env.state.values.put(slot.returned(), b.bool(false));
        lowerSequence(stmts);
        State afterElse = env.state;
        b.endIf(node);
        env.state = before;
        mergeReturning(node, before, afterThen, afterElse);
    }

    /**
     * Merges the two outcomes of an if that may return. A branch that has returned on every path
     * goes no further, so the variables after the if are the other branch's: one the returned
     * branch lacks (a local the other declared) may take any value there.
     */
    private void mergeReturning(If node, State target, State afterThen, State afterElse) {
        ReturnSlot slot = returnSlots.peek();
        boolean thenDone = isTrue(afterThen.values.get(slot.returned()));
        boolean elseDone = isTrue(afterElse.values.get(slot.returned()));
        if (thenDone == elseDone) {
            merge(node, target.values, afterThen.values, afterElse.values);
            merge(node, target.deltas, afterThen.deltas, afterElse.deltas);
            return;
        }
        State going = thenDone ? afterElse : afterThen;
        State gone = thenDone ? afterThen : afterElse;
        mergeOnePath(node, target.values, going.values, gone.values, thenDone, slot);
        mergeOnePath(node, target.deltas, going.deltas, gone.deltas, thenDone, slot);
    }

    private void mergeOnePath(If node, Map<Variable, Value> target, Map<Variable, Value> going,
                              Map<Variable, Value> gone, boolean thenDone, ReturnSlot slot) {
        for (Map.Entry<Variable, Value> e : going.entrySet()) {
            Variable var = e.getKey();
            if (!env.isVisible(var)) {
                continue;
            }
            Value live = e.getValue();
            boolean slotVar = var == slot.returned() || var == slot.result();
            if (!slotVar && live == target.get(var)) {
                continue;   // defined before the if: valid after it as it is
            }
            Value dead = gone.get(var);
            if (dead == null) {
                dead = zero(var.type);
            }
            target.put(var, thenDone ? b.phi(node, dead, live) : b.phi(node, live, dead));
            target.get(var).suggestName(hint(var));
        }
    }

    /** The name a merged value of {@code var} suggests: the return slot's become "result" and "returned". */
    private static String hint(Variable var) {
        return var.name.startsWith("<") ? var.name.substring(1, var.name.length() - 1) : var.name;
    }

    private Value zero(Type type) {
        return type == Type.BOOLEAN ? b.bool(false) : b.zero(type);
    }

    private static boolean isTrue(Value v) {
        return v != null && v.op() == Op.CONST && Boolean.TRUE.equals(v.payload());
    }

    private static boolean isFalse(Value v) {
        return v != null && v.op() == Op.CONST && Boolean.FALSE.equals(v.payload());
    }

    /** True if a statement cannot complete normally because every path through it returns. */
    private static boolean alwaysReturns(StatementTree s) {
        if (s instanceof ReturnTree) {
            return true;
        }
        if (s instanceof BlockTree blk) {
            return blk.getStatements().stream().anyMatch(StatementLowering::alwaysReturns);
        }
        if (s instanceof IfTree i) {
            return i.getElseStatement() != null && alwaysReturns(i.getThenStatement())
                    && alwaysReturns(i.getElseStatement());
        }
        return false;
    }

    /** True if no statement but the last contains a return. */
    private static boolean returnsOnlyAtEnd(List<? extends StatementTree> stmts) {
        for (int k = 0; k < stmts.size() - 1; k++) {
            if (containsReturn(stmts.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsReturn(Tree t) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitReturn(ReturnTree node, Void unused) {
                return true;
            }

            @Override
            public Boolean reduce(Boolean a, Boolean c) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(c);
            }
        }.scan(t, null);
        return Boolean.TRUE.equals(found);
    }

    private void lowerStatement(StatementTree s) {
        switch (s.getKind()) {
            case VARIABLE -> declareLocal((VariableTree) s);
            case EXPRESSION_STATEMENT -> lowerExpressionStatement(((ExpressionStatementTree) s).getExpression());
            case BLOCK -> {
                env.pushScope();
                try {
                    for (StatementTree inner : ((BlockTree) s).getStatements()) {
                        lowerStatement(inner);
                    }
                } finally {
                    env.popScope();
                }
            }
            case IF -> lowerIf((IfTree) s);
            case FOR_LOOP -> lowerFor((ForLoopTree) s);
            case EMPTY_STATEMENT -> { }
            case RETURN -> throw new UnsupportedConstructException(s,
                    "return inside a loop is not supported; accumulate into a variable declared before the loop "
                    + "and return it after the loop");
            case WHILE_LOOP -> lowerWhile((WhileLoopTree) s);
            case DO_WHILE_LOOP -> throw new UnsupportedConstructException(s,
                    "do-while loops are not supported; write a counted loop: for (int i = a; i < b; i++)");
            case ENHANCED_FOR_LOOP -> lowerForEach((EnhancedForLoopTree) s);
            case BREAK, CONTINUE -> throw new UnsupportedConstructException(s,
                    s.getKind().name().toLowerCase(java.util.Locale.ROOT)
                    + " is not supported: loops must run all their iterations; use if/else inside the body");
            case SWITCH -> throw new UnsupportedConstructException(s, "switch is not supported; use if/else");
            default -> throw new UnsupportedConstructException(s, "statement '" + Environment.describe(s)
                    + "' is not supported by @Differentiate; use locals, assignments, counted for loops, if/else and return");
        }
    }

    private void declareLocal(VariableTree v) {
        String name = v.getName().toString();
        if ((isDoubleArray(v.getType()) || isImplicitlyTyped(v)) && v.getInitializer() != null
                && expressions.isRow(v.getInitializer())) {
            // double[] row = a[i]: a name for a row of a double[][] parameter
            env.scope().rows().put(name, expressions.row(v.getInitializer()));
            return;
        }
        if (isDoubleArray(v.getType()) || isImplicitlyTyped(v) && v.getInitializer() instanceof NewArrayTree) {
            declareWorkArray(v);
            return;
        }
        boolean inferred = isImplicitlyTyped(v);
        Type declared = inferred ? null : localType(v.getType(), v);
        Value init = v.getInitializer() == null ? null : expressions.lowerExpr(v.getInitializer());
        Type type = inferred ? init.type() : declared;
        if (init != null) {
            init = env.convert(init, type, v.getInitializer());
        }
        Variable var = new Variable(name, type, env.loopDepth, false);
        env.scope().scalars().put(name, var);
        if (init != null) {
            init.suggestName(name);
            env.state.values.put(var, init);
        }
    }

    private static boolean isDoubleArray(Tree type) {
        return type instanceof ArrayTypeTree a && a.getType() instanceof PrimitiveTypeTree p
                && p.getPrimitiveTypeKind() == TypeKind.DOUBLE;
    }

    /**
     * {@code double[] u = new double[n]}: a work array, all zeros, of an int length computed from the
     * parameters. Declared in the annotated method outside loops, filled with {@code u[i] = e} and
     * {@code u[i] += e}, then read.
     */
    private void declareWorkArray(VariableTree v) {
        String name = v.getName().toString();
        if (!(v.getInitializer() instanceof NewArrayTree created) || created.getInitializers() != null
                || created.getDimensions().size() != 1 || !(created.getType() instanceof PrimitiveTypeTree p)
                || p.getPrimitiveTypeKind() != TypeKind.DOUBLE) {
            throw new UnsupportedConstructException(v, "local array '" + name + "' must be created as a work array "
                    + "of doubles: double[] " + name + " = new double[n], with an int length n");
        }
        if (env.loopDepth > 0 || !env.inlining.isEmpty()) {
            throw new UnsupportedConstructException(v, "work array '" + name + "' must be declared in the "
                    + "@Differentiate method itself, outside loops (not in a loop or a called helper); pass it to "
                    + "helpers as a double[] argument");
        }
        for (ArrayRef other : env.workArrays) {
            String o = other.sourceName();
            if (related(o, name) || related(name, o)) {
                throw new UnsupportedConstructException(v, "work arrays '" + o + "' and '" + name + "' would share "
                        + "the generated class's names for derivatives (" + o + "Bar, " + o + "Dot); rename one");
            }
        }
        ExpressionTree length = created.getDimensions().get(0);
        Value size = env.convert(expressions.lowerExpr(length), Type.INT, length);
        ArrayRef array = ArrayRef.work(name);
        env.workArrays.add(array);
        b.alloc(array, size);
        env.bindArray(name, array);
    }

    /** True if the generated names of work array {@code a} include {@code b}. */
    private static boolean related(String a, String b) {
        return b.equals(a) || b.equals(a + "Bar") || b.equals(a + "Dot") || b.equals(a + "BarDot");
    }

    /** {@code u[i] = e}, {@code u[i] += e}, {@code u[i] -= e}, {@code u[i]++}: a write of a work array's element. */
    private void lowerArrayWrite(ExpressionTree statement, ArrayAccessTree target, Op op, ExpressionTree rhs) {
        if (expressions.isRow(target.getExpression())) {
            throw new UnsupportedConstructException(target, "array writes are not supported on '" + target.getExpression()
                    + "': double[][] parameters are read-only; copy what you need into a local work array "
                    + "(double[] w = new double[n]) and write that");
        }
        ArrayRef array = expressions.array(target.getExpression());
        if (!array.isWork()) {
            throw new UnsupportedConstructException(target, "array writes are not supported on '"
                    + target.getExpression() + "': parameters and tables are read-only; copy what you need into a "
                    + "local work array (double[] w = new double[n]) and write that");
        }
        env.written(array, target);
        env.writing = array;
        Value index;
        Value value;
        try {
            index = expressions.lowerExpr(target.getIndex());
            if (index.type() != Type.INT) {
                throw new UnsupportedConstructException(target.getIndex(), "array index must be an int expression");
            }
            value = rhs == null ? b.constant(1.0) : env.convert(expressions.lowerExpr(rhs), Type.DOUBLE, rhs);
        } finally {
            env.writing = null;
        }
        if (op == null) {
            b.assign(array, index, value);
        } else if (op == Op.ADD) {
            b.scatter(array, index, value);
        } else if (op == Op.SUB) {
            b.scatter(array, index, b.neg(value));
        } else {
            throw new UnsupportedConstructException(statement, "this update of work array '" + array.sourceName()
                    + "' reads the element it writes; write " + array.sourceName() + "[i] = e, "
                    + array.sourceName() + "[i] += e or " + array.sourceName() + "[i] -= e");
        }
    }

    /** {@code var x = e}: javac leaves no type tree (or the name {@code var}) where the type would be. */
    private static boolean isImplicitlyTyped(VariableTree v) {
        return v.getInitializer() != null
                && (v.getType() == null || v.getType() instanceof IdentifierTree id && id.getName().contentEquals("var"));
    }

    private static Type localType(Tree typeTree, Tree at) {
        if (typeTree instanceof PrimitiveTypeTree p) {
            Type type = switch (p.getPrimitiveTypeKind()) {
                case DOUBLE -> Type.DOUBLE;
                case INT -> Type.INT;
                case BOOLEAN -> Type.BOOLEAN;
                default -> null;
            };
            if (type != null) {
                return type;
            }
        }
        throw new UnsupportedConstructException(at, "local of type " + typeTree
                + " is not supported; locals must be double, int or boolean (arrays may only be parameters or "
                + "static tables)");
    }

    private void lowerExpressionStatement(ExpressionTree e) {
        if (e instanceof AssignmentTree a && a.getVariable() instanceof ArrayAccessTree target) {
            lowerArrayWrite(e, target, null, a.getExpression());
        } else if (e instanceof CompoundAssignmentTree c && c.getVariable() instanceof ArrayAccessTree target) {
            Op op = c.getKind() == Tree.Kind.PLUS_ASSIGNMENT ? Op.ADD : c.getKind() == Tree.Kind.MINUS_ASSIGNMENT ? Op.SUB
                    : Op.MUL;
            lowerArrayWrite(e, target, op, c.getExpression());
        } else if (e instanceof UnaryTree u && isIncrement(u) && u.getExpression() instanceof ArrayAccessTree target) {
            boolean up = u.getKind() == Tree.Kind.PREFIX_INCREMENT || u.getKind() == Tree.Kind.POSTFIX_INCREMENT;
            lowerArrayWrite(e, target, up ? Op.ADD : Op.SUB, null);
        } else if (e instanceof AssignmentTree a) {
            Variable var = assignable(a.getVariable());
            AdditiveUpdate update = AdditiveUpdate.of(a);
            if (update != null && env.isReduced(var)) {
                // f = f + a - b inside the loop that accumulates f: the reduction f += a - b
                for (AdditiveUpdate.Term term : update.terms()) {
                    compound(a, a.getVariable(), term.negated() ? Op.SUB : Op.ADD, term.expression());
                }
                return;
            }
            Value value = env.convert(expressions.lowerExpr(a.getExpression()), var.type, a.getExpression());
            if (env.isReduced(var)) {
                throw new UnsupportedConstructException(a, Environment.loopCarried(var.name));
            }
            value.suggestName(var.name);
            env.state.values.put(var, value);
        } else if (e instanceof CompoundAssignmentTree c) {
            compound(c, c.getVariable(), kindOf(c.getKind(), c), c.getExpression());
        } else if (e instanceof UnaryTree u && isIncrement(u)) {
            boolean up = u.getKind() == Tree.Kind.PREFIX_INCREMENT || u.getKind() == Tree.Kind.POSTFIX_INCREMENT;
            compound(u, u.getExpression(), up ? Op.ADD : Op.SUB, null);
        } else if (e instanceof MethodInvocationTree m) {
            throw new UnsupportedConstructException(m,
                    "a call whose result is discarded has no effect in the subset; assign its result to a local");
        } else {
            throw new UnsupportedConstructException(e, "expression statement '" + e
                    + "' is not supported; only assignments to locals are");
        }
    }

    private static boolean isIncrement(UnaryTree u) {
        return switch (u.getKind()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
            default -> false;
        };
    }

    private static Op kindOf(Tree.Kind kind, Tree at) {
        return switch (kind) {
            case PLUS_ASSIGNMENT -> Op.ADD;
            case MINUS_ASSIGNMENT -> Op.SUB;
            case MULTIPLY_ASSIGNMENT -> Op.MUL;
            case DIVIDE_ASSIGNMENT -> Op.DIV;
            case REMAINDER_ASSIGNMENT -> Op.REM;
            default -> throw new UnsupportedConstructException(at, "compound assignment " + kind
                    + " is not supported; use +=, -=, *=, /= on double or int locals");
        };
    }

    /** {@code var op= rhs} (rhs null means 1, for ++ and --). */
    private void compound(Tree at, ExpressionTree target, Op op, ExpressionTree rhs) {
        Variable var = assignable(target);
        Value r = rhs == null ? (var.type == Type.INT ? b.constant(1) : b.constant(1.0)) : expressions.lowerExpr(rhs);
        if (var.type == Type.INT && r.type() != Type.INT) {
            throw new UnsupportedConstructException(at, "compound assignment of a double to int '" + var.name
                    + "' hides a narrowing cast; the subset has no double-to-int conversion");
        }
        r = env.convert(r, var.type, at);
        if (env.isReduced(var)) {
            // a reduction: accumulate this iteration's delta (the loop adds it to the variable)
            if (op != Op.ADD && op != Op.SUB) {
                throw new UnsupportedConstructException(at, Environment.loopCarried(var.name));
            }
            Value delta = env.state.deltas.get(var);
            env.state.deltas.put(var, b.arith(op, delta, r));
            return;
        }
        Value old = env.current(var, at);
        if (op == Op.REM && var.type == Type.DOUBLE) {
            throw new UnsupportedConstructException(at, "% on double values is not supported");
        }
        Value value = b.arith(op, old, r);
        value.suggestName(var.name);
        env.state.values.put(var, value);
    }

    private Variable assignable(ExpressionTree target) {
        if (target instanceof ArrayAccessTree) {
            throw new UnsupportedConstructException(target,
                    "array writes are not supported: the function must not modify its arrays; compute values into locals");
        }
        if (!(target instanceof IdentifierTree id)) {
            throw new UnsupportedConstructException(target, "assignment to '" + target
                    + "' is not supported; only double and int locals can be assigned");
        }
        String name = id.getName().toString();
        Variable var = env.lookupScalar(name);
        if (var == null) {
            if (env.lookupArray(name) != null) {
                throw new UnsupportedConstructException(target, "array variable '" + name + "' cannot be reassigned");
            }
            throw new UnsupportedConstructException(target, "assignment to field '" + name
                    + "' is not supported: the function must not have side effects; use a local");
        }
        if (var.loopCounter) {
            throw new UnsupportedConstructException(target, "'" + name
                    + "' is set by the loop itself and cannot be assigned in its body; copy it into a local");
        }
        return var;
    }

    private void lowerIf(IfTree i) {
        Value cond = expressions.lowerCondition(i.getCondition());
        State before = env.state.copy();
        If node = b.beginIf(cond);
        lowerBranch(i.getThenStatement());
        State afterThen = env.state;
        env.state = before.copy();
        b.beginElse(node);
        lowerBranch(i.getElseStatement());
        State afterElse = env.state;
        b.endIf(node);
        env.state = before;
        merge(node, before.values, afterThen.values, afterElse.values);
        merge(node, before.deltas, afterThen.deltas, afterElse.deltas);
    }

    private void lowerBranch(StatementTree branch) {
        if (branch == null) {
            return;
        }
        env.pushScope();
        try {
            lowerStatement(branch);
        } finally {
            env.popScope();
        }
    }

    /** Variables assigned differently by the branches become phis; one left unassigned stays unassigned. */
    private void merge(If node, Map<Variable, Value> target, Map<Variable, Value> t, Map<Variable, Value> f) {
        Set<Variable> all = new java.util.LinkedHashSet<>(t.keySet());
        all.addAll(f.keySet());
        for (Variable var : all) {
            if (!env.isVisible(var)) {
                continue;
            }
            Value vt = t.get(var);
            Value vf = f.get(var);
            if (vt == null || vf == null) {
                target.remove(var);
            } else {
                Value merged = b.phi(node, vt, vf);
                merged.suggestName(hint(var));
                target.put(var, merged);
            }
        }
    }

    private void lowerFor(ForLoopTree f) {
        if (f.getInitializer().size() != 1 || !(f.getInitializer().get(0) instanceof VariableTree counterDecl)
                || Environment.primitiveTypeOrNull(counterDecl.getType()) != Type.INT || counterDecl.getInitializer() == null) {
            throw new UnsupportedConstructException(f, "for loop: only counted loops are supported, "
                    + "declaring one int counter: for (int i = a; i < b; i++)");
        }
        String index = counterDecl.getName().toString();
        Value lo = env.convert(expressions.lowerExpr(counterDecl.getInitializer()), Type.INT, counterDecl.getInitializer());
        if (!(f.getCondition() instanceof BinaryTree cond)
                || (cond.getKind() != Tree.Kind.LESS_THAN && cond.getKind() != Tree.Kind.LESS_THAN_EQUAL)
                || !(cond.getLeftOperand() instanceof IdentifierTree left) || !left.getName().contentEquals(index)) {
            throw new UnsupportedConstructException(f.getCondition() == null ? f : f.getCondition(),
                    "for loop condition: write " + index + " < bound or " + index + " <= bound");
        }
        if (AdditiveUpdate.mentions(cond.getRightOperand(), index)) {
            throw new UnsupportedConstructException(cond.getRightOperand(),
                    "the loop bound must not depend on the loop counter '" + index + "'");
        }
        Value hi = env.convert(expressions.lowerExpr(cond.getRightOperand()), Type.INT, cond.getRightOperand());
        int step = step(f, index);
        lowerCountedLoop(f, lo, hi, cond.getKind() == Tree.Kind.LESS_THAN_EQUAL, step, index, statements(f.getStatement()),
                null);
    }

    /**
     * {@code while (i < bound) { ...; i++; }}: the counted loop from i's current value, when i is an
     * int that only the body's last statement steps by a positive literal and the bound does not
     * change in the body; afterwards i holds the value the loop leaves in it. Other while loops
     * (a trip count that depends on the values computed) are an error.
     */
    private void lowerWhile(WhileLoopTree w) {
        ExpressionTree condition = w.getCondition();
        while (condition instanceof ParenthesizedTree p) {
            condition = p.getExpression();
        }
        List<? extends StatementTree> body = statements(w.getStatement());
        String shape = "while loops must count: write while (i < bound) { ...; i++; } with an int i declared before "
                + "the loop, stepped only by the body's last statement (i++ or i += c), and a bound the body does not "
                + "change; or write a counted loop: for (int i = a; i < b; i++)";
        if (!(condition instanceof BinaryTree cond)
                || (cond.getKind() != Tree.Kind.LESS_THAN && cond.getKind() != Tree.Kind.LESS_THAN_EQUAL)
                || !(cond.getLeftOperand() instanceof IdentifierTree left) || body.isEmpty()) {
            throw new UnsupportedConstructException(w, shape);
        }
        String index = left.getName().toString();
        Variable counter = env.lookupScalar(index);
        Integer step = increment(body.get(body.size() - 1), index);
        List<? extends StatementTree> rest = body.subList(0, body.size() - 1);
        LoopScan scan = LoopScan.of(rest);
        boolean boundChanges = scan.assignments.stream().anyMatch(a -> AdditiveUpdate.mentions(cond.getRightOperand(), a.name()));
        if (counter == null || counter.type != Type.INT || step == null || step <= 0 || boundChanges
                || AdditiveUpdate.mentions(cond.getRightOperand(), index)
                || scan.assignments.stream().anyMatch(a -> a.name().equals(index))) {
            throw new UnsupportedConstructException(w, shape);
        }
        Value lo = env.current(counter, left);
        Value hi = env.convert(expressions.lowerExpr(cond.getRightOperand()), Type.INT, cond.getRightOperand());
        boolean inclusive = cond.getKind() == Tree.Kind.LESS_THAN_EQUAL;
        lowerCountedLoop(w, lo, hi, inclusive, step, index, rest, null);
        Value after = b.add(lo, b.mul(b.constant(step), tripCount(lo, hi, inclusive, step)));
        after.suggestName(index);
        env.state.values.put(counter, after);
    }

    /** How many times a counted loop from lo to hi runs (0 when it does not run). */
    private Value tripCount(Value lo, Value hi, boolean inclusive, int step) {
        Value span = b.sub(hi, lo);
        Value runs = b.compare(inclusive ? Op.GE : Op.GT, hi, lo);
        Value trips = inclusive ? b.add(b.div(span, b.constant(step)), b.constant(1))
                : b.div(b.add(span, b.constant(step - 1)), b.constant(step));
        return b.select(runs, trips, b.constant(0));
    }

    /** The statements of a loop body. */
    private static List<? extends StatementTree> statements(StatementTree body) {
        return body instanceof BlockTree blk ? blk.getStatements() : List.of(body);
    }

    /**
     * The constant step of {@code name} by statement {@code s} ({@code name++} is 1, {@code name -= 2}
     * is -2), or null when s is not such a step.
     */
    private static Integer increment(StatementTree s, String name) {
        if (!(s instanceof ExpressionStatementTree es)) {
            return null;
        }
        ExpressionTree e = es.getExpression();
        if (e instanceof UnaryTree u && isIncrement(u) && Environment.isName(u.getExpression(), name)) {
            return u.getKind() == Tree.Kind.PREFIX_INCREMENT || u.getKind() == Tree.Kind.POSTFIX_INCREMENT ? 1 : -1;
        }
        if (e instanceof CompoundAssignmentTree c && Environment.isName(c.getVariable(), name)
                && (c.getKind() == Tree.Kind.PLUS_ASSIGNMENT || c.getKind() == Tree.Kind.MINUS_ASSIGNMENT)
                && c.getExpression() instanceof LiteralTree l && l.getValue() instanceof Integer k) {
            return c.getKind() == Tree.Kind.PLUS_ASSIGNMENT ? k : -k;
        }
        return null;
    }

    /**
     * {@code for (double xi : a)} over an array parameter or table: the counted loop over its
     * indices, with {@code xi} bound to {@code a[i]} (and not assignable, as a counter is not).
     */
    private void lowerForEach(EnhancedForLoopTree f) {
        String name = f.getVariable().getName().toString();
        if (expressions.matrix(f.getExpression()) != null) {
            // for (double[] row : a): the rows of a double[][] parameter
            ArrayRef matrix = expressions.matrix(f.getExpression());
            lowerCountedLoop(f, b.constant(0), b.length(matrix), false, 1, name + "Index", statements(f.getStatement()),
                    index -> new Binding(null, index, new Environment.Row(matrix, index)));
            return;
        }
        if (expressions.isRow(f.getExpression())) {
            // for (double aij : a[i]): the elements of a row
            Environment.Row row = expressions.row(f.getExpression());
            lowerCountedLoop(f, b.constant(0), b.rowLength(row.matrix(), row.index()), false, 1, name + "Index",
                    statements(f.getStatement()), index -> {
                        Value read = b.read(row.matrix(), row.index(), index);
                        read.suggestName(name);
                        return new Binding(new Variable(name, read.type(), env.loopDepth, true), read, null);
                    });
            return;
        }
        Type element = Environment.primitiveTypeOrNull(f.getVariable().getType());
        if (element == null && f.getVariable().getType() != null
                && !(f.getVariable().getType() instanceof IdentifierTree id && id.getName().contentEquals("var"))) {
            throw new UnsupportedConstructException(f.getVariable(), "for-each variable of type "
                    + f.getVariable().getType() + " is not supported; iterate over a double[] or int[] array");
        }
        ArrayRef array = expressions.array(f.getExpression());
        lowerCountedLoop(f, b.constant(0), b.length(array), false, 1, name + "Index", statements(f.getStatement()),
                index -> {
                    Value read = env.read(array, index, f.getExpression());
                    read.suggestName(name);
                    return new Binding(new Variable(name, read.type(), env.loopDepth, true), read, null);
                });
    }

    /** A variable (or a row of a matrix, then variable is null) a loop binds afresh in each iteration, beside its counter. */
    private record Binding(Variable variable, Value value, Environment.Row row) {
    }

    /**
     * Lowers a counted loop: the counter, the body in its own scope, the variables the body
     * accumulates into (reductions) and the int variables it steps by constants (inductions: their
     * value in an iteration is a function of the counter). {@code perIteration}, when not null,
     * binds one more variable from the counter's value.
     */
    private void lowerCountedLoop(Tree at, Value lo, Value hi, boolean inclusive, int step, String index,
                                  List<? extends StatementTree> body,
                                  java.util.function.Function<Value, Binding> perIteration) {
        LoopScan scan = LoopScan.of(body);
        Map<Variable, Integer> inductions = inductionsOf(scan, body, index);
        Set<Variable> carried = new java.util.LinkedHashSet<>();
        Set<Variable> reduced = reductionsOf(scan, index, inductions.keySet(), carried);
        Map<Variable, Value> inductionStarts = new LinkedHashMap<>();
        for (Variable v : inductions.keySet()) {
            inductionStarts.put(v, env.current(v, at));
        }
        Map<Variable, Value> carriedInits = new LinkedHashMap<>();
        for (Variable v : carried) {
            Value init = env.state.values.get(v);
            if (init == null) {
                throw new UnsupportedConstructException(at, "'" + v.name + "' must be initialised before the loop "
                        + "that changes it");
            }
            carriedInits.put(v, init);
        }

        env.loopDepth++;
        Loop loop = b.beginLoop(lo, hi, inclusive, step, index);
        Map<Variable, Value> carriedPhis = new LinkedHashMap<>();
        for (Variable v : carried) {
            // its value at the start of an iteration: the initial value, then what the iteration before left
            Value phi = b.carriedPhi(loop, Type.DOUBLE);
            phi.suggestName(v.name);
            carriedPhis.put(v, phi);
            env.state.values.put(v, phi);
        }
        Map<Variable, Value> outerDeltas = env.state.deltas;
        env.state.deltas = new LinkedHashMap<>();
        for (Variable v : reduced) {
            env.state.deltas.put(v, b.constant(0.0));
        }
        env.reducing.push(reduced);
        env.pushScope();
        Environment.WorkUse work = new Environment.WorkUse(new LinkedHashMap<>(), new java.util.HashSet<>());
        env.loopWork.push(work);
        Variable counter = new Variable(index, Type.INT, env.loopDepth, true);
        env.scope().scalars().put(index, counter);
        env.state.values.put(counter, loop.index());
        if (perIteration != null) {
            Binding bound = perIteration.apply(loop.index());
            if (bound.row() != null) {
                env.scope().rows().put(((EnhancedForLoopTree) at).getVariable().getName().toString(), bound.row());
            } else {
                env.scope().scalars().put(bound.variable().name, bound.variable());
                env.state.values.put(bound.variable(), bound.value());
            }
        }
        Value iteration = step == 1 ? b.sub(loop.index(), lo) : b.div(b.sub(loop.index(), lo), b.constant(step));
        for (Map.Entry<Variable, Integer> e : inductions.entrySet()) {
            Value start = b.add(inductionStarts.get(e.getKey()), b.mul(b.constant(e.getValue()), iteration));
            start.suggestName(e.getKey().name);
            env.state.values.put(e.getKey(), start);
        }
        Map<Variable, Value> carriedNexts = new LinkedHashMap<>();
        try {
            for (StatementTree s : body) {
                lowerStatement(s);
            }
            for (Variable v : carried) {
                carriedNexts.put(v, env.state.values.get(v));
            }
        } finally {
            env.popScope();
            env.reducing.pop();
            env.loopWork.pop();
            env.loopDepth--;
        }
        for (ArrayRef written : work.writes()) {
            Tree read = work.reads().get(written);
            if (read != null) {
                throw new UnsupportedConstructException(read, "work array '" + written.sourceName() + "' is read in "
                        + "the loop that writes it: fill a work array completely in loops of its own before reading "
                        + "it, or write the values read into a second work array");
            }
        }
        b.endLoop(loop);
        for (Variable v : carried) {
            Value result = b.carry(loop, carriedInits.get(v), carriedPhis.get(v), carriedNexts.get(v));
            result.suggestName(v.name);
            env.state.values.put(v, result);
        }
        if (!inductions.isEmpty()) {
            Value trips = tripCount(lo, hi, inclusive, step);
            for (Map.Entry<Variable, Integer> e : inductions.entrySet()) {
                Value after = b.add(inductionStarts.get(e.getKey()), b.mul(b.constant(e.getValue()), trips));
                after.suggestName(e.getKey().name);
                env.state.values.put(e.getKey(), after);
            }
        }
        Map<Variable, Value> deltas = env.state.deltas;
        env.state.deltas = outerDeltas;
        for (Variable v : reduced) {
            Value delta = deltas.get(v);
            if (env.reducing.isEmpty() || !env.reducing.peek().contains(v)) {
                Value init = env.state.values.get(v);
                if (init == null) {
                    throw new UnsupportedConstructException(at, "'" + v.name + "' must be initialised before the loop that accumulates it");
                }
                Value result = b.reduce(loop, init, delta);
                result.suggestName(v.name);
                env.state.values.put(v, result);
            } else {
                // declared outside the enclosing loop too: this loop's sum is part of the enclosing delta
                Value sum = b.reduce(loop, b.constant(0.0), delta);
                env.state.deltas.put(v, b.add(env.state.deltas.get(v), sum));
            }
        }
    }

    /**
     * The int variables declared before the loop that its body steps by constants, each only in
     * statements of the body itself (k++, k += 2): their total step per iteration. An int changed
     * in any other way inside the loop is an error here.
     */
    private Map<Variable, Integer> inductionsOf(LoopScan scan, List<? extends StatementTree> body, String index) {
        Map<Variable, Integer> steps = new LinkedHashMap<>();
        for (LoopScan.Assignment a : scan.assignments) {
            Variable var = a.name().equals(index) || scan.declared.contains(a.name()) ? null : env.lookupScalar(a.name());
            if (var == null || var.type != Type.INT || var.loopCounter) {
                continue;
            }
            Integer step = body.stream().filter(s -> s instanceof ExpressionStatementTree es && es.getExpression() == a.tree())
                    .map(s -> increment(s, a.name())).findFirst().orElse(null);
            if (step == null) {
                throw new UnsupportedConstructException(a.tree(), "int '" + a.name() + "' declared before the loop may "
                        + "only change in it by constant steps (" + a.name() + "++, " + a.name() + " += 2) in the loop "
                        + "body itself, not inside an if or an inner loop; compute it from the loop counters instead "
                        + "(k = i * m + j)");
            }
            steps.merge(var, step, Integer::sum);
        }
        return steps;
    }

    /**
     * The double variables declared before the loop that its body accumulates into without reading them
     * (reductions, returned); those it assigns otherwise or also reads go into {@code carried}: state carried
     * from one iteration to the next ({@code p *= e}, {@code p = a * p + b}, recurrences).
     */
    private Set<Variable> reductionsOf(LoopScan scan, String index, Set<Variable> inductions, Set<Variable> carried) {
        Set<Variable> reduced = new java.util.LinkedHashSet<>();
        for (LoopScan.Assignment a : scan.assignments) {
            if (a.name().equals(index) || scan.declared.contains(a.name())) {
                continue;   // the counter is checked when assigned; body locals are not carried
            }
            Variable var = env.lookupScalar(a.name());
            if (var == null || inductions.contains(var)) {
                continue;   // reported where it is assigned, or an induction
            }
            if (var.type != Type.DOUBLE) {
                throw new UnsupportedConstructException(a.tree(), Environment.loopCarried(a.name()));
            }
            if (!a.additive() || scan.reads.contains(a.name())) {
                carried.add(var);
            } else {
                reduced.add(var);
            }
        }
        reduced.removeAll(carried);
        return reduced;
    }

    private int step(ForLoopTree f, String index) {
        if (f.getUpdate().size() == 1) {
            ExpressionTree u = f.getUpdate().get(0).getExpression();
            if (u instanceof UnaryTree un && (un.getKind() == Tree.Kind.POSTFIX_INCREMENT
                    || un.getKind() == Tree.Kind.PREFIX_INCREMENT) && Environment.isName(un.getExpression(), index)) {
                return 1;
            }
            if (u instanceof CompoundAssignmentTree c && c.getKind() == Tree.Kind.PLUS_ASSIGNMENT
                    && Environment.isName(c.getVariable(), index) && positiveIntLiteral(c.getExpression()) > 0) {
                return positiveIntLiteral(c.getExpression());
            }
        }
        throw new UnsupportedConstructException(f.getUpdate().isEmpty() ? f : f.getUpdate().get(0),
                "for loop update: write " + index + "++ or " + index + " += c with a positive int literal c");
    }

    private static int positiveIntLiteral(ExpressionTree e) {
        if (e instanceof LiteralTree l && l.getValue() instanceof Integer i && i > 0) {
            return i;
        }
        return -1;
    }
}
