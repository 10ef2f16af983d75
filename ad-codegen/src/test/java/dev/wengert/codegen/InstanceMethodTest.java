package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instance method whose final fields are its data, as a least-squares model class is written: the
 * generated class takes the instance and reads its fields (and inlines its instance helpers).
 */
class InstanceMethodTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;

            public final class ExponentialFit {
                final double[] times;
                final double[] observed;
                final double weight;

                public ExponentialFit(double[] times, double[] observed, double weight) {
                    this.times = times;
                    this.observed = observed;
                    this.weight = weight;
                }

                double model(double[] theta, int i) {
                    return theta[0] * Math.exp(-theta[1] * this.times[i]) + theta[2];
                }

                @Differentiate
                public double residualSquares(double[] theta) {
                    double f = 0;
                    for (int i = 0; i < times.length; i++) {
                        double r = model(theta, i) - observed[i];
                        f = f + weight * r * r;
                    }
                    return f;
                }
            }
            """;

    private static final double[] T = {0, 0.4, 0.9, 1.6, 2.5, 3.2};
    private static final double[] Y = {4.1, 3.0, 2.2, 1.5, 1.1, 0.95};
    private static final double W = 0.75;

    private static InProcessCompiler.Result compiled;

    @BeforeAll
    static void compile() {
        compiled = Generated.compile("ExponentialFit", SOURCE);
    }

    private static Var onTape(Var[] theta) {
        Var f = null;
        for (int i = 0; i < T.length; i++) {
            Var r = theta[0].times(theta[1].times(-T[i]).exp()).plus(theta[2]).minus(Y[i]);
            Var term = r.times(r).times(W);
            f = f == null ? term : f.plus(term);
        }
        return f;
    }

    @Test
    void theGeneratedClassTakesTheInstanceAndReadsItsFinalFields() throws Exception {
        Object fit = compiled.loader().loadClass("p.ExponentialFit")
                .getConstructor(double[].class, double[].class, double.class).newInstance(T, Y, W);
        Objective f = compiled.objective("p.ExponentialFitResidualSquaresDerivatives", fit);
        double[] theta = {3.5, 0.8, 0.7};
        double expected = 0;
        for (int i = 0; i < T.length; i++) {
            double r = theta[0] * Math.exp(-theta[1] * T[i]) + theta[2] - Y[i];
            expected += W * r * r;
        }
        assertClose(expected, f.value(theta), 1e-14, "value");
        double[] v = {1, -0.5, 0.25};
        Checks.agreesWithFiniteDifferences(f, theta, v);
        Checks.agreesWithTape(f, Tape.record(InstanceMethodTest::onTape, theta), theta, v);
    }
}
