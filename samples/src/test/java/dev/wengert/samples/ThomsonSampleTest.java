package dev.wengert.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Objective;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ThomsonSampleTest {

    @Test
    void knownMinimaComeFromTheBundledTable() {
        assertEquals(0.5, KnownMinima.energy(2).getAsDouble(), 0.0);
        assertEquals(40.596450508191, KnownMinima.energy(11).getAsDouble(), 0.0);   // the re-minimised value
        assertEquals(OptionalDouble.empty(), KnownMinima.energy(21));
    }

    @Test
    void tapeEnergyMatchesTheClosedFormForTheOctahedron() {
        double[] x = {1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1};
        Objective e = Derivatives.record(ThomsonProblem::energy, x);
        assertEquals(12 / Math.sqrt(2) + 1.5, e.value(x), 1e-14);
    }

    @Test
    void blockNewtonNeverRaisesTheEnergyAndConverges() {
        int n = 9;
        double[] x0 = ThomsonProblem.randomStart(n, 4);
        Objective e = Derivatives.record(ThomsonProblem::energy, x0);
        Trace t = new BlockNewton(e, 5000, 1e-10).run(x0, s -> { });
        for (int i = 1; i < t.values().length; i++) {
            assertTrue(t.values()[i] <= t.values()[i - 1] * (1 + 1e-13), "energy rose at sweep " + i);
        }
        assertEquals("GRADIENT_TOLERANCE", t.stopReason());
        assertEquals(KnownMinima.energy(n).getAsDouble(), t.finalValue(), 1e-9 * t.finalValue());
    }
}
