package dev.wengert.codegen.emit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Unique local names for one generated method: the hint itself if free, else the hint with a number. */
final class Names {
    private final Set<String> taken = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();

    Names(Set<String> reserved) {
        taken.addAll(reserved);
        taken.addAll(Set.of("Math", "Double", "Arrays", "this", "var", "record", "yield"));
    }

    String fresh(String hint) {
        String base = hint == null || hint.isEmpty() ? "t" : hint;
        if (taken.add(base)) {
            return base;
        }
        int k = counters.getOrDefault(base, 1);
        String name;
        do {
            k++;
            name = base + k;
        } while (!taken.add(name));
        counters.put(base, k);
        return name;
    }
}
