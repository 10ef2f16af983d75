package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wengert.ad.Objective;
import java.util.Map;
import javax.tools.Diagnostic;

/** Compiles one annotated class through the processor and instantiates its generated class. */
final class Generated {

    private Generated() {
    }

    /** Compiles {@code source} (class {@code p.<simpleName>}); fails on any error or warning. */
    static InProcessCompiler.Result compile(String simpleName, String source) {
        InProcessCompiler.Result r = InProcessCompiler.compile(Map.of("p." + simpleName, source));
        assertTrue(r.success(), r::report);
        for (var d : r.diagnostics()) {
            if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                fail("warning under -Xlint:all:\n" + r.report());
            }
        }
        return r;
    }

    /** Compiles and instantiates {@code p.<generatedName>} with the given data arguments. */
    static Objective objective(String simpleName, String source, String generatedName, Object... data) {
        return compile(simpleName, source).objective("p." + generatedName, data);
    }
}
