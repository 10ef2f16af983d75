package dev.wengert.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The global search with its defaults, against the table of lowest known energies. */
class ThomsonSearchTest {

    private static ThomsonSearch.Settings defaults(int n, int threads) {
        return new ThomsonSearch.Settings(n, ThomsonSearch.DEFAULT_STARTS, ThomsonSearch.DEFAULT_PATIENCE,
                ThomsonSearch.DEFAULT_TEMPERATURE, ThomsonSearch.DEFAULT_TIME_LIMIT, 1, threads);
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 32, 40, 50})
    void defaultSearchReachesTheLowestKnownEnergy(int n) throws Exception {
        ThomsonSearch.Result r = ThomsonSearch.run(defaults(n, 2), ThomsonCommand.Backend.GENERATED, done -> { });
        double known = KnownMinima.energy(n).getAsDouble();
        // The table has 9 decimals: 1e-9 relative is far above its rounding (5e-10 absolute).
        assertEquals(known, r.best().energy(), 1e-9 * known, "N = " + n);
        assertTrue(r.startsAtBest() >= 1 && r.startsAtBest() <= ThomsonSearch.DEFAULT_STARTS);
        assertTrue(r.secondsToBest() <= r.seconds());
    }

    @Test
    void startsReachTheSameMinimaWhateverTheNumberOfThreads() throws Exception {
        ThomsonSearch.Result one = ThomsonSearch.run(defaults(20, 1), ThomsonCommand.Backend.GENERATED, d -> { });
        ThomsonSearch.Result two = ThomsonSearch.run(defaults(20, 2), ThomsonCommand.Backend.GENERATED, d -> { });
        for (int i = 0; i < ThomsonSearch.DEFAULT_STARTS; i++) {
            BasinHopping.Outcome a = one.outcomes().get(i);
            BasinHopping.Outcome b = two.outcomes().get(i);
            assertEquals(a.energy(), b.energy(), 0.0, "start " + i);
            assertEquals(a.rounds(), b.rounds(), "start " + i);
            assertEquals(a.improvements().size(), b.improvements().size(), "start " + i);
        }
    }

    @Test
    void summaryCountsTheStartsWithinOneBillionthOfTheLowest() {
        List<BasinHopping.Outcome> outcomes = List.of(
                outcome(0, 100.0 + 2e-7, 0.5), outcome(1, 100.0, 2.0), outcome(2, 100.0 + 5e-8, 1.0));
        ThomsonSearch.Result r = ThomsonSearch.summarise(outcomes, 3.0);
        assertEquals(1, r.best().start());
        assertEquals(2, r.startsAtBest());   // starts 1 and 2: 5e-8 is within 1e-9 * 100, 2e-7 is not
        assertEquals(1.0, r.secondsToBest(), 0.0);
    }

    private static BasinHopping.Outcome outcome(int start, double energy, double seconds) {
        return new BasinHopping.Outcome(start, energy, new double[3],
                List.of(new BasinHopping.Improvement(0.0, energy + 1), new BasinHopping.Improvement(seconds, energy)),
                1, 2);
    }
}
