package dev.wengert.ad.coloring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.SparsityPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Acyclic colorings: valid (distance-1, no two-colored cycle), with fewer colors than star colorings on
 * stencils, and a substitution recovery that gives back every entry of random symmetric matrices.
 */
class AcyclicColoringTest {

    @Test
    void tridiagonalNeedsTwoColors() {
        // a path is a tree: two colors suffice for substitution (a star coloring needs three)
        SparsityPattern p = StarColoringTest.banded(100, 1);
        Coloring c = AcyclicColoring.of(p);
        assertValidAcyclicColoring(p, c);
        assertEquals(2, c.count());
        assertRecoversRandomMatrices(p, c, 1);
    }

    @Test
    void fivePointStencilNeedsFewerColorsThanAStarColoring() {
        for (int m : new int[] {5, 30, 100}) {
            SparsityPattern p = StarColoringTest.grid(m, false);
            Coloring acyclic = AcyclicColoring.of(p);
            assertValidAcyclicColoring(p, acyclic);
            assertTrue(acyclic.count() <= 4 && acyclic.count() < StarColoring.of(p).count(),
                    m + " x " + m + " five-point grid: " + acyclic + ", star " + StarColoring.of(p));
            assertRecoversRandomMatrices(p, acyclic, m);
        }
    }

    @Test
    void triangularSevenPointStencilNeedsAtMostFiveColors() {
        // the minimal-surface cell stencil: neighbours (0, +-1), (+-1, 0), (1, -1), (-1, 1); a star coloring
        // takes 9 greedily, an acyclic one 4 (the optimum for a lattice that contains triangles and K4-free
        // two-colored cycles everywhere)
        SparsityPattern p = triangular(60);
        Coloring acyclic = AcyclicColoring.of(p);
        assertValidAcyclicColoring(p, acyclic);
        assertTrue(acyclic.count() <= 5, "triangular 7-point grid: " + acyclic);
        assertRecoversRandomMatrices(p, acyclic, 3);
    }

    @Test
    void randomSymmetricPatternsGetValidAcyclicColoringsAndRecovery() {
        Random rnd = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(40);
            List<List<Integer>> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) rows.add(new ArrayList<>(List.of(i)));
            double density = rnd.nextDouble() * 0.3;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (rnd.nextDouble() < density) {
                        rows.get(i).add(j);
                        rows.get(j).add(i);
                    }
                }
            }
            int[][] entries = rows.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
            SparsityPattern p = SparsityPattern.ofRows(n, entries);
            Coloring c = AcyclicColoring.of(p);
            assertValidAcyclicColoring(p, c);
            assertTrue(c.count() <= StarColoring.of(p).count(), "acyclic " + c + " vs star " + StarColoring.of(p));
            assertRecoversRandomMatrices(p, c, trial);
        }
    }

    @Test
    void aColoringWithATwoColoredCycleIsRejected() {
        // the 4-cycle 0-1-2-3-0 colored 0,1,0,1 is proper, but no entry of the cycle is a leaf
        int[][] rows = {{0, 1, 3}, {0, 1, 2}, {1, 2, 3}, {0, 2, 3}};
        SparsityPattern cycle = SparsityPattern.ofRows(4, rows);
        Coloring twoColors = new Coloring(new int[] {0, 1, 0, 1}, "given");
        assertThrows(IllegalArgumentException.class, () -> AcyclicColoring.recovery(cycle, twoColors));
    }

    @Test
    void lowerBoundCountsTheEdgesForestsCanHold() {
        assertEquals(1, AcyclicColoring.lowerBound(10, 0));
        assertEquals(2, AcyclicColoring.lowerBound(100, 99));    // a path: a tree
        assertEquals(3, AcyclicColoring.lowerBound(100, 100));   // a cycle
        assertEquals(4, AcyclicColoring.lowerBound(3600, 2 * 60 * 59 + 59 * 59));   // the triangular 60 x 60 grid
        assertEquals(7, AcyclicColoring.lowerBound(7, 21));      // K7
    }

    @Test
    void completePatternGetsOneColorPerColumn() {
        SparsityPattern p = SparsityPattern.dense(9, 9);
        Coloring c = AcyclicColoring.of(p);
        assertEquals(9, c.count());
        assertRecoversRandomMatrices(p, c, 2);
    }

    /** Distance-1, and every two color classes induce a forest (checked with a union-find per pair of colors). */
    static void assertValidAcyclicColoring(SparsityPattern p, Coloring c) {
        int n = p.rows();
        for (int v = 0; v < n; v++) {
            for (int k = p.rowStart(v); k < p.rowStart(v + 1); k++) {
                int w = p.column(k);
                if (w != v) assertTrue(c.color(v) != c.color(w), "neighbours " + v + ", " + w + " share a color");
            }
        }
        for (int c1 = 0; c1 < c.count(); c1++) {
            for (int c2 = c1 + 1; c2 < c.count(); c2++) {
                int[] parent = new int[n];
                for (int v = 0; v < n; v++) parent[v] = v;
                for (int v = 0; v < n; v++) {
                    for (int k = p.rowStart(v); k < p.rowStart(v + 1); k++) {
                        int w = p.column(k);
                        if (w <= v) continue;
                        boolean inPair = (c.color(v) == c1 && c.color(w) == c2) || (c.color(v) == c2 && c.color(w) == c1);
                        if (!inPair) continue;
                        int rv = find(parent, v);
                        int rw = find(parent, w);
                        assertTrue(rv != rw, "colors " + c1 + " and " + c2 + " close a cycle at edge " + v + "-" + w);
                        parent[rv] = rw;
                    }
                }
            }
        }
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) v = parent[v];
        return v;
    }

    /** A random symmetric matrix on the pattern, compressed as H S, recovered: equal to 1e-13 relative. */
    static void assertRecoversRandomMatrices(SparsityPattern p, Coloring c, long seed) {
        Random rnd = new Random(seed);
        int n = p.rows();
        int colors = c.count();
        double[] values = new double[p.nonZeros()];
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowStart(i + 1); k++) {
                int j = p.column(k);
                if (j < i) values[k] = values[p.indexOf(j, i)];
                else values[k] = 0.5 + rnd.nextDouble();
            }
        }
        double[] compressed = new double[n * colors];
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowStart(i + 1); k++) compressed[i * colors + c.color(p.column(k))] += values[k];
        }
        double[] recovered = new double[values.length];
        AcyclicColoring.recovery(p, c).recover(compressed, recovered);
        for (int k = 0; k < values.length; k++) {
            assertEquals(values[k], recovered[k], 1e-13 * Math.abs(values[k]), "entry (" + p.row(k) + ", " + p.column(k) + ")");
        }
    }

    static SparsityPattern triangular(int m) {
        int[][] offsets = {{0, 0}, {0, 1}, {0, -1}, {1, 0}, {-1, 0}, {1, -1}, {-1, 1}};
        int[][] rows = new int[m * m][];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                List<Integer> r = new ArrayList<>();
                for (int[] o : offsets) {
                    int a = i + o[0], b = j + o[1];
                    if (a >= 0 && a < m && b >= 0 && b < m) r.add(a * m + b);
                }
                rows[i * m + j] = r.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return SparsityPattern.ofRows(m * m, rows);
    }
}
