package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.workloads.ThomsonWorkload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a recording costs in memory: deterministic accounting, not timing. */
class TapeMemoryTest {

    @ParameterizedTest
    @ValueSource(ints = {12, 100})
    void thomsonTapeHoldsAtMost24BytesPerRecordedOperation(int n) {
        Recording r = Tape.record(ThomsonWorkload::energy, ThomsonWorkload.points(n));
        int pairs = n * (n - 1) / 2;
        // Per pair the function performs three subtractions, a norm and a reciprocal; then one sum.
        assertEquals(5L * pairs + 1, r.recordedOperations());
        double perOperation = (double) r.bytes() / r.recordedOperations();
        assertTrue(perOperation <= 24, "bytes per recorded operation: " + perOperation);
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 100})
    void thomsonTapeBytesAreNineBytesANodePlusTheArgumentPool(int n) {
        Recording r = Tape.record(ThomsonWorkload::energy, ThomsonWorkload.points(n));
        int pairs = n * (n - 1) / 2;
        // Nodes: 3n inputs, one fused distance node per pair (6 arguments + the fused-unary slot),
        // one sum (one argument per pair + its slot); 4 bytes per input and output index.
        long expected = 9L * r.size() + 4L * (7L * pairs + pairs + 1) + 4L * 3 * n + 4;
        assertEquals(expected, r.bytes());
    }
}
