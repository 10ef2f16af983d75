package dev.wengert.codegen.ir;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies IR into a {@link Builder}, which re-folds and re-shares every value: copying a whole
 * program is the CSE and folding pass. A fusion plan ({@link LoopFusion}) makes the copy merge
 * loops with the same header. Derivative transformations use it to recompute forward values.
 */
public class Copier {
    protected final Builder b;
    private final Map<Loop, List<Loop>> fusion;
    private final Set<Loop> fusedAway = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** A copier into {@code b} without loop fusion. */
    public Copier(Builder b) {
        this(b, Map.of());
    }

    /** A copier that appends the bodies of {@code fusion.get(l)} to the body of each loop l. */
    public Copier(Builder b, Map<Loop, List<Loop>> fusion) {
        this.b = b;
        this.fusion = fusion;
        fusion.values().forEach(fusedAway::addAll);
    }

    /** The image of {@code v}: free values are re-created, others must have been copied already. */
    public Value get(ValueMap map, Value v) {
        if (v.op().isFree()) {
            return b.make(v.op(), v.type(), List.of(), v.payload());
        }
        Value found = map.find(v);
        if (found == null) {
            throw new IllegalStateException("value used before its definition was copied: " + v);
        }
        return found;
    }

    /** Copies every node of {@code block} into the current block of the builder. */
    public void copyBlock(Block block, ValueMap map) {
        for (Node n : block.nodes()) {
            copyNode(n, map);
        }
    }

    /** Copies one node; subclasses extend it to add derivative code next to the copy. */
    protected void copyNode(Node n, ValueMap map) {
        if (n instanceof Value v) {
            copyValue(v, map);
        } else if (n instanceof Loop l) {
            copyLoop(l, map);
        } else if (n instanceof If i) {
            copyIf(i, map);
        } else if (n instanceof Alloc a) {
            b.alloc(a.array(), get(map, a.size()), a.clear());
        } else if (n instanceof Scatter s) {
            if (s.bySlot()) {
                b.scatterNext(s.target(), get(map, s.value()));
            } else if (s.byEntry()) {
                b.scatterEntry(s.target(), get(map, s.index()), get(map, s.column()), get(map, s.value()));
            } else if (s.assign()) {
                b.assign(s.target(), get(map, s.index()), get(map, s.value()));
            } else {
                b.scatter(s.target(), get(map, s.index()), get(map, s.value()));
            }
        }
    }

    protected Value copyValue(Value v, ValueMap map) {
        List<Value> args = new ArrayList<>(v.args().size());
        for (Value a : v.args()) {
            args.add(get(map, a));
        }
        Value copy = b.make(v.op(), v.type(), args, v.payload());
        if (v.nameHint() != null) {
            copy.suggestName(v.nameHint());
        }
        map.put(v, copy);
        return copy;
    }

    protected void copyLoop(Loop l, ValueMap map) {
        if (fusedAway.contains(l)) {
            return;
        }
        Loop copy = b.beginLoop(get(map, l.lo()), get(map, l.hi()), l.inclusive(), l.step(), l.index().nameHint());
        List<Loop> group = new ArrayList<>();
        group.add(l);
        group.addAll(fusion.getOrDefault(l, List.of()));
        ValueMap body = map.child();
        for (Loop member : group) {
            body.put(member.index(), copy.index());
            for (Loop.Carried c : member.carried()) {
                Value phi = b.carriedPhi(copy, c.phi().type());
                nameLike(phi, c.phi());
                body.put(c.phi(), phi);
                carriedEntered(c, copy, map);
            }
            enterLoopBody(member, body);
            copyBlock(member.preheader(), body);
            copyBlock(member.body(), body);
            exitLoopBody(member, body);
        }
        b.endLoop(copy);
        for (Loop member : group) {
            for (Loop.Reduction r : member.reductions()) {
                Value result = b.reduce(copy, get(map, r.init()), get(body, r.delta()));
                nameLike(result, r.result());
                map.put(r.result(), result);
                reductionCopied(r, copy);
            }
            for (Loop.Carried c : member.carried()) {
                Value result = b.carry(copy, get(map, c.init()), body.find(c.phi()), get(body, c.next()));
                nameLike(result, c.result());
                map.put(c.result(), result);
                carriedCopied(c, copy, body);
            }
        }
    }

    /** Called once per carried state of a copied loop, right after its phi is mapped, before the body is copied. */
    protected void carriedEntered(Loop.Carried original, Loop copy, ValueMap outside) {
    }

    /** Called once per carried state of a copied loop, right after its result is mapped ({@code body}: the body's map). */
    protected void carriedCopied(Loop.Carried original, Loop copy, ValueMap body) {
    }

    /**
     * Called once per reduction of a copied loop, right after its result is mapped, so that a
     * transformation can add a reduction of its own to the same loop (a tangent, say).
     */
    protected void reductionCopied(Loop.Reduction original, Loop copy) {
    }

    /** Called before the then ({@code then}) or the else block of {@code copy} is copied into it. */
    protected void branchEntered(If copy, boolean then) {
    }

    /** Called after both blocks of {@code copy} are copied, before its phis are. */
    protected void branchesExited(If copy) {
    }

    /**
     * Called once per phi of a copied if, right after its result is mapped. {@code copy} is the
     * copied if; or, when the condition folded and only one branch was copied inline, null, with
     * {@code taken} the original value of the branch that ran ({@code whenTrue} or {@code whenFalse}).
     */
    protected void phiCopied(If.Phi original, If copy, Value taken) {
    }

    /** Called at the start of each copied loop body, with the body's own scope of the map. */
    protected void enterLoopBody(Loop original, ValueMap bodyMap) {
    }

    /** Called at the end of each copied loop body, before the loop is closed. */
    protected void exitLoopBody(Loop original, ValueMap bodyMap) {
    }

    protected void copyIf(If node, ValueMap map) {
        Value cond = get(map, node.cond());
        if (cond.op() == Op.CONST) {
            // the condition folded: only the taken branch remains
            boolean taken = (Boolean) cond.payload();
            ValueMap branch = map.child();
            copyBlock(taken ? node.then() : node.otherwise(), branch);
            for (If.Phi p : node.phis()) {
                Value side = taken ? p.whenTrue() : p.whenFalse();
                map.put(p.result(), get(branch, side));
                phiCopied(p, null, side);
            }
            return;
        }
        If copy = b.beginIf(cond);
        ValueMap thenMap = map.child();
        branchEntered(copy, true);
        copyBlock(node.then(), thenMap);
        b.beginElse(copy);
        ValueMap elseMap = map.child();
        branchEntered(copy, false);
        copyBlock(node.otherwise(), elseMap);
        b.endIf(copy);
        branchesExited(copy);
        for (If.Phi p : node.phis()) {
            Value merged = b.phi(copy, get(thenMap, p.whenTrue()), get(elseMap, p.whenFalse()));
            nameLike(merged, p.result());
            map.put(p.result(), merged);
            phiCopied(p, copy, null);
        }
    }

    protected static void nameLike(Value copy, Value original) {
        if (original.nameHint() != null) {
            copy.suggestName(original.nameHint());
        }
    }

    /** Copies a whole program through a fresh builder (CSE, folding and the given fusion plan). */
    public static Program rebuild(Program p, Map<Loop, List<Loop>> fusion) {
        return rebuild(p, fusion, new Builder());
    }

    /** Copies a whole program into the empty builder {@code b}. */
    static Program rebuild(Program p, Map<Loop, List<Loop>> fusion, Builder b) {
        Copier c = new Copier(b, fusion);
        ValueMap map = new ValueMap();
        c.copyBlock(p.body(), map);
        return new Program(b.root(), p.result() == null ? null : c.get(map, p.result()));
    }
}
