package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.workloads.ExtendedRosenbrock;
import org.junit.jupiter.api.Test;

class NewtonTest {

    @Test
    void oneStepLandsOnTheSeedQuadraticsMinimiser() {
        OptimizationHistory h = new Newton().minimize(Quadratic.seed(), new double[] {2.5, -2.0});
        assertEquals(1, h.iterationCount());
        assertArrayEquals(new double[] {1.0, -1.0}, h.solution(), 1e-14);
        assertEquals(-3.0, h.last().value(), 1e-14);
        assertTrue(h.converged());
        assertEquals(1, h.last().hessianEvaluations());
    }

    @Test
    void startingPointIsRecordedWithTheSeedAnswers() {
        Iteration start = new Newton().minimize(Quadratic.seed(), new double[] {2.5, -2.0}).iterations().get(0);
        assertEquals(2.625, start.value(), 1e-15);
        assertEquals(Math.hypot(6.5, -1.5), start.gradientNorm(), 1e-14);
    }

    @Test
    void shiftedNewtonConvergesOnRosenbrockThroughIndefiniteHessians() {
        // At (-1.2, 1) the Hessian is positive definite, but at (0, 1) it is not: start there.
        OptimizationHistory h = new Newton().minimize(new ExtendedRosenbrock(2), new double[] {0.0, 1.0});
        assertTrue(h.converged(), h.stopReason().toString());
        assertArrayEquals(new double[] {1.0, 1.0}, h.solution(), 1e-8);
    }

    @Test
    void shiftedSolveGivesADescentDirectionForAnIndefiniteMatrix() {
        double[] a = {1.0, 0.0, 0.0, -2.0};
        double[] g = {1.0, 1.0};
        double[] d = Newton.solveShifted(a, 2, g);
        assertTrue(d[0] * g[0] + d[1] * g[1] < 0.0);
    }

    @Test
    void rejectsNaNInTheStartingPoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Newton().minimize(Quadratic.seed(), new double[] {1.0, Double.NaN}));
        assertTrue(e.getMessage().contains("x0[1]"), e.getMessage());
    }
}
