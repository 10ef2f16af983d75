package dev.wengert.ad.workloads;

import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The Thomson workload of DESIGN.md ("Workloads"), the one copy that ad-runtime's tests, ad-codegen's
 * tests and the benchmarks use (ad-runtime's test jar): the Fibonacci-sphere points, the direction v
 * and seeded random starts; the energy {@code E(x) = sum_{i<j} 1 / |p_i - p_j|} written against
 * the tape API the way a user writes it; and the baselines: the plain {@code double} energy and
 * hand-written analytic gradient, Hessian-vector product and dense Hessian.
 *
 * <p>The analytic code is written as a performance-minded human would write it: one pass over the
 * pairs, the coordinates of point i held in locals across the inner loop, scalars rather than
 * small arrays, one square root and one division per pair, and no allocation per call. Per pair,
 * with {@code d = p_i - p_j}, {@code r = |d|}: {@code grad_i -= d / r^3}, {@code grad_j += d / r^3};
 * the Hessian block is {@code B = 3 d d^T / r^5 - I / r^3}, added to H_ii and H_jj and subtracted
 * from H_ij and H_ji.
 *
 * <pre>{@code
 * double[] x = ThomsonWorkload.points(100);
 * double[] g = new double[x.length];
 * double e = ThomsonWorkload.gradient(x, g);               // analytic baseline
 * Recording r = Tape.record(ThomsonWorkload::energy, x);  // the same function on the tape
 * }</pre>
 */
public final class ThomsonWorkload {
    private ThomsonWorkload() {
    }

    /** Fibonacci-sphere points, {@code x[3k..3k+2] = p_k}, in exactly the evaluation order the reference values use. */
    public static double[] points(int n) {
        double[] x = new double[3 * n];
        for (int k = 0; k < n; k++) {
            double z = 1 - 2 * (k + 0.5) / n;
            double r = Math.sqrt(1 - z * z);
            double phi = k * Math.PI * (3 - Math.sqrt(5));
            x[3 * k] = r * Math.cos(phi);
            x[3 * k + 1] = r * Math.sin(phi);
            x[3 * k + 2] = z;
        }
        return x;
    }

    /** The direction of the workload: {@code v[m] = sin(0.37 m + 0.1)}. */
    public static double[] direction(int length) {
        double[] v = new double[length];
        for (int m = 0; m < length; m++) v[m] = Math.sin(0.37 * m + 0.1);
        return v;
    }

    /** Points drawn uniformly on the unit sphere (normalised Gaussians) from a seed: starts for the optimisers. */
    public static double[] randomStart(int points, long seed) {
        Random random = new Random(seed);
        double[] x = new double[3 * points];
        for (int k = 0; k < points; k++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            double c = random.nextGaussian();
            double len = Math.sqrt(a * a + b * b + c * c);
            x[3 * k] = a / len;
            x[3 * k + 1] = b / len;
            x[3 * k + 2] = c / len;
        }
        return x;
    }

    /**
     * The energy as a user naturally writes it with the tape API: the three differences, one fused
     * {@link Var#norm}, {@link Var#reciprocal()}, and one n-ary {@link Var#sum(int, java.util.function.IntFunction)}
     * that takes each pair term as it is recorded (five operations, one node, per pair).
     */
    public static Var energy(Var[] x) {
        int n = x.length / 3;
        int[] previous = {0, 0};   // the pair (i, j) of the previous term: sum calls the terms in order
        return Var.sum(n * (n - 1) / 2, k -> {
            int i = previous[0];
            int j = previous[1] + 1;
            if (j == n) {
                i++;
                j = i + 1;
            }
            previous[0] = i;
            previous[1] = j;
            return pair(x, i, j);
        });
    }

    /** The same energy written as the plain double loop, each pair's term handed to {@link Var#sum(Tape, java.util.function.Consumer)}: the same tape. */
    public static Var energyFromLoop(Var[] x) {
        int n = x.length / 3;
        return Var.sum(x[0].tape(), terms -> {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    terms.add(pair(x, i, j));
                }
            }
        });
    }

    /** The same energy through a list of the pair terms and {@link Var#sum(List)}: the same tape. */
    public static Var energyFromList(Var[] x) {
        int n = x.length / 3;
        List<Var> terms = new ArrayList<>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                terms.add(pair(x, i, j));
            }
        }
        return Var.sum(terms);
    }

    private static Var pair(Var[] x, int i, int j) {
        Var dx = x[3 * i].minus(x[3 * j]);
        Var dy = x[3 * i + 1].minus(x[3 * j + 1]);
        Var dz = x[3 * i + 2].minus(x[3 * j + 2]);
        return Var.norm(dx, dy, dz).reciprocal();
    }

    /**
     * The plain {@code double} energy: the baseline every ratio is taken against. (Named
     * {@code value}, not {@code energy}: an overloaded name would make the method reference
     * {@code ThomsonWorkload::energy} inexact and {@code Tape.record} ambiguous.)
     */
    public static double value(double[] x) {
        int n = x.length / 3;
        double e = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            for (int j = i + 1; j < n; j++) {
                double dx = xi - x[3 * j];
                double dy = yi - x[3 * j + 1];
                double dz = zi - x[3 * j + 2];
                e += 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    /** Writes the analytic gradient into {@code g} and returns the energy (the {@code Objective.gradient} contract). */
    public static double gradient(double[] x, double[] g) {
        int n = x.length / 3;
        Arrays.fill(g, 0.0);
        double e = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double gx = 0, gy = 0, gz = 0;
            for (int j = i + 1; j < n; j++) {
                double dx = xi - x[3 * j];
                double dy = yi - x[3 * j + 1];
                double dz = zi - x[3 * j + 2];
                double invR = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
                double invR3 = invR * invR * invR;
                e += invR;
                double fx = dx * invR3, fy = dy * invR3, fz = dz * invR3;
                gx -= fx;
                gy -= fy;
                gz -= fz;
                g[3 * j] += fx;
                g[3 * j + 1] += fy;
                g[3 * j + 2] += fz;
            }
            g[3 * i] += gx;
            g[3 * i + 1] += gy;
            g[3 * i + 2] += gz;
        }
        return e;
    }

    /** Writes the analytic Hessian-vector product H(x) v into {@code hv}, without forming H. */
    public static void hessianVector(double[] x, double[] v, double[] hv) {
        int n = x.length / 3;
        Arrays.fill(hv, 0.0);
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double vxi = v[3 * i], vyi = v[3 * i + 1], vzi = v[3 * i + 2];
            double hx = 0, hy = 0, hz = 0;
            for (int j = i + 1; j < n; j++) {
                double dx = xi - x[3 * j];
                double dy = yi - x[3 * j + 1];
                double dz = zi - x[3 * j + 2];
                double wx = vxi - v[3 * j];
                double wy = vyi - v[3 * j + 1];
                double wz = vzi - v[3 * j + 2];
                double invR2 = 1 / (dx * dx + dy * dy + dz * dz);
                double invR3 = invR2 * Math.sqrt(invR2);
                double s = 3 * (dx * wx + dy * wy + dz * wz) * invR3 * invR2;
                // B w = 3 d (d . w) / r^5 - w / r^3
                double bx = s * dx - wx * invR3;
                double by = s * dy - wy * invR3;
                double bz = s * dz - wz * invR3;
                hx += bx;
                hy += by;
                hz += bz;
                hv[3 * j] -= bx;
                hv[3 * j + 1] -= by;
                hv[3 * j + 2] -= bz;
            }
            hv[3 * i] += hx;
            hv[3 * i + 1] += hy;
            hv[3 * i + 2] += hz;
        }
    }

    /**
     * Writes the dense analytic Hessian, row-major {@code 3N x 3N}, into {@code h}. Every
     * off-diagonal 3x3 block belongs to exactly one pair and is written once; only the diagonal
     * blocks accumulate, so only they are cleared first.
     */
    public static void hessian(double[] x, double[] h) {
        int n = x.length / 3;
        int dim = 3 * n;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) Arrays.fill(h, (3 * i + a) * dim + 3 * i, (3 * i + a) * dim + 3 * i + 3, 0.0);
        }
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
            double sxx = 0, sxy = 0, sxz = 0, syy = 0, syz = 0, szz = 0;
            for (int j = i + 1; j < n; j++) {
                double dx = xi - x[3 * j];
                double dy = yi - x[3 * j + 1];
                double dz = zi - x[3 * j + 2];
                double invR2 = 1 / (dx * dx + dy * dy + dz * dz);
                double invR3 = invR2 * Math.sqrt(invR2);
                double t = 3 * invR3 * invR2;
                double bxx = t * dx * dx - invR3, bxy = t * dx * dy, bxz = t * dx * dz;
                double byy = t * dy * dy - invR3, byz = t * dy * dz, bzz = t * dz * dz - invR3;
                sxx += bxx;
                sxy += bxy;
                sxz += bxz;
                syy += byy;
                syz += byz;
                szz += bzz;
                addBlock(h, (3 * j) * dim + 3 * j, dim, bxx, bxy, bxz, byy, byz, bzz);
                setBlock(h, (3 * i) * dim + 3 * j, dim, -bxx, -bxy, -bxz, -byy, -byz, -bzz);
                setBlock(h, (3 * j) * dim + 3 * i, dim, -bxx, -bxy, -bxz, -byy, -byz, -bzz);
            }
            addBlock(h, (3 * i) * dim + 3 * i, dim, sxx, sxy, sxz, syy, syz, szz);
        }
    }

    // A symmetric 3x3 block at h[at], rows dim apart, given its upper triangle.
    private static void addBlock(double[] h, int at, int dim, double xx, double xy, double xz,
                                 double yy, double yz, double zz) {
        h[at] += xx;
        h[at + 1] += xy;
        h[at + 2] += xz;
        h[at + dim] += xy;
        h[at + dim + 1] += yy;
        h[at + dim + 2] += yz;
        h[at + 2 * dim] += xz;
        h[at + 2 * dim + 1] += yz;
        h[at + 2 * dim + 2] += zz;
    }

    private static void setBlock(double[] h, int at, int dim, double xx, double xy, double xz,
                                 double yy, double yz, double zz) {
        h[at] = xx;
        h[at + 1] = xy;
        h[at + 2] = xz;
        h[at + dim] = xy;
        h[at + dim + 1] = yy;
        h[at + dim + 2] = yz;
        h[at + 2 * dim] = xz;
        h[at + 2 * dim + 1] = yz;
        h[at + 2 * dim + 2] = zz;
    }
}
