package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StrongWolfeLineSearchTest {

    /** phi(a) = (a - 3)^4 / 4 - 2a along a direction of slope phi'(0) = -29. */
    private static StrongWolfeLineSearch.Trial<Void> phi(double a) {
        double t = a - 3.0;
        return new StrongWolfeLineSearch.Trial<>(a, t * t * t * t / 4.0 - 2.0 * a, t * t * t - 2.0, null);
    }

    @Test
    void acceptedStepSatisfiesBothStrongWolfeConditions() {
        StrongWolfeLineSearch search = new StrongWolfeLineSearch(1e-4, 0.1, 40, 0.0);
        for (double initial : new double[] {1e-3, 0.5, 1.0, 10.0, 1e3}) {
            StrongWolfeLineSearch.Trial<Void> zero = phi(0.0);
            StrongWolfeLineSearch.Result<Void> r = search.search(StrongWolfeLineSearchTest::phi, zero, initial);
            double a = r.point().alpha();
            assertTrue(r.wolfe(), "initial " + initial);
            assertTrue(r.point().value() <= zero.value() + 1e-4 * a * zero.slope(), "decrease, initial " + initial);
            assertTrue(Math.abs(r.point().slope()) <= 0.1 * Math.abs(zero.slope()), "curvature, initial " + initial);
        }
    }

    @Test
    void rejectsAnAscentDirection() {
        StrongWolfeLineSearch search = StrongWolfeLineSearch.forQuasiNewton();
        StrongWolfeLineSearch.Trial<Void> up = new StrongWolfeLineSearch.Trial<>(0.0, 1.0, 2.0, null);
        assertThrows(IllegalArgumentException.class, () -> search.search(StrongWolfeLineSearchTest::phi, up, 1.0));
    }

    @Test
    void rejectsInconsistentConstants() {
        assertThrows(IllegalArgumentException.class, () -> new StrongWolfeLineSearch(0.5, 0.1, 10, 0.0));
    }

    @Test
    void aNoiseLevelOnlyWidensAndNeverSwitchesTheApproximateTestOn() {
        StrongWolfeLineSearch search = StrongWolfeLineSearch.forQuasiNewton();
        assertSame(search, search.withNoiseAtLeast(0.0));
        assertSame(search, search.withNoiseAtLeast(search.noise() / 2));
        StrongWolfeLineSearch wider = search.withNoiseAtLeast(1e-10);
        assertEquals(1e-10, wider.noise());
        assertEquals(search.c1(), wider.c1());
        assertEquals(search.c2(), wider.c2());
        assertEquals(search.maxEvaluations(), wider.maxEvaluations());
        StrongWolfeLineSearch off = new StrongWolfeLineSearch(1e-4, 0.9, 40, 0.0);
        assertSame(off, off.withNoiseAtLeast(1e-10));
    }

    @Test
    void aHandedFirstTrialIsNotEvaluatedAgainAndGivesTheSameSearch() {
        // phi at 1 fails the curvature test (phi'(1) = -10 against 0.1 * 29), so the search goes on from it.
        StrongWolfeLineSearch search = new StrongWolfeLineSearch(1e-4, 0.1, 40, 0.0);
        java.util.List<Double> evaluated = new java.util.ArrayList<>();
        StrongWolfeLineSearch.Line<Void> line = a -> {
            evaluated.add(a);
            return phi(a);
        };
        StrongWolfeLineSearch.Result<Void> plain = search.search(line, phi(0.0), 1.0);
        java.util.List<Double> plainTrials = java.util.List.copyOf(evaluated);
        evaluated.clear();
        StrongWolfeLineSearch.Result<Void> handed = search.searchFrom(line, phi(0.0), phi(1.0));
        assertEquals(plainTrials.subList(1, plainTrials.size()), evaluated);
        assertEquals(plain.point().alpha(), handed.point().alpha());
        assertEquals(plain.evaluations(), handed.evaluations());
        assertTrue(plain.evaluations() > 2, "the example must need more than two trials");
    }

    @Test
    void aBudgetOfTwoReturnsTheBetterAcceptablePointAfterOneMoreTrial() {
        StrongWolfeLineSearch search = new StrongWolfeLineSearch(1e-4, 0.1, 40, 0.0).withMaxEvaluations(2);
        StrongWolfeLineSearch.Result<Void> r = search.searchFrom(StrongWolfeLineSearchTest::phi, phi(0.0), phi(1.0));
        assertEquals(2, r.evaluations());
        assertTrue(r.moved());
        assertTrue(r.point().value() <= phi(1.0).value(), "kept the lower of the two trials: " + r.point());
    }
}
