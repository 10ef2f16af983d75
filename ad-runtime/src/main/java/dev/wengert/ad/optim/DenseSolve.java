package dev.wengert.ad.optim;

/** Gaussian elimination with partial pivoting for the small (2m x 2m) systems of {@link LbfgsB}. */
final class DenseSolve {

    private DenseSolve() {}

    /** Solves A x = b (A is not changed). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] lu = new double[n][];
        for (int i = 0; i < n; i++) {
            lu[i] = a[i].clone();
        }
        double[] x = b.clone();
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(lu[r][c]) > Math.abs(lu[pivot][c])) {
                    pivot = r;
                }
            }
            if (lu[pivot][c] == 0.0) {
                throw new ArithmeticException("singular " + n + " x " + n + " system in the L-BFGS-B update");
            }
            double[] row = lu[c];
            lu[c] = lu[pivot];
            lu[pivot] = row;
            double t = x[c];
            x[c] = x[pivot];
            x[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double factor = lu[r][c] / lu[c][c];
                for (int k = c; k < n; k++) {
                    lu[r][k] -= factor * lu[c][k];
                }
                x[r] -= factor * x[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double sum = x[r];
            for (int k = r + 1; k < n; k++) {
                sum -= lu[r][k] * x[k];
            }
            x[r] = sum / lu[r][r];
        }
        return x;
    }

    /** A^-1, column by column. */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1.0;
            double[] col = solve(a, e);
            for (int r = 0; r < n; r++) {
                out[r][c] = col[r];
            }
        }
        return out;
    }
}
