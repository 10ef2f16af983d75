package dev.wengert.ad.optim;

/**
 * Flat R^n: the projection is the identity, the retraction is x + alpha v. The optimisers' default.
 */
public final class Euclidean implements Manifold {

    /** The one instance. */
    public static final Euclidean SPACE = new Euclidean();

    private Euclidean() {}

    @Override
    public void checkDimension(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("dimension must be at least 1, got " + n);
        }
    }

    @Override
    public void nearestPoint(double[] x, double[] out) {
        System.arraycopy(x, 0, out, 0, x.length);
    }

    @Override
    public void project(double[] x, double[] v, double[] out) {
        if (out != v) {
            System.arraycopy(v, 0, out, 0, v.length);
        }
    }

    @Override
    public void retract(double[] x, double[] v, double alpha, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + alpha * v[i];
        }
    }

    @Override
    public void retractionVelocity(double[] x, double[] v, double alpha, double[] out) {
        System.arraycopy(v, 0, out, 0, v.length);
    }

    @Override
    public void riemannianHessianVector(double[] x, double[] egrad, double[] ehv, double[] u, double[] out) {
        System.arraycopy(ehv, 0, out, 0, ehv.length);
    }

    @Override
    public boolean isEuclidean() {
        return true;
    }

    @Override
    public String toString() {
        return "Euclidean";
    }
}
