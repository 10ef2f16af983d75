package dev.wengert.ad.optim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The last m curvature pairs (s, y) of L-BFGS and the two-loop recursion that applies the implied
 * inverse-Hessian approximation to a vector (Nocedal and Wright, Algorithm 7.4), with the initial
 * matrix gamma I, gamma = s^T y / y^T y of the newest pair.
 *
 * <pre>{@code
 * LbfgsHistory memory = new LbfgsHistory(10);
 * memory.add(s, y);
 * double[] d = memory.applyInverseHessian(g);   // then negate for the search direction
 * }</pre>
 */
public final class LbfgsHistory {

    private record Pair(double[] s, double[] y, double rho) {}

    private final int capacity;
    private final Deque<Pair> pairs = new ArrayDeque<>();

    /**
     * Keeps at most {@code capacity} pairs (3 to 20 is usual).
     *
     * @param capacity the largest number of pairs kept, positive
     */
    public LbfgsHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * The number of pairs kept now.
     *
     * @return the count
     */
    public int size() {
        return pairs.size();
    }

    /**
     * Whether no pair is kept.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /**
     * Drops every pair.
     */
    public void clear() {
        pairs.clear();
    }

    /**
     * Adds the pair s = x_{k+1} - x_k, y = g_{k+1} - g_k (copied), dropping the oldest when full.
     * Returns false and keeps nothing when s^T y is not safely positive: such a pair would make the
     * approximation indefinite.
     *
     * @param s the step
     * @param y the change of the gradient
     * @return whether the pair was kept
     */
    public boolean add(double[] s, double[] y) {
        double sy = Vectors.dot(s, y);
        if (!(sy > 1e-12 * Vectors.norm(s) * Vectors.norm(y))) {
            return false;
        }
        if (pairs.size() == capacity) {
            pairs.removeFirst();
        }
        pairs.addLast(new Pair(s.clone(), y.clone(), 1.0 / sy));
        return true;
    }

    /**
     * Returns H q for the current inverse-Hessian approximation H (q itself is not changed).
     *
     * @param q the vector
     * @return a new array H q
     */
    public double[] applyInverseHessian(double[] q) {
        double[] r = q.clone();
        int m = pairs.size();
        double[] alphas = new double[m];
        int i = m;
        for (Iterator<Pair> it = pairs.descendingIterator(); it.hasNext(); ) {
            Pair p = it.next();
            double a = p.rho() * Vectors.dot(p.s(), r);
            alphas[--i] = a;
            Vectors.axpy(-a, p.y(), r);
        }
        if (m > 0) {
            Pair newest = pairs.peekLast();
            Vectors.scale(1.0 / (newest.rho() * Vectors.dot(newest.y(), newest.y())), r);
        }
        i = 0;
        for (Pair p : pairs) {
            double beta = p.rho() * Vectors.dot(p.y(), r);
            Vectors.axpy(alphas[i++] - beta, p.s(), r);
        }
        return r;
    }

    /**
     * Moves every stored pair into the tangent space at x by projection (a vector transport), and
     * drops pairs whose curvature s^T y is no longer positive. Riemannian L-BFGS calls this after
     * each step; in R^n it is never needed.
     */
    void transport(Manifold manifold, double[] x) {
        Deque<Pair> moved = new ArrayDeque<>();
        for (Pair p : pairs) {
            double[] s = p.s().clone();
            double[] y = p.y().clone();
            manifold.project(x, s, s);
            manifold.project(x, y, y);
            double sy = Vectors.dot(s, y);
            if (sy > 1e-12 * Vectors.norm(s) * Vectors.norm(y)) {
                moved.addLast(new Pair(s, y, 1.0 / sy));
            }
        }
        pairs.clear();
        pairs.addAll(moved);
    }
}
