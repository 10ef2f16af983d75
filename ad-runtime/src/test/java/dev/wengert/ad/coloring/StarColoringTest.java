package dev.wengert.ad.coloring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.SparsityPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Star colorings: valid (every entry directly recoverable), and with the known color counts of classic patterns. */
class StarColoringTest {

    @Test
    void tridiagonalNeedsThreeColors() {
        SparsityPattern p = banded(100, 1);
        Coloring c = StarColoring.of(p);
        assertValidStarColoring(p, c);
        assertEquals(3, c.count());
    }

    @Test
    void diagonalNeedsOneColor() {
        SparsityPattern p = banded(50, 0);
        assertEquals(1, StarColoring.of(p).count());
    }

    @Test
    void fivePointStencilNeedsAtMostSixColorsWhateverItsSize() {
        for (int m : new int[] {5, 30, 200}) {
            SparsityPattern p = grid(m, false);
            Coloring c = StarColoring.of(p);
            assertValidStarColoring(p, c);
            assertTrue(c.count() >= 5 && c.count() <= 6, m + " x " + m + " five-point grid: " + c);
        }
    }

    @Test
    void fivePointStencilGetsTheOptimalFiveColors() {
        // the star chromatic number of a large grid graph is 5 (Fertin, Raspaud, Reed 2004)
        SparsityPattern p = grid(60, false);
        assertEquals(5, StarColoring.of(p).count());
    }

    @Test
    void ninePointStencilKeepsItsColorCount() {
        // a regression guard: the greedy orderings give 11 here; the count must not creep up
        SparsityPattern p = grid(40, true);
        Coloring c = StarColoring.of(p);
        assertValidStarColoring(p, c);
        assertTrue(c.count() <= 11, "nine-point grid: " + c);
    }

    @Test
    void denseNeedsOneColorPerColumn() {
        SparsityPattern p = SparsityPattern.dense(7, 7);
        Coloring c = StarColoring.of(p);
        assertValidStarColoring(p, c);
        assertEquals(7, c.count());
    }

    @Test
    void completePatternOfThousandsOfColumnsGetsOneColorPerColumn() {
        // a pair energy's Hessian (Thomson, N = 400): the greedy algorithm would be O(n^3) on it
        SparsityPattern p = SparsityPattern.dense(1200, 1200);
        Coloring c = StarColoring.of(p);
        assertEquals(1200, c.count());
        for (int j = 0; j < 1200; j++) assertEquals(j, c.color(j));
        StarColoring.recoveryIndex(p, c);
    }

    @Test
    void arrowheadNeedsTwoColors() {
        // a dense first row and column plus the diagonal: a star, the case symmetry helps most
        int n = 30;
        int[][] rows = new int[n][];
        rows[0] = new int[n];
        for (int j = 0; j < n; j++) rows[0][j] = j;
        for (int i = 1; i < n; i++) rows[i] = new int[] {0, i};
        SparsityPattern p = SparsityPattern.ofRows(n, rows);
        Coloring c = StarColoring.of(p);
        assertValidStarColoring(p, c);
        assertEquals(2, c.count());
    }

    @Test
    void randomSymmetricPatternsGetValidStarColorings() {
        Random rnd = new Random(7);
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
            assertValidStarColoring(p, StarColoring.of(p));
        }
    }

    @Test
    void aDistanceOneColoringThatIsNotAStarColoringIsRejected() {
        // the path 0-1-2-3 colored 0,1,0,1 is proper but two-colored: (1, 2) cannot be recovered directly
        SparsityPattern path = banded(4, 1);
        Coloring twoColors = new Coloring(new int[] {0, 1, 0, 1}, "given");
        assertThrows(IllegalArgumentException.class, () -> StarColoring.recoveryIndex(path, twoColors));
    }

    /** Distance-1 proper, and no path on four vertices with two colors (checked by brute force). */
    static void assertValidStarColoring(SparsityPattern p, Coloring c) {
        int n = p.rows();
        for (int v = 0; v < n; v++) {
            for (int k = p.rowStart(v); k < p.rowStart(v + 1); k++) {
                int w = p.column(k);
                if (w != v) assertTrue(c.color(v) != c.color(w), "neighbours " + v + ", " + w + " share a color");
            }
        }
        for (int v = 0; v < n; v++) {
            for (int w : neighbours(p, v)) {
                for (int x : neighbours(p, w)) {
                    if (x == v) continue;
                    for (int y : neighbours(p, x)) {
                        if (y == w || y == v) continue;
                        boolean twoColored = c.color(v) == c.color(x) && c.color(w) == c.color(y);
                        assertTrue(!twoColored, "path " + v + "-" + w + "-" + x + "-" + y + " has two colors");
                    }
                }
            }
        }
        StarColoring.recoveryIndex(p, c);   // and direct recovery works for every entry
    }

    private static List<Integer> neighbours(SparsityPattern p, int v) {
        List<Integer> out = new ArrayList<>();
        for (int k = p.rowStart(v); k < p.rowStart(v + 1); k++) {
            if (p.column(k) != v) out.add(p.column(k));
        }
        return out;
    }

    static SparsityPattern banded(int n, int halfWidth) {
        int[][] rows = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> r = new ArrayList<>();
            for (int j = Math.max(0, i - halfWidth); j <= Math.min(n - 1, i + halfWidth); j++) r.add(j);
            rows[i] = r.stream().mapToInt(Integer::intValue).toArray();
        }
        return SparsityPattern.ofRows(n, rows);
    }

    /** The m x m grid graph with its diagonal: five-point, or nine-point with the diagonal neighbours. */
    static SparsityPattern grid(int m, boolean ninePoint) {
        int[][] rows = new int[m * m][];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                List<Integer> r = new ArrayList<>();
                for (int di = -1; di <= 1; di++) {
                    for (int dj = -1; dj <= 1; dj++) {
                        boolean diagonal = di != 0 && dj != 0;
                        if (diagonal && !ninePoint) continue;
                        int a = i + di, b = j + dj;
                        if (a >= 0 && a < m && b >= 0 && b < m) r.add(a * m + b);
                    }
                }
                rows[i * m + j] = r.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return SparsityPattern.ofRows(m * m, rows);
    }
}
