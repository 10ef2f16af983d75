package dev.wengert.codegen.emit;

import dev.wengert.codegen.ir.Alloc;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Scatter;
import dev.wengert.codegen.ir.Value;
import java.util.List;

/**
 * A deliberately pessimistic estimate of the bytecode a node compiles to (wide local-variable
 * instructions included), used to keep every generated method far below HotSpot's 8000-byte
 * limit for JIT compilation.
 */
final class Size {
    /** Estimated bytes per method before a body is split; real sizes stay well below 8000. */
    static final int BUDGET = 3000;

    private Size() {
    }

    static int of(List<Node> nodes) {
        int s = 0;
        for (Node n : nodes) {
            s += of(n);
        }
        return s;
    }

    static int of(Block b) {
        return of(b.nodes());
    }

    static int of(Node n) {
        if (n instanceof Value v) {
            return v.op() == Op.CALL || v.op() == Op.READ ? 16 : 12;
        } else if (n instanceof Scatter) {
            return 18;
        } else if (n instanceof Alloc) {
            return 20;
        } else if (n instanceof Loop l) {
            return 24 + 10 * (l.reductions().size() + 2 * l.carried().size()) + of(l.preheader()) + of(l.body());
        } else {
            If i = (If) n;
            return 16 + 8 * i.phis().size() + of(i.then()) + of(i.otherwise());
        }
    }
}
