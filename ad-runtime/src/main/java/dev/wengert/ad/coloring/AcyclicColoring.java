package dev.wengert.ad.coloring;

import dev.wengert.ad.SparsityPattern;
import java.util.Arrays;

/**
 * Acyclic coloring of a symmetric pattern with recovery by substitution (Gebremedhin, Tarafdar, Pothen,
 * Walther 2009, "Efficient computation of sparse Hessians using coloring and automatic differentiation"):
 * a distance-1 coloring in which every two color classes induce a forest (no two-colored cycle). It
 * needs fewer colors than a star coloring (4 or 5 against 7 to 9 for a triangular 7-point stencil), at
 * the price of recovering each two-colored tree from its leaves inwards: an entry is its compressed
 * value minus entries already recovered, instead of a compressed value read directly.
 *
 * <p>The greedy algorithm colors vertices in a given order with the smallest color that keeps every
 * two-colored subgraph a forest, keeping each forest's trees in a union-find over edges; the best of
 * several orderings is kept, as for {@link StarColoring}, stopping early at a coloring that meets the
 * counting lower bound (a forest on v vertices has at most v - 1 edges).
 *
 * <pre>{@code
 * SparsityPattern h = recording.hessianPattern();
 * Coloring colors = AcyclicColoring.of(h);
 * AcyclicColoring.Recovery recovery = AcyclicColoring.recovery(h, colors);
 * recovery.recover(compressed, values);   // compressed = H S, n rows of colors.count() entries
 * }</pre>
 */
public final class AcyclicColoring {

    private AcyclicColoring() {
    }

    /**
     * The acyclic coloring with the fewest colors among the greedy orderings tried.
     *
     * @param symmetric a symmetric pattern
     * @return the coloring
     */
    public static Coloring of(SparsityPattern symmetric) {
        SymmetricGraph.requireSquare(symmetric, "acyclic coloring");
        Coloring complete = SymmetricGraph.completeOrNull(symmetric);
        if (complete != null) {
            return complete;
        }
        int n = symmetric.rows();
        int[] edge = SymmetricGraph.edgeIds(symmetric, "acyclic coloring");
        int edges = SymmetricGraph.edgeCount(edge);
        int bound = lowerBound(n, edges);
        Coloring best = null;
        for (Orderings.Ordering o : Orderings.all(symmetric)) {
            Coloring c = new Coloring(greedy(symmetric, o.order(), edge), o.name());
            if (best == null || c.count() < best.count()) best = c;
            if (best.count() <= bound) break;   // no ordering can do better
        }
        return best;
    }

    /**
     * The fewest colors any acyclic coloring of a graph with n vertices and e edges can have: two color
     * classes of sizes a and b induce a forest, at most a + b - 1 edges, so k colors hold at most
     * (k - 1) n - k (k - 1) / 2 edges in all.
     */
    static int lowerBound(int n, long e) {
        int k = 1;
        while ((long) (k - 1) * n - (long) k * (k - 1) / 2 < e) k++;
        return k;
    }

    private static int[] greedy(SparsityPattern g, int[] order, int[] edge) {
        int n = g.rows();
        int edges = SymmetricGraph.edgeCount(edge);
        int[] color = new int[n];
        Arrays.fill(color, -1);
        int[] parent = new int[edges];   // union-find over edges: the two-colored tree an edge is in
        for (int e = 0; e < edges; e++) parent[e] = e;
        int[] forbiddenBy = new int[n + 1];
        Arrays.fill(forbiddenBy, -1);
        int[] treeSeen = new int[edges];  // treeSeen[root] == stamp: a neighbour of this color pair reaches it
        Arrays.fill(treeSeen, -1);
        int stamp = 0;
        int[] firstVertex = new int[n + 1];   // per color: the vertex being colored once it has seen an edge to it
        int[] firstEdge = new int[n + 1];     // ... and that edge
        Arrays.fill(firstVertex, -1);
        for (int v : order) {
            for (int e = g.rowStart(v); e < g.rowStart(v + 1); e++) {
                int w = g.column(e);
                if (w != v && color[w] >= 0) forbiddenBy[color[w]] = v;
            }
            int c = 0;
            while (true) {
                while (forbiddenBy[c] == v) c++;
                // c closes a two-colored cycle if two neighbours of one color c' lie in one {c, c'} tree
                stamp++;
                if (!closesCycle(g, v, c, color, edge, parent, treeSeen, stamp)) break;
                forbiddenBy[c] = v;
            }
            color[v] = c;
            // v's edges join the {c, color(w)} trees of its neighbours w, and v's edges to one color are one tree
            for (int e = g.rowStart(v); e < g.rowStart(v + 1); e++) {
                int w = g.column(e);
                if (w == v || color[w] < 0) continue;
                int cw = color[w];
                if (firstVertex[cw] != v) {
                    firstVertex[cw] = v;
                    firstEdge[cw] = edge[e];
                } else {
                    union(parent, edge[e], firstEdge[cw]);
                }
                for (int f = g.rowStart(w); f < g.rowStart(w + 1); f++) {
                    int x = g.column(f);
                    if (x != w && color[x] == c) union(parent, edge[e], edge[f]);
                }
            }
        }
        return color;
    }

    private static boolean closesCycle(SparsityPattern g, int v, int c, int[] color, int[] edge, int[] parent,
                                       int[] treeSeen, int stamp) {
        for (int e = g.rowStart(v); e < g.rowStart(v + 1); e++) {
            int w = g.column(e);
            if (w == v || color[w] < 0) continue;
            // the {c, color(w)} tree of w: that of any of its edges to a vertex of color c
            for (int f = g.rowStart(w); f < g.rowStart(w + 1); f++) {
                int x = g.column(f);
                if (x == w || x == v || color[x] != c) continue;
                int root = find(parent, edge[f]);
                // trees of different color pairs have different edges, so one stamp serves all pairs
                if (treeSeen[root] == stamp) return true;
                treeSeen[root] = stamp;
                break;
            }
        }
        return false;
    }

    private static int find(int[] parent, int e) {
        while (parent[e] != e) {
            parent[e] = parent[parent[e]];
            e = parent[e];
        }
        return e;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[ra] = rb;
    }

    /**
     * How to recover every entry of a symmetric matrix from its compressed form B = H S under an acyclic
     * coloring, worked out once: diagonal entries are read directly (B[i][color(i)]), and each off-diagonal
     * entry (i, j) of a two-colored tree is B[i][color(j)] minus the entries between i and its other
     * neighbours of color(j), taken leaves first so those are already known. Immutable.
     */
    public static final class Recovery {
        private final int[] target;      // step s writes value[target[s]] (and its mirror)
        private final int[] mirror;
        private final int[] source;      // ... from compressed[source[s]]
        private final int[] subStart;    // minus value[sub[subStart[s] .. subStart[s + 1])]
        private final int[] sub;

        private Recovery(int[] target, int[] mirror, int[] source, int[] subStart, int[] sub) {
            this.target = target;
            this.mirror = mirror;
            this.source = source;
            this.subStart = subStart;
            this.sub = sub;
        }

        /**
         * Writes every entry, in the pattern's order, from the compressed matrix.
         *
         * @param compressed B = H S, row-major, n rows of one entry per color
         * @param values receives the pattern's entries
         */
        public void recover(double[] compressed, double[] values) {
            for (int s = 0; s < target.length; s++) {
                double value = compressed[source[s]];
                for (int k = subStart[s]; k < subStart[s + 1]; k++) value -= values[sub[k]];
                values[target[s]] = value;
                if (mirror[s] >= 0) values[mirror[s]] = value;
            }
        }
    }

    /**
     * The recovery plan for an acyclic coloring of {@code symmetric}. Throws if the coloring is not
     * distance-1 or leaves a two-colored cycle.
     *
     * @param symmetric a symmetric pattern
     * @param coloring an acyclic coloring of it
     * @return the plan
     */
    public static Recovery recovery(SparsityPattern symmetric, Coloring coloring) {
        int n = symmetric.rows();
        int colors = coloring.count();
        int nnz = symmetric.nonZeros();
        // remaining degree of each vertex in its two-colored forest of each color, counted per (vertex, color)
        // through the entries: an entry (i, j) is "open" until recovered
        int[] target = new int[nnz];
        int[] mirror = new int[nnz];
        int[] source = new int[nnz];
        int[] subStart = new int[nnz + 1];
        int[] sub = new int[Math.max(16, nnz)];
        int steps = 0;
        int subs = 0;
        boolean[] known = new boolean[nnz];
        int[] mirrorOf = new int[nnz];
        for (int i = 0; i < n; i++) {
            for (int k = symmetric.rowStart(i); k < symmetric.rowStart(i + 1); k++) {
                int j = symmetric.column(k);
                int m = symmetric.indexOf(j, i);
                if (m < 0) {
                    throw new IllegalArgumentException("acyclic recovery needs a symmetric pattern: (" + i + ", " + j
                            + ") is in it but (" + j + ", " + i + ") is not");
                }
                mirrorOf[k] = m;
                if (j == i) {
                    target[steps] = k;
                    mirror[steps] = -1;
                    source[steps] = i * colors + coloring.color(i);
                    subStart[++steps] = subs;
                    known[k] = true;
                } else if (coloring.color(i) == coloring.color(j)) {
                    throw new IllegalArgumentException("not a distance-1 coloring: " + i + " and " + j
                            + " share color " + coloring.color(i));
                }
            }
        }
        // open[i * colors + c]: entries (i, j) with color(j) == c not yet recovered
        int[] open = new int[Math.multiplyExact(n, colors)];
        for (int i = 0; i < n; i++) {
            for (int k = symmetric.rowStart(i); k < symmetric.rowStart(i + 1); k++) {
                int j = symmetric.column(k);
                if (j != i) open[i * colors + coloring.color(j)]++;
            }
        }
        // leaves: (vertex, color) with exactly one open entry; recovering it may make its other end a leaf
        int[] queue = new int[Math.max(1, open.length)];
        int head = 0;
        int tail = 0;
        for (int s = 0; s < open.length; s++) {
            if (open[s] == 1) queue[tail++] = s;
        }
        int recovered = 0;
        int offDiagonal = nnz - steps;
        while (head < tail) {
            int slot = queue[head++];
            if (open[slot] != 1) continue;
            int i = slot / colors;
            int c = slot % colors;
            int k = -1;
            int start = subs;
            for (int e = symmetric.rowStart(i); e < symmetric.rowStart(i + 1); e++) {
                int j = symmetric.column(e);
                if (j == i || coloring.color(j) != c) continue;
                if (known[e]) {
                    if (subs == sub.length) sub = Arrays.copyOf(sub, 2 * sub.length);
                    sub[subs++] = e;
                } else {
                    k = e;
                }
            }
            int m = mirrorOf[k];
            int j = symmetric.column(k);
            target[steps] = k;
            mirror[steps] = m;
            source[steps] = i * colors + c;
            subStart[steps] = start;
            subStart[++steps] = subs;
            known[k] = true;
            known[m] = true;
            recovered += 2;
            open[slot] = 0;
            int other = j * colors + coloring.color(i);
            if (--open[other] == 1) queue[tail++] = other;
        }
        if (recovered != offDiagonal) {
            throw new IllegalArgumentException("not an acyclic coloring: " + (offDiagonal - recovered)
                    + " entries lie on two-colored cycles and cannot be recovered by substitution");
        }
        return new Recovery(Arrays.copyOf(target, steps), Arrays.copyOf(mirror, steps), Arrays.copyOf(source, steps),
                Arrays.copyOf(subStart, steps + 1), Arrays.copyOf(sub, subs));
    }
}
