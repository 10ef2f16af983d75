package dev.wengert.codegen.emit;

import dev.wengert.codegen.ir.Alloc;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Value;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What length of x a generated class accepts, read off its programs: a function that never asks
 * for {@code x.length} and reads only entries whose index is known at compile time (literals, and
 * counters of loops with literal bounds) has a fixed dimension, one more than the largest index it
 * reads; any other function accepts every x long enough for the fixed entries it reads. A fixed
 * dimension lets the checks blame x, not g, when a gradient is given an x longer than f reads
 * and a g of f's own length.
 *
 * @param fixed whether the dimension is fixed
 * @param length the dimension if fixed, otherwise the least length that covers the known reads
 */
record InputShape(boolean fixed, int length) {

    /**
     * The shape of x read off the value program: the derivative programs are derived from it and
     * read no entry it does not, while the dense Hessian's loop over its columns asks for
     * {@code x.length} whatever the function does.
     */
    static InputShape of(Program program) {
        Walk w = new Walk();
        w.block(program.body());
        if (program.result() != null) w.value(program.result());
        boolean fixed = !w.followsLength && !w.unknownRead && w.largestRead >= 0;
        return new InputShape(fixed, w.largestRead + 1);
    }

    private static final class Walk {
        final Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<Value, Loop> loopOf = new IdentityHashMap<>();
        boolean followsLength;
        boolean unknownRead;
        int largestRead = -1;

        void block(Block b) {
            for (Node n : b.nodes()) node(n);
        }

        void node(Node n) {
            if (n instanceof Value v) {
                value(v);
            } else if (n instanceof Scatter s) {
                value(s.index());
                value(s.column());
                value(s.value());
            } else if (n instanceof Alloc a) {
                value(a.size());
            } else if (n instanceof Loop l) {
                loopOf.put(l.index(), l);
                value(l.lo());
                value(l.hi());
                for (Loop.Reduction r : l.reductions()) {
                    value(r.init());
                    value(r.delta());
                }
                for (Loop.Carried c : l.carried()) {
                    value(c.init());
                    value(c.next());
                }
                block(l.preheader());
                block(l.body());
            } else {
                If i = (If) n;
                value(i.cond());
                block(i.then());
                block(i.otherwise());
                for (If.Phi phi : i.phis()) {
                    value(phi.whenTrue());
                    value(phi.whenFalse());
                }
            }
        }

        void value(Value v) {
            if (v == null || !seen.add(v)) return;
            if (isVariable(v) && v.op() == Op.LENGTH) followsLength = true;
            if (isVariable(v) && v.op() == Op.READ) {
                Integer largest = largest(v.arg(0));
                if (largest == null) {
                    unknownRead = true;
                } else {
                    largestRead = Math.max(largestRead, largest);
                }
            }
            for (Value a : v.args()) value(a);
        }

        // The largest value an int index can take, if known at compile time.
        Integer largest(Value index) {
            if (index.op() == Op.CONST && index.payload() instanceof Integer c) return c;
            if (index.op() == Op.LOOP_INDEX) {
                Loop l = loopOf.get(index);
                if (l == null || l.step() <= 0 || !(l.hi().payload() instanceof Integer hi) || l.hi().op() != Op.CONST) {
                    return null;
                }
                return l.inclusive() ? hi : hi - 1;
            }
            if (index.op() == Op.ADD) {
                Integer a = largest(index.arg(0));
                Integer b = largest(index.arg(1));
                return a == null || b == null ? null : a + b;
            }
            if (index.op() == Op.SUB && index.arg(1).op() == Op.CONST && index.arg(1).payload() instanceof Integer c) {
                Integer a = largest(index.arg(0));
                return a == null ? null : a - c;
            }
            return null;
        }

        private static boolean isVariable(Value v) {
            return v.payload() instanceof ArrayRef r && r.kind() == ArrayRef.Kind.VARIABLE;
        }
    }
}
