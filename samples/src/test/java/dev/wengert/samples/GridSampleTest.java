package dev.wengert.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.SparsityPattern;
import dev.wengert.ad.optim.HessianMode;
import dev.wengert.ad.optim.Newton;
import dev.wengert.ad.optim.NewtonCg;
import dev.wengert.ad.optim.OptimizationHistory;
import dev.wengert.ad.optim.StoppingCriteria;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The grid sample's minimal surface: exact answers where they are known, and the two backends agree. */
class GridSampleTest {

    private static final StoppingCriteria TARGET = StoppingCriteria.gradientBelow(1e-8).withMaxIterations(15);

    private static OptimizationHistory solve(Objective f, double[] u0) {
        return solve(f, u0, TARGET);
    }

    private static OptimizationHistory solve(Objective f, double[] u0, StoppingCriteria stopping) {
        return new NewtonCg().withHessian(HessianMode.SPARSE).withRadius(Math.sqrt(u0.length), 1e10)
                .withStopping(stopping).minimize(f, u0);
    }

    @Test
    void aPlaneFrameSpansThePlaneAndItsAreaIsExact() {
        // Every triangle of a plane has the same slope, so the discrete Euler-Lagrange equations hold exactly
        // and the area is that of the plane over [0, 1]^2: sqrt(1 + a^2 + b^2).
        GridSurface plane = new GridSurface(20, 0.0, 1.0, (x, y) -> 0.7 * x - 0.4 * y + 0.1);
        // From a flat start, far from it (slopes of about 10 beside the frame, where the area is nearly linear
        // in the slope and the trust region has to shrink): 32 Newton steps; the interpolated start is the plane.
        OptimizationHistory h = solve(plane.generated(), new double[plane.dimension()],
                StoppingCriteria.gradientBelow(1e-8).withMaxIterations(100));
        assertTrue(h.converged(), h.stopReason().toString());
        assertTrue(h.last().gradientNorm() < 1e-8);
        assertEquals(Math.sqrt(1 + 0.49 + 0.16), h.last().value(), 1e-13);
        assertArrayEquals(plane.boundaryInside(), h.solution(), 1e-8);
        // The interpolated start is the plane itself: nothing to do.
        assertEquals(0, solve(plane.generated(), plane.start()).iterationCount());
    }

    @Test
    void scherksFrameConvergesToScherksSurfaceAtSecondOrderInH() {
        double previous = Double.NaN;
        for (int m : new int[] {15, 31, 63}) {   // h halves each time
            GridSurface s = new GridSurface(m, -1.2, 1.2, GridSurface::scherk);
            OptimizationHistory h = solve(s.generated(), s.start());
            assertTrue(h.converged(), "m = " + m + ": " + h.stopReason());
            assertTrue(h.iterationCount() <= 10, "m = " + m + ": " + h.iterationCount() + " Newton steps");
            double[] u = h.solution();
            double[] exact = s.boundaryInside();
            double worst = 0;
            for (int i = 0; i < u.length; i++) {
                worst = Math.max(worst, Math.abs(u[i] - exact[i]));
            }
            if (!Double.isNaN(previous)) {
                double ratio = previous / worst;
                assertTrue(ratio > 3.5 && ratio < 4.5, "m = " + m + ": error " + worst + ", ratio " + ratio);
            }
            previous = worst;
        }
        assertTrue(previous < 1e-3, "error at m = 63: " + previous);
    }

    @Test
    void generatedAndTapeGiveTheSameValueGradientAndSparseHessian() {
        GridSurface s = new GridSurface(12, -1.4, 1.4, GridSurface::scherk);
        double[] u = s.start();
        Random random = new Random(5);
        for (int i = 0; i < u.length; i++) {
            u[i] += 0.3 * random.nextGaussian();
        }
        Objective generated = s.generated();
        Recording tape = s.recorded(u);
        int n = u.length;
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        assertEquals(tape.gradient(u, g2), generated.gradient(u, g1), 1e-12);
        assertEquals(s.area(u), generated.value(u), 1e-12);
        assertArrayEquals(g2, g1, 1e-13);
        SparsityPattern pattern = generated.hessianPattern(n);
        assertEquals(tape.hessianPattern(), pattern);
        assertEquals(7, pattern.maxRowLength());
        double[] h1 = new double[pattern.nonZeros()];
        double[] h2 = new double[pattern.nonZeros()];
        generated.sparseHessian(u, h1);
        tape.sparseHessian(u, h2);
        double[] dense = new double[n * n];
        generated.hessian(u, dense);
        double[] packed = pattern.toDense(h1);
        for (int k = 0; k < h1.length; k++) {
            assertEquals(h2[k], h1[k], 1e-13 * Math.max(1.0, Math.abs(h2[k])), "entry " + k);
        }
        assertArrayEquals(dense, packed, 1e-13);
    }

    @Test
    void tapeAndGeneratedNewtonRunsReachTheSameSurface() {
        GridSurface s = new GridSurface(40, -1.5, 1.5, GridSurface::scherk);
        double[] u0 = s.start();
        OptimizationHistory generated = solve(s.generated(), u0);
        OptimizationHistory tape = solve(s.recorded(u0), u0);
        assertTrue(generated.converged());
        assertTrue(tape.converged());
        assertEquals(generated.last().value(), tape.last().value(), 1e-12);
        assertArrayEquals(generated.solution(), tape.solution(), 1e-8);
    }

    @Test
    void ejmlsCholeskySolvesTheSparseHessianAsADenseSolveDoes() {
        GridSurface s = new GridSurface(9, -1.4, 1.4, GridSurface::scherk);
        double[] u = s.start();
        Objective f = s.generated();
        int n = u.length;
        SparsityPattern pattern = f.hessianPattern(n);
        double[] values = new double[pattern.nonZeros()];
        f.sparseHessian(u, values);
        double[] b = new double[n];
        Random random = new Random(11);
        for (int i = 0; i < n; i++) {
            b[i] = random.nextGaussian();
        }
        EjmlSparseCholesky cholesky = new EjmlSparseCholesky();
        double shift = 0.25;
        assertTrue(cholesky.factor(pattern, values, shift));
        double[] x = new double[n];
        cholesky.solve(b, x);
        // The residual of (H + shift I) x = b, against the dense matrix: the solve is backward stable, and H's
        // condition number here is about 1e2, so 1e-12 relative to |b| holds with room.
        double[] dense = pattern.toDense(values);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double r = shift * x[i] - b[i];
            for (int j = 0; j < n; j++) {
                r += dense[i * n + j] * x[j];
            }
            worst = Math.max(worst, Math.abs(r));
        }
        assertTrue(worst < 1e-12, "residual " + worst);
        // A shift that makes the matrix indefinite is refused, and the next positive one is accepted again.
        assertTrue(!cholesky.factor(pattern, values, -1e6));
        assertTrue(cholesky.factor(pattern, values, 0.0));
    }

    @Test
    void newtonWithEjmlsCholeskyReachesTheSurfaceNewtonCgReaches() {
        GridSurface s = new GridSurface(40, -1.5, 1.5, GridSurface::scherk);
        double[] u0 = s.start();
        OptimizationHistory cg = solve(s.generated(), u0);
        OptimizationHistory direct = new Newton().withSparseCholesky(new EjmlSparseCholesky()).withStopping(TARGET)
                .minimize(s.generated(), u0);
        assertTrue(direct.converged(), direct.stopReason().toString());
        assertTrue(direct.iterationCount() <= cg.iterationCount(), direct.iterationCount() + " Newton steps against "
                + cg.iterationCount() + " with CG");
        assertEquals(cg.last().value(), direct.last().value(), 1e-12);
        // Both stop at |g| <= 1e-8; H's smallest eigenvalue is about 2 pi^2 h^2 ~ 1e-2 here.
        assertArrayEquals(cg.solution(), direct.solution(), 1e-6);
    }
}
