package dev.wengert.codegen.frontend;

import dev.wengert.codegen.ir.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current SSA value of every scalar variable, and the running per-iteration delta of every
 * variable the innermost loop reduces. An if snapshots it before each branch and merges the two
 * outcomes with phis.
 */
final class State {
    final Map<Variable, Value> values;
    Map<Variable, Value> deltas;

    State() {
        this(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private State(Map<Variable, Value> values, Map<Variable, Value> deltas) {
        this.values = values;
        this.deltas = deltas;
    }

    State copy() {
        return new State(new LinkedHashMap<>(values), new LinkedHashMap<>(deltas));
    }
}
