package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Recording;
import dev.wengert.ad.SparsityPattern;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import dev.wengert.ad.workloads.ExtendedRosenbrock;
import org.junit.jupiter.api.Test;

/**
 * Newton with a caller's sparse Cholesky takes the same steps as dense Newton: the solver here unpacks the
 * sparse Hessian into a dense matrix and uses the package's dense Cholesky, so any difference would be
 * Newton's handling of the sparse system (pattern, shift, sign of the right-hand side).
 */
class SparseCholeskyNewtonTest {

    /** A test solver: densify, then the dense Cholesky. Keeps the largest shift it was asked for. */
    private static final class DensifyingCholesky implements SparseCholeskySolver {
        double largestShift;
        private Cholesky factor;

        @Override
        public boolean factor(SparsityPattern pattern, double[] values, double shift) {
            largestShift = Math.max(largestShift, shift);
            factor = Cholesky.tryFactor(pattern.toDense(values), pattern.rows(), shift);
            return factor != null;
        }

        @Override
        public void solve(double[] b, double[] x) {
            System.arraycopy(factor.solve(b), 0, x, 0, x.length);
        }
    }

    private static Recording rosenbrock(int n, double[] x0) {
        return Tape.record(x -> Var.sum(n / 2, k -> {
            int i = 2 * k;
            return x[i + 1].minus(x[i].square()).square().times(100.0).plus(Var.minus(1.0, x[i]).square());
        }), x0);
    }

    @Test
    void takesTheSameStepsAsDenseNewtonOnExtendedRosenbrock() {
        int n = 40;
        double[] x0 = new ExtendedRosenbrock(n).start();
        Recording f = rosenbrock(n, x0);
        StoppingCriteria stop = StoppingCriteria.gradientBelow(1e-10).withMaxIterations(100);
        OptimizationHistory dense = new Newton().withStopping(stop).minimize(f, x0);
        DensifyingCholesky solver = new DensifyingCholesky();
        OptimizationHistory sparse = new Newton().withSparseCholesky(solver).withStopping(stop).minimize(f, x0);
        assertEquals(StopReason.GRADIENT_TOLERANCE, sparse.stopReason());
        assertEquals(dense.iterationCount(), sparse.iterationCount());
        for (int k = 0; k <= dense.iterationCount(); k++) {
            // Same matrices, same factorisation, same shifts: the iterates agree to rounding.
            assertEquals(dense.iterations().get(k).value(), sparse.iterations().get(k).value(),
                    1e-12 * Math.max(1.0, Math.abs(dense.iterations().get(k).value())));
        }
        assertArrayEquals(dense.solution(), sparse.solution(), 1e-12);
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        assertArrayEquals(ones, sparse.solution(), 1e-9);
        assertEquals(sparse.iterationCount(), sparse.last().hessianEvaluations());
    }

    @Test
    void shiftsAnIndefiniteHessianUntilItFactors() {
        // At (0, 1) Rosenbrock's Hessian is diag(-398, 200): the first step needs a shift, and the run converges.
        double[] x0 = {0.0, 1.0};
        Recording f = rosenbrock(2, x0);
        DensifyingCholesky solver = new DensifyingCholesky();
        OptimizationHistory h = new Newton().withSparseCholesky(solver).minimize(f, x0);
        assertTrue(h.converged(), h.stopReason().toString());
        assertArrayEquals(new double[] {1.0, 1.0}, h.solution(), 1e-8);
        assertTrue(solver.largestShift > 398.0, "the indefinite start was factored with a shift of only "
                + solver.largestShift);
    }

    @Test
    void refusesAManifoldAndAnObjectiveWithoutAPattern() {
        IllegalArgumentException onSphere = assertThrows(IllegalArgumentException.class,
                () -> new Newton().withSparseCholesky(new DensifyingCholesky()).onManifold(ProductOfSpheres.of(1, 3))
                        .minimize(Quadratic.seed(), new double[] {1.0, 0.0, 0.0}));
        assertTrue(onSphere.getMessage().contains("R^n only"), onSphere.getMessage());
        assertThrows(UnsupportedOperationException.class,
                () -> new Newton().withSparseCholesky(new DensifyingCholesky())
                        .minimize(Quadratic.seed(), new double[] {2.5, -2.0}));
        assertThrows(NullPointerException.class, () -> new Newton().withSparseCholesky(null));
    }
}
