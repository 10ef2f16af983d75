package dev.wengert.ad.optim;

import dev.wengert.ad.workloads.ExtendedRosenbrock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedSettingsTest {

    private static final double[] START = {-1.2, 1.0};

    private static List<Optimizer> all() {
        return List.of(new Newton(), new NewtonCg(), new TrustRegionNewton(), new Lbfgs(), new GradientDescent(), new MomentumSgd(1e-3, 0.5));
    }

    @Test
    void anOptimizerIsConfiguredThroughTheInterface() {
        for (Optimizer o : all()) {
            List<Iteration> seen = new ArrayList<>();
            Optimizer configured = o.withStopping(StoppingCriteria.gradientBelow(0.0).withMaxIterations(3))
                    .withListener(seen::add);
            OptimizationHistory h = configured.minimize(new ExtendedRosenbrock(2), START);
            assertEquals(StopReason.MAX_ITERATIONS, h.stopReason(), o.getClass().getSimpleName());
            assertEquals(h.iterations(), seen, o.getClass().getSimpleName());
        }
    }

    @Test
    void sharedSettingsLeaveTheOriginalUnchanged() {
        for (Optimizer o : all()) {
            o.withStopping(StoppingCriteria.gradientBelow(0.0).withMaxIterations(1));
            OptimizationHistory h = o.minimize(Quadratic.seed(), new double[] {2.5, -2.0});
            assertTrue(h.iterationCount() > 1 || h.stopReason() == StopReason.GRADIENT_TOLERANCE,
                    o.getClass().getSimpleName() + ": " + h.stopReason());
        }
    }

    @Test
    void sharedSettingsKeepTheOptimizersOwnParameters() {
        StoppingCriteria stop = StoppingCriteria.gradientBelow(1e-10);
        OptimizationHistory one = new Lbfgs().withMemory(1).withStopping(stop).minimize(new ExtendedRosenbrock(20), start(20));
        OptimizationHistory oneAgain = new Lbfgs().withStopping(stop).withMemory(1).minimize(new ExtendedRosenbrock(20), start(20));
        OptimizationHistory ten = new Lbfgs().withStopping(stop).minimize(new ExtendedRosenbrock(20), start(20));
        assertEquals(one.iterations(), oneAgain.iterations());
        assertNotEquals(one.iterationCount(), ten.iterationCount());
    }

    @Test
    void aManifoldSetThroughTheInterfaceIsUsed() {
        Optimizer o = new Lbfgs();
        OptimizationHistory h = o.onManifold(ProductOfSpheres.of(1, 2)).minimize(Quadratic.seed(), new double[] {2.5, -2.0});
        assertEquals(StopReason.GRADIENT_TOLERANCE, h.stopReason());
        assertEquals(1.0, Vectors.norm(h.solution()), 1e-15);
    }

    private static double[] start(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i += 2) {
            x[i] = -1.2;
            x[i + 1] = 1.0;
        }
        return x;
    }
}
