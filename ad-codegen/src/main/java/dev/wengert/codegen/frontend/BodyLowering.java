package dev.wengert.codegen.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.MathFn;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Lowers a method body of the subset to IR, typing it from the declarations as it goes (javac has
 * not attributed the trees yet when processors run). Every construct outside the subset throws
 * {@link UnsupportedConstructException} at its node.
 */
final class BodyLowering {

    /** One level of name scope; a barrier stops lookups (an inlined method sees only its own names). */
    private record Scope(Map<String, Variable> scalars, Map<String, ArrayRef> arrays, boolean barrier) {
    }

    private final Builder b;
    private final Trees trees;
    private final ClassMembers members;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Deque<ExecutableElement> inlining = new ArrayDeque<>();
    /** For each enclosing loop (innermost first): the variables it reduces. */
    private final Deque<Set<Variable>> reducing = new ArrayDeque<>();
    private State state = new State();
    private int loopDepth;
    /** The return type of the method being lowered (innermost inlined call first). */
    private final Deque<Type> returnTypes = new ArrayDeque<>();

    BodyLowering(Builder b, Trees trees, ClassMembers members) {
        this.b = b;
        this.trees = trees;
        this.members = members;
    }

    // ---- entry points ----

    /** Binds a double or int parameter to a value (a field of the generated class). */
    void bindScalar(String name, Type type, Value value) {
        Variable v = new Variable(name, type, loopDepth, false);
        scope().scalars().put(name, v);
        state.values.put(v, value);
    }

    /** Binds an array parameter. */
    void bindArray(String name, ArrayRef array) {
        scope().arrays().put(name, array);
    }

    /** Opens the outermost scope of a method (called before binding its parameters). */
    void openMethodScope() {
        scopes.push(new Scope(new HashMap<>(), new HashMap<>(), true));
    }

    /** Lowers the body of {@code method}, which must end in a return; returns the returned double. */
    Value lowerMethodBody(MethodTree method) {
        returnTypes.push(Type.DOUBLE);
        try {
            return lowerReturning(new ArrayList<>(method.getBody().getStatements()), method);
        } finally {
            returnTypes.pop();
        }
    }

    // ---- statements ----

    private Value lowerReturning(List<? extends StatementTree> stmts, Tree owner) {
        for (int k = 0; k < stmts.size(); k++) {
            StatementTree s = stmts.get(k);
            List<? extends StatementTree> rest = stmts.subList(k + 1, stmts.size());
            if (s instanceof ReturnTree r) {
                if (r.getExpression() == null) {
                    throw new UnsupportedConstructException(r, "return without a value: the method must return a double");
                }
                return convert(lowerExpr(r.getExpression()), returnTypes.peek(), r.getExpression());
            }
            if (s instanceof IfTree i && containsReturn(i)) {
                return lowerReturningIf(i, rest, owner);
            }
            if (s instanceof BlockTree blk && containsReturn(blk)) {
                List<StatementTree> joined = new ArrayList<>(blk.getStatements());
                joined.addAll(rest);
                pushScope();
                try {
                    return lowerReturning(joined, owner);
                } finally {
                    popScope();
                }
            }
            lowerStatement(s);
        }
        throw new UnsupportedConstructException(owner, "the method must end with a return statement");
    }

    /** {@code if (c) A else B; rest} where A or B returns: each branch continues with {@code rest}. */
    private Value lowerReturningIf(IfTree i, List<? extends StatementTree> rest, Tree owner) {
        Value cond = lowerCondition(i.getCondition());
        State before = state.copy();
        If node = b.beginIf(cond);
        Value t = lowerBranchReturning(i.getThenStatement(), rest, owner);
        state = before.copy();
        b.beginElse(node);
        Value f = lowerBranchReturning(i.getElseStatement(), rest, owner);
        b.endIf(node);
        state = before;
        return b.phi(node, t, f);   // both sides already have the method's return type
    }

    private Value lowerBranchReturning(StatementTree branch, List<? extends StatementTree> rest, Tree owner) {
        List<StatementTree> joined = new ArrayList<>();
        if (branch instanceof BlockTree blk) {
            joined.addAll(blk.getStatements());
        } else if (branch != null) {
            joined.add(branch);
        }
        joined.addAll(rest);
        pushScope();
        try {
            return lowerReturning(joined, owner);
        } finally {
            popScope();
        }
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
                pushScope();
                try {
                    for (StatementTree inner : ((BlockTree) s).getStatements()) {
                        lowerStatement(inner);
                    }
                } finally {
                    popScope();
                }
            }
            case IF -> lowerIf((IfTree) s);
            case FOR_LOOP -> lowerFor((ForLoopTree) s);
            case EMPTY_STATEMENT -> { }
            case RETURN -> throw new UnsupportedConstructException(s,
                    "return inside a loop is not supported; accumulate into a variable declared before the loop "
                    + "and return it after the loop");
            case WHILE_LOOP, DO_WHILE_LOOP -> throw new UnsupportedConstructException(s,
                    (s.getKind() == Tree.Kind.WHILE_LOOP ? "while" : "do-while")
                    + " loops are not supported; write a counted loop: for (int i = a; i < b; i++)");
            case ENHANCED_FOR_LOOP -> throw new UnsupportedConstructException(s,
                    "for-each loops are not supported; write an index loop: for (int i = 0; i < a.length; i++)");
            case BREAK, CONTINUE -> throw new UnsupportedConstructException(s,
                    s.getKind().name().toLowerCase(java.util.Locale.ROOT)
                    + " is not supported: loops must run all their iterations; use if/else inside the body");
            case SWITCH -> throw new UnsupportedConstructException(s, "switch is not supported; use if/else");
            default -> throw new UnsupportedConstructException(s, "statement '" + describe(s)
                    + "' is not supported by @Differentiate; use locals, assignments, counted for loops, if/else and return");
        }
    }

    private void declareLocal(VariableTree v) {
        Type type = primitiveType(v.getType(), v);
        String name = v.getName().toString();
        Variable var = new Variable(name, type, loopDepth, false);
        Value init = v.getInitializer() == null ? null : convert(lowerExpr(v.getInitializer()), type, v.getInitializer());
        scope().scalars().put(name, var);
        if (init != null) {
            init.suggestName(name);
            state.values.put(var, init);
        }
    }

    private Type primitiveType(Tree typeTree, Tree at) {
        if (typeTree instanceof PrimitiveTypeTree p) {
            if (p.getPrimitiveTypeKind() == TypeKind.DOUBLE) {
                return Type.DOUBLE;
            }
            if (p.getPrimitiveTypeKind() == TypeKind.INT) {
                return Type.INT;
            }
        }
        throw new UnsupportedConstructException(at, "local of type " + typeTree
                + " is not supported; locals must be double or int (arrays may only be parameters or static tables)");
    }

    private void lowerExpressionStatement(ExpressionTree e) {
        if (e instanceof AssignmentTree a) {
            Variable var = assignable(a.getVariable());
            Value value = convert(lowerExpr(a.getExpression()), var.type, a.getExpression());
            if (isReduced(var)) {
                throw new UnsupportedConstructException(a, loopCarried(var.name));
            }
            value.suggestName(var.name);
            state.values.put(var, value);
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
        Value r = rhs == null ? (var.type == Type.INT ? b.constant(1) : b.constant(1.0)) : lowerExpr(rhs);
        if (var.type == Type.INT && r.type() != Type.INT) {
            throw new UnsupportedConstructException(at, "compound assignment of a double to int '" + var.name
                    + "' hides a narrowing cast; the subset has no double-to-int conversion");
        }
        r = convert(r, var.type, at);
        if (isReduced(var)) {
            // a reduction: accumulate this iteration's delta (the loop adds it to the variable)
            if (op != Op.ADD && op != Op.SUB) {
                throw new UnsupportedConstructException(at, loopCarried(var.name));
            }
            Value delta = state.deltas.get(var);
            state.deltas.put(var, b.arith(op, delta, r));
            return;
        }
        Value old = current(var, at);
        if (op == Op.REM && var.type == Type.DOUBLE) {
            throw new UnsupportedConstructException(at, "% on double values is not supported");
        }
        Value value = b.arith(op, old, r);
        value.suggestName(var.name);
        state.values.put(var, value);
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
        Variable var = lookupScalar(name);
        if (var == null) {
            if (lookupArray(name) != null) {
                throw new UnsupportedConstructException(target, "array variable '" + name + "' cannot be reassigned");
            }
            throw new UnsupportedConstructException(target, "assignment to field '" + name
                    + "' is not supported: the function must not have side effects; use a local");
        }
        if (var.loopCounter) {
            throw new UnsupportedConstructException(target, "the loop counter '" + name
                    + "' may only be changed by the loop's update clause");
        }
        return var;
    }

    private boolean isReduced(Variable var) {
        return !reducing.isEmpty() && reducing.peek().contains(var);
    }

    private static String loopCarried(String name) {
        return "loop-carried variable '" + name + "': a variable declared before a loop may only be accumulated "
                + "inside it with " + name + " += e or " + name + " -= e (and not read there); compute other values "
                + "from the loop counter";
    }

    private void lowerIf(IfTree i) {
        Value cond = lowerCondition(i.getCondition());
        State before = state.copy();
        If node = b.beginIf(cond);
        lowerBranch(i.getThenStatement());
        State afterThen = state;
        state = before.copy();
        b.beginElse(node);
        lowerBranch(i.getElseStatement());
        State afterElse = state;
        b.endIf(node);
        state = before;
        merge(node, before.values, afterThen.values, afterElse.values);
        merge(node, before.deltas, afterThen.deltas, afterElse.deltas);
    }

    private void lowerBranch(StatementTree branch) {
        if (branch == null) {
            return;
        }
        pushScope();
        try {
            lowerStatement(branch);
        } finally {
            popScope();
        }
    }

    /** Variables assigned differently by the branches become phis; one left unassigned stays unassigned. */
    private void merge(If node, Map<Variable, Value> target, Map<Variable, Value> t, Map<Variable, Value> f) {
        Set<Variable> all = new java.util.LinkedHashSet<>(t.keySet());
        all.addAll(f.keySet());
        for (Variable var : all) {
            if (!isVisible(var)) {
                continue;
            }
            Value vt = t.get(var);
            Value vf = f.get(var);
            if (vt == null || vf == null) {
                target.remove(var);
            } else {
                Value merged = b.phi(node, vt, vf);
                merged.suggestName(var.name);
                target.put(var, merged);
            }
        }
    }

    private boolean isVisible(Variable var) {
        for (Scope s : scopes) {
            if (s.scalars().get(var.name) == var) {
                return true;
            }
            if (s.barrier()) {
                return false;
            }
        }
        return false;
    }

    // ---- loops ----

    private void lowerFor(ForLoopTree f) {
        if (f.getInitializer().size() != 1 || !(f.getInitializer().get(0) instanceof VariableTree counterDecl)
                || primitiveTypeOrNull(counterDecl.getType()) != Type.INT || counterDecl.getInitializer() == null) {
            throw new UnsupportedConstructException(f, "for loop: only counted loops are supported, "
                    + "declaring one int counter: for (int i = a; i < b; i++)");
        }
        String index = counterDecl.getName().toString();
        Value lo = convert(lowerExpr(counterDecl.getInitializer()), Type.INT, counterDecl.getInitializer());
        if (!(f.getCondition() instanceof BinaryTree cond)
                || (cond.getKind() != Tree.Kind.LESS_THAN && cond.getKind() != Tree.Kind.LESS_THAN_EQUAL)
                || !(cond.getLeftOperand() instanceof IdentifierTree left) || !left.getName().contentEquals(index)) {
            throw new UnsupportedConstructException(f.getCondition() == null ? f : f.getCondition(),
                    "for loop condition: write " + index + " < bound or " + index + " <= bound");
        }
        if (mentions(cond.getRightOperand(), index)) {
            throw new UnsupportedConstructException(cond.getRightOperand(),
                    "the loop bound must not depend on the loop counter '" + index + "'");
        }
        Value hi = convert(lowerExpr(cond.getRightOperand()), Type.INT, cond.getRightOperand());
        int step = step(f, index);

        LoopScan scan = LoopScan.of(f.getStatement());
        Set<Variable> reduced = reductionsOf(scan, index);

        loopDepth++;
        Loop loop = b.beginLoop(lo, hi, cond.getKind() == Tree.Kind.LESS_THAN_EQUAL, step, index);
        Map<Variable, Value> outerDeltas = state.deltas;
        state.deltas = new LinkedHashMap<>();
        for (Variable v : reduced) {
            state.deltas.put(v, b.constant(0.0));
        }
        reducing.push(reduced);
        pushScope();
        Variable counter = new Variable(index, Type.INT, loopDepth, true);
        scope().scalars().put(index, counter);
        state.values.put(counter, loop.index());
        try {
            lowerStatement(f.getStatement());
        } finally {
            popScope();
            reducing.pop();
            loopDepth--;
        }
        b.endLoop(loop);
        Map<Variable, Value> deltas = state.deltas;
        state.deltas = outerDeltas;
        for (Variable v : reduced) {
            Value delta = deltas.get(v);
            if (reducing.isEmpty() || !reducing.peek().contains(v)) {
                Value init = state.values.get(v);
                if (init == null) {
                    throw new UnsupportedConstructException(f, "'" + v.name + "' must be initialised before the loop that accumulates it");
                }
                Value result = b.reduce(loop, init, delta);
                result.suggestName(v.name);
                state.values.put(v, result);
            } else {
                // declared outside the enclosing loop too: this loop's sum is part of the enclosing delta
                Value sum = b.reduce(loop, b.constant(0.0), delta);
                state.deltas.put(v, b.add(state.deltas.get(v), sum));
            }
        }
    }

    private Set<Variable> reductionsOf(LoopScan scan, String index) {
        Set<Variable> reduced = new java.util.LinkedHashSet<>();
        for (LoopScan.Assignment a : scan.assignments) {
            if (a.name().equals(index) || scan.declared.contains(a.name())) {
                continue;   // the counter is checked when assigned; body locals are not carried
            }
            Variable var = lookupScalar(a.name());
            if (var == null) {
                continue;   // reported where it is assigned
            }
            if (!a.additive() || var.type != Type.DOUBLE) {
                throw new UnsupportedConstructException(a.tree(), loopCarried(a.name()));
            }
            reduced.add(var);
        }
        return reduced;
    }

    private int step(ForLoopTree f, String index) {
        if (f.getUpdate().size() == 1) {
            ExpressionTree u = f.getUpdate().get(0).getExpression();
            if (u instanceof UnaryTree un && (un.getKind() == Tree.Kind.POSTFIX_INCREMENT
                    || un.getKind() == Tree.Kind.PREFIX_INCREMENT) && isName(un.getExpression(), index)) {
                return 1;
            }
            if (u instanceof CompoundAssignmentTree c && c.getKind() == Tree.Kind.PLUS_ASSIGNMENT
                    && isName(c.getVariable(), index) && positiveIntLiteral(c.getExpression()) > 0) {
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

    private static boolean isName(ExpressionTree e, String name) {
        return e instanceof IdentifierTree id && id.getName().contentEquals(name);
    }

    private static boolean mentions(Tree t, String name) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitIdentifier(IdentifierTree node, Void unused) {
                return node.getName().contentEquals(name);
            }

            @Override
            public Boolean reduce(Boolean a, Boolean c) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(c);
            }
        }.scan(t, null);
        return Boolean.TRUE.equals(found);
    }

    private static Type primitiveTypeOrNull(Tree typeTree) {
        if (typeTree instanceof PrimitiveTypeTree p) {
            return switch (p.getPrimitiveTypeKind()) {
                case INT -> Type.INT;
                case DOUBLE -> Type.DOUBLE;
                default -> null;
            };
        }
        return null;
    }

    // ---- expressions ----

    private Value lowerCondition(ExpressionTree e) {
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
        throw new UnsupportedConstructException(e, "expression '" + e + "' (" + describe(e)
                + ") is not supported by @Differentiate; use double/int arithmetic, Math functions, "
                + "array reads and calls to static methods of the same class");
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
        Variable var = lookupScalar(name);
        if (var != null) {
            for (Set<Variable> r : reducing) {
                if (r.contains(var)) {
                    throw new UnsupportedConstructException(id, "'" + name + "' is read inside the loop that accumulates it; "
                            + loopCarried(name));
                }
            }
            return current(var, id);
        }
        if (lookupArray(name) != null) {
            throw new UnsupportedConstructException(id, "array '" + name
                    + "' used as a value; read its elements (" + name + "[i]) or its length (" + name + ".length)");
        }
        if (members.hasField(name)) {
            if (members.isTable(name)) {
                throw new UnsupportedConstructException(id, "table '" + name + "' used as a value; read its elements");
            }
            return members.scalarField(name, b, id);
        }
        throw new UnsupportedConstructException(id, "unknown name '" + name + "'");
    }

    private Value current(Variable var, Tree at) {
        Value v = state.values.get(var);
        if (v == null) {
            throw new UnsupportedConstructException(at, "'" + var.name + "' may be unassigned here; initialise it");
        }
        return v;
    }

    private Value memberSelect(MemberSelectTree m) {
        String member = m.getIdentifier().toString();
        ExpressionTree target = m.getExpression();
        if (member.equals("length") && target instanceof IdentifierTree id) {
            return b.length(array(id));
        }
        if (isName(target, "Math") && (member.equals("PI") || member.equals("E"))) {
            return b.constant(member.equals("PI") ? Math.PI : Math.E);
        }
        if (target instanceof IdentifierTree id && id.getName().contentEquals(simpleOwnerName())) {
            return members.scalarField(member, b, m);
        }
        throw new UnsupportedConstructException(m, "field access '" + m + "' is not supported; only x.length, "
                + "Math.PI, Math.E and static final constants of the same class can be read");
    }

    private String simpleOwnerName() {
        String n = members.ownerName();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    private ArrayRef array(ExpressionTree e) {
        if (e instanceof IdentifierTree id) {
            String name = id.getName().toString();
            ArrayRef a = lookupArray(name);
            if (a != null) {
                return a;
            }
            if (lookupScalar(name) == null && members.isTable(name)) {
                return members.table(name, id);
            }
        }
        if (e instanceof MemberSelectTree m && isName(m.getExpression(), simpleOwnerName())
                && members.isTable(m.getIdentifier().toString())) {
            return members.table(m.getIdentifier().toString(), m);
        }
        throw new UnsupportedConstructException(e, "'" + e + "' is not an array parameter or a static final double[] "
                + "table of this class; only those can be indexed");
    }

    private Value arrayRead(ArrayAccessTree a) {
        ArrayRef array = array(a.getExpression());
        Value index = lowerExpr(a.getIndex());
        if (index.type() != Type.INT) {
            throw new UnsupportedConstructException(a.getIndex(), "array index must be an int expression");
        }
        return b.read(array, index);
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
        l = convert(l, t, bin.getLeftOperand());
        r = convert(r, t, bin.getRightOperand());
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
        State before = state.copy();
        if (isAnd) {
            r = lowerCondition(bin.getRightOperand());
            b.beginElse(node);
            b.endIf(node);
            state = before;
            if (node.then().nodes().stream().allMatch(BodyLowering::cannotFail)) {
                hoist(node);
                return b.and(l, r);
            }
            return b.phi(node, r, b.bool(false));
        }
        b.beginElse(node);
        r = lowerCondition(bin.getRightOperand());
        b.endIf(node);
        state = before;
        if (node.otherwise().nodes().stream().allMatch(BodyLowering::cannotFail)) {
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
        State before = state.copy();
        If node = b.beginIf(cond);
        Value t = lowerExpr(c.getTrueExpression());
        if (type != null) {
            t = convert(t, type, c.getTrueExpression());
        }
        b.beginElse(node);
        Value f = lowerExpr(c.getFalseExpression());
        if (type != null) {
            f = convert(f, type, c.getFalseExpression());
        }
        b.endIf(node);
        state = before;
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
        Type target = primitiveTypeOrNull(c.getType());
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
        if (select instanceof MemberSelectTree ms && isName(ms.getExpression(), "Math")) {
            return mathCall(m, ms.getIdentifier().toString());
        }
        String name;
        if (select instanceof IdentifierTree id) {
            name = id.getName().toString();
        } else if (select instanceof MemberSelectTree ms && isName(ms.getExpression(), simpleOwnerName())) {
            name = ms.getIdentifier().toString();
        } else {
            throw new UnsupportedConstructException(m, "call of '" + select + "' is not supported; only Math functions "
                    + "and static methods of the same class (which are inlined) can be called");
        }
        return inline(m, name);
    }

    private Value mathCall(MethodInvocationTree m, String name) {
        List<Value> args = new ArrayList<>();
        for (ExpressionTree a : m.getArguments()) {
            Value v = lowerExpr(a);
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
        MathFn fn = MathFn.byJavaName(name);
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
        for (MathFn f : MathFn.values()) {
            s.append(s.length() == 0 ? "" : ", ").append(f.javaName());
        }
        return s.toString();
    }

    /** A call of a static method of the same class: its body is lowered in place with the arguments bound. */
    private Value inline(MethodInvocationTree m, String name) {
        List<ExecutableElement> candidates = members.methods(name, m.getArguments().size());
        if (candidates.isEmpty()) {
            throw new UnsupportedConstructException(m, "unknown method '" + name + "' with " + m.getArguments().size()
                    + " argument(s); only Math functions and static methods of the same class can be called");
        }
        if (candidates.size() > 1) {
            throw new UnsupportedConstructException(m, "method '" + name + "' is overloaded; give the helper a unique name");
        }
        ExecutableElement callee = candidates.get(0);
        if (!callee.getModifiers().contains(Modifier.STATIC)) {
            throw new UnsupportedConstructException(m, "method '" + name + "' is not static; only static helpers can be inlined");
        }
        if (inlining.contains(callee)) {
            throw new UnsupportedConstructException(m, "recursive call of '" + name
                    + "': recursion cannot be inlined; write it as a loop");
        }
        MethodTree tree = trees.getTree(callee);
        if (tree == null || tree.getBody() == null) {
            throw new UnsupportedConstructException(m, "the body of '" + name + "' is not available to inline");
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
                bound.add(array(arg));
            } else if (pk == TypeKind.DOUBLE || pk == TypeKind.INT) {
                bound.add(convert(lowerExpr(arg), pk == TypeKind.INT ? Type.INT : Type.DOUBLE, arg));
            } else {
                throw new UnsupportedConstructException(arg, "helper parameter '" + p.getSimpleName() + "' has type "
                        + p.asType() + "; helper parameters must be double, int or double[]");
            }
        }
        inlining.push(callee);
        returnTypes.push(ret == TypeKind.INT ? Type.INT : Type.DOUBLE);
        scopes.push(new Scope(new HashMap<>(), new HashMap<>(), true));
        try {
            for (int k = 0; k < bound.size(); k++) {
                String pname = callee.getParameters().get(k).getSimpleName().toString();
                if (bound.get(k) instanceof ArrayRef a) {
                    bindArray(pname, a);
                } else {
                    Value v = (Value) bound.get(k);
                    bindScalar(pname, v.type(), v);
                }
            }
            return lowerReturning(new ArrayList<>(tree.getBody().getStatements()), tree);
        } finally {
            scopes.pop();
            returnTypes.pop();
            inlining.pop();
        }
    }

    // ---- typing helpers ----

    private Value convert(Value v, Type to, Tree at) {
        if (v.type() == to) {
            return v;
        }
        if (v.type() == Type.INT && to == Type.DOUBLE) {
            return b.toDouble(v);
        }
        throw new UnsupportedConstructException(at, "expected " + to.name().toLowerCase(java.util.Locale.ROOT)
                + " but this is " + v.type().name().toLowerCase(java.util.Locale.ROOT)
                + (to == Type.INT ? "; the subset has no double-to-int conversion" : ""));
    }

    private Variable lookupScalar(String name) {
        for (Scope s : scopes) {
            Variable v = s.scalars().get(name);
            if (v != null) {
                return v;
            }
            if (s.arrays().containsKey(name) || s.barrier()) {
                return null;
            }
        }
        return null;
    }

    private ArrayRef lookupArray(String name) {
        for (Scope s : scopes) {
            ArrayRef a = s.arrays().get(name);
            if (a != null) {
                return a;
            }
            if (s.scalars().containsKey(name) || s.barrier()) {
                return null;
            }
        }
        return null;
    }

    private Scope scope() {
        return scopes.peek();
    }

    private void pushScope() {
        scopes.push(new Scope(new HashMap<>(), new HashMap<>(), false));
    }

    private void popScope() {
        scopes.pop();
    }

    private static String describe(Tree t) {
        return t.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
