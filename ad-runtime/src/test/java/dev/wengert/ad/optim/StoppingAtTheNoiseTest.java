package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.workloads.ExtendedRosenbrock;
import org.junit.jupiter.api.Test;

/** The noise test stops runs that f can no longer steer, and leaves converging runs alone. */
class StoppingAtTheNoiseTest {

    /**
     * A quadratic whose value carries rounding-sized noise of 1e-11 relative (a hash of x, so that it is
     * reproducible) and whose gradient is exact up to noise of 1e-6: at the minimum no optimiser can
     * reach |g| = 1e-12, and the run must say so instead of running to the iteration limit.
     */
    private static final class NoisyBowl implements Objective {
        private final Quadratic q = Quadratic.seed();

        private static double noise(double[] x, double scale) {
            long h = Double.doubleToLongBits(x[0]) * 31 + Double.doubleToLongBits(x[1]);
            h ^= h >>> 29;
            h *= 0xbf58476d1ce4e5b9L;
            h ^= h >>> 32;
            return scale * ((h & 0xffff) / 65536.0 - 0.5);
        }

        @Override
        public double value(double[] x) {
            double f = q.value(x);
            return f + Math.abs(f) * noise(x, 1e-11);
        }

        @Override
        public double gradient(double[] x, double[] g) {
            q.gradient(x, g);
            g[0] += noise(x, 1e-6);
            g[1] -= noise(x, 1e-6);
            return value(x);
        }

        @Override
        public void hessianVector(double[] x, double[] v, double[] hv) {
            q.hessianVector(x, v, hv);
        }

        @Override
        public void hessian(double[] x, double[] h) {
            q.hessian(x, h);
        }
    }

    @Test
    void everyOptimiserStopsAtTheNoiseOfAQuadraticWithNoisyValues() {
        StoppingCriteria stop = StoppingCriteria.gradientBelow(1e-12).withNoise(1e-10, 10);
        Optimizer[] optimizers = {
            new Newton().withStopping(stop), new NewtonCg().withStopping(stop), new Lbfgs().withStopping(stop),
            new GradientDescent().withStopping(stop), new MomentumSgd(0.1, 0.5).withStopping(stop),
        };
        for (Optimizer o : optimizers) {
            OptimizationHistory h = o.minimize(new NoisyBowl(), new double[] {2.5, -2.0});
            assertEquals(StopReason.CONVERGED_TO_NOISE, h.stopReason(), o.getClass().getSimpleName() + " " + h.last());
            assertEquals(-3.0, h.last().value(), 1e-9, o.getClass().getSimpleName());
            assertTrue(h.iterationCount() < 300, o.getClass().getSimpleName() + " " + h.last());
        }
    }

    @Test
    void aZeroResidualProblemIsNotStoppedByTheNoiseTest() {
        // f -> 0: the noise is relative, so every change of f stays far above it.
        OptimizationHistory h = new Newton().withStopping(StoppingCriteria.gradientBelow(1e-15))
                .minimize(new ExtendedRosenbrock(2), new double[] {-1.2, 1.0});
        assertEquals(StopReason.GRADIENT_TOLERANCE, h.stopReason(), h.last().toString());
        assertTrue(h.last().value() < 1e-28, h.last().toString());
    }

    @Test
    void noiseTestCanBeSwitchedOff() {
        StoppingCriteria stop = StoppingCriteria.gradientBelow(1e-12).withNoise(0.0, 0).withMaxIterations(50);
        OptimizationHistory h = new Newton().withStopping(stop).minimize(new NoisyBowl(), new double[] {2.5, -2.0});
        assertTrue(h.stopReason() == StopReason.MAX_ITERATIONS || h.stopReason() == StopReason.NO_PROGRESS,
                h.stopReason().toString());
    }
}
