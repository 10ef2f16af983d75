package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Block;
import dev.wengert.codegen.ir.Copier;
import dev.wengert.codegen.ir.If;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Node;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.UseDef;
import dev.wengert.codegen.ir.Value;
import dev.wengert.codegen.ir.ValueMap;
import java.util.Map;

/**
 * Re-reads, at the top of each loop body, every element of x the body uses but an enclosing block
 * read; and computes the index of each read of x inside an if before the if, where that index is
 * int arithmetic that cannot fail ({@code right = j + 1 < m ? x[i * m + j + 1] : b} computes
 * {@code i * m + j + 1} first), so that the local Hessian knows it at the top of the iteration. Afterwards each loop iteration depends on x only through its own reads, which is what the
 * per-iteration local Hessian needs ({@code double xi = x[3 * i]} outside the inner loop becomes
 * an inner read, whose Hessian entries the inner iteration can scatter itself).
 */
final class ReadSinking extends Copier {

    private ReadSinking(Builder b) {
        super(b, Map.of());
    }

    static Program apply(Program p) {
        Builder b = new Builder();
        ReadSinking s = new ReadSinking(b);
        ValueMap map = new ValueMap();
        s.copyBlock(p.body(), map);
        return new Program(b.root(), s.get(map, p.result()));
    }

    @Override
    protected void copyIf(If node, ValueMap map) {
        speculateIndices(node.then(), map);
        speculateIndices(node.otherwise(), map);
        super.copyIf(node, map);
    }

    private void speculateIndices(Block block, ValueMap map) {
        for (Node n : block.nodes()) {
            if (n instanceof Value v && Activity.isVariableRead(v)) {
                speculate(v.arg(0), map);
            } else if (n instanceof If i) {
                speculateIndices(i.then(), map);
                speculateIndices(i.otherwise(), map);
            }
        }
    }

    /** The copy of the int value v in the current block, or null if computing it here could fail. */
    private Value speculate(Value v, ValueMap map) {
        Value known = v.op().isFree() ? get(map, v) : map.find(v);
        if (known != null) {
            return known;
        }
        boolean safe = v.type() == Type.INT && switch (v.op()) {
            case ADD, SUB, MUL, NEG -> true;
            case LENGTH -> ((ArrayRef) v.payload()).kind() == ArrayRef.Kind.VARIABLE;
            default -> false;
        };
        if (!safe) {
            return null;
        }
        for (Value a : v.args()) {
            if (speculate(a, map) == null) {
                return null;
            }
        }
        return copyValue(v, map);
    }

    @Override
    protected void enterLoopBody(Loop original, ValueMap bodyMap) {
        for (Value used : UseDef.freeUses(original)) {
            if (Activity.isVariableRead(used)) {
                Value again = b.read((ArrayRef) used.payload(), get(bodyMap, used.arg(0)));
                nameLike(again, used);
                bodyMap.put(used, again);
            }
        }
    }
}
