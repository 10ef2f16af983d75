package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adjoint of a work array assignment clears the element's adjoint unless it provably writes each element
 * once, before any other write of the array: the clears left out where the index is injective over the loop
 * nest (row-major, transposed), kept where two iterations write one element (an index that ignores a loop,
 * overlapping rows). Either way the derivatives are the tape's (1e-12 relative to the largest entry) and
 * agree with finite differences; a clear wrongly left out would hand an overwritten value an adjoint.
 */
class UnclearedWritesTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Writes {
                /** Row-major with a padding column: every element written once. */
                @Differentiate
                public static double rowMajor(double[] x, int rows, int m) {
                    int w = m + 1;
                    double[] u = new double[rows * w];
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < m; j++) {
                            u[i * w + j] = x[i * m + j] * x[i * m + j];
                        }
                    }
                    double s = 0;
                    for (int k = 0; k < rows * w - 1; k++) {
                        s += u[k] * u[k + 1];
                    }
                    return s;
                }

                /** Column-major: the inner loop takes the large stride. */
                @Differentiate
                public static double transposed(double[] x, int rows, int m) {
                    double[] u = new double[rows * m];
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < m; j++) {
                            u[j * rows + i] = Math.sin(x[i * m + j]);
                        }
                    }
                    double s = 0;
                    for (int k = 0; k < rows * m - 1; k++) {
                        s += u[k] * u[k + 1];
                    }
                    return s;
                }

                /** u[i + j]: the element k is written by every (i, k - i); the last write wins. */
                @Differentiate
                public static double overlapping(double[] x, int m) {
                    double[] u = new double[2 * m];
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < m; j++) {
                            u[i + j] = x[i] * x[j] + x[j];
                        }
                    }
                    double s = 0;
                    for (int k = 0; k < 2 * m - 1; k++) {
                        s += u[k] * u[k + 1];
                    }
                    return s;
                }

                /** Rows of m + 1 entries at a stride of m: the last entry of a row is the first of the next. */
                @Differentiate
                public static double sharedEdges(double[] x, int rows, int m) {
                    double[] u = new double[rows * m + 1];
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j <= m; j++) {
                            u[i * m + j] = x[i] * (j + 1);
                        }
                    }
                    double s = 0;
                    for (int k = 0; k < rows * m + 1; k++) {
                        s += u[k] * u[k] * (k + 1);
                    }
                    return s;
                }
            }
            """;

    private static InProcessCompiler.Result compiled;

    @BeforeAll
    static void compile() {
        compiled = Generated.compile("Writes", SOURCE);
    }

    private static final Pattern CLEAR = Pattern.compile("uBar(Dot)?\\[[^\\]]+\\] = 0\\.0;");

    private static int clears(String generated) {
        Matcher m = CLEAR.matcher(compiled.generatedSources().get("p." + generated));
        int count = 0;
        while (m.find()) count++;
        return count;
    }

    private static double[] point(int n, double a, double c) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) x[k] = a * Math.sin(0.7 * k + c);
        return x;
    }

    // The generated derivatives against finite differences and against the tape's, at one point and direction.
    private static void agreesWithTheTape(Objective f, int n, double phase, dev.wengert.ad.ScalarFunction onTape) {
        double[] x = point(n, 0.9, phase);
        double[] v = point(n, 1.0, phase + 1.1);
        Checks.agreesWithFiniteDifferences(f, x, v);
        Checks.agreesWithTape(f, Tape.record(onTape, x), x, v);
    }

    // A work array as the tape sees it before the fill: zeros (a zero multiple of an input, on y's tape).
    private static Var[] zeros(Var[] y, int length) {
        Var[] u = new Var[length];
        java.util.Arrays.fill(u, y[0].times(0.0));
        return u;
    }

    private static Var chain(Var[] u) {
        Var s = u[0].times(u[1]);
        for (int k = 1; k + 1 < u.length; k++) s = s.plus(u[k].times(u[k + 1]));
        return s;
    }

    @Test
    void aRowMajorFillNeedsNoClearAndMatchesTheTape() {
        int rows = 3;
        int m = 4;
        Objective f = compiled.objective("p.WritesRowMajorDerivatives", rows, m);
        assertEquals(0, clears("WritesRowMajorDerivatives"), "each element is written once");
        agreesWithTheTape(f, rows * m, 0.2, y -> {
            int w = m + 1;
            Var[] u = zeros(y, rows * w);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < m; j++) u[i * w + j] = y[i * m + j].times(y[i * m + j]);
            }
            return chain(u);
        });
    }

    @Test
    void aTransposedFillNeedsNoClearAndMatchesTheTape() {
        int rows = 3;
        int m = 5;
        Objective f = compiled.objective("p.WritesTransposedDerivatives", rows, m);
        assertEquals(0, clears("WritesTransposedDerivatives"), "each element is written once");
        agreesWithTheTape(f, rows * m, 0.4, y -> {
            Var[] u = new Var[rows * m];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < m; j++) u[j * rows + i] = y[i * m + j].sin();
            }
            return chain(u);
        });
    }

    @Test
    void overlappingWritesKeepTheirClearsAndMatchTheTape() {
        int m = 4;
        Objective f = compiled.objective("p.WritesOverlappingDerivatives", m);
        assertTrue(clears("WritesOverlappingDerivatives") > 0, "u[i + j] writes elements twice");
        agreesWithTheTape(f, m, 0.5, y -> {
            Var[] u = zeros(y, 2 * m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) u[i + j] = y[i].times(y[j]).plus(y[j]);
            }
            return chain(u);
        });
    }

    @Test
    void rowsSharingAnEdgeKeepTheirClearsAndMatchTheTape() {
        int rows = 3;
        int m = 3;
        Objective f = compiled.objective("p.WritesSharedEdgesDerivatives", rows, m);
        assertTrue(clears("WritesSharedEdgesDerivatives") > 0, "u[i * m + m] is u[(i + 1) * m]");
        agreesWithTheTape(f, rows, 0.1, y -> {
            Var[] u = new Var[rows * m + 1];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j <= m; j++) u[i * m + j] = y[i].times(j + 1);
            }
            Var s = u[0].times(u[0]);
            for (int k = 1; k < u.length; k++) s = s.plus(u[k].times(u[k]).times(k + 1));
            return s;
        });
    }
}
