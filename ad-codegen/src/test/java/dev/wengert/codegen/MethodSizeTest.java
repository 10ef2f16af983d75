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

    /**
     * Issue 9, defect 3: an Osborne-2-style fit whose loop body (in the Hessian, its 11 x 11 local
     * Hessian) is split, with a reduction whose delta is a negation ({@code -= a}), failed with
     * "value used before it is defined: NEG".
     */
    @Test
    void splitLoopBodyWithNegatedAccumulationMatchesTape() throws IOException {
        String source = """
                package p;

                import dev.wengert.ad.Differentiate;

                class Osborne {
                    @Differentiate
                    static double f(double[] x) {
                        double f = 0;
                        for (int i = 0; i < 65; i++) {
                            double t = i / 10.0;
                            double r = x[0] * Math.exp(-t * x[4]) + x[1] * Math.exp(-(t - x[8]) * (t - x[8]) * x[5])
                                    + x[2] * Math.exp(-(t - x[9]) * (t - x[9]) * x[6])
                                    + x[3] * Math.exp(-(t - x[10]) * (t - x[10]) * x[7])
                                    + x[1] * Math.exp(-x[8] * x[5]) - 0.5 * Math.sin(i);
                            f += r * r;
                        }
                        return f;
                    }
                }
                """;
        InProcessCompiler.Result compiled = Generated.compile("Osborne", source);
        Map<String, Integer> sizes = ClassFile.codeLengths(compiled.classBytes("p.OsborneFDerivatives"));
        assertTrue(sizes.keySet().stream().anyMatch(m -> m.contains("Part")), "the body was split: " + sizes);
        ScalarFunction tape = x -> {
            Var f = x[0].times(0.0);
            for (int i = 0; i < 65; i++) {
                double t = i / 10.0;
                Var r = x[0].times(x[4].times(-t).exp())
                        .plus(x[1].times(x[8].minus(t).unaryMinus().times(x[8].minus(t)).times(x[5]).exp()))
                        .plus(x[2].times(x[9].minus(t).unaryMinus().times(x[9].minus(t)).times(x[6]).exp()))
                        .plus(x[3].times(x[10].minus(t).unaryMinus().times(x[10].minus(t)).times(x[7]).exp()))
                        .plus(x[1].times(x[8].unaryMinus().times(x[5]).exp()))
                        .minus(0.5 * Math.sin(i));
                f = f.plus(r.times(r));
            }
            return f;
        };
        double[] x = {1.3, 0.65, 0.65, 0.7, 0.6, 3, 5, 7, 2, 4.5, 5.5};
        double[] v = new double[x.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.sin(0.37 * k + 0.1);
        }
        Checks.agreesWithTape(compiled.objective("p.OsborneFDerivatives"), Tape.record(tape, x), x, v);
    }

    @Test
    void thomsonMethodsAreSmall() throws IOException {
        var compiled = Generated.compile("Thomson", ThomsonEnergyTest.SOURCE);
        Map<String, Integer> sizes = ClassFile.codeLengths(compiled.classBytes("p.ThomsonEnergyDerivatives"));
        sizes.forEach((method, size) -> assertTrue(size < 2000, method + " has " + size + " bytes of bytecode"));
    }
}
