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
 * the fused gradient-and-Hv, and the dense Hessian; and against the tape recording of the same kernel.
 * 25 tries of 8 kernels: 200 kernels.
 */
class RandomKernelPropertiesTest {
    private static final int KERNELS_PER_TRY = 8;
    private static final int N = 4;

    @Property(tries = 25)
    void generatedDerivativesMatchHyperDualEvaluation(@ForAll long seed) {
        KernelGenerator gen = new KernelGenerator(seed);
        List<KernelGenerator.Kernel> kernels = new ArrayList<>();
        StringBuilder src = new StringBuilder("package p;\n\nimport dev.wengert.ad.Differentiate;\n\nclass Kernels {\n");
        for (int k = 0; k < KERNELS_PER_TRY; k++) {
            KernelGenerator.Kernel kernel = gen.next("k" + k);
            kernels.add(kernel);
            src.append(kernel.source()).append('\n');
        }
        src.append("}\n");
        InProcessCompiler.Result compiled = InProcessCompiler.compile(Map.of("p.Kernels", src.toString()));
        if (!compiled.success() || compiled.diagnostics().stream().anyMatch(d -> d.getKind() != javax.tools.Diagnostic.Kind.NOTE)) {
            throw new AssertionError("kernels did not compile cleanly:\n" + src + "\n" + compiled.report());
        }
        Random r = new Random(seed);
        double c = 0.5 + r.nextDouble();
        double[] x = new double[N];
        double[] v = new double[N];
        for (int k = 0; k < N; k++) {
            x[k] = 2 * r.nextDouble() - 1;
            v[k] = 2 * r.nextDouble() - 1;
        }
        for (KernelGenerator.Kernel kernel : kernels) {
            String generatedName = "p.Kernels" + Character.toUpperCase(kernel.name().charAt(0))
                    + kernel.name().substring(1) + "Derivatives";
            Objective f = compiled.objective(generatedName, c);
            check(kernel, f, x, v, c);
        }
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
        String where = "\n" + kernel.source();
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
