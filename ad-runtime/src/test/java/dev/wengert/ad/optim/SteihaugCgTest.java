package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SteihaugCgTest {

    private static final SteihaugCg.Operator SEED_A = (v, out) -> {
        out[0] = 5 * v[0] + v[1];
        out[1] = v[0] + 3 * v[1];
    };

    @Test
    void largeRadiusGivesTheNewtonStep() {
        // g = A x0 + b at x0 = [2.5, -2]; the Newton step is x* - x0 = [-1.5, 1].
        SteihaugCg.Result r = SteihaugCg.solve(SEED_A, new double[] {6.5, -1.5}, 100.0, 1e-13, 10);
        assertEquals(SteihaugCg.Termination.CONVERGED, r.termination());
        assertArrayEquals(new double[] {-1.5, 1.0}, r.step(), 1e-12);
        // Model decrease = f(x0) - f(x*) = 2.625 - (-3).
        assertEquals(5.625, r.modelDecrease(), 1e-12);
    }

    @Test
    void smallRadiusStopsOnTheBoundary() {
        SteihaugCg.Result r = SteihaugCg.solve(SEED_A, new double[] {6.5, -1.5}, 0.1, 1e-13, 10);
        assertEquals(SteihaugCg.Termination.BOUNDARY, r.termination());
        assertEquals(0.1, Vectors.norm(r.step()), 1e-14);
        assertTrue(r.modelDecrease() > 0.0);
    }

    @Test
    void negativeCurvatureIsFollowedToTheBoundary() {
        SteihaugCg.Operator indefinite = (v, out) -> {
            out[0] = -v[0];
            out[1] = 2 * v[1];
        };
        SteihaugCg.Result r = SteihaugCg.solve(indefinite, new double[] {1.0, 0.0}, 2.0, 1e-12, 10);
        assertEquals(SteihaugCg.Termination.NEGATIVE_CURVATURE, r.termination());
        assertArrayEquals(new double[] {-2.0, 0.0}, r.step(), 1e-14);
        // m(p) = g.p + 1/2 p.Bp = -2 - 2 = -4.
        assertEquals(4.0, r.modelDecrease(), 1e-14);
    }
}
