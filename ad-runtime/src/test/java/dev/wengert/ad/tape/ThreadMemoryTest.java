package dev.wengert.ad.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Recording;
import dev.wengert.ad.ResultTooLargeException;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import org.junit.jupiter.api.Test;

/** What recording and evaluating leave behind on a thread, and how far a tape's arrays can grow. */
class ThreadMemoryTest {

    // A chain of sin: one node per operation, no constants, no argument pool.
    private static void recordChain(int operations) {
        Tape.record(x -> {
            Var y = x[0];
            for (int i = 0; i < operations; i++) y = y.sin();
            return y;
        }, 0.5);
    }

    // The spare's node arrays: opcode, two operands and the value, 17 bytes a node of capacity.
    private static final long BYTES_PER_SPARE_NODE = 17;

    @Test
    void aMediumRecordingLeavesItsGrownArraysForTheNextRecordingOnTheThread() {
        recordChain(100_000);
        assertTrue(TapeBuilder.spareBytes() >= BYTES_PER_SPARE_NODE * 100_000, "spare: " + TapeBuilder.spareBytes());
    }

    @Test
    void aRecordingLargerThanTheSpareLimitIsNotKeptOnTheThread() throws InterruptedException {
        // On a thread of its own: what earlier tests left on this one (an argument pool, say) is not this
        // recording's doing.
        long[] left = new long[1];
        Thread t = new Thread(() -> {
            recordChain(3 * TapeBuilder.SPARE_NODES);   // 3.1e6 operations: 54 MB of node arrays while recording
            left[0] = TapeBuilder.spareBytes();
        });
        t.start();
        t.join();
        long bound = BYTES_PER_SPARE_NODE * TapeBuilder.SPARE_NODES + 8L * TapeBuilder.SPARE_CONSTANTS
                + 4L * TapeBuilder.SPARE_POOL + 4L * TapeBuilder.SPARE_NODES;   // the last: a sum's terms
        long spare = left[0];
        assertTrue(spare > 0 && spare < BYTES_PER_SPARE_NODE * 1024, "a large recording left " + spare + " bytes (bound " + bound + ")");
    }

    @Test
    void arraysGrowByHalfBeyondTheDoublingLimitAndStopAtTheLargestArray() {
        assertEquals(512, TapeBuilder.grown(256, 257, "node list"));
        assertEquals(3 << 20, TapeBuilder.grown(2 << 20, (2 << 20) + 1L, "node list"));
        assertEquals(TapeBuilder.MAX_NODES, TapeBuilder.grown(TapeBuilder.MAX_NODES - 10, TapeBuilder.MAX_NODES - 9L, "node list"));
    }

    @Test
    void aTapeBeyondTheLargestArrayIsRefusedNamingTheSize() {
        String m = assertThrows(ResultTooLargeException.class,
                () -> TapeBuilder.grown(TapeBuilder.MAX_NODES, TapeBuilder.MAX_NODES + 1L, "node list")).getMessage();
        assertTrue(m.contains("node list") && m.contains(String.valueOf(TapeBuilder.MAX_NODES + 1L)), m);
    }

    @Test
    void evaluatingATapeLargerThanTheStrongLimitDoesNotGrowTheThreadsStrongWorkspace() {
        int operations = Workspace.STRONG_NODES + 1000;
        Recording r = Tape.record(x -> {
            Var y = x[0];
            for (int i = 0; i < operations; i++) y = y.sin();
            return y;
        }, 0.5);
        double[] g = new double[1];
        r.gradient(new double[] {0.5}, g);
        r.gradient(new double[] {0.25}, g);   // the softly held workspace is reused
        assertTrue(Workspace.strongCapacity() <= Workspace.STRONG_NODES, "strong capacity " + Workspace.strongCapacity());
    }
}
