package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.workloads.ExtendedRosenbrock;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    @Test
    void reachesGradientNormBelow1e8OnRosenbrockWithin100Iterations() {
        OptimizationHistory h = new Lbfgs()
                .withStopping(StoppingCriteria.gradientBelow(1e-8).withMaxIterations(100))
                .minimize(new ExtendedRosenbrock(2), new double[] {-1.2, 1.0});
        assertTrue(h.converged(), h.stopReason() + " after " + h.iterationCount());
        assertTrue(h.last().gradientNorm() < 1e-8);
        assertArrayEquals(new double[] {1.0, 1.0}, h.solution(), 1e-7);
        assertEquals(0, h.last().hessianVectorEvaluations());
    }

    @Test
    void solvesTheSeedQuadratic() {
        OptimizationHistory h = new Lbfgs().minimize(Quadratic.seed(), new double[] {2.5, -2.0});
        assertTrue(h.converged());
        assertArrayEquals(new double[] {1.0, -1.0}, h.solution(), 1e-8);
        assertTrue(h.iterationCount() <= 10, "iterations: " + h.iterationCount());
    }

    @Test
    void functionValuesNeverIncrease() {
        OptimizationHistory h = new Lbfgs().minimize(new ExtendedRosenbrock(20), new ExtendedRosenbrock(20).start());
        for (int i = 1; i < h.iterations().size(); i++) {
            assertTrue(h.iterations().get(i).value() <= h.iterations().get(i - 1).value() + 1e-12);
        }
    }

    @Test
    void twoLoopRecursionSatisfiesTheSecantConditionOfTheNewestPair() {
        double[] a = {5, 1, 1, 3};
        double[][] steps = {{1, 0}, {0.3, 1}, {-0.5, 0.2}};
        LbfgsHistory memory = new LbfgsHistory(5);
        double[] y = null;
        for (double[] s : steps) {
            y = new double[] {a[0] * s[0] + a[1] * s[1], a[2] * s[0] + a[3] * s[1]};
            assertTrue(memory.add(s, y));
        }
        // BFGS makes H y_k = s_k hold for the newest pair, whatever the older ones were.
        assertArrayEquals(steps[2], memory.applyInverseHessian(y), 1e-14);
    }

    @Test
    void pairsWithoutPositiveCurvatureAreRefused() {
        LbfgsHistory memory = new LbfgsHistory(3);
        assertTrue(!memory.add(new double[] {1, 0}, new double[] {-1, 0}));
        assertEquals(0, memory.size());
    }
}
