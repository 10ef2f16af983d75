package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, defect 4: ifs holding a nested return. Each used to copy the rest of the method into
 * both of its branches, so k such blocks gave 2^k copies (1.7 MB and javac's "code too large" at
 * k = 8). The generated source now grows linearly in k, and stays exact on every path.
 */
class EarlyReturnTest {
    private static final int N = 10;

    /** k blocks {@code if (x[j] > 0) { if (x[j + 1] > 0.5) return s * x[j]; s += sin(x[j] x[j + 1]); }}. */
    static String source(int k) {
        StringBuilder body = new StringBuilder("        double s = x[9];\n");
        for (int j = 0; j < k; j++) {
            body.append("        if (x[").append(j).append("] > 0) {\n")
                    .append("            if (x[").append(j + 1).append("] > 0.5) {\n")
                    .append("                return s * x[").append(j).append("];\n")
                    .append("            }\n")
                    .append("            s += Math.sin(x[").append(j).append("] * x[").append(j + 1).append("]);\n")
                    .append("        }\n");
        }
        body.append("        return s * s + x[0];\n");
        return "package p;\n\nimport dev.wengert.ad.Differentiate;\n\nclass Early" + k + " {\n"
                + "    @Differentiate\n    static double f(double[] x) {\n" + body + "    }\n}\n";
    }

    /** The same function on the tape (recorded at each point: it branches on x). */
    static ScalarFunction tape(int k) {
        return x -> {
            Var s = x[9];
            for (int j = 0; j < k; j++) {
                if (x[j].gt(0)) {
                    if (x[j + 1].gt(0.5)) {
                        return s.times(x[j]);
                    }
                    s = s.plus(x[j].times(x[j + 1]).sin());
                }
            }
            return s.times(s).plus(x[0]);
        };
    }

    @Test
    void generatedSourceGrowsLinearlyWithNestedReturns() {
        int[] size = new int[9];
        for (int k = 1; k <= 8; k++) {
            InProcessCompiler.Result compiled = Generated.compile("Early" + k, source(k));
            size[k] = compiled.generatedSources().get("p.Early" + k + "FDerivatives").length();
        }
        StringBuilder sizes = new StringBuilder();
        for (int k = 1; k <= 8; k++) {
            sizes.append("k = ").append(k).append(": ").append(size[k]).append(" chars\n");
        }
        System.out.print(sizes);
        // linear: every further block adds about as much as the second did
        int step = size[2] - size[1];
        for (int k = 3; k <= 8; k++) {
            int added = size[k] - size[k - 1];
            assertTrue(added > 0 && added < 1.5 * step && added > step / 1.5,
                    "block " + k + " added " + added + " chars, the second " + step + ":\n" + sizes);
        }
    }

    /** A class too large to generate is an error at the user's method, never javac's inside the generated file. */
    @Test
    void tooLargeAClassIsAnErrorAtTheMethod() {
        javax.tools.JavaFileObject file = com.google.testing.compile.JavaFileObjects.forSourceString("p.Early8", source(8));
        com.google.testing.compile.Compilation c = com.google.testing.compile.Compiler.javac()
                .withProcessors(new DifferentiateProcessor())
                .withClasspath(java.util.List.of(new java.io.File(Objective.class.getProtectionDomain().getCodeSource()
                        .getLocation().getPath())))
                .withOptions("-A" + DifferentiateProcessor.MAX_NODES_OPTION + "=1000")
                .compile(file);
        com.google.testing.compile.CompilationSubject.assertThat(c).failed();
        com.google.testing.compile.CompilationSubject.assertThat(c)
                .hadErrorContaining("more than the processor generates into one class (1000")
                .inFile(file).onLine(7);
        assertTrue(c.errors().size() == 1, () -> "only the processor's error, none from javac: " + c.errors());
    }

    @Test
    void everyReturnPathMatchesTheTape() {
        int k = 8;
        Objective f = Generated.compile("Early" + k, source(k)).objective("p.Early" + k + "FDerivatives");
        Random r = new Random(9);
        for (int trial = 0; trial < 40; trial++) {
            double[] x = new double[N];
            double[] v = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = 2 * r.nextDouble() - 0.8;
                v[i] = 2 * r.nextDouble() - 1;
            }
            Checks.agreesWithTape(f, Tape.record(tape(k), x), x, v);
        }
    }
}
