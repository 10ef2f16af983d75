package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adjoints of the values of a primal program, as values of the program being built. Accumulation
 * order is insertion order, so generated code is deterministic.
 */
final class Adjoints {
    private final Map<Value, Value> map = new LinkedHashMap<>();   // Value has identity equality

    Value get(Value primal) {
        return map.get(primal);
    }

    void add(Builder b, Value primal, Value contribution) {
        if (contribution.isConstant(0)) {
            return;
        }
        Value old = map.get(primal);
        Value sum = old == null ? contribution : b.add(old, contribution);
        if (primal.nameHint() != null) {
            sum.suggestName(primal.nameHint() + "Bar");
        }
        map.put(primal, sum);
    }

    Map<Value, Value> entries() {
        return map;
    }
}
