package dev.wengert.ad.optim;

/**
 * The Cholesky factorisation A = L L^T of a dense symmetric positive definite matrix, and solves
 * with it. {@link #tryFactor} reports failure instead of throwing, because Newton's method uses a
 * failed factorisation as its test for "not positive definite" and then shifts the matrix.
 *
 * <pre>{@code
 * Cholesky c = Cholesky.tryFactor(new double[] {4, 2, 2, 3}, 2);   // null if not positive definite
 * double[] x = c.solve(new double[] {2, 1});
 * }</pre>
 */
public final class Cholesky {

    private final int n;
    private final double[] lower;   // row-major, only the lower triangle is used

    private Cholesky(int n, double[] lower) {
        this.n = n;
        this.lower = lower;
    }

    /**
     * Factors {@code a + shift * I} (row-major n x n, only the lower triangle is read). Returns null
     * when a pivot is not positive, that is when the shifted matrix is not (numerically) positive definite.
     *
     * @param a the matrix, row-major n x n
     * @param n the order
     * @param shift added to the diagonal, non-negative
     * @return the factor, or null when not positive definite
     * @throws IllegalArgumentException if a does not hold n * n entries or contains NaN
     */
    public static Cholesky tryFactor(double[] a, int n, double shift) {
        if (n < 1 || a.length != n * n) {
            throw new IllegalArgumentException("expected a " + n + " x " + n + " matrix (" + (long) n * n
                    + " entries), got " + a.length + " entries");
        }
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j] + shift;
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException("matrix contains NaN (found at diagonal " + j + ")");
            }
            if (!(d > 0.0)) {
                return null;
            }
            double pivot = Math.sqrt(d);
            l[j * n + j] = pivot;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / pivot;
            }
        }
        return new Cholesky(n, l);
    }

    /**
     * {@link #tryFactor(double[], int, double)} with no shift.
     *
     * @param a the matrix, row-major n x n
     * @param n the order
     * @return the factor, or null when not positive definite
     */
    public static Cholesky tryFactor(double[] a, int n) {
        return tryFactor(a, n, 0.0);
    }

    /**
     * The order n of the factored matrix.
     *
     * @return n
     */
    public int size() {
        return n;
    }

    /**
     * Returns x with A x = b.
     *
     * @param b the right-hand side, length n
     * @return a new array x
     */
    public double[] solve(double[] b) {
        if (b.length != n) {
            throw new IllegalArgumentException("right-hand side has length " + b.length + ", expected " + n);
        }
        double[] y = b.clone();
        for (int i = 0; i < n; i++) {          // L y = b
            double s = y[i];
            for (int k = 0; k < i; k++) {
                s -= lower[i * n + k] * y[k];
            }
            y[i] = s / lower[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {     // L^T x = y
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= lower[k * n + i] * y[k];
            }
            y[i] = s / lower[i * n + i];
        }
        return y;
    }
}
