package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.workloads.ExtendedRosenbrock;
import org.junit.jupiter.api.Test;

class NewtonCgTest {

    @Test
    void extendedRosenbrock1000ReachesGradientNormBelow1e8() {
        ExtendedRosenbrock f = new ExtendedRosenbrock(1000);
        OptimizationHistory h = new NewtonCg().withStopping(StoppingCriteria.gradientBelow(1e-8)).minimize(f, f.start());
        assertTrue(h.converged(), h.stopReason() + " " + h.last());
        assertTrue(h.last().gradientNorm() < 1e-8);
        for (double xi : h.solution()) {
            assertEquals(1.0, xi, 1e-8);
        }
        assertEquals(0, h.last().hessianEvaluations(), "Newton-CG must use HVPs only");
        assertTrue(h.last().hessianVectorEvaluations() > 0);
    }

    @Test
    void solvesTheSeedQuadraticInAFewInexactNewtonSteps() {
        // The CG tolerance min(0.5, sqrt|g|)|g| makes early steps inexact on purpose: a handful of
        // iterations, not one (Newton with the dense Hessian does it in one).
        OptimizationHistory h = new NewtonCg().withRadius(10.0, 100.0)
                .minimize(Quadratic.seed(), new double[] {2.5, -2.0});
        assertTrue(h.converged());
        assertTrue(h.iterationCount() <= 6, "iterations: " + h.iterationCount());
        assertEquals(-3.0, h.last().value(), 1e-14);
    }
}
