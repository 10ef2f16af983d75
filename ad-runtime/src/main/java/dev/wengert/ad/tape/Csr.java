package dev.wengert.ad.tape;

/**
 * A sparsity pattern as the tape's pattern passes produce it, in compressed sparse row form: row r's
 * columns are {@code column[rowStart[r] .. rowStart[r + 1])}, strictly increasing.
 *
 * @param rows number of rows
 * @param rowStart {@code rows + 1} offsets into {@code column}
 * @param column the column indices
 */
public record Csr(int rows, int[] rowStart, int[] column) {
}
