package dev.wengert.ad.optim;

import dev.wengert.ad.workloads.ExtendedRosenbrock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Objective;
import org.junit.jupiter.api.Test;

class TrustRegionNewtonTest {

    /** f = x^4/4 - x^2/2 + y^2/2: a saddle at 0, minimisers (+-1, 0) with f = -1/4. */
    private static Objective doubleWell() {
        return Derivatives.record(x -> x[0].square().square().times(0.25).minus(x[0].square().times(0.5))
                .plus(x[1].square().times(0.5)), 0.0, 1.0);
    }

    @Test
    void leavesAnIndefiniteStartInTheHardCaseAndReachesAMinimiser() {
        // At (0, 1) H = diag(-1, 1) and g = (0, 1) has no component along the negative curvature: the
        // hard case. The exact subproblem step moves along x; every descent direction built from g
        // alone (shifted Newton, CG) stays on the line x = 0 and ends at the saddle.
        double[] start = {0.0, 1.0};
        OptimizationHistory h = new TrustRegionNewton().withStopping(StoppingCriteria.gradientBelow(1e-14))
                .minimize(doubleWell(), start);
        assertEquals(StopReason.GRADIENT_TOLERANCE, h.stopReason());
        assertEquals(1.0, Math.abs(h.solution()[0]), 1e-14);   // |g| <= 1e-14 and H = diag(2, 1) there
        assertEquals(0.0, h.solution()[1], 1e-14);
        assertEquals(-0.25, h.last().value(), 1e-15);

        OptimizationHistory newton = new Newton().minimize(doubleWell(), start);
        OptimizationHistory cg = new NewtonCg().minimize(doubleWell(), start);
        assertEquals(0.0, newton.last().value(), 1e-15, "line-search Newton stops at the saddle");
        assertEquals(0.0, cg.last().value(), 1e-15, "Steihaug-CG stops at the saddle");
    }

    @Test
    void rosenbrockFromTheStandardStartReachesTheMinimiser() {
        OptimizationHistory h = new TrustRegionNewton().withStopping(StoppingCriteria.gradientBelow(1e-12))
                .minimize(new ExtendedRosenbrock(2), new double[] {-1.2, 1.0});
        assertEquals(StopReason.GRADIENT_TOLERANCE, h.stopReason());
        assertEquals(1.0, h.solution()[0], 1e-12);
        assertEquals(1.0, h.solution()[1], 1e-12);
        assertTrue(h.iterationCount() <= 40, h.last().toString());
    }

    @Test
    void reachesTheMinimumOfMeyersFitAndStopsAtTheNoise() {
        OptimizationHistory h = new TrustRegionNewton().minimize(Meyer.objective(), Meyer.start());
        assertEquals(Meyer.MINIMUM, h.last().value(), 1e-4, h.stopReason() + " " + h.last());
        assertEquals(StopReason.CONVERGED_TO_NOISE, h.stopReason(), h.last().toString());
        // Measured: 297 iterations (Newton-CG: 589); the Euclidean region still follows the curved
        // valley in steps of a few units, but every step is the best one the region allows.
        assertTrue(h.iterationCount() <= 400, h.last().toString());
    }

    @Test
    void theSubproblemStepIsTheNewtonStepInsideAndOnTheSphereOutside() {
        double[] h = {5.0, 1.0, 1.0, 3.0};
        double[] g = {-4.0, 2.0};
        // Newton step -H^-1 g = (1, -1), |.| = sqrt 2
        TrustRegionNewton.Step inside = TrustRegionNewton.solve(h, g, 2.0);
        assertEquals(1.0, inside.p()[0], 1e-15);
        assertEquals(-1.0, inside.p()[1], 1e-15);
        TrustRegionNewton.Step boundary = TrustRegionNewton.solve(h, g, 0.5);
        assertTrue(boundary.onBoundary());
        assertEquals(0.5, Vectors.norm(boundary.p()), 1e-15);
        // on the boundary (H + lambda I) p = -g with lambda >= 0
        double lambda = -(g[0] + h[0] * boundary.p()[0] + h[1] * boundary.p()[1]) / boundary.p()[0];
        assertTrue(lambda > 0.0);
        assertEquals(-g[1], h[2] * boundary.p()[0] + (h[3] + lambda) * boundary.p()[1], 1e-13);
    }
}
