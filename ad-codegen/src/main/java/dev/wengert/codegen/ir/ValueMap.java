package dev.wengert.codegen.ir;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Maps values of one program to values of another, with nested scopes: a loop body copied again
 * (to recompute its forward values inside an adjoint loop) gets a child map, so the copies never
 * leak out of their block.
 */
public final class ValueMap {
    private final ValueMap parent;
    private final Map<Value, Value> map = new IdentityHashMap<>();

    public ValueMap() {
        this(null);
    }

    private ValueMap(ValueMap parent) {
        this.parent = parent;
    }

    /** A scope whose lookups fall back to this one. */
    public ValueMap child() {
        return new ValueMap(this);
    }

    public void put(Value from, Value to) {
        map.put(from, to);
    }

    /** The image of {@code v}, or null. */
    public Value find(Value v) {
        for (ValueMap m = this; m != null; m = m.parent) {
            Value found = m.map.get(v);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The keys of this scope only. */
    public Iterable<Value> localKeys() {
        return map.keySet();
    }
}
