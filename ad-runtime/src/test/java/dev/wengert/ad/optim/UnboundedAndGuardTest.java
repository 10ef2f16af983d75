package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.GuardFlippedException;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import org.junit.jupiter.api.Test;

/** Problems without a minimiser, and recordings that stop being f, end with their own clear outcome. */
class UnboundedAndGuardTest {

    /** f = x0^2 - x1^4: a saddle at 0, unbounded below along x1. */
    private static final Objective QUARTIC_DOWN = new Objective() {
        public double value(double[] x) {
            return x[0] * x[0] - x[1] * x[1] * x[1] * x[1];
        }

        public double gradient(double[] x, double[] g) {
            g[0] = 2 * x[0];
            g[1] = -4 * x[1] * x[1] * x[1];
            return value(x);
        }

        public void hessianVector(double[] x, double[] v, double[] hv) {
            hv[0] = 2 * v[0];
            hv[1] = -12 * x[1] * x[1] * v[1];
        }

        public void hessian(double[] x, double[] h) {
            h[0] = 2;
            h[1] = 0;
            h[2] = 0;
            h[3] = -12 * x[1] * x[1];
        }
    };

    @Test
    void everyLineSearchAndTrustRegionMethodReportsUnboundedBelow() {
        for (Optimizer o : new Optimizer[] {new Newton(), new NewtonCg(), new Lbfgs(), new GradientDescent()}) {
            OptimizationHistory h = o.minimize(QUARTIC_DOWN, new double[] {1.0, 0.5});
            assertEquals(StopReason.UNBOUNDED_BELOW, h.stopReason(), o.getClass().getSimpleName() + " " + h.last());
            assertTrue(h.iterationCount() < 200, o.getClass().getSimpleName() + " " + h.last());
        }
    }

    private static Var piecewise(Var[] x) {
        // (x0 + 1)^2 + x1^2, written differently on each side of x0 = 0: the minimiser (-1, 0) lies on
        // the other side of the guard from the start, so every run must cross it.
        Var left = x[0].gt(0.0) ? x[0].square().plus(x[0].times(2.0)).plus(1.0) : x[0].plus(1.0).square();
        return left.plus(x[1].square());
    }

    @Test
    void aRecordingWhoseGuardFlipsFailsAtOnceNamingTheFix() {
        double[] x0 = {3.0, 1.0};
        Objective recording = Tape.record(UnboundedAndGuardTest::piecewise, x0);
        GuardFlippedException e = assertThrows(GuardFlippedException.class,
                () -> new Lbfgs().minimize(recording, new double[] {3.0, 1.0}));
        assertTrue(e.getMessage().contains("Derivatives.record"), e.getMessage());
        assertTrue(e.getMessage().contains("after "), e.getMessage());
    }

    @Test
    void theRecordedFunctionNamedInTheMessageSolvesTheSameProblem() {
        Objective f = Derivatives.record(UnboundedAndGuardTest::piecewise, 3.0, 1.0);
        OptimizationHistory h = new Lbfgs().minimize(f, new double[] {3.0, 1.0});
        assertTrue(h.converged(), h.last().toString());
        assertEquals(-1.0, h.solution()[0], 1e-8);
    }
}
