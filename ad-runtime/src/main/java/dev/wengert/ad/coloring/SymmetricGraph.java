package dev.wengert.ad.coloring;

import dev.wengert.ad.SparsityPattern;

/**
 * What the symmetric colorings ({@link StarColoring}, {@link AcyclicColoring}) read of a pattern: that it is
 * square, whether it is complete, and one id per undirected edge.
 */
final class SymmetricGraph {

    private SymmetricGraph() {
    }

    static void requireSquare(SparsityPattern p, String coloring) {
        if (p.rows() != p.columns()) {
            throw new IllegalArgumentException(coloring + " needs a square (symmetric) pattern, not "
                    + p.rows() + " x " + p.columns());
        }
    }

    /**
     * Every column its own color when the pattern is complete (a pair energy's Hessian): the optimum,
     * which the greedy algorithms would spend O(n^3) finding; null otherwise.
     */
    static Coloring completeOrNull(SparsityPattern p) {
        int n = p.rows();
        if (p.nonZeros() != (long) n * n) {
            return null;
        }
        int[] own = new int[n];
        for (int j = 0; j < n; j++) own[j] = j;
        return new Coloring(own, "complete pattern");
    }

    // One id per undirected edge, shared by its two entries (i, j) and (j, i); -1 on the diagonal.
    static int[] edgeIds(SparsityPattern g, String coloring) {
        int[] id = new int[g.nonZeros()];
        int next = 0;
        for (int i = 0; i < g.rows(); i++) {
            for (int k = g.rowStart(i); k < g.rowStart(i + 1); k++) {
                int j = g.column(k);
                if (j == i) {
                    id[k] = -1;
                } else if (i < j) {
                    id[k] = next++;
                } else {
                    int mirror = g.indexOf(j, i);
                    if (mirror < 0) {
                        throw new IllegalArgumentException(coloring + " needs a symmetric pattern: (" + i + ", " + j
                                + ") is in it but (" + j + ", " + i + ") is not");
                    }
                    id[k] = id[mirror];
                }
            }
        }
        return id;
    }

    /** The number of undirected edges {@link #edgeIds} numbered. */
    static int edgeCount(int[] edgeIds) {
        int edges = 0;
        for (int id : edgeIds) edges = Math.max(edges, id + 1);
        return edges;
    }
}
