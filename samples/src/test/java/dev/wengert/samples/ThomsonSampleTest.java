package dev.wengert.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Objective;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThomsonSampleTest {

    @Test
    void everyNFromTwoToOneHundredFiftyIsTabulated() {
        for (int n = 2; n <= 150; n++) {
            assertTrue(KnownMinima.energy(n).isPresent(), "N = " + n);
        }
    }

    @Test
    void knownMinimaComeFromTheBundledTable() {
        assertEquals(0.5, KnownMinima.energy(2).getAsDouble(), 0.0);
        assertEquals(40.596450508191, KnownMinima.energy(11).getAsDouble(), 0.0);   // the re-minimised value
        assertEquals(OptionalDouble.empty(), KnownMinima.energy(151));
    }

    @Test
    void generatedDerivativesAgreeWithTheTape() {
        double[] x = ThomsonProblem.randomStart(7, 2);
        double[] v = ThomsonProblem.randomStart(7, 3);
        Objective tape = ThomsonCommand.Backend.TAPE.energy(x);
        Objective generated = ThomsonCommand.Backend.GENERATED.energy(x);
        double[] g1 = new double[x.length];
        double[] g2 = new double[x.length];
        double[] hv1 = new double[x.length];
        double[] hv2 = new double[x.length];
        // Both sum the same 21 pair terms in a different order: agreement to a few ulps.
        assertEquals(tape.gradient(x, g1), generated.gradient(x, g2), 1e-13);
        tape.hessianVector(x, v, hv1);
        generated.hessianVector(x, v, hv2);
        for (int i = 0; i < x.length; i++) {
            assertEquals(g1[i], g2[i], 1e-12 * (1 + Math.abs(g1[i])), "g[" + i + "]");
            assertEquals(hv1[i], hv2[i], 1e-12 * (1 + Math.abs(hv1[i])), "Hv[" + i + "]");
        }
    }

    @Test
    void tapeEnergyMatchesTheClosedFormForTheOctahedron() {
        double[] x = {1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1};
        Objective e = Derivatives.record(ThomsonProblem::energy, x);
        assertEquals(12 / Math.sqrt(2) + 1.5, e.value(x), 1e-14);
    }

    @ParameterizedTest
    @EnumSource(ThomsonCommand.Backend.class)
    void blockNewtonNeverRaisesTheEnergyAndConverges(ThomsonCommand.Backend backend) {
        int n = 9;
        double[] x0 = ThomsonProblem.randomStart(n, 4);
        Objective e = backend.energy(x0);
        Trace t = new BlockNewton(e, backend::pointEnergy, 5000, 1e-10, BlockNewton.Subproblem.DENSE)
                .run(x0, s -> { });
        for (int i = 1; i < t.values().length; i++) {
            assertTrue(t.values()[i] <= t.values()[i - 1] * (1 + 1e-13), "energy rose at sweep " + i);
        }
        assertEquals("GRADIENT_TOLERANCE", t.stopReason());
        assertEquals(KnownMinima.energy(n).getAsDouble(), t.finalValue(), 1e-9 * t.finalValue());
    }

    @Test
    void blockNewtonWithTheSubspaceSolverTakesTheSameSweeps() {
        // The two solvers minimise the same 3-D model; with the subspace at 1e-12 the sweeps may part only
        // by rounding, so the runs end at the same minimum after the same number of sweeps, give or take one.
        int n = 9;
        double[] x0 = ThomsonProblem.randomStart(n, 4);
        ThomsonCommand.Backend backend = ThomsonCommand.Backend.TAPE;
        Objective e = backend.energy(x0);
        Trace dense = new BlockNewton(e, backend::pointEnergy, 5000, 1e-10, BlockNewton.Subproblem.DENSE)
                .run(x0, s -> { });
        Trace subspace = new BlockNewton(e, backend::pointEnergy, 5000, 1e-10, BlockNewton.Subproblem.SUBSPACE)
                .run(x0, s -> { });
        assertEquals("GRADIENT_TOLERANCE", subspace.stopReason());
        assertEquals(dense.finalValue(), subspace.finalValue(), 1e-12 * dense.finalValue());
        assertTrue(Math.abs(dense.values().length - subspace.values().length) <= 1,
                dense.values().length + " vs " + subspace.values().length + " sweeps");
        for (int i = 1; i < Math.min(6, subspace.values().length); i++) {
            assertEquals(dense.values()[i], subspace.values()[i], 1e-10 * dense.values()[i], "sweep " + i);
        }
    }
}
