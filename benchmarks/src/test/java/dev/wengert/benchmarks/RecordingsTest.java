package dev.wengert.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wengert.ad.Recording;
import dev.wengert.ad.workloads.ThomsonWorkload;
import org.junit.jupiter.api.Test;

/** The reused-recording benchmarks evaluate away from the recording point, so every call replays the tape. */
class RecordingsTest {

    @Test
    void recordingNearXReplaysAtX() {
        double[] x = ThomsonWorkload.points(12);
        Recording r = Recordings.recordNear(ThomsonWorkload::energy, x);
        double atX = r.value(x);
        // A replay at x gives the plain value at x; the recorded value (at the nearby point) would differ.
        assertEquals(ThomsonWorkload.value(x), atX, 1e-12 * atX);
        double[] near = new double[x.length];
        for (int i = 0; i < x.length; i++) near[i] = x[i] * (1 + 1e-6);
        assertNotEquals(atX, r.value(near));
        assertEquals(ThomsonWorkload.value(near), r.value(near), 1e-12 * atX);
    }
}
