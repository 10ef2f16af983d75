package dev.wengert.ad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which entries of a rows x columns matrix (a Hessian, a Jacobian) can be non-zero, in compressed
 * sparse row (CSR) form: the entries of row r are {@code column(k)} for {@code k} in
 * {@code [rowStart(r), rowStart(r + 1))}, in increasing column order. A Hessian's pattern holds both
 * triangles. Sparse derivatives are written as a {@code double[]} of {@link #nonZeros()} values in this
 * order, so one pattern and one values array serve every evaluation without allocating.
 *
 * <pre>{@code
 * Recording energy = Tape.record(Grid::energy, x0);
 * SparsityPattern pattern = energy.hessianPattern();     // computed once per recording
 * double[] h = new double[pattern.nonZeros()];
 * energy.sparseHessian(x, h);                              // a few sweeps, whatever n is
 * pattern.multiply(h, v, hv);                              // H v, e.g. inside conjugate gradients
 * }</pre>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class SparsityPattern {
    private final int rows;
    private final int columns;
    private final int[] rowStart;
    private final int[] column;

    /**
     * A pattern from its CSR arrays, which it keeps (callers hand them over and do not change them).
     *
     * @param rows number of rows
     * @param columns number of columns
     * @param rowStart {@code rows + 1} offsets into {@code column}, non-decreasing, from 0 to its length
     * @param column the column indices, strictly increasing within each row
     */
    SparsityPattern(int rows, int columns, int[] rowStart, int[] column) {
        this(rows, columns, rowStart, column, true);
    }

    // check: false only where the arrays are sorted and in range by construction
    private SparsityPattern(int rows, int columns, int[] rowStart, int[] column, boolean check) {
        if (check) {
            check(rows, columns, rowStart, column);
        }
        this.rows = rows;
        this.columns = columns;
        this.rowStart = rowStart;
        this.column = column;
    }

    private static void check(int rows, int columns, int[] rowStart, int[] column) {
        if (rowStart.length != rows + 1 || rowStart[0] != 0 || rowStart[rows] != column.length) {
            throw new IllegalArgumentException("row starts do not describe " + column.length + " entries in " + rows + " rows");
        }
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                int c = column[k];
                if (c < 0 || c >= columns || (k > rowStart[r] && column[k - 1] >= c)) {
                    throw new IllegalArgumentException("row " + r + ": columns must be increasing and below " + columns);
                }
            }
        }
    }

    /**
     * The pattern with the given entries per row (each row's columns in any order, duplicates allowed).
     *
     * @param columns number of columns
     * @param entries for each row, its column indices
     * @return the pattern
     */
    public static SparsityPattern ofRows(int columns, int[][] entries) {
        int rows = entries.length;
        long total = 0;
        for (int[] row : entries) total += row.length;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ofRows: " + total + " entries, more than an array holds");
        }
        int[] entryRows = new int[(int) total];
        int[] entryColumns = new int[(int) total];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            int[] row = entries[r];
            System.arraycopy(row, 0, entryColumns, k, row.length);
            Arrays.fill(entryRows, k, k + row.length, r);
            k += row.length;
        }
        return ofEntries(rows, columns, entryRows, entryColumns, k, null);
    }

    /**
     * The pattern of a list of (row, column) entries in any order, duplicates allowed, and where each
     * listed entry lands in the values array: what code that adds local blocks into CSR values needs
     * (the generated classes' sparse Hessians do), worked out in time linear in the entries (a
     * counting sort by row, then each row's few columns sorted in place) and without an object per row.
     *
     * <pre>{@code
     * int[] position = new int[count];
     * SparsityPattern p = SparsityPattern.ofEntries(n, n, rowOf, columnOf, count, position);
     * values[position[k]] += contribution[k];      // for every listed entry k
     * }</pre>
     *
     * @param rows number of rows
     * @param columns number of columns
     * @param entryRows the row of each entry; only the first {@code count} are read
     * @param entryColumns the column of each entry; only the first {@code count} are read
     * @param count the number of entries
     * @param positions receives, for each entry k &lt; count, its position in the pattern's values; or null
     * @return the pattern
     * @throws IllegalArgumentException if an entry is outside the rows x columns matrix
     */
    public static SparsityPattern ofEntries(int rows, int columns, int[] entryRows, int[] entryColumns, int count,
                                            int[] positions) {
        if (count < 0 || count > entryRows.length || count > entryColumns.length) {
            throw new IllegalArgumentException("ofEntries: count " + count + " but " + entryRows.length + " rows and "
                    + entryColumns.length + " columns are given");
        }
        if (positions != null && positions.length < count) {
            throw new IllegalArgumentException("ofEntries: positions has length " + positions.length + ", below count "
                    + count);
        }
        int[] start = new int[rows + 1];
        for (int k = 0; k < count; k++) {
            int r = entryRows[k];
            int c = entryColumns[k];
            if (r < 0 || r >= rows || c < 0 || c >= columns) {
                throw new IllegalArgumentException("ofEntries: entry " + k + " is (" + r + ", " + c
                        + "), outside the " + rows + " x " + columns + " matrix");
            }
            start[r + 1]++;
        }
        for (int r = 0; r < rows; r++) start[r + 1] += start[r];
        // order: the entries grouped by row (stable), then each row's sorted by column.
        int[] order = new int[count];
        int[] next = Arrays.copyOf(start, rows);
        for (int k = 0; k < count; k++) {
            order[next[entryRows[k]]++] = k;
        }
        int[] rowStart = new int[rows + 1];
        int[] column = new int[count];
        int distinct = 0;
        long[] keys = null;
        for (int r = 0; r < rows; r++) {
            int from = start[r];
            int to = start[r + 1];
            if (to - from > 32) {
                // a long row: sort (column, entry) keys with the library's sort
                if (keys == null || keys.length < to - from) keys = new long[Math.max(to - from, 64)];
                for (int i = from; i < to; i++) keys[i - from] = (long) entryColumns[order[i]] << 32 | order[i];
                Arrays.sort(keys, 0, to - from);
                for (int i = from; i < to; i++) order[i] = (int) keys[i - from];
            } else {
                insertionSort(order, from, to, entryColumns);
            }
            int last = -1;
            for (int i = from; i < to; i++) {
                int c = entryColumns[order[i]];
                if (c != last) {
                    column[distinct++] = c;
                    last = c;
                }
                if (positions != null) positions[order[i]] = distinct - 1;
            }
            rowStart[r + 1] = distinct;
        }
        // Sorted and in range by construction: the constructor's checks would be a second pass for nothing.
        return new SparsityPattern(rows, columns, rowStart, distinct == count ? column : Arrays.copyOf(column, distinct),
                false);
    }

    // Rows of a stencil hold a handful of entries: an insertion sort of their entries by column beats a
    // general sort there.
    private static void insertionSort(int[] order, int from, int to, int[] entryColumns) {
        for (int i = from + 1; i < to; i++) {
            int entry = order[i];
            int key = entryColumns[entry];
            int j = i - 1;
            while (j >= from && entryColumns[order[j]] > key) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = entry;
        }
    }

    /**
     * The dense pattern of an n x n matrix (every entry).
     *
     * @param rows number of rows
     * @param columns number of columns
     * @return the pattern with every entry
     */
    public static SparsityPattern dense(int rows, int columns) {
        long entries = (long) rows * columns;
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a dense " + rows + " x " + columns + " pattern has " + entries
                    + " entries, more than an array holds");
        }
        int[] start = new int[rows + 1];
        int[] column = new int[(int) entries];
        for (int r = 0; r < rows; r++) {
            start[r + 1] = start[r] + columns;
            for (int c = 0; c < columns; c++) column[r * columns + c] = c;
        }
        return new SparsityPattern(rows, columns, start, column);
    }

    /**
     * Number of rows.
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Number of columns.
     *
     * @return the number of columns
     */
    public int columns() {
        return columns;
    }

    /**
     * Number of entries that can be non-zero: the length of a values array.
     *
     * @return the number of entries
     */
    public int nonZeros() {
        return column.length;
    }

    /**
     * Offset of row {@code r}'s first entry in the values array ({@code rowStart(rows())} is {@link #nonZeros()}).
     *
     * @param r a row
     * @return the offset of its first entry
     */
    public int rowStart(int r) {
        return rowStart[r];
    }

    /**
     * The column of entry {@code k}.
     *
     * @param k an entry, as a position in the values array
     * @return its column
     */
    public int column(int k) {
        return column[k];
    }

    /**
     * The row of entry {@code k} (a binary search over the row starts).
     *
     * @param k an entry, as a position in the values array
     * @return its row
     */
    public int row(int k) {
        if (k < 0 || k >= column.length) throw new IndexOutOfBoundsException("entry " + k + " of " + column.length);
        int r = Arrays.binarySearch(rowStart, k);
        if (r < 0) return -r - 2;
        while (r + 1 < rowStart.length && rowStart[r + 1] == k) r++;   // skip empty rows
        return r;
    }

    /**
     * The position of entry (r, c) in the values array, or -1 if it is not in the pattern.
     *
     * @param r a row
     * @param c a column
     * @return its position, or -1
     */
    public int indexOf(int r, int c) {
        int k = Arrays.binarySearch(column, rowStart[r], rowStart[r + 1], c);
        return k >= 0 ? k : -1;
    }

    /**
     * The most entries any row has.
     *
     * @return the longest row's length
     */
    public int maxRowLength() {
        int most = 0;
        for (int r = 0; r < rows; r++) most = Math.max(most, rowStart[r + 1] - rowStart[r]);
        return most;
    }

    /**
     * True if (r, c) is in the pattern exactly when (c, r) is.
     *
     * @return true if the pattern is symmetric
     */
    public boolean isSymmetric() {
        if (rows != columns) return false;
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                if (indexOf(column[k], r) < 0) return false;
            }
        }
        return true;
    }

    /**
     * Writes {@code values} (in this pattern's order) into a dense row-major array, zeros elsewhere.
     *
     * @param values the matrix's entries, in this pattern's order
     * @return a new rows x columns row-major array
     */
    public double[] toDense(double[] values) {
        requireValues(values, "toDense");
        long size = (long) rows * columns;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("toDense: a dense " + rows + " x " + columns + " matrix has " + size
                    + " entries, more than an array holds");
        }
        double[] dense = new double[(int) size];
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) dense[r * columns + column[k]] = values[k];
        }
        return dense;
    }

    /**
     * One entry of a sparse matrix.
     *
     * @param row its row
     * @param column its column
     * @param value its value
     */
    public record Entry(int row, int column, double value) {
    }

    /**
     * The entries with their values, row by row: (row, column, value) triplets.
     *
     * @param values the matrix's entries, in this pattern's order
     * @return the entries, row by row
     */
    public List<Entry> entries(double[] values) {
        requireValues(values, "entries");
        List<Entry> out = new ArrayList<>(column.length);
        for (int r = 0; r < rows; r++) {
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) out.add(new Entry(r, column[k], values[k]));
        }
        return out;
    }

    /**
     * Writes the matrix-vector product {@code M v} into {@code out}, where M has this pattern and
     * {@code values}: one pass over the non-zeros, allocation-free (conjugate gradients' operator).
     *
     * @param values the matrix's entries, in this pattern's order
     * @param v the vector, of length {@link #columns()}
     * @param out receives M v, of length {@link #rows()}
     */
    public void multiply(double[] values, double[] v, double[] out) {
        requireValues(values, "multiply");
        if (v == null) throw new NullPointerException("multiply: v is null");
        if (out == null) throw new NullPointerException("multiply: out is null");
        if (v.length != columns) throw new DimensionMismatchException("multiply: v", v.length, columns);
        if (out.length != rows) throw new DimensionMismatchException("multiply: out", out.length, rows);
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) s += values[k] * v[column[k]];
            out[r] = s;
        }
    }

    private void requireValues(double[] values, String method) {
        if (values == null) throw new NullPointerException(method + ": values is null");
        if (values.length != column.length) {
            throw new DimensionMismatchException(method + ": values", values.length, column.length);
        }
    }

    // Package-private views for the sweeps: the arrays themselves, not copies.
    int[] rowStarts() {
        return rowStart;
    }

    int[] columnIndices() {
        return column;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;   // the common case of a recording's own pattern, without a pass over it
        return o instanceof SparsityPattern p && p.rows == rows && p.columns == columns
                && Arrays.equals(p.rowStart, rowStart) && Arrays.equals(p.column, column);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + Arrays.hashCode(column);
    }

    @Override
    public String toString() {
        return rows + " x " + columns + " pattern, " + column.length + " non-zeros (at most " + maxRowLength()
                + " a row)";
    }
}
