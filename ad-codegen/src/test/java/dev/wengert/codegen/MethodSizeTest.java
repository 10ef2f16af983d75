package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import java.io.IOException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Long straight-line functions are split into private methods, each well under HotSpot's
 * 8000-byte limit for JIT compilation, and the split code computes the same derivatives.
 */
class MethodSizeTest {
    private static final int N = 20;
    private static final int TERMS = 400;

    @Test
    void longBodiesAreSplitBelowTheJitLimitAndStayCorrect() throws IOException {
        Random r = new Random(42);
        int[][] terms = new int[TERMS][3];
        StringBuilder body = new StringBuilder("double s = 0;\n");
        for (int[] t : terms) {
            t[0] = r.nextInt(N);
            t[1] = r.nextInt(N);
            t[2] = r.nextInt(3);
            String f = switch (t[2]) {
                case 0 -> "Math.sin";
                case 1 -> "Math.cos";
                default -> "Math.atan";
            };
            body.append("s += ").append(f).append("(x[").append(t[0]).append("] * x[").append(t[1]).append("]) * x[")
                    .append((t[0] + t[1]) % N).append("];\n");
        }
        body.append("return s;");
        String source = "package p;\n\nimport dev.wengert.ad.Differentiate;\n\nclass Long {\n"
                + "    @Differentiate\n    static double f(double[] x) {\n" + body + "\n    }\n}\n";
        InProcessCompiler.Result compiled = Generated.compile("Long", source);
        Map<String, Integer> sizes = ClassFile.codeLengths(compiled.classBytes("p.LongFDerivatives"));
        assertTrue(sizes.keySet().stream().anyMatch(m -> m.contains("Part")), "the body was split: " + sizes);
        sizes.forEach((method, size) -> assertTrue(size < 6000, method + " has " + size + " bytes of bytecode"));

        Objective f = compiled.objective("p.LongFDerivatives");
        double[] x = new double[N];
        double[] v = new double[N];
        for (int k = 0; k < N; k++) {
            x[k] = Math.sin(k + 0.5);
            v[k] = Math.cos(0.3 * k);
        }
        ScalarFunction tape = xs -> {
            Var s = xs[0].times(0.0);
            for (int[] t : terms) {
                Var p = xs[t[0]].times(xs[t[1]]);
                Var g = switch (t[2]) {
                    case 0 -> p.sin();
                    case 1 -> p.cos();
                    default -> p.atan();
                };
                s = s.plus(g.times(xs[(t[0] + t[1]) % N]));
            }
            return s;
        };
        Checks.agreesWithTape(f, Tape.record(tape, x), x, v);
    }

    @Test
    void thomsonMethodsAreSmall() throws IOException {
        var compiled = Generated.compile("Thomson", ThomsonEnergyTest.SOURCE);
        Map<String, Integer> sizes = ClassFile.codeLengths(compiled.classBytes("p.ThomsonEnergyDerivatives"));
        sizes.forEach((method, size) -> assertTrue(size < 2000, method + " has " + size + " bytes of bytecode"));
    }
}
