package dev.wengert.ad.coloring;

import java.util.Arrays;

/**
 * A coloring of the columns of a sparse matrix: {@code color(j)} in {@code [0, count())}. Columns
 * of one color are evaluated together, as one seed direction, by a compressed sweep; the coloring's
 * kind (star for Hessians, distance-2 for Jacobians) is what makes the entries recoverable.
 *
 * <pre>{@code
 * Coloring c = StarColoring.of(recording.hessianPattern());
 * System.out.println(c.count() + " colors for " + c.size() + " columns");
 * }</pre>
 */
public final class Coloring {
    private final int[] colors;
    private final int count;
    private final String ordering;

    Coloring(int[] colors, String ordering) {
        this.colors = colors;
        int most = -1;
        for (int c : colors) most = Math.max(most, c);
        this.count = most + 1;
        this.ordering = ordering;
    }

    /**
     * The color of column {@code j}.
     *
     * @param j a column
     * @return its color, in {@code [0, count())}
     */
    public int color(int j) {
        return colors[j];
    }

    /**
     * Number of colors: the number of seed directions a compressed sweep needs.
     *
     * @return the number of colors
     */
    public int count() {
        return count;
    }

    /**
     * Number of columns colored.
     *
     * @return the number of columns
     */
    public int size() {
        return colors.length;
    }

    /**
     * The vertex ordering the greedy coloring used (the best of those tried).
     *
     * @return its name, e.g. {@code smallest-last}
     */
    public String ordering() {
        return ordering;
    }

    /**
     * The colors of all columns.
     *
     * @return a copy, indexed by column
     */
    public int[] toArray() {
        return colors.clone();
    }

    @Override
    public String toString() {
        return count + " colors for " + colors.length + " columns (" + ordering + " ordering)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Coloring c && Arrays.equals(c.colors, colors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(colors);
    }
}
