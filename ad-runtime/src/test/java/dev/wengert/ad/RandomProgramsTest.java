package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wengert.ad.RandomExpressions.Expr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random programs at scale: {@value #DEFAULT_PROGRAMS} random expression trees per build (set
 * {@code -Dwengert.fuzz=100000} for a nightly-sized run, {@code -Dwengert.fuzz.seed=S} to replay
 * one), each through every driver at once: value (replay equals recording), gradient (against a
 * forward-mode {@link Dual}; {@link Derivatives#gradient(ScalarFunction, double[], double[])} equal to it), JVP, VJP and Jacobian of a two-output recording, Hessian-vector
 * product, dense Hessian on one and on two threads, sparse Hessian (edge pushing, star and acyclic coloring) and sparse Jacobian (patterns
 * hold every non-zero, values equal the dense ones), reuse of the recording at a second point
 * (through {@link RecordedFunction} when the tree branches), and two threads evaluating one
 * recording at once. A failure is shrunk to a smaller tree that still fails and reported as the
 * Java that records it, with the seed and the points.
 *
 * <p>The trees ({@link RandomExpressions}) are 1 to 6 levels deep over 1 to 5 inputs, kinks and
 * branches included; the drivers share one rules table, so they must agree even at a kink.
 */
class RandomProgramsTest {
    static final int DEFAULT_PROGRAMS = 10_000;
    private static final int PROGRAMS = Integer.getInteger("wengert.fuzz", DEFAULT_PROGRAMS);
    private static final long SEED = Long.getLong("wengert.fuzz.seed", System.nanoTime());
    // Evaluations per thread in the two-thread check: enough for the two to overlap on tiny tapes.
    private static final int CONCURRENT_REPEATS = 16;

    // Tolerances between drivers that sum the same products in different orders (see
    // DriverPropertiesTest): 1e-10 of the magnitudes of the summed terms, with an absolute floor
    // for entries that cancel to nearly zero; any wrong rule misses by many orders more.
    private static final double RTOL = 1e-10;
    private static final double ATOL = 1e-13;
    // Dual evaluates n-ary nodes as chains of binary operations: a few more roundings.
    private static final double DUAL_RTOL = 1e-11;

    private static ExecutorService pool;

    @BeforeAll
    static void startThreads() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopThreads() {
        pool.shutdownNow();
    }

    /** One random program: the scalar tree f, a second output for the vector drivers, the points. */
    record Program(Expr f, Expr second, int n, double[] x, double[] y, double[] v, double[] w) {
        Program with(Expr newF, Expr newSecond) {
            return new Program(newF, newSecond, n, x, y, v, w);
        }

        String java() {
            return "// n = " + n + ", x = " + Arrays.toString(x) + ", y = " + Arrays.toString(y)
                    + ", v = " + Arrays.toString(v) + ", w = " + Arrays.toString(w) + "\n"
                    + "ScalarFunction f = x -> " + f.java() + ";\n"
                    + "VectorFunction F = x -> new Var[] {" + f.java() + ", " + second.java() + "};";
        }
    }

    private static double[] point(Random r, int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) p[i] = Math.round((4 * r.nextDouble() - 2) * 1000) / 1000.0;
        return p;
    }

    static Program program(Random r) {
        int n = 1 + r.nextInt(5);
        int depth = 1 + r.nextInt(6);
        return new Program(RandomExpressions.random(r, depth, false, true),
                RandomExpressions.random(r, 1 + r.nextInt(4), false, false),
                n, point(r, n), point(r, n), point(r, n), point(r, 2));
    }

    @Test
    void randomProgramsAgreeAcrossEveryDriver() {
        int skipped = 0;
        long start = System.nanoTime();
        for (int i = 0; i < PROGRAMS; i++) {
            Program p = program(new Random(SEED + i));
            String failure = failureOf(p);
            if (failure == null) continue;
            if (failure.equals(NON_FINITE)) {
                skipped++;
                continue;
            }
            Program small = shrink(p);
            fail(String.format(Locale.ROOT, "random program %d of seed %d (replay: -Dwengert.fuzz.seed=%d"
                            + " -Dwengert.fuzz=%d) fails: %s%nshrunk to:%n%s%nfailing there: %s%noriginal:%n%s",
                    i, SEED, SEED, i + 1, failure, small.java(), failureOf(small), p.java()));
        }
        System.out.printf(Locale.ROOT, "RandomProgramsTest: %d programs (seed %d) in %.1f s, %d skipped as non-finite%n",
                PROGRAMS, SEED, (System.nanoTime() - start) / 1e9, skipped);
        // Safe domains by construction: non-finite programs are rare (derivative overflow in deep powers).
        assertEquals(0, skipped, PROGRAMS / 100.0, "programs skipped as non-finite");
    }

    private static final String NON_FINITE = "non-finite";

    // The first disagreement, NON_FINITE if the program overflowed somewhere, or null.
    static String failureOf(Program p) {
        try {
            check(p);
            return null;
        } catch (NonFiniteException e) {
            return NON_FINITE;
        } catch (AssertionError | RuntimeException e) {
            return e.toString();
        }
    }

    // Greedy shrinking: take the first smaller program that still fails the same way, until none does.
    static Program shrink(Program p) {
        Program current = p;
        for (int step = 0; step < 500; step++) {
            Program next = null;
            List<Program> candidates = new ArrayList<>();
            for (Expr smaller : current.f().shrinks()) candidates.add(current.with(smaller, current.second()));
            for (Expr smaller : current.second().shrinks()) candidates.add(current.with(current.f(), smaller));
            for (Program c : candidates) {
                String failure = failureOf(c);
                if (failure != null && !failure.equals(NON_FINITE)) {
                    next = c;
                    break;
                }
            }
            if (next == null) return current;
            current = next;
        }
        return current;
    }

    // ---- the checks ----

    private static void check(Program p) throws NonFiniteException {
        int n = p.n();
        double[] x = p.x();
        double[] v = p.v();

        // value: a replay at the recording point repeats the recording's arithmetic exactly
        Tape tape = new Tape();
        Var out = p.f().on(tape.variables(x));
        Recording r = tape.finish(out);
        double fx = r.value(x);
        same(out.value(), fx, "replayed value at the recording point");

        // gradient against forward mode
        double[] g = new double[n];
        same(fx, r.gradient(x, g), "value returned by gradient");
        // the one-call gradient, swept on the recording as made (unfused, not compacted): the same numbers
        double[] oneCall = new double[n];
        same(fx, Derivatives.gradient(p.f()::on, x, oneCall), "value returned by Derivatives.gradient");
        sameArray(g, oneCall, "Derivatives.gradient vs Recording.gradient");
        Dual[] d = new Dual[n];
        for (int i = 0; i < n; i++) d[i] = Dual.variable(x[i], v[i]);
        Dual dual = p.f().on(d);
        close(dual.value(), fx, DUAL_RTOL * Math.max(1, Math.abs(fx)), "value vs Dual");
        close(dual.tangent(), dot(g, v), DUAL_RTOL * absDot(g, v) + ATOL, "g.v vs Dual tangent");

        // second order
        double[] g2 = new double[n];
        double[] hv = new double[n];
        double[] hvAlone = new double[n];
        same(fx, r.gradientAndHessianVector(x, v, g2, hv), "value returned by gradientAndHessianVector");
        r.hessianVector(x, v, hvAlone);
        sameArray(hv, hvAlone, "hessianVector vs gradientAndHessianVector");
        for (int i = 0; i < n; i++) close(g[i], g2[i], 1e-14 * maxAbs(g) + ATOL, "g[" + i + "] of the second-order sweep");
        double[] h = new double[n * n];
        double[] h2 = new double[n * n];
        r.hessian(x, h, 1);
        r.hessian(x, h2, 2);
        sameArray(h, h2, "dense Hessian on one vs two threads");
        double hScale = maxAbs(h);
        for (int i = 0; i < n; i++) {
            double hvi = 0;
            double terms = 0;
            for (int j = 0; j < n; j++) {
                hvi += h[i * n + j] * v[j];
                terms += Math.abs(h[i * n + j] * v[j]);
                close(h[i * n + j], h[j * n + i], RTOL * hScale + ATOL, "H[" + i + "," + j + "] vs H[" + j + "," + i + "]");
            }
            close(hvi, hv[i], RTOL * terms + ATOL, "(H v)[" + i + "] vs hessianVector");
        }

        // sparse Hessian: every non-zero of the dense one is in the pattern, with its value
        SparsityPattern pattern = r.hessianPattern();
        double[] sparse = new double[pattern.nonZeros()];
        r.sparseHessian(x, sparse);
        double[] packed = pattern.toDense(sparse);
        double[] colored = new double[pattern.nonZeros()];
        r.sparseHessian(x, colored, SparseHessianMethod.STAR_COLORING);
        double[] packedColored = pattern.toDense(colored);
        double[] acyclic = new double[pattern.nonZeros()];
        r.sparseHessian(x, acyclic, SparseHessianMethod.ACYCLIC_COLORING);
        double[] packedAcyclic = pattern.toDense(acyclic);
        for (int k = 0; k < n * n; k++) {
            if (h[k] != 0 && pattern.indexOf(k / n, k % n) < 0) {
                throw new AssertionError("H[" + k / n + "," + k % n + "] = " + h[k] + " is outside the Hessian pattern");
            }
            close(h[k], packed[k], RTOL * hScale + ATOL, "sparse H[" + k / n + "," + k % n + "] (edge pushing) vs dense");
            close(h[k], packedColored[k], RTOL * hScale + ATOL, "sparse H[" + k / n + "," + k % n + "] (star coloring) vs dense");
            close(h[k], packedAcyclic[k], RTOL * hScale + ATOL, "sparse H[" + k / n + "," + k % n + "] (acyclic coloring) vs dense");
        }

        // two outputs: values, JVP, VJP, Jacobian against the scalar gradients
        Recording second = Tape.record(p.second()::on, x);
        double[] gs = new double[n];
        double sx = second.gradient(x, gs);
        Recording vec = Tape.recordVector(z -> new Var[] {p.f().on(z), p.second().on(z)}, x);
        double[] values = new double[2];
        vec.values(x, values);
        same(fx, values[0], "output 0 of the vector recording");
        same(sx, values[1], "output 1 of the vector recording");
        double[] jv = new double[2];
        vec.jvp(x, v, jv);
        close(dot(g, v), jv[0], RTOL * absDot(g, v) + ATOL, "jvp[0]");
        close(dot(gs, v), jv[1], RTOL * absDot(gs, v) + ATOL, "jvp[1]");
        double[] w = p.w();
        double[] wj = new double[n];
        vec.vjp(x, w, wj);
        double[] jac = new double[2 * n];
        vec.jacobian(x, jac);
        SparsityPattern jacPattern = vec.jacobianPattern();
        double[] sparseJac = new double[jacPattern.nonZeros()];
        vec.sparseJacobian(x, sparseJac);
        double[] packedJac = jacPattern.toDense(sparseJac);
        for (int k = 0; k < 2 * n; k++) {
            if (jac[k] != 0 && jacPattern.indexOf(k / n, k % n) < 0) {
                throw new AssertionError("J[" + k / n + "," + k % n + "] = " + jac[k] + " is outside the Jacobian pattern");
            }
            close(jac[k], packedJac[k], RTOL * maxAbs(jac) + ATOL, "sparse J[" + k / n + "," + k % n + "] vs dense");
        }
        for (int i = 0; i < n; i++) {
            double expected = w[0] * g[i] + w[1] * gs[i];
            close(expected, wj[i], RTOL * (Math.abs(w[0] * g[i]) + Math.abs(w[1] * gs[i])) + ATOL, "vjp[" + i + "]");
            close(g[i], jac[i], RTOL * maxAbs(g) + ATOL, "jacobian[0][" + i + "]");
            close(gs[i], jac[n + i], RTOL * maxAbs(gs) + ATOL, "jacobian[1][" + i + "]");
        }

        // reuse at a second point equals a fresh recording there (re-recorded if a guard flips)
        double[] y = p.y();
        Objective reused = p.f().branches() ? Derivatives.record(p.f()::on, x) : r;
        Recording fresh = Tape.record(p.f()::on, y);
        double[] expectedG = new double[n];
        double[] expectedHv = new double[n];
        double fy = fresh.gradientAndHessianVector(y, v, expectedG, expectedHv);
        double[] reusedG = new double[n];
        double[] reusedHv = new double[n];
        same(fy, reused.gradientAndHessianVector(y, v, reusedG, reusedHv), "value reused at y");
        sameArray(expectedG, reusedG, "gradient reused at y");
        sameArray(expectedHv, reusedHv, "Hv reused at y");
        if (p.f().branches()) {
            // the gradient alone: a flipped guard re-records at y and sweeps that recording where it was made
            RecordedFunction viaGradient = Derivatives.record(p.f()::on, x);
            double[] freshG = new double[n];
            double[] gy = new double[n];
            same(fresh.gradient(y, freshG), viaGradient.gradient(y, gy), "value of RecordedFunction.gradient at y");
            sameArray(freshG, gy, "RecordedFunction.gradient at y");
        }

        // two threads evaluating the shared recording at once agree with one thread, bit for bit
        List<Future<String>> running = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            running.add(pool.submit(() -> {
                double[] tg = new double[n];
                double[] thv = new double[n];
                for (int k = 0; k < CONCURRENT_REPEATS; k++) {
                    double ty = reused.gradientAndHessianVector(y, v, tg, thv);
                    if (Double.doubleToLongBits(ty) != Double.doubleToLongBits(fy) || !Arrays.equals(tg, expectedG)
                            || !Arrays.equals(thv, expectedHv)) {
                        return "thread " + Thread.currentThread().getName() + " evaluation " + k + ": f = " + ty
                                + ", g = " + Arrays.toString(tg) + ", hv = " + Arrays.toString(thv);
                    }
                }
                return null;
            }));
        }
        for (Future<String> f : running) {
            try {
                String disagreement = f.get();
                if (disagreement != null) throw new AssertionError("concurrent evaluation differs: " + disagreement);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof NonFiniteException nf) throw nf;
                throw new AssertionError("concurrent evaluation failed", e.getCause());
            }
        }
    }

    private static void same(double expected, double actual, String what) {
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            throw new AssertionError(what + ": expected exactly " + expected + " but got " + actual);
        }
    }

    private static void sameArray(double[] expected, double[] actual, String what) {
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(what + ": expected exactly " + Arrays.toString(expected) + " but got "
                    + Arrays.toString(actual));
        }
    }

    private static void close(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            throw new AssertionError(String.format(Locale.ROOT, "%s: expected %.17g but got %.17g (difference %.3g,"
                    + " tolerance %.3g)", what, expected, actual, Math.abs(expected - actual), tolerance));
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double absDot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += Math.abs(a[i] * b[i]);
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double e : a) m = Math.max(m, Math.abs(e));
        return m;
    }
}
