package dev.wengert.ad.workloads;

import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;

/**
 * The minimal-surface energy on a grid of unknowns (m x m for n = m^2; for other n the squarest
 * rows x columns grid with rows * columns = n) with boundary values
 * u = sin(pi s) on the top edge and 0 elsewhere, written as grid codes write it: per cell
 * sqrt(1 + (u_right - u)^2 + (u_up - u)^2), the boundary handled by ifs. Its Hessian has at most
 * 7 non-zeros a row: the sparse-Hessian workload.
 */
public final class GridWorkload {
    private GridWorkload() {
    }

    /** The number of rows of the grid of n unknowns: the largest divisor of n not above sqrt(n). */
    public static int rows(int n) {
        int rows = (int) Math.sqrt(n);
        while (n % rows != 0) rows--;
        return rows;
    }

    /** A smooth start: a bump that satisfies nothing in particular. */
    public static double[] start(int n) {
        int rows = rows(n);
        int m = n / rows;
        double[] u = new double[n];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                u[i * m + j] = Math.sin(Math.PI * (i + 1) / (rows + 1)) * Math.sin(Math.PI * (j + 1) / (m + 1));
            }
        }
        return u;
    }

    private static double boundaryTop(int j, int m) {
        return Math.sin(Math.PI * (j + 1) / (m + 1));
    }

    /** The energy in plain doubles. */
    public static double energy(double[] u) {
        int rows = rows(u.length);
        int m = u.length / rows;
        double e = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                double here = u[i * m + j];
                double right = j + 1 < m ? u[i * m + j + 1] : 0;
                double up = i + 1 < rows ? u[(i + 1) * m + j] : boundaryTop(j, m);
                double dx = right - here;
                double dy = up - here;
                e += Math.sqrt(1 + dx * dx + dy * dy);
            }
        }
        return e;
    }

    /** The same energy on the tape, as a user writes it. */
    public static Var energy(Var[] u) {
        int rows = rows(u.length);
        int m = u.length / rows;
        Tape tape = u[0].tape();
        Var[] terms = new Var[u.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                Var here = u[i * m + j];
                Var right = j + 1 < m ? u[i * m + j + 1] : tape.constant(0);
                Var up = i + 1 < rows ? u[(i + 1) * m + j] : tape.constant(boundaryTop(j, m));
                Var dx = right.minus(here);
                Var dy = up.minus(here);
                terms[i * m + j] = dx.square().plus(dy.square()).plus(1).sqrt();
            }
        }
        return Var.sum(terms);
    }
}
