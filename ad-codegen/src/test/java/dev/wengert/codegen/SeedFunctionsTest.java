package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import dev.wengert.ad.workloads.ThomsonWorkload;
import org.junit.jupiter.api.Test;

/** The example functions, against closed forms, the tape and finite differences. */
class SeedFunctionsTest {

    private static final double[] A = {5, 1, 1, 3};
    private static final double[] B = {-4, 2};

    private static final String QUADRATIC = """
            package p;

            import dev.wengert.ad.Differentiate;

            class Quadratic {
                /** 1/2 x^T A x + b^T x, written as a double loop. */
                @Differentiate
                static double pairs(double[] x, double[] a, double[] b) {
                    int n = x.length;
                    double q = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            q += 0.5 * x[i] * a[i * n + j] * x[j];
                        }
                        q += b[i] * x[i];
                    }
                    return q;
                }

                /** The same, through the row products (A x)_i: exercises the column-by-column Hessian. */
                @Differentiate
                static double rows(double[] x, double[] a, double[] b) {
                    int n = x.length;
                    double q = 0;
                    for (int i = 0; i < n; i++) {
                        double ax = 0;
                        for (int j = 0; j < n; j++) {
                            ax += a[i * n + j] * x[j];
                        }
                        q += 0.5 * x[i] * ax + b[i] * x[i];
                    }
                    return q;
                }
            }
            """;

    @Test
    void seedQuadraticHasTheExactHessianVectorProduct() {
        var compiled = Generated.compile("Quadratic", QUADRATIC);
        for (String name : new String[] {"QuadraticPairsDerivatives", "QuadraticRowsDerivatives"}) {
            Objective f = compiled.objective("p." + name, A, B);
            for (double[] x : new double[][] {{0, 0}, {1, -2}, {3.5, 0.25}}) {
                double[] hv = new double[2];
                f.hessianVector(x, new double[] {0.6, -1.0}, hv);
                assertClose(new double[] {2.0, -2.4}, hv, 1e-15, name + " Hv");
                double[] g = new double[2];
                double fx = f.gradient(x, g);
                double[] ax = {5 * x[0] + x[1], x[0] + 3 * x[1]};
                assertClose(new double[] {ax[0] - 4, ax[1] + 2}, g, 1e-15, name + " gradient");
                assertClose(0.5 * (x[0] * ax[0] + x[1] * ax[1]) - 4 * x[0] + 2 * x[1], fx, 1e-15, name + " value");
                double[] h = new double[4];
                f.hessian(x, h);
                assertClose(A, h, 1e-15, name + " Hessian");
                Checks.agreesWithTape(f, Tape.record((ScalarFunction) SeedFunctionsTest::tapeQuadratic, x), x,
                        new double[] {0.6, -1.0});
            }
        }
    }

    private static Var tapeQuadratic(Var[] x) {
        Var q = x[0].times(0.0);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                q = q.plus(x[i].times(x[j]).times(0.5 * A[i * 2 + j]));
            }
            q = q.plus(x[i].times(B[i]));
        }
        return q;
    }

    private static Var tapeRosenbrock(Var[] x) {
        Var f = x[0].times(0.0);
        for (int i = 0; i < x.length; i += 2) {
            Var t = x[i + 1].minus(x[i].square());
            Var s = Var.minus(1, x[i]);
            f = f.plus(t.square().times(100)).plus(s.square());
        }
        return f;
    }

    private static final String ROSENBROCK = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Rosenbrock {
                @Differentiate
                public static double extended(double[] x) {
                    double f = 0;
                    for (int i = 0; i < x.length; i += 2) {
                        double t = x[i + 1] - x[i] * x[i];
                        double s = 1 - x[i];
                        f += 100 * t * t + s * s;
                    }
                    return f;
                }
            }
            """;

    @Test
    void extendedRosenbrockMatchesItsClosedForm() {
        Objective f = Generated.objective("Rosenbrock", ROSENBROCK, "RosenbrockExtendedDerivatives");
        int n = 8;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = Math.cos(1.3 * k) - 0.2;
        }
        double[] g = new double[n];
        double[] h = new double[n * n];
        f.gradient(x, g);
        f.hessian(x, h);
        double[] g0 = new double[n];
        double[] h0 = new double[n * n];
        for (int i = 0; i < n; i += 2) {
            double a = x[i];
            double b = x[i + 1];
            g0[i] = -400 * a * (b - a * a) - 2 * (1 - a);
            g0[i + 1] = 200 * (b - a * a);
            h0[i * n + i] = 1200 * a * a - 400 * b + 2;
            h0[i * n + i + 1] = -400 * a;
            h0[(i + 1) * n + i] = -400 * a;
            h0[(i + 1) * n + i + 1] = 200;
        }
        assertClose(g0, g, 1e-13, "gradient");
        assertClose(h0, h, 1e-13, "Hessian");
        Checks.agreesWithTape(f, Tape.record((ScalarFunction) SeedFunctionsTest::tapeRosenbrock, x), x,
                ThomsonWorkload.direction(n));
        Checks.agreesWithFiniteDifferences(f, x, ThomsonWorkload.direction(n));
    }

    private static final String PIECEWISE = """
            package p;

            import dev.wengert.ad.Differentiate;

            class Piecewise {
                @Differentiate
                static double f(double[] x, double c) {
                    double r;
                    if (x[0] > c) {
                        r = x[0] * x[1];
                    } else {
                        r = Math.sin(x[1]) - x[0];
                    }
                    double s = x[1] < 0 ? -x[1] * x[1] : Math.exp(x[1]);
                    return r + s + Math.abs(x[0] - x[1]) + Math.max(x[0], 2 * x[1]);
                }

                /** Reads x[i - 1] only when i > 0: the untaken branch must never run. */
                @Differentiate
                static double chain(double[] x) {
                    double e = 0;
                    for (int i = 0; i < x.length; i++) {
                        e += i > 0 ? x[i - 1] * x[i] * x[i] : Math.cos(x[i]);
                    }
                    return e;
                }
            }
            """;

    @Test
    void ifElseAndConditionalDifferentiateTheTakenBranch() {
        var compiled = Generated.compile("Piecewise", PIECEWISE);
        Objective f = compiled.objective("p.PiecewiseFDerivatives", 0.5);
        double[][] points = {{1.0, 0.3}, {0.2, 0.7}, {1.5, -0.4}, {-0.3, -0.8}};
        for (double[] x : points) {
            double a = x[0];
            double b = x[1];
            double dr0 = a > 0.5 ? b : -1;
            double dr1 = a > 0.5 ? a : Math.cos(b);
            double ds1 = b < 0 ? -2 * b : Math.exp(b);
            double sgn = Math.signum(a - b);
            boolean firstIsMax = a >= 2 * b;
            double[] g0 = {dr0 + sgn + (firstIsMax ? 1 : 0), dr1 + ds1 - sgn + (firstIsMax ? 0 : 2)};
            double[] g = new double[2];
            f.gradient(x, g);
            assertClose(g0, g, 1e-14, "gradient at " + a + "," + b);
            double[] h = new double[4];
            f.hessian(x, h);
            double h11 = a > 0.5 ? 0 : -Math.sin(b);
            double[] h0 = {0, a > 0.5 ? 1 : 0, a > 0.5 ? 1 : 0, h11 + (b < 0 ? -2 : Math.exp(b))};
            assertClose(h0, h, 1e-14, "Hessian at " + a + "," + b);
            Checks.agreesWithFiniteDifferences(f, x, new double[] {0.3, -0.7});
            Checks.agreesWithTape(f, Tape.record((ScalarFunction) SeedFunctionsTest::tapePiecewise, x), x,
                    new double[] {0.3, -0.7});
        }
        Objective chain = compiled.objective("p.PiecewiseChainDerivatives");
        double[] x = {0.4, -0.3, 0.9, 0.2, -0.6};
        Checks.agreesWithFiniteDifferences(chain, x, new double[] {1, 0.5, -0.25, 0.125, 2});
    }

    private static Var tapePiecewise(Var[] x) {
        Var r = x[0].gt(0.5) ? x[0].times(x[1]) : x[1].sin().minus(x[0]);
        Var s = x[1].lt(0) ? x[1].square().unaryMinus() : x[1].exp();
        return r.plus(s).plus(x[0].minus(x[1]).abs()).plus(x[0].max(x[1].times(2)));
    }

    private static Var tapeHelpers(Var[] x) {
        double[] w = {1.0, 2.0, -0.5, 0.25};
        Var s = x[0].square().times(2.5);
        for (int i = 1; i < x.length; i++) {
            Var d = x[i].minus(x[i - 1]);
            s = s.plus(d.square().plus(1).sqrt().times(w[i % 4])).plus(x[i].tanh().times(3));
        }
        return s;
    }

    private static final String HELPERS = """
            package p;

            import dev.wengert.ad.Differentiate;

            class Helpers {
                static final double SCALE = 2.5;
                static final int STRIDE = 1;
                static final double[] WEIGHTS = {1.0, 2.0, -0.5, 0.25};

                static double sq(double a) {
                    return a * a;
                }

                static double link(double[] p, int i, int j) {
                    double d = p[i] - p[j];
                    return Math.sqrt(sq(d) + 1);
                }

                @Differentiate(className = "HelperObjective")
                static double withHelpers(double[] x, int m) {
                    double s = SCALE * sq(x[0]);
                    for (int i = STRIDE; i < x.length; i++) {
                        s += WEIGHTS[i % 4] * link(x, i, i - 1) + m * Math.tanh(x[i]);
                    }
                    return s;
                }
            }
            """;

    @Test
    void helperMethodsConstantsAndTablesAreInlined() {
        Objective f = Generated.objective("Helpers", HELPERS, "HelperObjective", 3);
        double[] x = {0.3, -0.2, 0.8, 1.1, -0.4};
        double expected = 2.5 * 0.09;
        double[] w = {1.0, 2.0, -0.5, 0.25};
        for (int i = 1; i < x.length; i++) {
            expected += w[i % 4] * Math.sqrt((x[i] - x[i - 1]) * (x[i] - x[i - 1]) + 1) + 3 * Math.tanh(x[i]);
        }
        assertClose(expected, f.value(x), 1e-15, "value");
        Checks.agreesWithFiniteDifferences(f, x, new double[] {0.1, 0.2, -0.3, 0.4, 0.5});
        Checks.agreesWithTape(f, Tape.record((ScalarFunction) SeedFunctionsTest::tapeHelpers, x), x,
                new double[] {0.1, 0.2, -0.3, 0.4, 0.5});
    }

    @Test
    void wrongLengthsAreRejectedWithAClearMessage() {
        Objective f = Generated.objective("Rosenbrock", ROSENBROCK, "RosenbrockExtendedDerivatives");
        var e = assertThrows(IllegalArgumentException.class, () -> f.gradient(new double[4], new double[3]));
        assertTrue(e.getMessage().contains("g has length 3"), e.getMessage());
        var h = assertThrows(IllegalArgumentException.class, () -> f.hessian(new double[4], new double[4]));
        assertTrue(h.getMessage().contains("h has length 4 but 16 is required"), h.getMessage());
    }
}
