package dev.wengert.benchmarks;

import dev.wengert.ad.Differentiate;
import dev.wengert.ad.Objective;
import dev.wengert.ad.workloads.RosenbrockWorkload;
import dev.wengert.ad.workloads.ThomsonWorkload;

/**
 * The plain {@code double} functions of the workloads, marked {@link Differentiate}: the ad-codegen
 * processor generates {@code GeneratedWorkloadsThomsonDerivatives},
 * {@code GeneratedWorkloadsRosenbrockDerivatives}, {@code GeneratedWorkloadsGridDerivatives} and
 * {@code GeneratedWorkloadsPaddedGridDerivatives}
 * (package-private, in this package) at build time,
 * and the factories below hand them to the {@code generated...} benchmarks of {@link ThomsonBenchmarks} and
 * {@link RosenbrockBenchmarks}.
 * The bodies are the plain baselines' ({@link ThomsonWorkload#value}, {@link RosenbrockWorkload#value}),
 * written once more because a generated class must come from a method of its own package.
 */
public final class GeneratedWorkloads {
    private GeneratedWorkloads() {
    }

    /** The Thomson energy, as {@link ThomsonWorkload#value}. */
    @Differentiate
    static double thomson(double[] x) {
        int n = x.length / 3;
        double e = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                e += 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    /** The extended Rosenbrock function, as {@link RosenbrockWorkload#value}. */
    @Differentiate
    static double rosenbrock(double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i += 2) {
            double t = x[i + 1] - x[i] * x[i];
            double s = 1 - x[i];
            f += 100 * t * t + s * s;
        }
        return f;
    }

    /**
     * The grid energy of {@link dev.wengert.ad.workloads.GridWorkload#energy(double[])} on a {@code rows x m}
     * grid, with its top boundary as data.
     */
    @Differentiate
    static double grid(double[] x, int rows, int m, double[] top) {
        double e = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                double here = x[i * m + j];
                double right = j + 1 < m ? x[i * m + j + 1] : 0;
                double up = i + 1 < rows ? x[(i + 1) * m + j] : top[j];
                double dx = right - here;
                double dy = up - here;
                e += Math.sqrt(1 + dx * dx + dy * dy);
            }
        }
        return e;
    }

    /**
     * The same grid energy written with a padded work array, as ghost-cell codes write it: the unknowns and
     * the boundary (0 on the right, {@code top} above) copied into a {@code (rows + 1) x (m + 1)} grid, then
     * the stencil without any boundary test.
     */
    @Differentiate
    static double paddedGrid(double[] x, int rows, int m, double[] top) {
        int w = m + 1;
        double[] u = new double[(rows + 1) * w];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                u[i * w + j] = x[i * m + j];
            }
        }
        for (int j = 0; j < m; j++) {
            u[rows * w + j] = top[j];
        }
        double e = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                double here = u[i * w + j];
                double dx = u[i * w + j + 1] - here;
                double dy = u[(i + 1) * w + j] - here;
                e += Math.sqrt(1 + dx * dx + dy * dy);
            }
        }
        return e;
    }

    /** The generated derivatives of the padded grid energy ({@link #paddedGrid(double[], int, int, double[])}). */
    public static Objective paddedGrid(int n) {
        PaddedGridWorkload w = new PaddedGridWorkload(n);
        return new GeneratedWorkloadsPaddedGridDerivatives(w.rows, w.m, w.top);
    }

    /** The generated derivatives, sparse Hessian included, of the grid energy for n unknowns. */
    public static Objective grid(int n) {
        int rows = dev.wengert.ad.workloads.GridWorkload.rows(n);
        int m = n / rows;
        double[] top = new double[m];
        for (int j = 0; j < m; j++) {
            top[j] = Math.sin(Math.PI * (j + 1) / (m + 1));   // GridWorkload's top boundary
        }
        return new GeneratedWorkloadsGridDerivatives(rows, m, top);
    }

    /** The generated value, gradient, HVP and Hessian of the Thomson energy. */
    public static Objective thomson() {
        return new GeneratedWorkloadsThomsonDerivatives();
    }

    /** The generated value, gradient, HVP and Hessian of the extended Rosenbrock function. */
    public static Objective rosenbrock() {
        return new GeneratedWorkloadsRosenbrockDerivatives();
    }
}
