package dev.wengert.codegen.emit;

import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the private methods that long bodies are split into, and how large the per-thread
 * spill array must be for chunks that hand over more than one value.
 */
final class MethodSink {
    /** The name of the static ThreadLocal holding the frame array of split bodies. */
    static final String SPILL = "FRAME";

    private final List<MethodSpec> methods = new ArrayList<>();
    private int spillSize;
    private int counter;

    String freshName(String owner) {
        return owner + "Part" + (++counter);
    }

    void add(MethodSpec m) {
        methods.add(m);
    }

    void requireSpill(int size) {
        spillSize = Math.max(spillSize, size);
    }

    List<MethodSpec> methods() {
        return methods;
    }

    int spillSize() {
        return spillSize;
    }
}
