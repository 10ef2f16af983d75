package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recognises the pair kernel whose dense Hessian can be written without clearing all of h first:
 * <pre>{@code
 * for (int i = 0; i < x.length / s; i++)
 *     for (int j = i + 1; j < x.length / s; j++)
 *         ... reads x[s*i + c] and x[s*j + c] for every c in [0, s), and no other x ...
 * }</pre>
 * with every read of x in the inner body (not in an if), and no read of x anywhere else. Then an
 * entry (s*i + a, s*j + b) with i != j is touched by the local Hessian of the pair (min(i, j),
 * max(i, j)) only, so it can be assigned once instead of cleared and accumulated; only the diagonal
 * s x s blocks accumulate (over several pairs) and must be cleared. When {@code x.length} is not a
 * multiple of s, the generated code clears all of h (the rows and columns past s * (x.length / s)
 * are written by nobody).
 *
 * @param outer the loop over i
 * @param inner the loop over j
 * @param stride s
 * @param readGroup for each read of x in the inner body: 0 for the i side, 1 for the j side
 * @param readOffset for each read of x in the inner body: c
 */
record PairStructure(Loop outer, Loop inner, int stride, Map<Value, Integer> readGroup, Map<Value, Integer> readOffset) {

    /** The pair structure of the sunk gradient program {@code g}, or null if it does not have it. */
    static PairStructure of(Program g) {
        List<Loop> top = new ArrayList<>();
        for (Node n : g.body().nodes()) {
            if (n instanceof Loop l) {
                top.add(l);
            } else if (n instanceof If i && containsRead(i.then()) | containsRead(i.otherwise())) {
                return null;
            } else if (n instanceof Value v && Activity.isVariableRead(v)) {
                return null;
            }
        }
        Loop outer = null;
        for (Loop l : top) {
            if (containsRead(l.preheader()) || containsRead(l.body())) {
                if (outer != null) {
                    return null;
                }
                outer = l;
            }
        }
        if (outer == null || !outer.preheader().nodes().isEmpty() || outer.inclusive() || outer.step() != 1
                || !isIntConstant(outer.lo(), 0)) {
            return null;
        }
        Value hi = outer.hi();
        if (hi.op() != Op.DIV || hi.type() != Type.INT || hi.arg(0).op() != Op.LENGTH
                || ((ArrayRef) hi.arg(0).payload()).kind() != ArrayRef.Kind.VARIABLE || !isIntConstant(hi.arg(1))) {
            return null;
        }
        int stride = intConstant(hi.arg(1));
        if (stride < 1) {
            return null;
        }
        Loop inner = null;
        for (Node n : outer.body().nodes()) {
            if (n instanceof Loop l && (containsRead(l.preheader()) || containsRead(l.body()))) {
                if (inner != null) {
                    return null;
                }
                inner = l;
            } else if (n instanceof If i && containsRead(i.then()) | containsRead(i.otherwise())) {
                return null;
            } else if (n instanceof Value v && Activity.isVariableRead(v)) {
                return null;
            }
        }
        if (inner == null || !inner.preheader().nodes().isEmpty() || inner.inclusive() || inner.step() != 1
                || inner.hi() != hi || !isSuccessor(inner.lo(), outer.index())) {
            return null;
        }
        Map<Value, Integer> group = new IdentityHashMap<>();
        Map<Value, Integer> offset = new IdentityHashMap<>();
        boolean[][] seen = new boolean[2][stride];
        List<Scatter> scatters = new ArrayList<>();
        for (Node n : inner.body().nodes()) {
            if (n instanceof Loop || n instanceof If) {
                return null;   // keep it simple: a straight-line pair body only
            } else if (n instanceof Scatter s) {
                scatters.add(s);
            } else if (n instanceof Value v && Activity.isVariableRead(v)) {
                long[] form = affine(v.arg(0), outer.index(), inner.index());
                if (form == null || form[0] != stride || form[1] < 0 || form[1] >= stride) {
                    return null;
                }
                int side = (int) form[2];
                int c = (int) form[1];
                if (seen[side][c]) {
                    return null;
                }
                seen[side][c] = true;
                group.put(v, side);
                offset.put(v, c);
            }
        }
        for (boolean[] side : seen) {
            for (boolean b : side) {
                if (!b) {
                    return null;
                }
            }
        }
        // every scatter into g must be at the index of one of the reads (it is, for a gradient)
        for (Scatter s : scatters) {
            if (group.keySet().stream().noneMatch(r -> r.arg(0) == s.index())) {
                return null;
            }
        }
        return new PairStructure(outer, inner, stride, group, offset);
    }

    private static boolean containsRead(Block block) {
        for (Node n : block.nodes()) {
            if (n instanceof Value v && Activity.isVariableRead(v)) {
                return true;
            } else if (n instanceof Loop l && (containsRead(l.preheader()) || containsRead(l.body()))) {
                return true;
            } else if (n instanceof If i && (containsRead(i.then()) || containsRead(i.otherwise()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSuccessor(Value lo, Value index) {
        return lo.op() == Op.ADD && lo.type() == Type.INT
                && (lo.arg(0) == index && isIntConstant(lo.arg(1), 1) || lo.arg(1) == index && isIntConstant(lo.arg(0), 1));
    }

    /**
     * {coefficient, constant, side} of {@code v = coefficient * index + constant} for the outer
     * (side 0) or inner (side 1) index, or null if v is not of that form.
     */
    private static long[] affine(Value v, Value outerIndex, Value innerIndex) {
        long[] f = form(v, outerIndex, innerIndex, 0);
        if (f == null || f[2] == 0 || f[0] == 0) {
            return null;
        }
        return new long[] {f[0], f[1], f[2] - 1};
    }

    // {coefficient, constant, side + 1 (0: constant)}
    private static long[] form(Value v, Value outerIndex, Value innerIndex, int depth) {
        if (depth > 8 || v.type() != Type.INT) {
            return null;
        }
        if (v == outerIndex) {
            return new long[] {1, 0, 1};
        }
        if (v == innerIndex) {
            return new long[] {1, 0, 2};
        }
        if (isIntConstant(v)) {
            return new long[] {0, intConstant(v), 0};
        }
        if (v.op() != Op.ADD && v.op() != Op.MUL && v.op() != Op.SUB) {
            return null;
        }
        long[] a = form(v.arg(0), outerIndex, innerIndex, depth + 1);
        long[] b = form(v.arg(1), outerIndex, innerIndex, depth + 1);
        if (a == null || b == null || a[2] != 0 && b[2] != 0) {
            return null;
        }
        long side = Math.max(a[2], b[2]);
        return switch (v.op()) {
            case ADD -> new long[] {a[0] + b[0], a[1] + b[1], side};
            case SUB -> new long[] {a[0] - b[0], a[1] - b[1], side};
            default -> a[2] == 0 ? new long[] {a[1] * b[0], a[1] * b[1], side} : new long[] {a[0] * b[1], a[1] * b[1], side};
        };
    }

    private static boolean isIntConstant(Value v) {
        return v.op() == Op.CONST && v.type() == Type.INT;
    }

    private static boolean isIntConstant(Value v, int c) {
        return isIntConstant(v) && intConstant(v) == c;
    }

    private static int intConstant(Value v) {
        return ((Number) v.payload()).intValue();
    }
}
