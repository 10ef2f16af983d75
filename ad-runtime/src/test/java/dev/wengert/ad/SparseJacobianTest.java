package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.coloring.ColumnColoring;
import dev.wengert.ad.coloring.Coloring;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sparse Jacobians: pattern = structural non-zeros, values = dense Jacobian, fewest sweeps chosen. */
class SparseJacobianTest {

    // each entry is one product's component, computed by the same sweep as a dense column or row:
    // equal to round-off
    private static final double RTOL = 1e-14;

    /** Discretised 1-D boundary-value residuals: tridiagonal Jacobian, 3 column colors whatever n is. */
    private static Var[] residuals(Var[] u) {
        int n = u.length;
        Var[] r = new Var[n];
        for (int i = 0; i < n; i++) {
            Var left = i > 0 ? u[i - 1] : u[i].tape().constant(0);
            Var right = i + 1 < n ? u[i + 1] : u[i].tape().constant(1);
            r[i] = left.minus(u[i].times(2)).plus(right).plus(u[i].exp().times(0.1));
        }
        return r;
    }

    @Test
    void tridiagonalResidualsNeedThreeForwardSweeps() {
        int n = 200;
        double[] x = point(n, 1);
        Recording r = Tape.recordVector(SparseJacobianTest::residuals, x);
        SparsityPattern p = r.jacobianPattern();
        assertEquals(3 * n - 2, p.nonZeros());
        assertEquals(3, r.jacobianColoring().count());
        assertSparseEqualsDense(r, x);
    }

    @Test
    void aDenseRowIsColoredByRows() {
        // y_0 = sum of all x, y_k = x_k^2: the column coloring needs n colors, the row coloring 2
        int n = 30;
        Recording r = Tape.recordVector(x -> {
            Var[] y = new Var[n];
            y[0] = Var.sum(x);
            for (int k = 1; k < n; k++) y[k] = x[k].square();
            return y;
        }, point(n, 2));
        assertFalse(r.sparseJacobianIsForward(), "reverse sweeps by row colors are fewer");
        assertEquals(2, r.jacobianColoring().count());
        assertSparseEqualsDense(r, point(n, 3));
    }

    @Test
    void columnColoringSeparatesColumnsThatShareARow() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 100; trial++) {
            int m = 1 + rnd.nextInt(20);
            int n = 1 + rnd.nextInt(20);
            int[][] rows = new int[m][];
            for (int i = 0; i < m; i++) {
                rows[i] = rnd.ints(rnd.nextInt(4), 0, n).toArray();
            }
            SparsityPattern p = SparsityPattern.ofRows(n, rows);
            Coloring c = ColumnColoring.of(p);
            for (int i = 0; i < m; i++) {
                for (int a = p.rowStart(i); a < p.rowStart(i + 1); a++) {
                    for (int b = a + 1; b < p.rowStart(i + 1); b++) {
                        assertTrue(c.color(p.column(a)) != c.color(p.column(b)), "columns sharing row " + i);
                    }
                }
            }
        }
    }

    @Test
    void wrongLengthOfValuesIsADimensionMismatch() {
        Recording r = Tape.recordVector(SparseJacobianTest::residuals, point(5, 1));
        assertThrows(DimensionMismatchException.class, () -> r.sparseJacobian(point(5, 1), new double[2]));
    }

    private static void assertSparseEqualsDense(Recording r, double[] x) {
        SparsityPattern p = r.jacobianPattern();
        double[] values = new double[p.nonZeros()];
        r.sparseJacobian(x, values);
        double[] dense = new double[r.outputCount() * r.inputCount()];
        r.jacobian(x, dense);
        double[] packed = p.toDense(values);
        for (int k = 0; k < dense.length; k++) {
            assertEquals(dense[k], packed[k], RTOL * Math.abs(dense[k]), "entry " + k);
        }
    }

    private static double[] point(int n, int seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextDouble();
        return x;
    }
}
