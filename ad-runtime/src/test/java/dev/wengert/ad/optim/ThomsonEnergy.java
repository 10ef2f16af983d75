package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;
import java.util.Random;

/**
 * The Thomson energy E(x) = sum_{i<j} 1/|p_i - p_j|, point k at x[3k..3k+2], with hand-written
 * derivatives. For a pair with r = p_i - p_j, d = |r|, the Hessian block is
 * K = -I/d^3 + 3 r r^T / d^5, entering H_ii and H_jj with + and H_ij, H_ji with -.
 */
final class ThomsonEnergy implements Objective {

    private final int points;

    ThomsonEnergy(int points) {
        this.points = points;
    }

    /** Points drawn uniformly on the unit sphere (normalised Gaussians) from a seed. */
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

    @Override
    public double value(double[] x) {
        double e = 0.0;
        for (int i = 0; i < points; i++) {
            for (int j = i + 1; j < points; j++) {
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                e += 1.0 / Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
        }
        return e;
    }

    @Override
    public double gradient(double[] x, double[] g) {
        java.util.Arrays.fill(g, 0.0);
        double e = 0.0;
        for (int i = 0; i < points; i++) {
            for (int j = i + 1; j < points; j++) {
                double[] r = {x[3 * i] - x[3 * j], x[3 * i + 1] - x[3 * j + 1], x[3 * i + 2] - x[3 * j + 2]};
                double d = Math.sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
                double inv3 = 1.0 / (d * d * d);
                e += 1.0 / d;
                for (int c = 0; c < 3; c++) {
                    g[3 * i + c] -= r[c] * inv3;
                    g[3 * j + c] += r[c] * inv3;
                }
            }
        }
        return e;
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        java.util.Arrays.fill(hv, 0.0);
        for (int i = 0; i < points; i++) {
            for (int j = i + 1; j < points; j++) {
                double[] r = {x[3 * i] - x[3 * j], x[3 * i + 1] - x[3 * j + 1], x[3 * i + 2] - x[3 * j + 2]};
                double[] w = {v[3 * i] - v[3 * j], v[3 * i + 1] - v[3 * j + 1], v[3 * i + 2] - v[3 * j + 2]};
                double d2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
                double d = Math.sqrt(d2);
                double inv3 = 1.0 / (d2 * d);
                double rw = r[0] * w[0] + r[1] * w[1] + r[2] * w[2];
                for (int c = 0; c < 3; c++) {
                    double kw = -w[c] * inv3 + 3.0 * r[c] * rw * inv3 / d2;
                    hv[3 * i + c] += kw;
                    hv[3 * j + c] -= kw;
                }
            }
        }
    }

    @Override
    public void hessian(double[] x, double[] h) {
        int n = 3 * points;
        java.util.Arrays.fill(h, 0.0);
        for (int i = 0; i < points; i++) {
            for (int j = i + 1; j < points; j++) {
                double[] r = {x[3 * i] - x[3 * j], x[3 * i + 1] - x[3 * j + 1], x[3 * i + 2] - x[3 * j + 2]};
                double d2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
                double d = Math.sqrt(d2);
                double inv3 = 1.0 / (d2 * d);
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        double k = (a == b ? -inv3 : 0.0) + 3.0 * r[a] * r[b] * inv3 / d2;
                        h[(3 * i + a) * n + 3 * i + b] += k;
                        h[(3 * j + a) * n + 3 * j + b] += k;
                        h[(3 * i + a) * n + 3 * j + b] -= k;
                        h[(3 * j + a) * n + 3 * i + b] -= k;
                    }
                }
            }
        }
    }
}
