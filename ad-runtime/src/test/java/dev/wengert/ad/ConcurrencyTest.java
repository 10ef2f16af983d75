package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.workloads.ThomsonWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One recording shared by many threads gives, bitwise, what one thread gives: per-thread scratch,
 * no shared mutable state. Expected values are computed by the same recording on one thread first
 * (the property is determinism under sharing, so bitwise equality is the right comparison).
 */
class ConcurrencyTest {
    private static final int THREADS = 4;
    private static final int EVALUATIONS = 10_000;
    private static final int POINTS = 64;

    // Thomson N = 12 at perturbed points: x0 + 0.01 sin(7 m + 13 p) per coordinate m, point set p.
    private static double[][] points(double[] x0) {
        double[][] xs = new double[POINTS][x0.length];
        for (int p = 0; p < POINTS; p++) {
            for (int m = 0; m < x0.length; m++) xs[p][m] = x0[m] + 0.01 * Math.sin(7 * m + 13 * p);
        }
        return xs;
    }

    @Test
    void fourThreadsEvaluatingOneRecordingAgreeBitwiseWithOneThread() throws Exception {
        double[] x0 = ThomsonWorkload.points(12);
        double[] v = ThomsonWorkload.direction(x0.length);
        Recording energy = Recordings.scalar(ThomsonWorkload::energy, x0);
        double[][] xs = points(x0);
        int n = x0.length;

        double[][] gExpected = new double[POINTS][n];
        double[][] hvExpected = new double[POINTS][n];
        double[] eExpected = new double[POINTS];
        for (int p = 0; p < POINTS; p++) {
            eExpected[p] = energy.gradient(xs[p], gExpected[p]);
            energy.hessianVector(xs[p], v, hvExpected[p]);
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 17;   // threads walk the points out of step, so different points overlap in time
                Callable<Integer> work = () -> {
                    double[] g = new double[n];
                    double[] hv = new double[n];
                    start.await();
                    int checked = 0;
                    for (int k = 0; k < EVALUATIONS; k++) {
                        int p = (k + offset) % POINTS;
                        double e = k % 2 == 0 ? energy.gradient(xs[p], g)
                                : energy.gradientAndHessianVector(xs[p], v, g, hv);
                        if (e != eExpected[p]) throw new AssertionError("energy differs at point " + p);
                        assertArrayEquals(gExpected[p], g, "gradient at point " + p);
                        if (k % 2 == 1) assertArrayEquals(hvExpected[p], hv, "Hv at point " + p);
                        checked++;
                    }
                    return checked;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Integer> f : results) assertEquals(EVALUATIONS, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    // Each thread records on its own spare arrays and sweeps in its own workspace: one-call gradients made at once
    // on several threads, interleaved with a shared Recording's, are each what one thread alone computes.
    @Test
    void oneCallGradientsOnFourThreadsAgreeBitwiseWithOneThread() throws Exception {
        double[] x0 = ThomsonWorkload.points(12);
        double[][] xs = points(x0);
        int n = x0.length;
        Recording shared = Recordings.scalar(ThomsonWorkload::energy, x0);
        double[][] gExpected = new double[POINTS][n];
        double[] eExpected = new double[POINTS];
        for (int p = 0; p < POINTS; p++) eExpected[p] = Tape.record(ThomsonWorkload::energy, xs[p]).gradient(xs[p], gExpected[p]);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 17;
                Callable<Integer> work = () -> {
                    double[] g = new double[n];
                    double[] other = new double[n];
                    start.await();
                    for (int k = 0; k < EVALUATIONS / 10; k++) {
                        int p = (k + offset) % POINTS;
                        double e = Derivatives.gradient(ThomsonWorkload::energy, xs[p], g);
                        if (e != eExpected[p]) throw new AssertionError("energy differs at point " + p);
                        assertArrayEquals(gExpected[p], g, "one-call gradient at point " + p);
                        shared.gradient(xs[(p + 1) % POINTS], other);   // the thread's workspace, used in between
                    }
                    return EVALUATIONS / 10;
                };
                results.add(pool.submit(work));
            }
            start.countDown();
            for (Future<Integer> f : results) assertEquals(EVALUATIONS / 10, f.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void denseHessianWithTwoThreadsEqualsOneThreadBitwise() {
        double[] x = ThomsonWorkload.points(12);   // n = 36: more than one batch of columns, so 2 threads both work
        Recording energy = Recordings.scalar(ThomsonWorkload::energy, x);
        double[] one = new double[x.length * x.length];
        double[] two = new double[x.length * x.length];
        energy.hessian(x, one, 1);
        energy.hessian(x, two, 2);
        assertArrayEquals(one, two);
        assertTrue(maxAbs(one) > 0);
    }

    @Test
    void denseHessianWithManyThreadsEqualsOneThreadBitwiseAtN100() {
        double[] x = ThomsonWorkload.points(100);
        Recording energy = Recordings.scalar(ThomsonWorkload::energy, x);
        double[] one = new double[x.length * x.length];
        double[] many = new double[x.length * x.length];
        energy.hessian(x, one, 1);
        energy.hessian(x, many, 7);
        assertArrayEquals(one, many);
    }

    @Test
    void recordedFunctionSharedByThreadsAlwaysReturnsTheBranchAtEachPoint() throws Exception {
        // Threads alternate between the two branches, so re-recordings race with replays.
        RecordedFunction f = Derivatives.record(x -> x[0].gt(0) ? x[0].square().times(x[1]) : x[0].times(-3.0).plus(x[1]), 1.0, 2.0);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    double[] g = new double[2];
                    for (int k = 0; k < 2000; k++) {
                        double x0 = ((k + seed) % 3 == 0 ? -1 : 1) * (0.5 + (k % 7) * 0.25);
                        double x1 = 1 + (k % 5) * 0.1;
                        double fx = f.gradient(new double[] {x0, x1}, g);
                        if (x0 > 0) {
                            assertEquals(x0 * x0 * x1, fx, 1e-15 * fx);
                            assertArrayEquals(new double[] {2 * x0 * x1, x0 * x0}, g, 1e-14);
                        } else {
                            assertEquals(-3 * x0 + x1, fx, 1e-15);
                            assertArrayEquals(new double[] {-3, 1}, g);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> r : results) r.get();
        } finally {
            pool.shutdownNow();
        }
        assertTrue(f.recordings() > 2, "the branches should have alternated: " + f.recordings());
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }
}
