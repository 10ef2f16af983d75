package dev.wengert.samples;

import dev.wengert.ad.Var;
import java.util.Random;

/**
 * The Thomson problem: N points on the unit sphere minimising E = sum_{i<j} 1/|p_i - p_j|, point k at
 * x[3k..3k+2]. The energy is written once against {@link Var}, the way a user would; the tape gives
 * its gradient, Hessian-vector products and Hessian.
 */
final class ThomsonProblem {

    private ThomsonProblem() {}

    /** E(x): per pair one distance node with its reciprocal fused in, summed by one n-ary node as the loop goes. */
    static Var energy(Var[] x) {
        int n = x.length / 3;
        return Var.sum(x[0].tape(), terms -> {
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    terms.add(Var.norm(x[3 * i].minus(x[3 * j]), x[3 * i + 1].minus(x[3 * j + 1]),
                            x[3 * i + 2].minus(x[3 * j + 2])).reciprocal());
                }
            }
        });
    }

    /**
     * The energy of point k at z against the other points of x held fixed: the part of E that depends
     * on point k, as the block method needs it.
     */
    static Var pointEnergy(Var[] z, double[] x, int k) {
        int n = x.length / 3;
        return Var.sum(z[0].tape(), terms -> {
            for (int j = 0; j < n; j++) {
                if (j != k) {
                    terms.add(Var.norm(z[0].minus(x[3 * j]), z[1].minus(x[3 * j + 1]), z[2].minus(x[3 * j + 2]))
                            .reciprocal());
                }
            }
        });
    }

    /** N points uniformly distributed on the unit sphere (normalised Gaussians), reproducible from the seed. */
    static double[] randomStart(int points, long seed) {
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

    /** The Riemannian gradient norm on the product of spheres, from the Euclidean gradient. */
    static double riemannianGradientNorm(double[] x, double[] g) {
        double s = 0.0;
        for (int k = 0; k < x.length / 3; k++) {
            double xg = x[3 * k] * g[3 * k] + x[3 * k + 1] * g[3 * k + 1] + x[3 * k + 2] * g[3 * k + 2];
            for (int c = 0; c < 3; c++) {
                double r = g[3 * k + c] - xg * x[3 * k + c];
                s += r * r;
            }
        }
        return Math.sqrt(s);
    }
}
