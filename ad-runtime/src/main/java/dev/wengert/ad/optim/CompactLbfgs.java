package dev.wengert.ad.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact representation of the L-BFGS matrix, B = theta I - W M W^T with W = [Y, theta S] and
 * M = [[-D, L^T], [L, theta S^T S]]^-1 (Byrd, Nocedal and Schnabel 1994), for the last m pairs: what
 * {@link LbfgsB}'s Cauchy point and subspace minimisation work with. Pairs with s^T y not safely
 * positive are skipped, so that B stays positive definite.
 */
final class CompactLbfgs {

    private final int memory;
    private final List<double[]> s = new ArrayList<>();
    private final List<double[]> y = new ArrayList<>();
    private double theta = 1.0;
    private double[][] m = new double[0][0];

    CompactLbfgs(int memory) {
        this.memory = memory;
    }

    /** Adds the pair unless its curvature s^T y is not positive enough (then B is kept as it was). */
    void add(double[] step, double[] change) {
        double sy = Vectors.dot(step, change);
        double yy = Vectors.dot(change, change);
        if (!(sy > 2.2e-16 * yy)) {
            return;
        }
        if (s.size() == memory) {
            s.remove(0);
            y.remove(0);
        }
        s.add(step);
        y.add(change);
        theta = yy / sy;
        int k = s.size();
        double[][] middle = new double[2 * k][2 * k];
        for (int i = 0; i < k; i++) {
            middle[i][i] = -Vectors.dot(s.get(i), y.get(i));
            for (int j = 0; j < i; j++) {
                double l = Vectors.dot(s.get(i), y.get(j));   // L_ij = s_i^T y_j for i > j
                middle[k + i][j] = l;
                middle[j][k + i] = l;
            }
            for (int j = 0; j < k; j++) {
                middle[k + i][k + j] = theta * Vectors.dot(s.get(i), s.get(j));
            }
        }
        m = DenseSolve.inverse(middle);
    }

    /** The number of columns of W, 2k. */
    int width() {
        return 2 * s.size();
    }

    double theta() {
        return theta;
    }

    /** Row i of W: (y_1[i], .., y_k[i], theta s_1[i], .., theta s_k[i]). */
    double[] row(int i) {
        int k = s.size();
        double[] w = new double[2 * k];
        for (int j = 0; j < k; j++) {
            w[j] = y.get(j)[i];
            w[k + j] = theta * s.get(j)[i];
        }
        return w;
    }

    /** W^T v restricted to the coordinates where {@code use} is true (all when it is null). */
    double[] transposeTimes(double[] v, boolean[] use) {
        int k = s.size();
        double[] out = new double[2 * k];
        for (int j = 0; j < k; j++) {
            double[] yj = y.get(j);
            double[] sj = s.get(j);
            double a = 0.0;
            double b = 0.0;
            for (int i = 0; i < v.length; i++) {
                if (use == null || use[i]) {
                    a += yj[i] * v[i];
                    b += sj[i] * v[i];
                }
            }
            out[j] = a;
            out[k + j] = theta * b;
        }
        return out;
    }

    /** M v. */
    double[] middleTimes(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double a = 0.0;
            for (int j = 0; j < v.length; j++) {
                a += m[i][j] * v[j];
            }
            out[i] = a;
        }
        return out;
    }

    /** W^T Z Z^T W for the coordinates Z where {@code use} is true. */
    double[][] gram(boolean[] use) {
        int w = width();
        int n = s.isEmpty() ? 0 : s.get(0).length;
        double[][] out = new double[w][w];
        for (int i = 0; i < n; i++) {
            if (!use[i]) {
                continue;
            }
            double[] r = row(i);
            for (int a = 0; a < w; a++) {
                for (int b = 0; b < w; b++) {
                    out[a][b] += r[a] * r[b];
                }
            }
        }
        return out;
    }

    /** The middle matrix M itself, for products with it in a larger system. */
    double[][] middle() {
        return m;
    }
}
