package dev.wengert.ad;

import java.util.ArrayList;
import java.util.List;

/** The Thomson workload of DESIGN.md: points, direction, the energy on the tape and in closed form. */
final class ThomsonWorkload {
    private ThomsonWorkload() {
    }

    /** Fibonacci-sphere points, in exactly the evaluation order the reference values use. */
    static double[] points(int n) {
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

    static double[] direction(int length) {
        double[] v = new double[length];
        for (int m = 0; m < length; m++) v[m] = Math.sin(0.37 * m + 0.1);
        return v;
    }

    /** The energy as a user writes it with the tape API: fused norm, one n-ary sum. */
    static Var energy(Var[] x) {
        int n = x.length / 3;
        List<Var> terms = new ArrayList<>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Var dx = x[3 * i].minus(x[3 * j]);
                Var dy = x[3 * i + 1].minus(x[3 * j + 1]);
                Var dz = x[3 * i + 2].minus(x[3 * j + 2]);
                terms.add(Var.norm(dx, dy, dz).reciprocal());
            }
        }
        return Var.sum(terms);
    }

    /** Closed-form gradient: grad_i -= d / r^3, grad_j += d / r^3 per pair. */
    static double[] gradient(double[] x) {
        int n = x.length / 3;
        double[] g = new double[x.length];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] d = diff(x, i, j);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                double r3 = r * r * r;
                for (int c = 0; c < 3; c++) {
                    g[3 * i + c] -= d[c] / r3;
                    g[3 * j + c] += d[c] / r3;
                }
            }
        }
        return g;
    }

    /** Closed-form Hessian: B = 3 d d^T / r^5 - I / r^3 added to H_ii, H_jj, subtracted from H_ij, H_ji. */
    static double[] hessian(double[] x) {
        int n = x.length / 3;
        int dim = x.length;
        double[] h = new double[dim * dim];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double[] d = diff(x, i, j);
                double r2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                double r = Math.sqrt(r2);
                double r3 = r2 * r;
                double r5 = r3 * r2;
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        double block = 3 * d[a] * d[b] / r5 - (a == b ? 1 / r3 : 0);
                        h[(3 * i + a) * dim + 3 * i + b] += block;
                        h[(3 * j + a) * dim + 3 * j + b] += block;
                        h[(3 * i + a) * dim + 3 * j + b] -= block;
                        h[(3 * j + a) * dim + 3 * i + b] -= block;
                    }
                }
            }
        }
        return h;
    }

    private static double[] diff(double[] x, int i, int j) {
        return new double[] {x[3 * i] - x[3 * j], x[3 * i + 1] - x[3 * j + 1], x[3 * i + 2] - x[3 * j + 2]};
    }
}
