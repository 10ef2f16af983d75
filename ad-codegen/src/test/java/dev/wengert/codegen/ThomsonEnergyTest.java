package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.Tape;
import dev.wengert.ad.workloads.ThomsonReference;
import dev.wengert.ad.workloads.ThomsonWorkload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated Thomson energy against the reference values (ad-runtime's test resources, through its test
 * jar), the tape and finite differences.
 */
class ThomsonEnergyTest {

    static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Thomson {
                @Differentiate
                static double energy(double[] x) {
                    int n = x.length / 3;
                    double e = 0;
                    for (int i = 0; i < n; i++)
                        for (int j = i + 1; j < n; j++) {
                            double dx = x[3*i] - x[3*j], dy = x[3*i+1] - x[3*j+1], dz = x[3*i+2] - x[3*j+2];
                            e += 1 / Math.sqrt(dx*dx + dy*dy + dz*dz);
                        }
                    return e;
                }
            }
            """;

    private static Objective energy;

    @BeforeAll
    static void generate() {
        energy = Generated.objective("Thomson", SOURCE, "ThomsonEnergyDerivatives");
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 100, 1000})
    void valueGradientAndHessianVectorMatchTheReference(int n) {
        ThomsonReference.Row ref = ThomsonReference.workload(n);
        double[] x = ThomsonWorkload.points(n);
        double[] v = ThomsonWorkload.direction(3 * n);
        double[] g = new double[3 * n];
        double[] hv = new double[3 * n];
        double e = energy.gradientAndHessianVector(x, v, g, hv);
        double normG = Checks.norm(g);
        double normHv = Checks.norm(hv);
        double normV = Checks.norm(v);
        assertClose(ref.energy(), e, 1e-12, "E");
        assertClose(ref.gradientNorm(), normG, 1e-12, "|g|");
        assertTrue(Math.abs(ref.gradientDotV() - Checks.dot(g, v)) <= 1e-12 * normG * normV, "g.v");
        assertTrue(Math.abs(ref.vHv() - Checks.dot(v, hv)) <= 1e-12 * normHv * normV, "vHv");
        assertClose(ref.hvNorm(), normHv, 1e-12, "|Hv|");
        assertEquals(e, energy.value(x), 1e-12 * e, "value");
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 100})
    void hessianTimesDirectionIsTheHessianVectorProduct(int n) {
        double[] x = ThomsonWorkload.points(n);
        double[] v = ThomsonWorkload.direction(3 * n);
        double[] h = new double[9 * n * n];
        energy.hessian(x, h);
        double[] hv = new double[3 * n];
        energy.hessianVector(x, v, hv);
        assertClose(hv, Checks.times(h, v), 1e-12, "H v");
        assertClose(ThomsonReference.workload(n).hvNorm(), Checks.norm(Checks.times(h, v)), 1e-12, "|H v|");
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 100})
    void generatedCodeAgreesWithTheTape(int n) {
        double[] x = ThomsonWorkload.points(n);
        Recording tape = Tape.record((ScalarFunction) ThomsonWorkload::energy, x);
        Checks.agreesWithTape(energy, tape, x, ThomsonWorkload.direction(3 * n));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 12})
    void derivativesAgreeWithFiniteDifferences(int n) {
        double[] x = ThomsonWorkload.points(n);
        for (int k = 0; k < x.length; k++) {
            x[k] += 0.01 * Math.cos(k);   // off the symmetric configuration
        }
        Checks.agreesWithFiniteDifferences(energy, x, ThomsonWorkload.direction(3 * n));
    }
}
