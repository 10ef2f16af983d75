package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Copier;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import dev.wengert.codegen.ir.ValueMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dense Hessian as a sum of local Hessians, one per region (the function's top level and each
 * loop iteration). Applied to a gradient program whose regions read x only at their own top
 * ({@link HessianStructure}): within a region, each read of x is a local direction; a forward
 * sweep per direction over the region's gradient code differentiates the adjoints it scatters
 * into g, and {@code g[j] += a} becomes {@code h[i * n + j] += a'} for the read x[i] of that
 * direction. For a pair kernel with six reads that is the 6x6 local Hessian, scattered per pair.
 * Values from outside the region (loop results, adjoint weights) have zero tangent: the structure
 * check guarantees they enter only affinely with x-independent coefficients.
 */
final class LocalHessian extends Copier {

    /** One region: its directions, each with the index of its read and its tangent map. */
    private static final class Region {
        final List<Value> readIndex = new ArrayList<>();
        final List<Map<Value, Value>> tangents = new ArrayList<>();
        /** For the pair loop of a {@link PairStructure}: side and offset of each direction. */
        final List<Integer> side = new ArrayList<>();
        final List<Integer> offset = new ArrayList<>();
        /** For the pair loop: the sum of each cross entry (i side offset * stride + j side offset). */
        Map<Integer, Value> cross;
        /**
         * For each direction, whether its element has been read on the path to here: null if it
         * certainly has, else a boolean value (a read inside an if merges into its condition).
         */
        final List<Value> read = new ArrayList<>();
        /** The copies of {@link #read} at the start and the end of the then block of each open if. */
        final Deque<List<Value>> atEntry = new ArrayDeque<>();
        final Deque<List<Value>> atThenEnd = new ArrayDeque<>();
    }

    private final ArrayRef hessian;
    private final Value n;
    private final PairStructure pairs;
    private Region region = new Region();

    private LocalHessian(Builder b, ArrayRef hessian, Value n, PairStructure pairs) {
        super(b);
        this.hessian = hessian;
        this.n = n;
        this.pairs = pairs;
    }

    /**
     * Appends the Hessian program of the gradient program {@code g} to {@code b}, adding into the
     * dense {@code hessian} (which must be zero first) or, for {@link ArrayRef#SPARSE_HESSIAN},
     * into its entries by (row, column).
     */
    static void apply(Builder b, Program g, ArrayRef hessian, Value n) {
        new LocalHessian(b, hessian, n, null).copyBlock(g.body(), new ValueMap());
    }

    /**
     * As {@link #apply}, for a gradient program with the pair structure {@code pairs}: the entries
     * of the off-diagonal blocks are assigned (once each), so only the diagonal blocks of h (all of
     * h if its length is not a multiple of the stride) must be zero first.
     */
    static void applyPairs(Builder b, Program g, ArrayRef hessian, Value n, PairStructure pairs) {
        new LocalHessian(b, hessian, n, pairs).copyBlock(g.body(), new ValueMap());
    }

    @Override
    protected void enterLoopBody(Loop original, ValueMap bodyMap) {
        if (pairs != null && original == pairs.inner()) {
            region.cross = new java.util.HashMap<>();
        }
    }

    @Override
    protected void exitLoopBody(Loop original, ValueMap bodyMap) {
        if (region.cross == null) {
            return;
        }
        int s = pairs.stride();
        Value[][] index = new Value[2][s];
        for (int d = 0; d < region.readIndex.size(); d++) {
            index[region.side.get(d)][region.offset.get(d)] = region.readIndex.get(d);
        }
        for (int a = 0; a < s; a++) {
            for (int c = 0; c < s; c++) {
                Value entry = region.cross.getOrDefault(a * s + c, b.constant(0.0));
                b.assign(hessian, b.add(b.mul(index[0][a], n), index[1][c]), entry);
                b.assign(hessian, b.add(b.mul(index[1][c], n), index[0][a]), entry);
            }
        }
        region.cross = null;
    }

    @Override
    protected void copyNode(Node node, ValueMap map) {
        if (node instanceof Value v) {
            copyWithTangents(v, map);
        } else if (node instanceof Loop l) {
            Region outer = region;
            region = new Region();
            copyLoop(l, map);
            region = outer;
        } else if (node instanceof If) {
            super.copyNode(node, map);
        } else if (node instanceof Scatter s) {
            Value index = get(map, s.index());
            int column = region.readIndex.indexOf(index);
            for (int d = 0; d < region.readIndex.size(); d++) {
                if (column >= 0 && d > column) {
                    continue;   // H is symmetric: entry (d, column) was written as the mirror of (column, d)
                }
                Value t = region.tangents.get(d).get(s.value());
                if (t == null) {
                    continue;
                }
                Value row = region.readIndex.get(d);
                if (region.cross != null && !region.side.get(d).equals(region.side.get(column))) {
                    // an entry of the off-diagonal block of the pair: summed here, assigned at the end
                    int key = region.side.get(d) == 0
                            ? region.offset.get(d) * pairs.stride() + region.offset.get(column)
                            : region.offset.get(column) * pairs.stride() + region.offset.get(d);
                    region.cross.merge(key, t, b::add);
                    continue;
                }
                // where an element was read only in a branch that may not have run, its index may be
                // out of range: the entry is added only if both reads happened
                Value guard = both(region.read.get(d), column >= 0 ? region.read.get(column) : null);
                If guarded = guard == null ? null : b.beginIf(guard);
                add(row, index, t);
                if (column >= 0 && d < column) {
                    add(index, row, t);
                }
                if (guarded != null) {
                    b.beginElse(guarded);
                    b.endIf(guarded);
                }
            }
        }
    }

    private Value both(Value a, Value c) {
        return a == null ? c : c == null ? a : b.and(a, c);
    }

    @Override
    protected void branchEntered(If copy, boolean then) {
        if (then) {
            region.atEntry.push(new ArrayList<>(region.read));
            // inside the then block its condition holds: a read merged into it has happened
            region.read.replaceAll(r -> r == copy.cond() ? null : r);
            return;
        }
        region.atThenEnd.push(new ArrayList<>(region.read));
        List<Value> entry = region.atEntry.peek();
        for (int d = 0; d < region.read.size(); d++) {
            region.read.set(d, d < entry.size() ? entry.get(d) : b.bool(false));
        }
    }

    @Override
    protected void branchesExited(If copy) {
        region.atEntry.pop();
        List<Value> thenEnd = region.atThenEnd.pop();
        for (int d = 0; d < region.read.size(); d++) {
            Value inThen = d < thenEnd.size() ? orTrue(thenEnd.get(d)) : b.bool(false);
            Value inElse = orTrue(region.read.get(d));
            Value merged = b.phi(copy, inThen, inElse);
            region.read.set(d, merged.op() == Op.CONST && (Boolean) merged.payload() ? null : merged);
        }
    }

    private Value orTrue(Value read) {
        return read == null ? b.bool(true) : read;
    }

    /** Adds t into entry (row, column) of the dense or the sparse Hessian. */
    private void add(Value row, Value column, Value t) {
        if (hessian.kind() == ArrayRef.Kind.SPARSE_HESSIAN) {
            b.scatterEntry(hessian, row, column, t);
        } else {
            b.scatter(hessian, b.add(b.mul(row, n), column), t);
        }
    }

    private void copyWithTangents(Value v, ValueMap map) {
        Value image = copyValue(v, map);
        if (v.op().isDefinedByNode() || v.type() != Type.DOUBLE) {
            return;
        }
        if (Activity.isVariableRead(v)) {
            // one direction per element index: a branch that reads x[k] again (an if's adjoint
            // recomputes its branch) reads the same variable
            Value index = get(map, v.arg(0));
            int d = region.readIndex.indexOf(index);
            if (d < 0) {
                d = region.readIndex.size();
                region.readIndex.add(index);
                region.read.add(null);
                region.tangents.add(new IdentityHashMap<>());
                if (pairs != null && pairs.readGroup().containsKey(v)) {
                    region.side.add(pairs.readGroup().get(v));
                    region.offset.add(pairs.readOffset().get(v));
                }
            }
            region.tangents.get(d).put(v, b.constant(1.0));
            region.read.set(d, null);
            return;
        }
        for (Map<Value, Value> direction : region.tangents) {
            Value t = TangentMode.tangentByRule(b, v, image, map, direction::get, this);
            if (t != null && !t.isConstant(0)) {
                direction.put(v, t);
            }
        }
    }

    @Override
    protected void phiCopied(If.Phi p, If copy, Value taken) {
        if (p.result().type() != Type.DOUBLE) {
            return;
        }
        Value zero = b.constant(0.0);
        for (Map<Value, Value> direction : region.tangents) {
            if (copy == null) {
                Value t = direction.get(taken);
                if (t != null) {
                    direction.put(p.result(), t);
                }
                continue;
            }
            Value t = direction.get(p.whenTrue());
            Value f = direction.get(p.whenFalse());
            if (t != null || f != null) {
                direction.put(p.result(), b.phi(copy, t == null ? zero : t, f == null ? zero : f));
            }
        }
    }
}
