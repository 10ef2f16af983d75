package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FirstOrderMethodsTest {

    @Test
    void sgdWithoutMomentumFollowsTheFixedStepIteration() {
        // 40 steps of x <- x - 0.1 (A x + b), computed here independently.
        double[] x = {2.5, -2.0};
        for (int k = 0; k < 40; k++) {
            double g0 = 5 * x[0] + x[1] - 4;
            double g1 = x[0] + 3 * x[1] + 2;
            x = new double[] {x[0] - 0.1 * g0, x[1] - 0.1 * g1};
        }
        OptimizationHistory h = new MomentumSgd(0.1, 0.0)
                .withStopping(StoppingCriteria.gradientBelow(0.0).withMaxIterations(40))
                .minimize(Quadratic.seed(), new double[] {2.5, -2.0});
        assertEquals(40, h.iterationCount());
        assertEquals(StopReason.MAX_ITERATIONS, h.stopReason());
        assertArrayEquals(x, h.solution(), 1e-15);
        assertEquals(40, h.last().gradientEvaluations() - 1);
    }

    @Test
    void momentumSgdConvergesOnTheSeedQuadratic() {
        OptimizationHistory h = new MomentumSgd(0.05, 0.5).withStopping(StoppingCriteria.gradientBelow(1e-10))
                .minimize(Quadratic.seed(), new double[] {2.5, -2.0});
        assertTrue(h.converged());
        assertArrayEquals(new double[] {1.0, -1.0}, h.solution(), 1e-9);
    }

    @Test
    void gradientDescentConvergesOnTheSeedQuadratic() {
        OptimizationHistory h = new GradientDescent().minimize(Quadratic.seed(), new double[] {2.5, -2.0});
        assertTrue(h.converged(), h.stopReason().toString());
        assertArrayEquals(new double[] {1.0, -1.0}, h.solution(), 1e-8);
    }

    @Test
    void rejectsANonPositiveLearningRate() {
        assertThrows(IllegalArgumentException.class, () -> new MomentumSgd(0.0, 0.9));
    }
}
