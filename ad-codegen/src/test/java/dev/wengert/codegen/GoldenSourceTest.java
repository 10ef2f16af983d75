package dev.wengert.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.wengert.ad.Objective;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated source of a small function, character for character. When the emitter changes on
 * purpose, regenerate the golden file with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenSourceTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;

            class Small {
                @Differentiate
                static double f(double[] x, double c) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += c * x[i] * x[i];
                    }
                    return Math.exp(x[0]) + s;
                }
            }
            """;

    @Test
    void generatedSourceMatchesTheGoldenFile() throws IOException {
        Compilation c = Compiler.javac()
                .withProcessors(new DifferentiateProcessor())
                .withClasspath(List.of(runtimeJar()))
                .withOptions("-Xlint:all,-processing")
                .compile(JavaFileObjects.forSourceString("p.Small", SOURCE));
        assertThat(c).succeededWithoutWarnings();
        JavaFileObject generated = c.generatedSourceFile("p.SmallFDerivatives").orElseThrow();
        String actual = generated.getCharContent(true).toString();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden/SmallFDerivatives.java.txt"),
                    actual.replace(DifferentiateProcessor.VERSION, "@VERSION@"));
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/SmallFDerivatives.java.txt")) {
            // The header names the processor version; the golden file has a placeholder for it.
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@VERSION@", DifferentiateProcessor.VERSION);
            assertEquals(expected, actual);
        }
    }

    private static File runtimeJar() {
        try {
            return new File(Objective.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
