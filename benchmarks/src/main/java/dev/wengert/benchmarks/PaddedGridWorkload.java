package dev.wengert.benchmarks;

import dev.wengert.ad.workloads.GridWorkload;

/**
 * The minimal-surface grid energy of {@link GridWorkload} on its {@code rows x m} grid, written with a padded
 * work array ({@link GeneratedWorkloads#paddedGrid(double[], int, int, double[])}), and its derivatives
 * written by hand: the baselines of {@link PaddedGridBenchmarks}. Per cell {@code sqrt(1 + dx^2 + dy^2)} with
 * {@code dx = u_right - u}, {@code dy = u_up - u}; the gradient of a cell is {@code (dx, dy) / s} with respect
 * to (dx, dy), its Hessian {@code (I - a a^T / s^2) / s} with {@code a = (dx, dy)}.
 */
final class PaddedGridWorkload {
    final int n;
    final int rows;
    final int m;
    final double[] top;

    PaddedGridWorkload(int n) {
        this.n = n;
        this.rows = GridWorkload.rows(n);
        this.m = n / rows;
        this.top = new double[m];
        for (int j = 0; j < m; j++) {
            top[j] = Math.sin(Math.PI * (j + 1) / (m + 1));   // GridWorkload's top boundary
        }
    }

    /** The energy as a user writes it: a padded copy per call, then the stencil. */
    double value(double[] x) {
        return GeneratedWorkloads.paddedGrid(x, rows, m, top);
    }

    /** Value and gradient in one pass over the cells, the boundary handled by tests, g overwritten. */
    double gradient(double[] x, double[] g) {
        java.util.Arrays.fill(g, 0.0);
        double e = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                int k = i * m + j;
                double here = x[k];
                boolean hasRight = j + 1 < m;
                boolean hasUp = i + 1 < rows;
                double dx = (hasRight ? x[k + 1] : 0) - here;
                double dy = (hasUp ? x[k + m] : top[j]) - here;
                double s = Math.sqrt(1 + dx * dx + dy * dy);
                e += s;
                double gx = dx / s;
                double gy = dy / s;
                g[k] -= gx + gy;
                if (hasRight) {
                    g[k + 1] += gx;
                }
                if (hasUp) {
                    g[k + m] += gy;
                }
            }
        }
        return e;
    }

    /** H v in one pass over the cells: per cell q = da / s - a (a . da) / s^3, hv overwritten. */
    void hessianVector(double[] x, double[] v, double[] hv) {
        java.util.Arrays.fill(hv, 0.0);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                int k = i * m + j;
                boolean hasRight = j + 1 < m;
                boolean hasUp = i + 1 < rows;
                double dx = (hasRight ? x[k + 1] : 0) - x[k];
                double dy = (hasUp ? x[k + m] : top[j]) - x[k];
                double ddx = (hasRight ? v[k + 1] : 0) - v[k];
                double ddy = (hasUp ? v[k + m] : 0) - v[k];
                double r = 1 / Math.sqrt(1 + dx * dx + dy * dy);
                double c = (dx * ddx + dy * ddy) * r * r * r;
                double qx = ddx * r - dx * c;
                double qy = ddy * r - dy * c;
                hv[k] -= qx + qy;
                if (hasRight) {
                    hv[k + 1] += qx;
                }
                if (hasUp) {
                    hv[k + m] += qy;
                }
            }
        }
    }
}
