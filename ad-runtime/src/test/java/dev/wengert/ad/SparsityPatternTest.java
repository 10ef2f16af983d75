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
}
