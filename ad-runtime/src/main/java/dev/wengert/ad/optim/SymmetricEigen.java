package dev.wengert.ad.optim;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The eigen-decomposition A = Q diag(lambda) Q^T of a dense symmetric matrix by the cyclic Jacobi
 * method: plane rotations zero the off-diagonal entries one at a time until they are negligible.
 * O(n^3) per sweep with a handful of sweeps: meant for the small matrices of {@link QuadraticOnSphere}
 * (3 x 3 blocks of the Thomson energy, tens of unknowns), where its accuracy (small relative errors
 * in the eigenvectors, no tridiagonal reduction) matters more than speed.
 *
 * <pre>{@code
 * SymmetricEigen e = SymmetricEigen.of(new double[] {2, 1, 1, 2}, 2);
 * double smallest = e.value(0);          // 1.0
 * double[] q0 = e.vector(0);             // +-[1, -1] / sqrt 2
 * }</pre>
 */
public final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    private final int n;
    private final double[] values;      // ascending
    private final double[][] vectors;   // vectors[i] is the unit eigenvector of values[i]

    private SymmetricEigen(int n, double[] values, double[][] vectors) {
        this.n = n;
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the symmetric matrix a (row-major n x n).
     *
     * @param a the matrix, row-major n x n
     * @param n the order
     * @return the decomposition
     * @throws IllegalArgumentException if a is not n x n, not finite, or not symmetric to rounding
     */
    public static SymmetricEigen of(double[] a, int n) {
        if (n < 1 || a.length != n * n) {
            throw new IllegalArgumentException("expected a " + n + " x " + n + " matrix (" + (long) n * n
                    + " entries), got " + a.length);
        }
        double scale = 0.0;
        for (double v : a) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("matrix entries must be finite, found " + v);
            }
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(a[i * n + j] - a[j * n + i]) > 1e-12 * scale) {
                    throw new IllegalArgumentException("matrix is not symmetric: a[" + i + "][" + j + "] = "
                            + a[i * n + j] + " but a[" + j + "][" + i + "] = " + a[j * n + i]);
                }
            }
        }
        double[][] m = new double[n][n];
        double[][] v = new double[n][n];   // columns become eigenvectors: v[row][col]
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = 0.5 * (a[i * n + j] + a[j * n + i]);
            }
            v[i][i] = 1.0;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(m, scale) > 0.0; sweep++) {
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    rotate(m, v, p, q);
                }
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> m[i][i]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            int c = order[k];
            values[k] = m[c][c];
            for (int r = 0; r < n; r++) {
                vectors[k][r] = v[r][c];
            }
        }
        return new SymmetricEigen(n, values, vectors);
    }

    /**
     * The order n.
     *
     * @return n
     */
    public int size() {
        return n;
    }

    /**
     * The i-th smallest eigenvalue.
     *
     * @param i the index, 0 for the smallest
     * @return the eigenvalue
     */
    public double value(int i) {
        return values[i];
    }

    /**
     * All eigenvalues, ascending (a copy).
     *
     * @return a new array of n values
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * The unit eigenvector of {@link #value(int) value(i)} (a copy).
     *
     * @param i the index, 0 for the smallest eigenvalue
     * @return a new array of length n
     */
    public double[] vector(int i) {
        return vectors[i].clone();
    }

    /**
     * Q^T b: the coordinates of b in the eigenvector basis.
     *
     * @param b the vector, length n
     * @return a new array Q^T b
     */
    public double[] toEigenbasis(double[] b) {
        double[] beta = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i] = Vectors.dot(vectors[i], b);
        }
        return beta;
    }

    /**
     * Q y: back from eigenvector coordinates.
     *
     * @param y the coordinates, length n
     * @return a new array Q y
     */
    public double[] fromEigenbasis(double[] y) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            Vectors.axpy(y[i], vectors[i], z);
        }
        return z;
    }

    /**
     * Sum of squares of the off-diagonal entries, or 0 once each is negligible next to the diagonal
     * entries it couples (the test that gives Jacobi its small relative errors) or below 1e-20 of the
     * largest entry of the matrix (so that zero and tiny eigenvalues do not make it wait forever).
     */
    private static double offDiagonal(double[][] m, double scale) {
        int n = m.length;
        double sum = 0.0;
        for (int p = 0; p < n; p++) {
            for (int q = p + 1; q < n; q++) {
                double apq = Math.abs(m[p][q]);
                if (apq > 1e-18 * Math.sqrt(Math.abs(m[p][p] * m[q][q])) && apq > 1e-20 * scale) {
                    sum += apq * apq;
                }
            }
        }
        return sum;
    }

    /** One Jacobi rotation in the (p, q) plane that zeroes m[p][q]. */
    private static void rotate(double[][] m, double[][] v, int p, int q) {
        double apq = m[p][q];
        if (apq == 0.0) {
            return;
        }
        double theta = (m[q][q] - m[p][p]) / (2.0 * apq);
        // The smaller root of t^2 + 2 theta t - 1 = 0: the rotation angle at most pi/4, for stability.
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1.0));
        if (theta == 0.0) {
            t = 1.0;
        }
        double c = 1.0 / Math.sqrt(t * t + 1.0);
        double s = t * c;
        int n = m.length;
        for (int k = 0; k < n; k++) {          // columns p, q
            double mkp = m[k][p];
            double mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < n; k++) {          // rows p, q
            double mpk = m[p][k];
            double mqk = m[q][k];
            m[p][k] = c * mpk - s * mqk;
            m[q][k] = s * mpk + c * mqk;
        }
        m[p][q] = 0.0;
        m[q][p] = 0.0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
