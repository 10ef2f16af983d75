package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.Alloc;
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
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Forward (tangent) mode by source transformation, applied to a gradient program: that is
 * forward-over-reverse, and the tangent of every {@code g[i] += a} is {@code hv[i] += a'}.
 * Loops and ifs keep their shape; reductions get tangent reductions, phis tangent phis.
 */
final class TangentMode extends Copier {

    /** What the transformation seeds and where it scatters. */
    record Seeding(Function<Value, Value> tangentOfRead, ArrayRef output, Function<Value, Value> outputIndex,
                   boolean keepGradient) {
    }

    // each value of the source program is copied exactly once, so one flat map is enough
    private final Map<Value, Value> tangents = new IdentityHashMap<>();
    private final Seeding seeding;

    private TangentMode(Builder b, Seeding seeding) {
        super(b);
        this.seeding = seeding;
    }

    /** Appends the transformed {@code program} to the current block of {@code b}; returns the primal result. */
    static Value apply(Builder b, Program program, Seeding seeding) {
        TangentMode t = new TangentMode(b, seeding);
        ValueMap map = new ValueMap();
        t.copyBlock(program.body(), map);
        return program.result() == null ? null : t.get(map, program.result());
    }

    @Override
    protected void copyNode(Node n, ValueMap map) {
        if (n instanceof Value v) {
            Value image = copyValue(v, map);
            if (!v.op().isDefinedByNode() && v.type() == Type.DOUBLE) {
                setTangent(v, tangentOf(v, image, map));
            }
        } else if (n instanceof Loop || n instanceof If) {
            super.copyNode(n, map);
        } else if (n instanceof Alloc a) {
            super.copyNode(n, map);
            b.alloc(a.array().tangent(), get(map, a.size()), a.clear());   // written where the array is
        } else if (n instanceof Scatter s && s.target().isWork()) {
            // a work array's writes are part of the computation: kept, with their tangents beside them
            super.copyNode(n, map);
            Value index = get(map, s.index());
            Value t = tangents.get(s.value());
            if (s.assign()) {
                b.assign(s.target().tangent(), index, t == null ? b.constant(0.0) : t);
            } else if (t != null) {
                b.scatter(s.target().tangent(), index, t);
            }
        } else if (n instanceof Scatter s) {
            Value index = get(map, s.index());
            if (seeding.keepGradient()) {
                b.scatter(s.target(), index, get(map, s.value()));
            }
            Value t = tangents.get(s.value());
            if (t != null) {
                b.scatter(seeding.output(), seeding.outputIndex().apply(index), t);
            }
        }
    }

    private Value tangentOf(Value v, Value image, ValueMap map) {
        if (Activity.isVariableRead(v)) {
            return seeding.tangentOfRead().apply(get(map, v.arg(0)));
        }
        if (Activity.isWorkRead(v)) {
            return b.read(((ArrayRef) v.payload()).tangent(), get(map, v.arg(0)));
        }
        return tangentByRule(b, v, image, map, tangents::get, this);
    }

    /** Applies the rule of v's original operation to the copied arguments and their tangents. */
    static Value tangentByRule(Builder b, Value v, Value image, ValueMap map, Function<Value, Value> tangentOf,
                               Copier copier) {
        if (v.op() == Op.READ || v.op() == Op.LENGTH) {
            return null;
        }
        Value[] argTangents = new Value[v.args().size()];
        boolean any = false;
        for (int i = 0; i < argTangents.length; i++) {
            argTangents[i] = tangentOf.apply(v.arg(i));
            any |= argTangents[i] != null;
        }
        if (!any) {
            return null;
        }
        Rules.Application app = new Rules.Application(v.op(), v.payload(),
                v.args().stream().map(x -> copier.get(map, x)).toList(), image);
        return Rules.tangent(b, app, argTangents);
    }

    private void setTangent(Value v, Value t) {
        if (t != null && !t.isConstant(0)) {
            if (v.nameHint() != null) {
                t.suggestName(v.nameHint() + "Dot");
            }
            tangents.put(v, t);
        }
    }

    @Override
    protected void reductionCopied(Loop.Reduction r, Loop copy) {
        Value dInit = tangents.get(r.init());
        Value dDelta = tangents.get(r.delta());
        if (dDelta != null) {
            setTangent(r.result(), b.reduce(copy, dInit == null ? b.constant(0.0) : dInit, dDelta));
        } else if (dInit != null) {
            setTangent(r.result(), dInit);
        }
    }

    // A tangent is carried beside each double carried state (zero where it has none).
    private final Map<Loop.Carried, Value> tangentPhis = new IdentityHashMap<>();

    @Override
    protected void carriedEntered(Loop.Carried c, Loop copy, ValueMap outside) {
        if (c.phi().type() != Type.DOUBLE) {
            return;
        }
        Value phi = b.carriedPhi(copy, Type.DOUBLE);
        tangentPhis.put(c, phi);
        setTangent(c.phi(), phi);
    }

    @Override
    protected void carriedCopied(Loop.Carried c, Loop copy, ValueMap body) {
        Value phi = tangentPhis.get(c);
        if (phi == null) {
            return;
        }
        Value init = tangents.get(c.init());
        Value next = tangents.get(c.next());
        Value zero = b.constant(0.0);
        setTangent(c.result(), b.carry(copy, init == null ? zero : init, phi, next == null ? zero : next));
    }

    @Override
    protected void phiCopied(If.Phi p, If copy, Value taken) {
        if (p.result().type() != Type.DOUBLE) {
            return;
        }
        if (copy == null) {
            setTangent(p.result(), tangents.get(taken));
            return;
        }
        Value t = tangents.get(p.whenTrue());
        Value f = tangents.get(p.whenFalse());
        if (t != null || f != null) {
            Value zero = b.constant(0.0);
            setTangent(p.result(), b.phi(copy, t == null ? zero : t, f == null ? zero : f));
        }
    }
}
