package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Copier;
import dev.wengert.codegen.ir.Loop;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.UseDef;
import dev.wengert.codegen.ir.Value;
import dev.wengert.codegen.ir.ValueMap;
import java.util.Map;

/**
 * Re-reads, at the top of each loop body, every element of x the body uses but an enclosing block
 * read. Afterwards each loop iteration depends on x only through its own reads, which is what the
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
