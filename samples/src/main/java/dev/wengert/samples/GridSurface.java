package dev.wengert.samples;

import dev.wengert.ad.Differentiate;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import java.util.function.DoubleBinaryOperator;

/**
 * The minimal-surface problem on a square: find the heights u on an m x m grid of interior nodes that,
 * with given heights on the frame around them, make the area of the piecewise-linear surface smallest.
 * Each of the (m + 1)^2 grid cells is split into a lower-left and an upper-right right triangle of legs h,
 * whose area is (h / 2) sqrt(h^2 + a^2 + b^2) for the height differences a, b along its legs (the
 * discretisation of MINPACK-2's minimal-surface problem). A node couples with its four neighbours and two
 * diagonal ones: 7 non-zeros a Hessian row.
 *
 * <p>Node (p, q), 0 &lt;= p, q &lt;= m + 1, sits at (x, y) = (x0 + q h, x0 + p h); the interior nodes are
 * the unknowns, {@code u[(p - 1) m + (q - 1)]}, and the frame's heights are the data array {@code frame} of
 * (m + 2)^2 node heights (its interior entries are not read).
 */
final class GridSurface {

    private final int m;
    private final double lower;
    private final double h;
    private final double[] frame;
    private final DoubleBinaryOperator boundary;

    /**
     * The problem on [lower, upper]^2 with the heights of {@code boundary} on the frame.
     *
     * @param m interior nodes per side
     * @param lower the square's lower coordinate, in x and in y
     * @param upper its upper coordinate
     * @param boundary the height at (x, y), read on the frame only
     */
    GridSurface(int m, double lower, double upper, DoubleBinaryOperator boundary) {
        this.m = m;
        this.lower = lower;
        this.h = (upper - lower) / (m + 1);
        this.boundary = boundary;
        int w = m + 2;
        this.frame = new double[w * w];
        for (int p = 0; p < w; p++) {
            for (int q = 0; q < w; q++) {
                if (p == 0 || q == 0 || p == w - 1 || q == w - 1) {
                    frame[p * w + q] = boundary.applyAsDouble(coordinate(q), coordinate(p));
                }
            }
        }
    }

    /**
     * Scherk's first surface z = ln(cos y / cos x), a minimal surface over |x|, |y| &lt; pi / 2, on
     * [-a, a]^2: its heights on the frame make it the exact solution inside.
     */
    static double scherk(double x, double y) {
        return Math.log(Math.cos(y) / Math.cos(x));
    }

    /**
     * The area of the triangulated surface: plain Java with the frame handled by conditions on the
     * indices, from which the processor generates {@code GridSurfaceAreaDerivatives} (gradient, HVP and a
     * sparse Hessian assembled from per-cell local Hessians).
     *
     * @param u the interior heights, m * m
     * @param m interior nodes per side
     * @param h the grid spacing
     * @param frame the (m + 2)^2 node heights, of which the frame's are read
     * @return the area
     */
    @Differentiate
    static double area(double[] u, int m, double h, double[] frame) {
        int w = m + 2;
        double half = 0.5 * h;
        double hh = h * h;
        double e = 0;
        for (int i = 0; i <= m; i++) {
            for (int j = 0; j <= m; j++) {
                // the cell's corners: v00 at node (i, j), v01 one to the right, v10 one up, v11 both
                double v00 = i > 0 && j > 0 ? u[(i - 1) * m + j - 1] : frame[i * w + j];
                double v01 = i > 0 && j < m ? u[(i - 1) * m + j] : frame[i * w + j + 1];
                double v10 = i < m && j > 0 ? u[i * m + j - 1] : frame[(i + 1) * w + j];
                double v11 = i < m && j < m ? u[i * m + j] : frame[(i + 1) * w + j + 1];
                double a = v01 - v00;
                double b = v10 - v00;
                double c = v11 - v10;
                double d = v11 - v01;
                e += half * (Math.sqrt(hh + a * a + b * b) + Math.sqrt(hh + c * c + d * d));
            }
        }
        return e;
    }

    /** The same area on the tape, as a user of the tape writes it: frame heights are constants. */
    static Var area(Var[] u, int m, double h, double[] frame) {
        Tape tape = u[0].tape();
        int w = m + 2;
        return Var.sum(tape, terms -> {
            for (int i = 0; i <= m; i++) {
                for (int j = 0; j <= m; j++) {
                    Var v00 = i > 0 && j > 0 ? u[(i - 1) * m + j - 1] : tape.constant(frame[i * w + j]);
                    Var v01 = i > 0 && j < m ? u[(i - 1) * m + j] : tape.constant(frame[i * w + j + 1]);
                    Var v10 = i < m && j > 0 ? u[i * m + j - 1] : tape.constant(frame[(i + 1) * w + j]);
                    Var v11 = i < m && j < m ? u[i * m + j] : tape.constant(frame[(i + 1) * w + j + 1]);
                    terms.add(triangle(v01.minus(v00), v10.minus(v00), h));
                    terms.add(triangle(v11.minus(v10), v11.minus(v01), h));
                }
            }
        });
    }

    private static Var triangle(Var a, Var b, double h) {
        return a.square().plus(b.square()).plus(h * h).sqrt().times(0.5 * h);
    }

    int m() {
        return m;
    }

    /** Number of unknowns, m^2. */
    int dimension() {
        return m * m;
    }

    double spacing() {
        return h;
    }

    /** The coordinate (x or y) of grid line k, 0 &lt;= k &lt;= m + 1. */
    double coordinate(int k) {
        return lower + k * h;
    }

    /** The generated derivatives of {@link #area(double[], int, double, double[])}. */
    Objective generated() {
        return new GridSurfaceAreaDerivatives(m, h, frame);
    }

    /** The area recorded on the tape at u0. */
    Recording recorded(double[] u0) {
        return Tape.record(u -> area(u, m, h, frame), u0);
    }

    /** The area in plain doubles. */
    double area(double[] u) {
        return area(u, m, h, frame);
    }

    /**
     * The starting guess: the bilinearly blended (Coons) interpolation of the frame's heights, which is
     * exact for a plane and smooth inside. A flat start puts slopes of about 1 / h beside a steep frame,
     * where the area is nearly linear in the slope and Newton's model predicts little.
     */
    double[] start() {
        int w = m + 2;
        double[] u = new double[m * m];
        for (int p = 1; p <= m; p++) {
            double t = p / (m + 1.0);
            for (int q = 1; q <= m; q++) {
                double s = q / (m + 1.0);
                double edges = (1 - s) * frame[p * w] + s * frame[p * w + w - 1]
                        + (1 - t) * frame[q] + t * frame[(w - 1) * w + q];
                double corners = (1 - s) * (1 - t) * frame[0] + s * (1 - t) * frame[w - 1]
                        + (1 - s) * t * frame[(w - 1) * w] + s * t * frame[w * w - 1];
                u[(p - 1) * m + (q - 1)] = edges - corners;
            }
        }
        return u;
    }

    /** The boundary function at every interior node (for a boundary that is itself a minimal surface: the exact solution). */
    double[] boundaryInside() {
        double[] u = new double[m * m];
        for (int p = 1; p <= m; p++) {
            for (int q = 1; q <= m; q++) {
                u[(p - 1) * m + (q - 1)] = boundary.applyAsDouble(coordinate(q), coordinate(p));
            }
        }
        return u;
    }

    /** All (m + 2)^2 node heights, the frame's and u's, row by row from the bottom (p = 0). */
    double[] withFrame(double[] u) {
        int w = m + 2;
        double[] all = frame.clone();
        for (int p = 1; p <= m; p++) {
            System.arraycopy(u, (p - 1) * m, all, p * w + 1, m);
        }
        return all;
    }
}
