package dev.wengert.samples;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The global search for the Thomson problem: K independent seeded starts, each a random configuration
 * followed by basin hopping ({@link BasinHopping}; patience 0 makes it plain multistart), run on a fixed
 * thread pool. Start i draws everything from its own generator seeded by (seed, i), so which minima the
 * starts reach does not depend on the number of threads, only the wall times do.
 */
final class ThomsonSearch {

    /** What to run. */
    record Settings(int points, int starts, int patience, double temperature, double timeLimitSeconds, long seed,
                    int threads) {}

    /** The lowest minimum over all starts, how many starts reached it, and the wall times. */
    record Result(BasinHopping.Outcome best, int startsAtBest, double secondsToBest, double seconds,
                  List<BasinHopping.Outcome> outcomes) {}

    /** Starts when {@code --search} is given without {@code --starts}. */
    static final int DEFAULT_STARTS = 4;
    /**
     * Basin-hopping rounds without a new low before a start stops: at temperature 0.05 a chain needs
     * about a hundred rounds to cross from one funnel of the landscape into the next.
     */
    static final int DEFAULT_PATIENCE = 100;
    /**
     * Metropolis temperature: the energy gaps between neighbouring minima at N = 50..150 are 1e-3..1e-1, so
     * a hop up by 0.05 is taken about a third of the time. At 0.01 (hops up by more than 0.02 rarely
     * taken) a chain stays in the funnel it starts in: at N = 126 all four starts settled 0.026 above
     * the lowest known energy, where 0.05 and patience 100 reach it from every start in seconds.
     */
    static final double DEFAULT_TEMPERATURE = 0.05;
    /** Seconds after which every start stops hopping. */
    static final int DEFAULT_TIME_LIMIT = 60;

    /** Relative energy difference within which two starts count as the same minimum. */
    static final double SAME_ENERGY = 1e-9;

    private ThomsonSearch() {}

    /**
     * Runs the search; {@code finished} hears the number of starts done so far (from any thread).
     */
    static Result run(Settings s, ThomsonCommand.Backend backend, IntConsumer finished)
            throws InterruptedException {
        long origin = System.nanoTime();
        long deadline = (long) (s.timeLimitSeconds() * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(s.threads());
        try {
            List<Future<BasinHopping.Outcome>> futures = new ArrayList<>();
            int[] done = {0};
            for (int i = 0; i < s.starts(); i++) {
                int start = i;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(s.seed() * 1_000_003L + start);
                    double[] x0 = randomStart(s.points(), random);
                    BasinHopping chain = new BasinHopping(backend.energy(x0), s.points(), s.patience(),
                            s.temperature(), () -> System.nanoTime() - origin, deadline);
                    BasinHopping.Outcome o = chain.run(start, x0, random);
                    synchronized (done) {
                        finished.accept(++done[0]);
                    }
                    return o;
                }));
            }
            List<BasinHopping.Outcome> outcomes = new ArrayList<>();
            for (Future<BasinHopping.Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return summarise(outcomes, (System.nanoTime() - origin) * 1e-9);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The lowest outcome (the first start among equals), and who else reached it to {@link #SAME_ENERGY}. */
    static Result summarise(List<BasinHopping.Outcome> outcomes, double seconds) {
        BasinHopping.Outcome best = outcomes.stream()
                .min(Comparator.comparingDouble(BasinHopping.Outcome::energy)
                        .thenComparingInt(BasinHopping.Outcome::start))
                .orElseThrow();
        double tolerance = SAME_ENERGY * Math.abs(best.energy());
        int reached = 0;
        double firstTime = Double.POSITIVE_INFINITY;
        for (BasinHopping.Outcome o : outcomes) {
            if (o.energy() <= best.energy() + tolerance) {
                reached++;
                for (BasinHopping.Improvement imp : o.improvements()) {
                    if (imp.energy() <= best.energy() + tolerance) {
                        firstTime = Math.min(firstTime, imp.seconds());
                        break;
                    }
                }
            }
        }
        return new Result(best, reached, firstTime, seconds, List.copyOf(outcomes));
    }

    /** N points uniformly on the sphere, from the start's own generator. */
    static double[] randomStart(int points, SplittableRandom random) {
        double[] x = new double[3 * points];
        for (int k = 0; k < points; k++) {
            System.arraycopy(BasinHopping.randomUnitVector(random), 0, x, 3 * k, 3);
        }
        return x;
    }
}
