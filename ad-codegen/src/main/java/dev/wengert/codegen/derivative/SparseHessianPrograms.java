package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Copier;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Passes;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Value;
import dev.wengert.codegen.ir.ValueMap;

/**
 * The two programs of a sparse Hessian made from a program that adds into its entries, none of them
 * inside an if on x ({@link EntryHoisting}): the one that lists the entries in the order it adds
 * into them ({@link ArrayRef#HESSIAN_PATTERN}, the values dropped), and the one that adds the
 * values into the slots in that same order. Neither fuses loops, which would reorder the entries.
 */
final class SparseHessianPrograms extends Copier {
    private final boolean listing;

    private SparseHessianPrograms(Builder b, boolean listing) {
        super(b);
        this.listing = listing;
    }

    /** The program that lists the entries of {@code sparse}, or null if which entries depends on x. */
    static Program listing(Program sparse) {
        Program p = convert(sparse, true);
        return readsX(p.body()) ? null : p;
    }

    /** The program that adds the values of {@code sparse} into the slots of its listing, in order. */
    static Program bySlot(Program sparse) {
        return convert(sparse, false);
    }

    private static Program convert(Program sparse, boolean listing) {
        Builder b = new Builder();
        new SparseHessianPrograms(b, listing).copyBlock(sparse.body(), new ValueMap());
        return Passes.optimizeInOrder(new Program(b.root(), null));
    }

    @Override
    protected void copyNode(Node n, ValueMap map) {
        if (n instanceof Scatter s && s.byEntry()) {
            if (listing) {
                b.scatterEntry(ArrayRef.HESSIAN_PATTERN, get(map, s.index()), get(map, s.column()), b.constant(1.0));
            } else {
                b.scatterNext(s.target(), get(map, s.value()));
            }
        } else {
            super.copyNode(n, map);
        }
    }

    // An int or boolean merged from a branch on x that steers an entry keeps a read of x alive.
    private static boolean readsX(Block block) {
        for (Node n : block.nodes()) {
            if (n instanceof Value v && Activity.isVariableRead(v)
                    || n instanceof Loop l && (readsX(l.preheader()) || readsX(l.body()))
                    || n instanceof If i && (readsX(i.then()) || readsX(i.otherwise()))) {
                return true;
            }
        }
        return false;
    }
}
