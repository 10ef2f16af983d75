package dev.wengert.ad.optim;

import dev.wengert.ad.Recording;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * The minimal-surface energy on the unit square, an m x m grid of unknown heights inside a frame of
 * given boundary heights: sum over the (m + 1)^2 cells of h^2 sqrt(1 + |forward-difference gradient|^2),
 * h = 1 / (m + 1). Unknown (i, j), 1 &lt;= i, j &lt;= m, is x[(i - 1) m + (j - 1)]. Each cell couples a
 * node with its right and upper neighbours: a sparse Hessian with at most 7 entries per row.
 */
final class MinimalSurface {

    private final int m;
    private final DoubleBinaryOperator boundary;

    MinimalSurface(int m, DoubleBinaryOperator boundary) {
        this.m = m;
        this.boundary = boundary;
    }

    int dimension() {
        return m * m;
    }

    /** The energy recorded on the tape at x0 (every iterate of a run takes the same branch-free path). */
    Recording record(double[] x0) {
        return Tape.record(this::energy, x0);
    }

    /** The boundary function at node (i, j), for nodes on the frame and, for a plane, inside it too. */
    double boundaryAt(int i, int j) {
        double h = 1.0 / (m + 1);
        return boundary.applyAsDouble(i * h, j * h);
    }

    private Var energy(Var[] x) {
        double h = 1.0 / (m + 1);
        List<Var> cells = new ArrayList<>();
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= m; j++) {
                Var dx = difference(x, i + 1, j, i, j);
                Var dy = difference(x, i, j + 1, i, j);
                double constant = 1.0 + squareIfFixed(i + 1, j, i, j, h) + squareIfFixed(i, j + 1, i, j, h);
                if (dx == null && dy == null) {
                    continue;   // a corner cell: no unknowns, a constant
                }
                Var sum = dx == null ? dy.square() : dy == null ? dx.square() : dx.square().plus(dy.square());
                cells.add(sum.times(1.0 / (h * h)).plus(constant).sqrt().times(h * h));
            }
        }
        return Var.sum(cells);
    }

    private boolean inside(int i, int j) {
        return i >= 1 && i <= m && j >= 1 && j <= m;
    }

    /** u(a) - u(b) as a Var, or null when both nodes are on the boundary. */
    private Var difference(Var[] x, int ai, int aj, int bi, int bj) {
        boolean a = inside(ai, aj);
        boolean b = inside(bi, bj);
        if (a && b) {
            return x[index(ai, aj)].minus(x[index(bi, bj)]);
        }
        if (a) {
            return x[index(ai, aj)].minus(boundaryAt(bi, bj));
        }
        if (b) {
            return Var.minus(boundaryAt(ai, aj), x[index(bi, bj)]);
        }
        return null;
    }

    /** ((u(a) - u(b)) / h)^2 when both nodes are fixed, else 0. */
    private double squareIfFixed(int ai, int aj, int bi, int bj, double h) {
        if (inside(ai, aj) || inside(bi, bj)) {
            return 0.0;
        }
        double d = (boundaryAt(ai, aj) - boundaryAt(bi, bj)) / h;
        return d * d;
    }

    private int index(int i, int j) {
        return (i - 1) * m + (j - 1);
    }
}
