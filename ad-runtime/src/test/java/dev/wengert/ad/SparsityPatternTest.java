package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSR pattern: construction, look-ups and the conversions users need (dense, triplets, products). */
class SparsityPatternTest {

    // [[1, 0, 2], [0, 0, 0], [3, 4, 0]]
    private final SparsityPattern p = SparsityPattern.ofRows(3, new int[][] {{2, 0, 2}, {}, {1, 0}});
    private final double[] values = {1, 2, 3, 4};

    @Test
    void rowsAreSortedAndDeduplicated() {
        assertEquals(4, p.nonZeros());
        assertEquals(0, p.column(0));
        assertEquals(2, p.column(1));
        assertEquals(2, p.rowStart(1));
        assertEquals(2, p.rowStart(2));
        assertEquals(2, p.maxRowLength());
    }

    @Test
    void indexOfAndRowFindEntries() {
        assertEquals(1, p.indexOf(0, 2));
        assertEquals(-1, p.indexOf(1, 1));
        assertEquals(3, p.indexOf(2, 1));
        assertEquals(0, p.row(1));
        assertEquals(2, p.row(2), "row 1 is empty: entry 2 is in row 2");
    }

    @Test
    void convertsToDenseAndTriplets() {
        assertArrayEquals(new double[] {1, 0, 2, 0, 0, 0, 3, 4, 0}, p.toDense(values));
        List<SparsityPattern.Entry> e = p.entries(values);
        assertEquals(new SparsityPattern.Entry(2, 1, 4), e.get(3));
    }

    @Test
    void multipliesAVector() {
        double[] out = new double[3];
        p.multiply(values, new double[] {1, 10, 100}, out);
        assertArrayEquals(new double[] {201, 0, 43}, out);
        assertThrows(DimensionMismatchException.class, () -> p.multiply(values, new double[2], out));
        assertThrows(DimensionMismatchException.class, () -> p.multiply(new double[3], new double[3], out));
    }

    @Test
    void symmetryAndEquality() {
        assertFalse(p.isSymmetric());
        assertTrue(SparsityPattern.dense(3, 3).isSymmetric());
        assertEquals(SparsityPattern.ofRows(3, new int[][] {{0, 2}, {}, {0, 1}}), p);
    }

    @Test
    void rejectsColumnsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> SparsityPattern.ofRows(2, new int[][] {{2}}));
    }

    @Test
    void ofEntriesSaysWhereEachListedEntryLands() {
        int[] rows = {2, 0, 0, 2, 0, 2};
        int[] columns = {1, 2, 0, 0, 2, 1};
        int[] positions = new int[6];
        SparsityPattern q = SparsityPattern.ofEntries(3, 3, rows, columns, 6, positions);
        assertEquals(p, q);
        for (int k = 0; k < 6; k++) {
            assertEquals(q.indexOf(rows[k], columns[k]), positions[k], "entry " + k);
        }
        assertEquals(SparsityPattern.ofEntries(3, 3, rows, columns, 2, null),
                SparsityPattern.ofRows(3, new int[][] {{2}, {}, {1}}), "only the first count entries are read");
    }

    @Test
    void ofEntriesMatchesOfRowsOnLongShuffledRows() {
        // Rows beyond the insertion sort's reach, with duplicates, against a sort of each row.
        java.util.Random random = new java.util.Random(3);
        int n = 200;
        int[][] byRow = new int[n][];
        int count = 0;
        for (int r = 0; r < n; r++) {
            byRow[r] = new int[random.nextInt(80)];
            for (int i = 0; i < byRow[r].length; i++) byRow[r][i] = random.nextInt(n);
            count += byRow[r].length;
        }
        int[] rows = new int[count];
        int[] columns = new int[count];
        int k = 0;
        for (int r = 0; r < n; r++) {
            for (int c : byRow[r]) {
                rows[k] = r;
                columns[k++] = c;
            }
        }
        for (int i = count - 1; i > 0; i--) {   // list them in a random order
            int j = random.nextInt(i + 1);
            int t = rows[i]; rows[i] = rows[j]; rows[j] = t;
            t = columns[i]; columns[i] = columns[j]; columns[j] = t;
        }
        int[] positions = new int[count];
        SparsityPattern q = SparsityPattern.ofEntries(n, n, rows, columns, count, positions);
        for (int r = 0; r < n; r++) {
            int[] expected = java.util.Arrays.stream(byRow[r]).sorted().distinct().toArray();
            int[] actual = java.util.Arrays.copyOfRange(columnsOf(q), q.rowStart(r), q.rowStart(r + 1));
            assertArrayEquals(expected, actual, "row " + r);
        }
        for (int i = 0; i < count; i++) {
            assertEquals(q.indexOf(rows[i], columns[i]), positions[i]);
        }
        assertEquals(q, SparsityPattern.ofRows(n, byRow));
    }

    private static int[] columnsOf(SparsityPattern q) {
        int[] c = new int[q.nonZeros()];
        for (int k = 0; k < c.length; k++) c[k] = q.column(k);
        return c;
    }

    @Test
    void ofEntriesRejectsEntriesOutsideTheMatrixNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparsityPattern.ofEntries(2, 2, new int[] {0, 1}, new int[] {1, 2}, 2, null));
        assertTrue(e.getMessage().contains("entry 1 is (1, 2)"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SparsityPattern.ofEntries(2, 2, new int[] {0}, new int[] {1}, 2, null));
    }
}
