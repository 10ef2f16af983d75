package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both bound-constrained optimisers, {@link ProjectedNewtonCg} and {@link LbfgsB}, on the same problems. */
class BoundConstrainedTest {

    private static List<Optimizer> optimizers(Box box) {
        return List.of(new ProjectedNewtonCg(box), new LbfgsB(box));
    }


    private static final StoppingCriteria STRICT = StoppingCriteria.gradientBelow(1e-12);

    @Test
    void aCoupledQuadraticInTheUnitSquareEndsAtTheCornerWhereBothBoundsHold() {
        // f = x^2 + xy + y^2 - 3x + 3y has its free minimiser at (3, -3); in [0, 1]^2 the minimiser is
        // (1, 0): there df/dx = 2x + y - 3 = -1 pushes against x <= 1, df/dy = x + 2y + 3 = 4 against y >= 0.
        Objective f = Derivatives.record(x -> x[0].square().plus(x[0].times(x[1])).plus(x[1].square())
                .minus(x[0].times(3.0)).plus(x[1].times(3.0)), 0.5, 0.5);
        for (Optimizer o : optimizers(Box.of(new double[] {0, 0}, new double[] {1, 1}))) {
            OptimizationHistory h = o.withStopping(STRICT).minimize(f, new double[] {0.5, 0.5});
            String name = o.getClass().getSimpleName();
            assertEquals(StopReason.GRADIENT_TOLERANCE, h.stopReason(), name);
            assertEquals(1.0, h.solution()[0], 0.0, name);
            assertEquals(0.0, h.solution()[1], 0.0, name);
            assertEquals(-2.0, h.last().value(), 1e-15, name);
        }
    }

    @Test
    void aSeparableQuadraticEndsAtTheClippedFreeMinimiser() {
        // f = sum a_i x_i^2 / 2 - b_i x_i: the minimiser in the box is clip(b_i / a_i) coordinate by coordinate.
        int n = 50;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 1.0 + i;
            b[i] = 3.0 * Math.sin(1.7 * i) * a[i];
            lower[i] = -1.0 - 0.01 * i;
            upper[i] = 1.5;
        }
        Objective f = Derivatives.record(x -> {
            Var[] terms = new Var[n];
            for (int i = 0; i < n; i++) {
                terms[i] = x[i].square().times(0.5 * a[i]).minus(x[i].times(b[i]));
            }
            return Var.sum(terms);
        }, new double[n]);
        for (Optimizer o : optimizers(Box.of(lower, upper))) {
            OptimizationHistory h = o.withStopping(STRICT).minimize(f, new double[n]);
            String name = o.getClass().getSimpleName();
            assertEquals(StopReason.GRADIENT_TOLERANCE, h.stopReason(), name);
            for (int i = 0; i < n; i++) {
                double expected = Math.min(Math.max(b[i] / a[i], lower[i]), upper[i]);
                // |g| <= 1e-12 and a_i >= 1: each free coordinate within 1e-12 of its minimiser
                assertEquals(expected, h.solution()[i], 1e-12, name + " x[" + i + "]");
            }
        }
    }

    @Test
    void theObstacleProblemSolutionIsComplementary() {
        // Dirichlet energy of a membrane on a 30 x 30 grid (zero on the frame) pressed down by a unit
        // load, over an obstacle: minimise 1/2 sum over edges (u_a - u_b)^2 - h^2 sum load u, u >= obstacle.
        int m = 30;
        double h = 1.0 / (m + 1);
        double[] obstacle = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double s = (i + 1) * h - 0.5;
                double t = (j + 1) * h - 0.5;
                obstacle[i * m + j] = -0.02 - 0.1 * (s * s + t * t);
            }
        }
        double[] x0 = new double[m * m];
        Objective f = Tape.record(u -> membrane(u, m, h, -1.0), x0);
        for (Optimizer o : optimizers(Box.atLeast(obstacle))) {
            OptimizationHistory run = o.withStopping(StoppingCriteria.gradientBelow(1e-10).withMaxIterations(5000))
                    .minimize(f, x0);
            String name = o.getClass().getSimpleName();
            assertEquals(StopReason.GRADIENT_TOLERANCE, run.stopReason(), name + " " + run.last());
            double[] u = run.solution();
            double[] g = new double[m * m];
            f.gradient(u, g);
            int contact = 0;
            for (int k = 0; k < m * m; k++) {
                assertTrue(u[k] >= obstacle[k], "feasible");
                if (u[k] > obstacle[k]) {
                    assertEquals(0.0, g[k], 1e-10, name + ": free node " + k + " is in equilibrium");
                } else {
                    contact++;
                    assertTrue(g[k] >= 0.0, name + ": the obstacle pushes up at node " + k + ": g = " + g[k]);
                }
            }
            assertTrue(contact > 0 && contact < m * m, "contact at " + contact + " of " + m * m + " nodes");
        }
    }

    @Test
    void boundsOfTheWrongDimensionAreRejectedWithBothLengths() {
        for (Optimizer o : optimizers(Box.atLeast(new double[3]))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> o.minimize(Quadratic.seed(), new double[] {1, 1}));
            assertTrue(e.getMessage().contains("length 2") && e.getMessage().contains("3 coordinates"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Box.of(new double[] {1.0}, new double[] {0.0}));
    }

    private static Var membrane(Var[] u, int m, double h, double load) {
        List<Var> terms = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                Var here = u[i * m + j];
                terms.add(here.times(-h * h * load));
                terms.add((i + 1 < m ? here.minus(u[(i + 1) * m + j]) : here).square().times(0.5));
                terms.add((j + 1 < m ? here.minus(u[i * m + j + 1]) : here).square().times(0.5));
                if (i == 0) {
                    terms.add(here.square().times(0.5));
                }
                if (j == 0) {
                    terms.add(here.square().times(0.5));
                }
            }
        }
        return Var.sum(terms);
    }
}
