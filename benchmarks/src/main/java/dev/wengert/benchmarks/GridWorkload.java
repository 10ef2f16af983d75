package dev.wengert.benchmarks;

import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;

/**
 * The minimal-surface energy on an m x m grid of unknowns (n = m^2) with boundary values
 * u = sin(pi s) on the top edge and 0 elsewhere, written as grid codes write it: per cell
 * sqrt(1 + (u_right - u)^2 + (u_up - u)^2), the boundary handled by ifs. Its Hessian has at most
 * 7 non-zeros a row: the sparse-Hessian workload.
 */
public final class GridWorkload {
    private GridWorkload() {
    }

    /** The side m of the grid with n unknowns. */
    public static int side(int n) {
        int m = (int) Math.round(Math.sqrt(n));
        if (m * m != n) throw new IllegalArgumentException("n = " + n + " is not a square");
        return m;
    }

    /** A smooth start: a bump that satisfies nothing in particular. */
    public static double[] start(int n) {
        int m = side(n);
        double[] u = new double[n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                u[i * m + j] = Math.sin(Math.PI * (i + 1) / (m + 1)) * Math.sin(Math.PI * (j + 1) / (m + 1));
            }
        }
        return u;
    }

    private static double boundaryTop(int j, int m) {
        return Math.sin(Math.PI * (j + 1) / (m + 1));
    }

    /** The energy in plain doubles. */
    public static double energy(double[] u) {
        int m = side(u.length);
        double e = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double here = u[i * m + j];
                double right = j + 1 < m ? u[i * m + j + 1] : 0;
                double up = i + 1 < m ? u[(i + 1) * m + j] : boundaryTop(j, m);
                double dx = right - here;
                double dy = up - here;
                e += Math.sqrt(1 + dx * dx + dy * dy);
            }
        }
        return e;
    }

    /** The same energy on the tape, as a user writes it. */
    public static Var energy(Var[] u) {
        int m = side(u.length);
        Tape tape = u[0].tape();
        Var[] terms = new Var[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                Var here = u[i * m + j];
                Var right = j + 1 < m ? u[i * m + j + 1] : tape.constant(0);
                Var up = i + 1 < m ? u[(i + 1) * m + j] : tape.constant(boundaryTop(j, m));
                Var dx = right.minus(here);
                Var dy = up.minus(here);
                terms[i * m + j] = dx.square().plus(dy.square()).plus(1).sqrt();
            }
        }
        return Var.sum(terms);
    }
}
