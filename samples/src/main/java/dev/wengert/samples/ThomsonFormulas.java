package dev.wengert.samples;

import dev.wengert.ad.Differentiate;
import dev.wengert.ad.Wrt;

/**
 * The Thomson energies as plain {@code double} code, for {@code --backend generated}: the
 * {@code @Differentiate} processor turns each method into a straight-line derivative class at build
 * time ({@code ThomsonFormulasEnergyDerivatives}, {@code ThomsonFormulasPointEnergyDerivatives}).
 * {@link ThomsonProblem} has the same functions written against the tape.
 */
final class ThomsonFormulas {

    private ThomsonFormulas() {}

    /** E(x) = sum over pairs of 1 / |p_i - p_j|, point k at x[3k..3k+2]. */
    @Differentiate
    static double energy(double[] x) {
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

    /** The part of E that depends on point k, as a function of that point z, the others held at x. */
    @Differentiate
    static double pointEnergy(@Wrt double[] z, double[] x, int k) {
        int n = x.length / 3;
        double e = 0;
        for (int j = 0; j < n; j++) {
            if (j != k) {
                double dx = z[0] - x[3 * j];
                double dy = z[1] - x[3 * j + 1];
                double dz = z[2] - x[3 * j + 2];
                e += 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }
}
