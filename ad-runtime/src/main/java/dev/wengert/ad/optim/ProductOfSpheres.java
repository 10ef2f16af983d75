package dev.wengert.ad.optim;

/**
 * The product of {@code count} unit spheres, each in R^{dimension}: x in R^{count * dimension} is
 * {@code count} consecutive blocks, each of norm 1. One sphere is {@code of(1, n)}; the Thomson
 * problem's N points on the unit sphere are {@code of(N, 3)}, point k at {@code x[3k..3k+2]}.
 *
 * <p>Per block, with P_x = I - x x^T: the Riemannian gradient is P_x egrad; the Riemannian Hessian
 * applied to a tangent u is P_x(H u) - (x . egrad) u (the second term is the curvature of the sphere:
 * the Weingarten map); the retraction is (x + v) / |x + v|.
 *
 * <pre>{@code
 * Manifold thomson = ProductOfSpheres.of(n, 3);
 * Manifold sphere = ProductOfSpheres.sphere(10);   // S^9 in R^10
 * }</pre>
 */
public final class ProductOfSpheres implements Manifold {

    private final int count;
    private final int dimension;

    private ProductOfSpheres(int count, int dimension) {
        if (count < 1 || dimension < 2) {
            throw new IllegalArgumentException("need at least one sphere in R^2 or more, got count="
                    + count + ", dimension=" + dimension);
        }
        this.count = count;
        this.dimension = dimension;
    }

    /**
     * {@code count} unit spheres, each in R^{dimension}.
     *
     * @param count the number of spheres, positive
     * @param dimension the ambient dimension of each, at least 2
     * @return the manifold
     */
    public static ProductOfSpheres of(int count, int dimension) {
        return new ProductOfSpheres(count, dimension);
    }

    /**
     * The unit sphere in R^n.
     *
     * @param n the ambient dimension, at least 2
     * @return the manifold
     */
    public static ProductOfSpheres sphere(int n) {
        return new ProductOfSpheres(1, n);
    }

    /**
     * The number of spheres.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /**
     * The ambient dimension of each sphere.
     *
     * @return the dimension
     */
    public int dimension() {
        return dimension;
    }

    @Override
    public void checkDimension(int n) {
        if (n != count * dimension) {
            throw new IllegalArgumentException("point has length " + n + " but " + this + " needs length "
                    + count * dimension);
        }
    }

    @Override
    public void nearestPoint(double[] x, double[] out) {
        checkDimension(x.length);
        for (int b = 0; b < count; b++) {
            int o = b * dimension;
            double norm = blockNorm(x, o);
            if (!(norm > 0.0) || Double.isInfinite(norm)) {
                throw new IllegalArgumentException("block " + b + " of the point has norm " + norm
                        + " and cannot be normalised onto the sphere");
            }
            for (int i = 0; i < dimension; i++) {
                out[o + i] = x[o + i] / norm;
            }
        }
    }

    @Override
    public void project(double[] x, double[] v, double[] out) {
        for (int b = 0; b < count; b++) {
            int o = b * dimension;
            double xv = blockDot(x, v, o);
            for (int i = 0; i < dimension; i++) {
                out[o + i] = v[o + i] - xv * x[o + i];
            }
        }
    }

    @Override
    public void retract(double[] x, double[] v, double alpha, double[] out) {
        for (int b = 0; b < count; b++) {
            int o = b * dimension;
            double s = 0.0;
            for (int i = 0; i < dimension; i++) {
                double y = x[o + i] + alpha * v[o + i];
                out[o + i] = y;
                s += y * y;
            }
            double inv = 1.0 / Math.sqrt(s);
            for (int i = 0; i < dimension; i++) {
                out[o + i] *= inv;
            }
        }
    }

    @Override
    public void retractionVelocity(double[] x, double[] v, double alpha, double[] out) {
        // d/da (x + a v)/|x + a v| = P_y v / |x + a v| with y the retracted point.
        for (int b = 0; b < count; b++) {
            int o = b * dimension;
            double s = 0.0;
            for (int i = 0; i < dimension; i++) {
                double y = x[o + i] + alpha * v[o + i];
                s += y * y;
            }
            double len = Math.sqrt(s);
            double yv = 0.0;
            for (int i = 0; i < dimension; i++) {
                yv += (x[o + i] + alpha * v[o + i]) / len * v[o + i];
            }
            for (int i = 0; i < dimension; i++) {
                double y = (x[o + i] + alpha * v[o + i]) / len;
                out[o + i] = (v[o + i] - yv * y) / len;
            }
        }
    }

    @Override
    public void riemannianHessianVector(double[] x, double[] egrad, double[] ehv, double[] u, double[] out) {
        for (int b = 0; b < count; b++) {
            int o = b * dimension;
            double xh = blockDot(x, ehv, o);
            double xg = blockDot(x, egrad, o);
            for (int i = 0; i < dimension; i++) {
                out[o + i] = ehv[o + i] - xh * x[o + i] - xg * u[o + i];
            }
        }
    }

    private double blockDot(double[] a, double[] b, int offset) {
        double s = 0.0;
        for (int i = 0; i < dimension; i++) {
            s += a[offset + i] * b[offset + i];
        }
        return s;
    }

    private double blockNorm(double[] a, int offset) {
        return Math.sqrt(blockDot(a, a, offset));
    }

    @Override
    public String toString() {
        return count == 1 ? "sphere S^" + (dimension - 1) : count + " spheres S^" + (dimension - 1);
    }
}
