package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.workloads.ThomsonEnergy;
import dev.wengert.ad.workloads.ThomsonReference;
import dev.wengert.ad.workloads.ThomsonWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thomson N = 2..20 from seeded random starts reaches the lowest known energy to 1e-9 relative,
 * with Riemannian trust-region Newton-CG and with Riemannian L-BFGS (the lowest known energies are
 * the test resource reference/thomson-minima.tsv, 9 decimals).
 *
 * <p>A local method can land in a higher local minimum (for N this small it rarely does); the test
 * then retries from the next seed, up to {@link #SEEDS}, and prints which seeds it needed.
 */
class ThomsonTest {

    private static final int SEEDS = 5;

    private static void reachesKnownMinimum(int n, String method, Function<Integer, Optimizer> optimizer) {
        List<String> tries = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            OptimizationHistory h = optimizer.apply(n).minimize(new ThomsonEnergy(n), ThomsonWorkload.randomStart(n, seed));
            double e = h.last().value();
            double minimum = ThomsonReference.minimum(n);
            double relative = Math.abs(e - minimum) / minimum;
            tries.add(String.format("seed %d: E=%.12f rel=%.1e |g|=%.1e its=%d %s",
                    seed, e, relative, h.last().gradientNorm(), h.iterationCount(), h.stopReason()));
            if (relative <= 1e-9) {
                if (seed > 1) {
                    System.out.println(method + " N=" + n + " needed a retry: " + tries);
                }
                // The table holds 9 decimals, so the run's own convergence is checked separately.
                assertTrue(h.last().gradientNorm() < 1e-8, tries.toString());
                return;
            }
        }
        throw new AssertionError(method + " N=" + n + " missed the known minimum from every seed: " + tries);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void riemannianNewtonReachesTheKnownMinimum(int n) {
        reachesKnownMinimum(n, "riemannian-newton", k -> new NewtonCg()
                .onManifold(ProductOfSpheres.of(k, 3))
                .withStopping(StoppingCriteria.gradientBelow(1e-10).withMaxIterations(500)));
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void riemannianLbfgsReachesTheKnownMinimum(int n) {
        reachesKnownMinimum(n, "lbfgs", k -> new Lbfgs()
                .onManifold(ProductOfSpheres.of(k, 3))
                .withStopping(StoppingCriteria.gradientBelow(1e-10).withMaxIterations(2000)));
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {4, 6, 12})
    void denseRiemannianNewtonReachesTheKnownMinimum(int n) {
        reachesKnownMinimum(n, "newton", k -> new Newton()
                .onManifold(ProductOfSpheres.of(k, 3))
                .withStopping(StoppingCriteria.gradientBelow(1e-10).withMaxIterations(500)));
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {3, 7})
    void iteratesStayOnTheSpheres(int n) {
        OptimizationHistory h = new Lbfgs().onManifold(ProductOfSpheres.of(n, 3))
                .minimize(new ThomsonEnergy(n), ThomsonWorkload.randomStart(n, 11));
        for (Iteration it : h.iterations()) {
            double[] x = it.x();
            for (int k = 0; k < n; k++) {
                double r = Math.sqrt(x[3 * k] * x[3 * k] + x[3 * k + 1] * x[3 * k + 1] + x[3 * k + 2] * x[3 * k + 2]);
                assertEquals(1.0, r, 1e-14);
            }
        }
    }
}
