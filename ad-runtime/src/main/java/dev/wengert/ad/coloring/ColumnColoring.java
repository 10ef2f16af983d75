package dev.wengert.ad.coloring;

import dev.wengert.ad.SparsityPattern;
import java.util.Arrays;

/**
 * Distance-2 coloring of the columns of a (rectangular) pattern: two columns that share a row get
 * different colors (Curtis, Powell, Reid 1974; Gebremedhin, Manne, Pothen 2005), so one Jacobian-vector
 * product per color gives every entry of a Jacobian directly. {@link #ofRows} colors the rows the same
 * way, for vector-Jacobian products; a sparse Jacobian takes whichever needs fewer colors.
 *
 * <pre>{@code
 * Coloring columns = ColumnColoring.of(recording.jacobianPattern());   // forward sweeps
 * Coloring rows = ColumnColoring.ofRows(recording.jacobianPattern());  // reverse sweeps
 * }</pre>
 */
public final class ColumnColoring {

    private ColumnColoring() {
    }

    /**
     * The columns' distance-2 coloring with the fewest colors among the orderings tried.
     *
     * @param pattern a Jacobian's pattern
     * @return a coloring of its columns
     */
    public static Coloring of(SparsityPattern pattern) {
        return best(transpose(pattern), pattern);
    }

    /**
     * The rows' distance-2 coloring (two rows that share a column differ).
     *
     * @param pattern a Jacobian's pattern
     * @return a coloring of its rows
     */
    public static Coloring ofRows(SparsityPattern pattern) {
        return best(pattern, transpose(pattern));
    }

    // Colors the rows of `byItem` (one row per item to color, listing its "rows"), where `byRow`
    // lists each of those rows' items.
    private static Coloring best(SparsityPattern byItem, SparsityPattern byRow) {
        Coloring best = null;
        for (String ordering : new String[] {"natural", "largest-first"}) {
            int[] order = ordering.equals("natural") ? natural(byItem.rows()) : largestFirst(byItem);
            Coloring c = new Coloring(greedy(byItem, byRow, order), ordering);
            if (best == null || c.count() < best.count()) best = c;
        }
        return best;
    }

    private static int[] greedy(SparsityPattern byItem, SparsityPattern byRow, int[] order) {
        int items = byItem.rows();
        int[] color = new int[items];
        Arrays.fill(color, -1);
        int[] forbiddenBy = new int[items + 1];
        Arrays.fill(forbiddenBy, -1);
        for (int v : order) {
            for (int e = byItem.rowStart(v); e < byItem.rowStart(v + 1); e++) {
                int r = byItem.column(e);
                for (int f = byRow.rowStart(r); f < byRow.rowStart(r + 1); f++) {
                    int w = byRow.column(f);
                    if (w != v && color[w] >= 0) forbiddenBy[color[w]] = v;
                }
            }
            int c = 0;
            while (forbiddenBy[c] == v) c++;
            color[v] = c;
        }
        return color;
    }

    /** The transpose of a pattern: row j lists the rows that have column j. */
    static SparsityPattern transpose(SparsityPattern p) {
        int[][] rows = new int[p.columns()][];
        int[] count = new int[p.columns()];
        for (int k = 0; k < p.nonZeros(); k++) count[p.column(k)]++;
        for (int j = 0; j < rows.length; j++) rows[j] = new int[count[j]];
        Arrays.fill(count, 0);
        for (int r = 0; r < p.rows(); r++) {
            for (int k = p.rowStart(r); k < p.rowStart(r + 1); k++) {
                int j = p.column(k);
                rows[j][count[j]++] = r;
            }
        }
        return SparsityPattern.ofRows(p.rows(), rows);
    }

    private static int[] natural(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }

    private static int[] largestFirst(SparsityPattern byItem) {
        Integer[] order = new Integer[byItem.rows()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(length(byItem, b), length(byItem, a)));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static int length(SparsityPattern p, int r) {
        return p.rowStart(r + 1) - p.rowStart(r);
    }
}
