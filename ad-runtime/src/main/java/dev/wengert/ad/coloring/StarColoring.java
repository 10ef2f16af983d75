package dev.wengert.ad.coloring;

import dev.wengert.ad.SparsityPattern;
import java.util.Arrays;

/**
 * Star coloring of a symmetric pattern (Gebremedhin, Manne, Pothen 2005, "What color is your
 * Jacobian?", the greedy algorithm; Gebremedhin, Tarafdar, Manne, Pothen 2007): a distance-1
 * coloring in which every path on four vertices uses at least three colors. It is what lets a
 * symmetric matrix be recovered directly from its products with one seed vector per color: for each
 * entry (i, j), either j is the only column of its color in row i, or i the only one of its color
 * in row j. A 5-point stencil needs 5 or 6 colors, whatever n is.
 *
 * <pre>{@code
 * SparsityPattern h = recording.hessianPattern();
 * Coloring colors = StarColoring.of(h);   // best of several greedy orderings
 * }</pre>
 */
public final class StarColoring {

    private StarColoring() {
    }

    /**
     * The star coloring with the fewest colors among the greedy orderings tried.
     *
     * @param symmetric a symmetric pattern
     * @return the coloring
     */
    public static Coloring of(SparsityPattern symmetric) {
        SymmetricGraph.requireSquare(symmetric, "star coloring");
        Coloring complete = SymmetricGraph.completeOrNull(symmetric);
        if (complete != null) {
            return complete;
        }
        int[] edge = SymmetricGraph.edgeIds(symmetric, "star coloring");
        Coloring best = null;
        for (Orderings.Ordering o : Orderings.all(symmetric)) {
            Coloring c = new Coloring(greedy(symmetric, o.order(), edge), o.name());
            if (best == null || c.count() < best.count()) best = c;
        }
        return best;
    }

    /**
     * The greedy star coloring in the given vertex order, keeping track of the two-colored stars
     * already formed (Gebremedhin, Tarafdar, Manne, Pothen 2007, Algorithm 4.1): a color is forbidden
     * for v only where it would really close a two-colored path on four vertices, so it needs far fewer
     * colors than the plain distance-2 rule near uncolored vertices.
     */
    private static int[] greedy(SparsityPattern g, int[] order, int[] edge) {
        int n = g.rows();
        int edges = SymmetricGraph.edgeCount(edge);
        int[] color = new int[n];
        Arrays.fill(color, -1);
        int[] forbiddenBy = new int[n + 1];   // forbiddenBy[c] == v: color c is not allowed for v
        Arrays.fill(forbiddenBy, -1);
        int[] treated = new int[n];
        Arrays.fill(treated, -1);
        // per color c, the first neighbour of the current vertex seen with color c: vertex, neighbour, edge
        int[] firstVertex = new int[n + 1];
        int[] firstNeighbour = new int[n + 1];
        int[] firstEdge = new int[n + 1];
        Arrays.fill(firstVertex, -1);
        int[] star = new int[edges];               // the two-colored star each edge belongs to
        int[] hub = new int[Math.max(1, edges)];   // its hub, or -1 while it is a single edge
        int stars = 0;
        for (int v : order) {
            for (int e = g.rowStart(v); e < g.rowStart(v + 1); e++) {
                int w = g.column(e);
                if (w == v || color[w] < 0) continue;
                int cw = color[w];
                forbiddenBy[cw] = v;
                if (firstVertex[cw] == v) {
                    // v has two neighbours of color cw, so it would be the hub of a star with leaves of
                    // that color: no color of a neighbour of either leaf is allowed
                    int q = firstNeighbour[cw];
                    if (treated[q] != v) forbidNeighbourColors(g, q, v, color, forbiddenBy, treated);
                    forbidNeighbourColors(g, w, v, color, forbiddenBy, treated);
                } else {
                    firstVertex[cw] = v;
                    firstNeighbour[cw] = w;
                    firstEdge[cw] = edge[e];
                    for (int f = g.rowStart(w); f < g.rowStart(w + 1); f++) {
                        int x = g.column(f);
                        if (x == w || x == v || color[x] < 0) continue;
                        // w is a leaf of a star whose hub is x: v may not take the hub's color
                        if (hub[star[edge[f]]] == x) forbiddenBy[color[x]] = v;
                    }
                }
            }
            int c = 0;
            while (forbiddenBy[c] == v) c++;
            color[v] = c;
            // v's edges to colored neighbours join the stars they extend, or start new ones
            for (int e = g.rowStart(v); e < g.rowStart(v + 1); e++) {
                int w = g.column(e);
                if (w == v || color[w] < 0) continue;
                boolean joined = false;
                for (int f = g.rowStart(w); f < g.rowStart(w + 1); f++) {
                    int x = g.column(f);
                    if (x != w && x != v && color[x] == c) {
                        int s = star[edge[f]];   // w - x is in a star with hub w; v - w joins it
                        hub[s] = w;
                        star[edge[e]] = s;
                        joined = true;
                        break;
                    }
                }
                if (joined) continue;
                int cw = color[w];
                if (firstVertex[cw] == v && firstNeighbour[cw] != w) {
                    int s = star[firstEdge[cw]];   // v has two neighbours of color cw: v is the hub
                    hub[s] = v;
                    star[edge[e]] = s;
                } else {
                    hub[stars] = -1;
                    star[edge[e]] = stars++;
                }
            }
        }
        return color;
    }

    private static void forbidNeighbourColors(SparsityPattern g, int w, int v, int[] color, int[] forbiddenBy,
                                              int[] treated) {
        for (int f = g.rowStart(w); f < g.rowStart(w + 1); f++) {
            int x = g.column(f);
            if (x != w && color[x] >= 0) forbiddenBy[color[x]] = v;
        }
        treated[w] = v;
    }

    /**
     * For every entry of {@code symmetric}, the position in the compressed matrix B = H S (n rows, one
     * column per color, row-major) that holds it: B[i][color(j)] if j is the only column of its color
     * in row i, else B[j][color(i)]. Throws if the coloring is not a star coloring of the pattern.
     *
     * @param symmetric a symmetric pattern
     * @param coloring a star coloring of it
     * @return for each entry, its position in H S
     */
    public static int[] recoveryIndex(SparsityPattern symmetric, Coloring coloring) {
        int n = symmetric.rows();
        int colors = coloring.count();
        int[] index = new int[symmetric.nonZeros()];
        int[] seen = new int[colors];
        int[] seenCount = new int[colors];
        Arrays.fill(seen, -1);
        for (int i = 0; i < n; i++) {
            for (int k = symmetric.rowStart(i); k < symmetric.rowStart(i + 1); k++) {
                int c = coloring.color(symmetric.column(k));
                if (seen[c] != i) {
                    seen[c] = i;
                    seenCount[c] = 0;
                }
                seenCount[c]++;
            }
            for (int k = symmetric.rowStart(i); k < symmetric.rowStart(i + 1); k++) {
                int j = symmetric.column(k);
                int c = coloring.color(j);
                if (seenCount[c] == 1 || j == i) {
                    if (j == i && seenCount[c] != 1) {
                        throw new IllegalArgumentException("not a distance-1 coloring: row " + i
                                + " shares color " + c + " with a neighbour");
                    }
                    index[k] = i * colors + c;
                } else {
                    index[k] = -1;   // resolved from row j below
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = symmetric.rowStart(i); k < symmetric.rowStart(i + 1); k++) {
                if (index[k] >= 0) continue;
                int j = symmetric.column(k);
                int mirror = symmetric.indexOf(j, i);
                int ci = coloring.color(i);
                if (mirror < 0 || index[mirror] != j * colors + ci) {
                    throw new IllegalArgumentException("not a star coloring: entry (" + i + ", " + j
                            + ") cannot be recovered directly");
                }
                index[k] = index[mirror];
            }
        }
        return index;
    }
}
