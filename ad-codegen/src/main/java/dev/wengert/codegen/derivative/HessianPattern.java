package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Copier;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Passes;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import dev.wengert.codegen.ir.ValueMap;
import java.util.Set;

/**
 * The program that lists the sparsity pattern of a sparse Hessian program: every entry it can add
 * into, for every x of a given length. It keeps the loops and the ifs whose condition x cannot
 * change (a boundary test on indices), runs both branches of an if on x (the pattern is the union
 * of both), and adds into {@link ArrayRef#HESSIAN_PATTERN} instead of the values; dead-code
 * elimination then drops every computation of a value.
 */
final class HessianPattern extends Copier {
    private final Set<Value> dependsOnX;
    /** Set when an int or boolean merged from a branch on x may steer the pattern: no static pattern. */
    private boolean branchOnXChoosesAnIndex;

    private HessianPattern(Builder b, Set<Value> dependsOnX) {
        super(b);
        this.dependsOnX = dependsOnX;
    }

    /** The pattern program of the sparse Hessian program {@code sparse}, or null if x steers an index. */
    static Program of(Program sparse) {
        Builder b = new Builder();
        HessianPattern p = new HessianPattern(b, Activity.dependingOnX(sparse));
        p.copyBlock(sparse.body(), new ValueMap());
        return p.branchOnXChoosesAnIndex ? null : Passes.optimize(new Program(b.root(), null));
    }

    @Override
    protected void copyNode(Node n, ValueMap map) {
        if (n instanceof Scatter s && s.byEntry()) {
            b.scatterEntry(ArrayRef.HESSIAN_PATTERN, get(map, s.index()), get(map, s.column()), b.constant(1.0));
        } else {
            super.copyNode(n, map);
        }
    }

    @Override
    protected void copyIf(If node, ValueMap map) {
        if (!dependsOnX.contains(node.cond())) {
            super.copyIf(node, map);
            return;
        }
        ValueMap thenMap = map.child();
        copyBlock(node.then(), thenMap);
        ValueMap elseMap = map.child();
        copyBlock(node.otherwise(), elseMap);
        for (If.Phi p : node.phis()) {
            // a merged double only feeds values, which the pattern drops; any other type may feed an index
            branchOnXChoosesAnIndex |= p.result().type() != Type.DOUBLE;
            map.put(p.result(), get(thenMap, p.whenTrue()));
        }
    }
}
