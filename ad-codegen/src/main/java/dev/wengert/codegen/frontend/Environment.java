package dev.wengert.codegen.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * What the lowering of one method body shares: the builder, the name scopes, the current SSA
 * value of every variable, the loops being lowered (with the variables they reduce), and the
 * methods being inlined. Also the typing rules the subset needs (int to double widening only).
 */
final class Environment {

    /** One level of name scope; a barrier stops lookups (an inlined method sees only its own names). */
    record Scope(Map<String, Variable> scalars, Map<String, ArrayRef> arrays, Map<String, Row> rows, boolean barrier) {
        Scope(Map<String, Variable> scalars, Map<String, ArrayRef> arrays, boolean barrier) {
            this(scalars, arrays, new HashMap<>(), barrier);
        }
    }

    /**
     * A row of a {@code double[][]} data parameter bound to a name: {@code double[] row = a[i]} or the
     * variable of {@code for (double[] row : a)}.
     *
     * @param matrix the matrix
     * @param index the row's index
     */
    record Row(ArrayRef matrix, Value index) {
    }

    final Builder b;
    final Deque<Scope> scopes = new ArrayDeque<>();
    final Deque<ExecutableElement> inlining = new ArrayDeque<>();
    /** For each enclosing loop (innermost first): the variables it reduces. */
    final Deque<Set<Variable>> reducing = new ArrayDeque<>();
    State state = new State();
    int loopDepth;
    /** The return type of the method being lowered (innermost inlined call first). */
    final Deque<Type> returnTypes = new ArrayDeque<>();
    /** The class whose source is being lowered (an inlined helper's own class first). */
    final Deque<ClassMembers> classes = new ArrayDeque<>();

    /**
     * What the body of one open loop does to work arrays: where it first reads each, and which it writes.
     *
     * @param reads the work arrays read, with the first read
     * @param writes the work arrays written
     */
    record WorkUse(Map<ArrayRef, Tree> reads, Set<ArrayRef> writes) {
    }

    /** The work arrays declared so far. */
    final java.util.List<ArrayRef> workArrays = new java.util.ArrayList<>();
    /** The first read of each work array: no write may follow it. */
    final Map<ArrayRef, Tree> workReads = new HashMap<>();
    /** For each enclosing loop (innermost first): what its body does to work arrays. */
    final Deque<WorkUse> loopWork = new ArrayDeque<>();
    /** The work array whose element is being written, or null: its new value may not read it. */
    ArrayRef writing;

    Environment(Builder b, ClassMembers annotatedClass) {
        this.b = b;
        classes.push(annotatedClass);
    }

    /** The members the names in the code being lowered refer to. */
    ClassMembers members() {
        return classes.peek();
    }

    boolean isReduced(Variable var) {
        return !reducing.isEmpty() && reducing.peek().contains(var);
    }

    static String loopCarried(String name) {
        return "loop-carried variable '" + name + "': only double variables carry state from one iteration to the "
                + "next (an int only by constant steps, " + name + "++ or " + name + " += 2); compute '" + name
                + "' in each iteration from the loop counter";
    }

    boolean isVisible(Variable var) {
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

    static boolean isName(ExpressionTree e, String name) {
        return e instanceof IdentifierTree id && id.getName().contentEquals(name);
    }

    static Type primitiveTypeOrNull(Tree typeTree) {
        if (typeTree instanceof PrimitiveTypeTree p) {
            return switch (p.getPrimitiveTypeKind()) {
                case INT -> Type.INT;
                case DOUBLE -> Type.DOUBLE;
                default -> null;
            };
        }
        return null;
    }

    Value current(Variable var, Tree at) {
        Value v = state.values.get(var);
        if (v == null) {
            throw new UnsupportedConstructException(at, "'" + var.name + "' may be unassigned here; initialise it");
        }
        return v;
    }

    Value convert(Value v, Type to, Tree at) {
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

    Variable lookupScalar(String name) {
        for (Scope s : scopes) {
            Variable v = s.scalars().get(name);
            if (v != null) {
                return v;
            }
            if (s.arrays().containsKey(name) || s.rows().containsKey(name) || s.barrier()) {
                return null;
            }
        }
        return null;
    }

    Row lookupRow(String name) {
        for (Scope s : scopes) {
            Row r = s.rows().get(name);
            if (r != null) {
                return r;
            }
            if (s.scalars().containsKey(name) || s.arrays().containsKey(name) || s.barrier()) {
                return null;
            }
        }
        return null;
    }

    ArrayRef lookupArray(String name) {
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

    /**
     * {@code a[index]}, noting a read of a work array: the subset lets a function fill a work array and then
     * read it, never read it and write it again, so every read sees the array's final values (which the
     * adjoint recomputes from) and no overwritten value needs saving.
     */
    Value read(ArrayRef a, Value index, Tree at) {
        if (a.isWork()) {
            if (a.equals(writing)) {
                throw new UnsupportedConstructException(at, "work array '" + a.sourceName() + "' is read in a value "
                        + "written into it: a work array is filled first and read afterwards; write the new values "
                        + "into a second work array (double[] next = new double[n])");
            }
            workReads.putIfAbsent(a, at);
            for (WorkUse loop : loopWork) {
                loop.reads().putIfAbsent(a, at);
            }
        }
        return b.read(a, index);
    }

    /** Notes a write into the work array {@code a} at {@code at}; fails if a read of it came first. */
    void written(ArrayRef a, Tree at) {
        if (workReads.containsKey(a)) {
            throw new UnsupportedConstructException(at, "work array '" + a.sourceName() + "' is written after it "
                    + "is read: fill a work array completely before the first read of it; write later values into "
                    + "a second work array (double[] next = new double[n])");
        }
        for (WorkUse loop : loopWork) {
            loop.writes().add(a);
        }
    }

    Scope scope() {
        return scopes.peek();
    }

    void pushScope() {
        scopes.push(new Scope(new HashMap<>(), new HashMap<>(), false));
    }

    void popScope() {
        scopes.pop();
    }

    static String describe(Tree t) {
        return t.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

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
}
