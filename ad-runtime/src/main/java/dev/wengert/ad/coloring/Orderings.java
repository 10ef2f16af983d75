package dev.wengert.ad.coloring;

import dev.wengert.ad.SparsityPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Vertex orderings for greedy coloring of the graph whose edges are a pattern's off-diagonal entries
 * (Matula and Beck's smallest-last, Welsh and Powell's largest-first, and the natural order): greedy
 * colorings differ by ordering, so the colorings try several and keep the best.
 */
final class Orderings {

    private Orderings() {
    }

    /** A named ordering of the vertices. */
    record Ordering(String name, int[] order) {
    }

    static List<Ordering> all(SparsityPattern graph) {
        List<Ordering> out = new ArrayList<>();
        out.add(new Ordering("natural", natural(graph.rows())));
        out.add(new Ordering("largest-first", largestFirst(graph)));
        out.add(new Ordering("smallest-last", smallestLast(graph)));
        out.add(new Ordering("incidence-degree", incidenceDegree(graph)));
        return out;
    }

    static int degree(SparsityPattern g, int v) {
        int d = 0;
        for (int k = g.rowStart(v); k < g.rowStart(v + 1); k++) {
            if (g.column(k) != v) d++;
        }
        return d;
    }

    private static int[] degrees(SparsityPattern g) {
        int[] degree = new int[g.rows()];
        for (int v = 0; v < degree.length; v++) degree[v] = degree(g, v);
        return degree;
    }

    private static int max(int[] values) {
        int max = 0;
        for (int d : values) max = Math.max(max, d);
        return max;
    }

    private static int[] natural(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    // Decreasing degree, ties by index (a counting sort: degrees are bounded by n).
    private static int[] largestFirst(SparsityPattern g) {
        int n = g.rows();
        int[] degree = degrees(g);
        int max = max(degree);
        int[] count = new int[max + 2];
        for (int v = 0; v < n; v++) count[max - degree[v] + 1]++;
        for (int d = 1; d < count.length; d++) count[d] += count[d - 1];
        int[] order = new int[n];
        for (int v = 0; v < n; v++) order[count[max - degree[v]]++] = v;
        return order;
    }

    // Repeatedly remove a vertex of least remaining degree; color in the reverse of removal order.
    private static int[] smallestLast(SparsityPattern g) {
        int n = g.rows();
        int[] degree = degrees(g);
        int max = max(degree);
        // Buckets of vertices by current degree, as doubly linked lists.
        int[] head = new int[max + 1];
        Arrays.fill(head, -1);
        int[] next = new int[n];
        int[] prev = new int[n];
        for (int v = 0; v < n; v++) {
            push(head, next, prev, degree[v], v);
        }
        boolean[] removed = new boolean[n];
        int[] order = new int[n];
        int low = 0;
        for (int k = n - 1; k >= 0; k--) {
            while (head[low] < 0) low++;
            int v = head[low];
            unlink(head, next, prev, degree[v], v);
            removed[v] = true;
            order[k] = v;
            for (int e = g.rowStart(v); e < g.rowStart(v + 1); e++) {
                int w = g.column(e);
                if (w == v || removed[w]) continue;
                unlink(head, next, prev, degree[w], w);
                degree[w]--;
                push(head, next, prev, degree[w], w);
                if (degree[w] < low) low = degree[w];
            }
        }
        return order;
    }

    // Repeatedly take the vertex with the most neighbours already taken (Coleman and More's
    // incidence-degree ordering), starting from a vertex of largest degree.
    private static int[] incidenceDegree(SparsityPattern g) {
        int n = g.rows();
        int max = max(degrees(g));
        int[] incidence = new int[n];
        int[] head = new int[max + 1];
        Arrays.fill(head, -1);
        int[] next = new int[n];
        int[] prev = new int[n];
        for (int v = n - 1; v >= 0; v--) push(head, next, prev, 0, v);
        boolean[] taken = new boolean[n];
        int[] order = new int[n];
        int high = 0;
        for (int k = 0; k < n; k++) {
            while (high > 0 && head[high] < 0) high--;
            int v = head[high];
            unlink(head, next, prev, incidence[v], v);
            taken[v] = true;
            order[k] = v;
            for (int e = g.rowStart(v); e < g.rowStart(v + 1); e++) {
                int w = g.column(e);
                if (w == v || taken[w]) continue;
                unlink(head, next, prev, incidence[w], w);
                incidence[w]++;
                push(head, next, prev, incidence[w], w);
                if (incidence[w] > high) high = incidence[w];
            }
        }
        return order;
    }

    private static void push(int[] head, int[] next, int[] prev, int d, int v) {
        next[v] = head[d];
        prev[v] = -1;
        if (head[d] >= 0) prev[head[d]] = v;
        head[d] = v;
    }

    private static void unlink(int[] head, int[] next, int[] prev, int d, int v) {
        if (prev[v] >= 0) next[prev[v]] = next[v];
        else head[d] = next[v];
        if (next[v] >= 0) prev[next[v]] = prev[v];
    }
}
