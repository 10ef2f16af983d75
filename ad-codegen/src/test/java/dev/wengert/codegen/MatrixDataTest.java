package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code double[][]} data parameters: {@code a[i][j]}, {@code a.length}, {@code a[i].length}, for-each over
 * the rows and over a row, a row bound to a local, a matrix passed to a helper. Checked against the same
 * Java run directly (1e-12 relative), the tape (1e-12 relative to the largest entry) and central finite
 * differences (to their truncation error, the tolerances of {@link Checks#agreesWithFiniteDifferences}).
 */
class MatrixDataTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Matrices {
                /** Nonlinear least squares with a (jagged) coefficient matrix: sum_i (log(1 + (A x)_i^2) - b_i)^2. */
                @Differentiate
                public static double fit(double[] x, double[][] a, double[] b) {
                    double f = 0;
                    for (int i = 0; i < a.length; i++) {
                        double ax = 0;
                        for (int j = 0; j < a[i].length; j++) {
                            ax += a[i][j] * x[j];
                        }
                        double r = Math.log(1 + ax * ax) - b[i];
                        f = f + r * r;
                    }
                    return f;
                }

                /** The same rows by for-each, a row in a local, and a quadratic form through a helper. */
                @Differentiate
                public static double rows(double[] x, double[][] q) {
                    double f = 0;
                    int i = 0;
                    for (double[] row : q) {
                        double s = 0;
                        int j = 0;
                        for (double qij : row) {
                            s += qij * Math.sin(x[j]);
                            j++;
                        }
                        f += s * s * x[i % x.length];
                        i++;
                    }
                    double[] first = q[0];
                    return f + first[0] * x[0] * x[1] + first.length * Forms.quadratic(q, x);
                }
            }

            class Forms {
                static double quadratic(double[][] m, double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        for (int j = 0; j < x.length; j++) {
                            s += x[i] * m[i][j] * x[j];
                        }
                    }
                    return s;
                }
            }
            """;

    private static final double[][] A = {{1.0, -0.5, 0.25}, {0.3, 2.0}, {-1.2, 0.7, 0.4}, {0.9}};
    private static final double[] B = {0.2, 0.5, -0.1, 0.3};
    private static final double[][] Q = {{1.0, 0.2, -0.3}, {0.2, 2.0, 0.5}, {-0.3, 0.5, 1.5}, {0.4, -0.1, 0.8}};

    private static InProcessCompiler.Result compiled;

    @BeforeAll
    static void compile() {
        compiled = Generated.compile("Matrices", SOURCE);
    }

    private static double fit(double[] x) {
        double f = 0;
        for (int i = 0; i < A.length; i++) {
            double ax = 0;
            for (int j = 0; j < A[i].length; j++) {
                ax += A[i][j] * x[j];
            }
            double r = Math.log(1 + ax * ax) - B[i];
            f += r * r;
        }
        return f;
    }

    private static Var fitOnTape(Var[] x) {
        Var f = null;
        for (int i = 0; i < A.length; i++) {
            Var ax = x[0].times(A[i][0]);
            for (int j = 1; j < A[i].length; j++) {
                ax = ax.plus(x[j].times(A[i][j]));
            }
            Var r = ax.times(ax).plus(1).log().minus(B[i]);
            f = f == null ? r.times(r) : f.plus(r.times(r));
        }
        return f;
    }

    @Test
    void aJaggedCoefficientMatrixIsReadByRowAndColumn() {
        Objective f = compiled.objective("p.MatricesFitDerivatives", A, B);
        double[] x = {0.7, -0.4, 1.3};
        double[] v = {1, 0.5, -2};
        assertClose(fit(x), f.value(x), 1e-12 * fit(x), "value");
        Checks.agreesWithFiniteDifferences(f, x, v);
        Checks.agreesWithTape(f, Tape.record(MatrixDataTest::fitOnTape, x), x, v);
    }

    private static double rows(double[] x) {
        double f = 0;
        for (int i = 0; i < Q.length; i++) {
            double s = 0;
            for (int j = 0; j < Q[i].length; j++) {
                s += Q[i][j] * Math.sin(x[j]);
            }
            f += s * s * x[i % x.length];
        }
        double quadratic = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                quadratic += x[i] * Q[i][j] * x[j];
            }
        }
        return f + Q[0][0] * x[0] * x[1] + Q[0].length * quadratic;
    }

    private static Var rowsOnTape(Var[] x) {
        Var f = x[0].times(x[1]).times(Q[0][0]);
        for (int i = 0; i < Q.length; i++) {
            Var s = x[0].sin().times(Q[i][0]);
            for (int j = 1; j < Q[i].length; j++) {
                s = s.plus(x[j].sin().times(Q[i][j]));
            }
            f = f.plus(s.times(s).times(x[i % x.length]));
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                f = f.plus(x[i].times(x[j]).times(Q[i][j] * Q[0].length));
            }
        }
        return f;
    }

    @Test
    void rowsByForEachInALocalAndThroughAHelperMatchTheTape() {
        Objective f = compiled.objective("p.MatricesRowsDerivatives", (Object) Q);
        double[] x = {0.3, -1.1, 0.8};
        double[] v = {-1, 2, 0.5};
        assertClose(rows(x), f.value(x), 1e-12 * Math.abs(rows(x)), "value");
        Checks.agreesWithFiniteDifferences(f, x, v);
        Checks.agreesWithTape(f, Tape.record(MatrixDataTest::rowsOnTape, x), x, v);
    }
}
