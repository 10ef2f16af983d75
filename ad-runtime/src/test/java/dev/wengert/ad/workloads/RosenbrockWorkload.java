package dev.wengert.ad.workloads;

import dev.wengert.ad.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The extended Rosenbrock workload (DESIGN.md "Workloads": n up to 10^5, for sparse structure), as
 * the benchmarks use it. The standard "extended" form of Moré, Garbow and Hillstrom (1981, problem 21)
 * sums n/2 independent two-dimensional Rosenbrock functions over the pairs {@code (x[2k], x[2k+1])}:
 *
 * <pre>
 *   f(x) = sum_{k=0}^{n/2-1} [ 100 (x[2k+1] - x[2k]^2)^2 + (1 - x[2k])^2 ],   n even,
 * </pre>
 *
 * from the classic start {@code (-1.2, 1, -1.2, 1, ...)}, with the direction of the Thomson workload,
 * {@code v[m] = sin(0.37 m + 0.1)}. (The other common generalisation, the "chained" form summing over
 * every consecutive pair {@code (x[i], x[i+1])}, has a tridiagonal Hessian; this one is 2x2
 * block-diagonal.) With {@code a = x[2k]}, {@code b = x[2k+1]}, {@code t = b - a^2}: the gradient is
 * {@code (-400 a t - 2 (1 - a), 200 t)} and the Hessian block is
 * {@code [[1200 a^2 - 400 b + 2, -400 a], [-400 a, 200]]}.
 *
 * <p>The analytic code is one pass over the pairs with no allocation. The dense Hessian is n x n
 * (8 MB at n = 10^3, 80 GB at n = 10^5, so only small n): it writes every entry, as the tape's does.
 *
 * <pre>{@code
 * double[] x = RosenbrockWorkload.start(1000);
 * double[] g = new double[x.length];
 * double f = RosenbrockWorkload.gradient(x, g);              // analytic baseline
 * Recording r = Tape.record(RosenbrockWorkload::energy, x);  // the same function on the tape
 * }</pre>
 */
public final class RosenbrockWorkload {
    private RosenbrockWorkload() {
    }

    /** The classic start point {@code (-1.2, 1, -1.2, 1, ...)} of length n (n even). */
    public static double[] start(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("extended Rosenbrock needs an even n >= 2, got " + n);
        }
        double[] x = new double[n];
        for (int k = 0; k < n; k += 2) {
            x[k] = -1.2;
            x[k + 1] = 1.0;
        }
        return x;
    }

    /** The start point with a small deterministic perturbation, {@code + 0.1 cos(1.3 m)}, so that no two pairs are identical. */
    public static double[] perturbedStart(int n) {
        double[] x = start(n);
        for (int m = 0; m < n; m++) x[m] += 0.1 * Math.cos(1.3 * m);
        return x;
    }

    /** The direction of the workload: {@code v[m] = sin(0.37 m + 0.1)} (as {@link ThomsonWorkload#direction}). */
    public static double[] direction(int length) {
        return ThomsonWorkload.direction(length);
    }

    /**
     * The function as a user naturally writes it with the tape API: per pair {@code t = b - a^2},
     * {@code s = 1 - a}, the term {@code 100 t^2 + s^2}, and one n-ary {@link Var#sum} over the terms
     * (seven nodes per pair).
     */
    public static Var energy(Var[] x) {
        List<Var> terms = new ArrayList<>(x.length / 2);
        for (int i = 0; i < x.length; i += 2) {
            Var t = x[i + 1].minus(x[i].square());
            Var s = Var.minus(1, x[i]);
            terms.add(t.square().times(100).plus(s.square()));
        }
        return Var.sum(terms);
    }

    /** The plain {@code double} function: the baseline every ratio is taken against. */
    public static double value(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i += 2) {
            double a = x[i];
            double t = x[i + 1] - a * a;
            double s = 1 - a;
            f += 100 * t * t + s * s;
        }
        return f;
    }

    /** Writes the analytic gradient into {@code g} (every entry) and returns the value. */
    public static double gradient(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < x.length; i += 2) {
            double a = x[i];
            double t = x[i + 1] - a * a;
            double s = 1 - a;
            f += 100 * t * t + s * s;
            g[i] = -400 * a * t - 2 * s;
            g[i + 1] = 200 * t;
        }
        return f;
    }

    /** Writes the analytic Hessian-vector product H(x) v into {@code hv}, one 2x2 block per pair. */
    public static void hessianVector(double[] x, double[] v, double[] hv) {
        for (int i = 0; i < x.length; i += 2) {
            double a = x[i];
            double haa = 1200 * a * a - 400 * x[i + 1] + 2;
            double hab = -400 * a;
            double va = v[i], vb = v[i + 1];
            hv[i] = haa * va + hab * vb;
            hv[i + 1] = hab * va + 200 * vb;
        }
    }

    /**
     * Writes the dense analytic Hessian, row-major {@code n x n}, into {@code h}: clears it (every
     * entry off the 2x2 diagonal blocks is zero) and writes the blocks.
     */
    public static void hessian(double[] x, double[] h) {
        int n = x.length;
        Arrays.fill(h, 0.0);
        for (int i = 0; i < n; i += 2) {
            double a = x[i];
            double hab = -400 * a;
            h[i * n + i] = 1200 * a * a - 400 * x[i + 1] + 2;
            h[i * n + i + 1] = hab;
            h[(i + 1) * n + i] = hab;
            h[(i + 1) * n + i + 1] = 200;
        }
    }
}
