package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated Thomson energy against the reference values, the tape and finite differences. */
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
    private static List<String[]> reference;

    @BeforeAll
    static void generate() throws IOException {
        energy = Generated.objective("Thomson", SOURCE, "ThomsonEnergyDerivatives");
        reference = Files.readAllLines(referenceFile()).stream()
                .filter(l -> !l.startsWith("#") && !l.startsWith("N\t") && !l.isBlank())
                .map(l -> l.split("\t")).toList();
    }

    private static Path referenceFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared/reference/thomson-workload.tsv");
            if (Files.exists(p)) {
                return p;
            }
        }
        return Path.of("/work/shared/reference/thomson-workload.tsv");
    }

    /** The Fibonacci-sphere points of DESIGN.md, in exactly its evaluation order. */
    static double[] points(int n) {
        double[] x = new double[3 * n];
        for (int k = 0; k < n; k++) {
            double z = 1 - 2 * (k + 0.5) / n;
            double r = Math.sqrt(1 - z * z);
            double phi = k * Math.PI * (3 - Math.sqrt(5));
            x[3 * k] = r * Math.cos(phi);
            x[3 * k + 1] = r * Math.sin(phi);
            x[3 * k + 2] = z;
        }
        return x;
    }

    static double[] direction(int m) {
        double[] v = new double[m];
        for (int k = 0; k < m; k++) {
            v[k] = Math.sin(0.37 * k + 0.1);
        }
        return v;
    }

    private static String[] row(int n) {
        return reference.stream().filter(r -> Integer.parseInt(r[0]) == n).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 100, 1000})
    void valueGradientAndHessianVectorMatchTheReference(int n) {
        String[] ref = row(n);
        double[] x = points(n);
        double[] v = direction(3 * n);
        double[] g = new double[3 * n];
        double[] hv = new double[3 * n];
        double e = energy.gradientAndHessianVector(x, v, g, hv);
        double normG = Checks.norm(g);
        double normHv = Checks.norm(hv);
        double normV = Checks.norm(v);
        assertClose(Double.parseDouble(ref[1]), e, 1e-12, "E");
        assertClose(Double.parseDouble(ref[2]), normG, 1e-12, "|g|");
        assertTrue(Math.abs(Double.parseDouble(ref[3]) - Checks.dot(g, v)) <= 1e-12 * normG * normV, "g.v");
        assertTrue(Math.abs(Double.parseDouble(ref[4]) - Checks.dot(v, hv)) <= 1e-12 * normHv * normV, "vHv");
        assertClose(Double.parseDouble(ref[5]), normHv, 1e-12, "|Hv|");
        assertEquals(e, energy.value(x), 1e-12 * e, "value");
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 100})
    void hessianTimesDirectionIsTheHessianVectorProduct(int n) {
        double[] x = points(n);
        double[] v = direction(3 * n);
        double[] h = new double[9 * n * n];
        energy.hessian(x, h);
        double[] hv = new double[3 * n];
        energy.hessianVector(x, v, hv);
        assertClose(hv, Checks.times(h, v), 1e-12, "H v");
        assertClose(Double.parseDouble(row(n)[5]), Checks.norm(Checks.times(h, v)), 1e-12, "|H v|");
    }

    /** The same energy on the tape, written as a user of the tape API would. */
    static Var tapeEnergy(Var[] x) {
        int n = x.length / 3;
        List<Var> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Var dx = x[3 * i].minus(x[3 * j]);
                Var dy = x[3 * i + 1].minus(x[3 * j + 1]);
                Var dz = x[3 * i + 2].minus(x[3 * j + 2]);
                terms.add(Var.norm(dx, dy, dz).reciprocal());
            }
        }
        return Var.sum(terms);
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 100})
    void generatedCodeAgreesWithTheTape(int n) {
        double[] x = points(n);
        Recording tape = Tape.record((ScalarFunction) ThomsonEnergyTest::tapeEnergy, x);
        Checks.agreesWithTape(energy, tape, x, direction(3 * n));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 12})
    void derivativesAgreeWithFiniteDifferences(int n) {
        double[] x = points(n);
        for (int k = 0; k < x.length; k++) {
            x[k] += 0.01 * Math.cos(k);   // off the symmetric configuration
        }
        Checks.agreesWithFiniteDifferences(energy, x, direction(3 * n));
    }
}
