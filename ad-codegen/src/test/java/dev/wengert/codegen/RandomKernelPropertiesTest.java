package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.Tape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random kernels written as Java source, compiled in-process through the processor, and checked
 * against a hyper-dual evaluation of the same function: value, gradient, Hessian-vector product,
 * the fused gradient-and-Hv, and the dense Hessian; and against the tape recording of the same
 * kernel, at two random points each. The templates ({@link KernelGenerator}) cover loops, pair
 * loops, branches on x, early returns nested in ifs, helpers (with returns, inlined into loops),
 * long bodies split into private methods, unary minus and Math functions.
 *
 * <p>25 tries compile {@code kernels() / 25} kernels each in one compilation (compiling is the
 * cost): 500 kernels per build. {@code -Dwengert.fuzz=N} is the fuzz size shared with the tape's
 * random-program properties (N programs there); here it gives N / 20 kernels, at least 500, so
 * {@code -Dwengert.fuzz=100000} (the nightly size) runs 5,000 kernels.
 */
class RandomKernelPropertiesTest {
    private static final int TRIES = 25;
    private static final int N = 4;
    private static final int POINTS = 2;

    /** How many kernels one run checks. */
    static int kernels() {
        return Math.max(500, Integer.getInteger("wengert.fuzz", 0) / 20);
    }

    @Property(tries = TRIES)
    void generatedDerivativesMatchHyperDualEvaluation(@ForAll long seed) {
        KernelGenerator gen = new KernelGenerator(seed);
        List<KernelGenerator.Kernel> kernels = new ArrayList<>();
        StringBuilder src = new StringBuilder("package p;\n\nimport dev.wengert.ad.Differentiate;\n\nclass Kernels {\n");
        int perTry = (kernels() + TRIES - 1) / TRIES;
        for (int k = 0; k < perTry; k++) {
            KernelGenerator.Kernel kernel = gen.next("k" + k);
            kernels.add(kernel);
            src.append(kernel.source()).append('\n');
        }
        src.append("}\n");
        InProcessCompiler.Result compiled = InProcessCompiler.compile(Map.of("p.Kernels", src.toString()));
        if (!compiled.success() || compiled.diagnostics().stream().anyMatch(d -> d.getKind() != javax.tools.Diagnostic.Kind.NOTE)) {
            throw new AssertionError("kernels did not compile cleanly (seed " + seed + "):\n" + failing(src.toString(), compiled)
                    + "\n" + compiled.report());
        }
        Random r = new Random(seed);
        double c = 0.5 + r.nextDouble();
        for (KernelGenerator.Kernel kernel : kernels) {
            String generatedName = "p.Kernels" + Character.toUpperCase(kernel.name().charAt(0))
                    + kernel.name().substring(1) + "Derivatives";
            if (kernel.isLong() && !compiled.generatedSources().get(generatedName).contains("Part1(")) {
                throw new AssertionError("a long kernel was not split into private methods:\n" + kernel.source());
            }
            Objective f = compiled.objective(generatedName, c);
            for (int point = 0; point < POINTS; point++) {
                double[] x = new double[N];
                double[] v = new double[N];
                for (int k = 0; k < N; k++) {
                    x[k] = 2 * r.nextDouble() - 1;
                    v[k] = 2 * r.nextDouble() - 1;
                }
                check(kernel, f, x, v, c);
            }
        }
    }

    /** The kernels whose lines hold an error or warning, so a failure shows the Java that caused it. */
    private static String failing(String src, InProcessCompiler.Result compiled) {
        List<Integer> starts = new ArrayList<>();
        String[] lines = src.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            if (lines[k].startsWith("@Differentiate") || lines[k].startsWith("static double")) {
                starts.add(k + 1);
            }
        }
        StringBuilder out = new StringBuilder();
        for (var d : compiled.diagnostics()) {
            long line = d.getLineNumber();
            if (d.getSource() == null || !d.getSource().getName().contains("Kernels") || line < 1) {
                continue;
            }
            int from = 1;
            int to = lines.length;
            for (int start : starts) {
                if (start <= line) {
                    from = start;
                } else {
                    to = start - 1;
                    break;
                }
            }
            out.append("---- kernel at line ").append(from).append(":\n")
                    .append(String.join("\n", java.util.Arrays.asList(lines).subList(from - 1, to))).append('\n');
        }
        return out.toString();
    }

    private static void check(KernelGenerator.Kernel kernel, Objective f, double[] x, double[] v, double c) {
        double[] hOracle = new double[N * N];
        double[] gOracle = new double[N];
        double value = 0;
        for (int i = 0; i < N; i++) {
            for (int j = i; j < N; j++) {
                HyperDual[] seeded = new HyperDual[N];
                for (int k = 0; k < N; k++) {
                    seeded[k] = new HyperDual(x[k], k == i ? 1 : 0, k == j ? 1 : 0, 0);
                }
                HyperDual y = (HyperDual) kernel.eval().apply(new KernelGenerator.Env(seeded, c, HyperDual::constant));
                value = y.a();
                gOracle[i] = y.b();
                hOracle[i * N + j] = y.d();
                hOracle[j * N + i] = y.d();
            }
        }
        double scale = 1;
        for (double h : hOracle) {
            scale = Math.max(scale, Math.abs(h));
        }
        for (double g : gOracle) {
            scale = Math.max(scale, Math.abs(g));
        }
        double tol = 1e-11 * scale;
        String where = " at x = " + java.util.Arrays.toString(x) + ", v = " + java.util.Arrays.toString(v)
                + ", c = " + c + "\n" + kernel.source();
        assertClose(value, f.value(x), 1e-12 * Math.max(1, Math.abs(value)) , "value" + where);
        double[] g = new double[N];
        f.gradient(x, g);
        assertClose(gOracle, g, tol, "gradient" + where);
        double[] hv = new double[N];
        f.hessianVector(x, v, hv);
        assertClose(Checks.times(hOracle, v), hv, tol, "Hv" + where);
        double[] g2 = new double[N];
        double[] hv2 = new double[N];
        f.gradientAndHessianVector(x, v, g2, hv2);
        assertClose(g, g2, tol, "fused g" + where);
        assertClose(hv, hv2, tol, "fused Hv" + where);
        double[] h = new double[N * N];
        f.hessian(x, h);
        assertClose(hOracle, h, tol, "Hessian" + where);

        // the tape, recorded from the same kernel, agrees with the generated class
        Recording tape = Tape.record((ScalarFunction) vars -> {
            Num[] xs = new Num[vars.length];
            for (int k = 0; k < vars.length; k++) {
                xs[k] = new TapeNum(vars[k]);
            }
            return ((TapeNum) kernel.eval().apply(new KernelGenerator.Env(xs, c,
                    constant -> new TapeNum(vars[0].tape().constant(constant))))).v();
        }, x);
        double tapeTol = 1e-12 * scale;
        assertClose(tape.value(x), f.value(x), 1e-12 * Math.max(1, Math.abs(value)), "value vs tape" + where);
        double[] gTape = new double[N];
        tape.gradient(x, gTape);
        assertClose(gTape, g, tapeTol, "gradient vs tape" + where);
        double[] hvTape = new double[N];
        tape.hessianVector(x, v, hvTape);
        assertClose(hvTape, hv, tapeTol, "Hv vs tape" + where);
        double[] hTape = new double[N * N];
        tape.hessian(x, hTape);
        assertClose(hTape, h, tapeTol, "Hessian vs tape" + where);
    }
}
