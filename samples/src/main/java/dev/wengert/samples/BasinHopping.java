package dev.wengert.samples;

import dev.wengert.ad.Objective;
import dev.wengert.ad.optim.Lbfgs;
import dev.wengert.ad.optim.OptimizationHistory;
import dev.wengert.ad.optim.ProductOfSpheres;
import dev.wengert.ad.optim.StoppingCriteria;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * One basin-hopping chain for the Thomson problem (Wales and Doye 1997): from a local minimum, perturb
 * the points, minimise locally, and move to the new minimum if it is lower or, with the Metropolis
 * probability exp(-(E_new - E) / T), if it is higher; stop after {@code patience} rounds without a new
 * lowest energy. With patience 0 it is one plain local minimisation (a multistart start).
 *
 * <p>Two moves, chosen at random: rotate a random spherical cap of points about its axis (it moves a
 * group of points, and the defects between them, together), or put one random point somewhere new.
 * Everything random comes from the chain's own generator, so a chain gives the same minima whichever
 * thread runs it.
 */
final class BasinHopping {

    /** Local minima are taken to |grad| below this; the energy is then exact to ~1e-14 relative. */
    static final double LOCAL_TOLERANCE = 1e-7;

    /** A new lowest energy must beat the old by this much relative, or it is the same minimum. */
    static final double SAME_MINIMUM = 1e-12;

    /** The lowest energy seen and when (seconds since the search started) it was found. */
    record Improvement(double seconds, double energy) {}

    /** The chain's lowest minimum, its history of new lows, and the work done. */
    record Outcome(int start, double energy, double[] x, List<Improvement> improvements, int rounds,
                   int localMinimisations) {

        double secondsToBest() {
            return improvements.get(improvements.size() - 1).seconds();
        }
    }

    private final Objective energy;
    private final int points;
    private final int patience;
    private final double temperature;
    private final LongSupplier elapsedNanos;
    private final long deadlineNanos;

    /**
     * @param energy       E(x), used by this chain only (objectives need not be thread-safe)
     * @param points       N
     * @param patience     rounds without a new lowest energy before the chain stops; 0 = no hops
     * @param temperature  Metropolis temperature in energy units
     * @param elapsedNanos the search's clock
     * @param deadlineNanos the chain also stops once the clock passes this
     */
    BasinHopping(Objective energy, int points, int patience, double temperature, LongSupplier elapsedNanos,
                 long deadlineNanos) {
        this.energy = energy;
        this.points = points;
        this.patience = patience;
        this.temperature = temperature;
        this.elapsedNanos = elapsedNanos;
        this.deadlineNanos = deadlineNanos;
    }

    Outcome run(int start, double[] x0, SplittableRandom random) {
        double[] current = localMinimum(x0);
        double currentEnergy = energy.value(current);
        double[] best = current;
        double bestEnergy = currentEnergy;
        List<Improvement> improvements = new ArrayList<>();
        improvements.add(new Improvement(seconds(), bestEnergy));
        int minimisations = 1;
        int rounds = 0;
        for (int idle = 0; idle < patience && elapsedNanos.getAsLong() < deadlineNanos; idle++) {
            double[] trial = localMinimum(perturb(current, random));
            double trialEnergy = energy.value(trial);
            minimisations++;
            rounds++;
            if (trialEnergy < currentEnergy
                    || random.nextDouble() < Math.exp(-(trialEnergy - currentEnergy) / temperature)) {
                current = trial;
                currentEnergy = trialEnergy;
            }
            if (currentEnergy < bestEnergy - SAME_MINIMUM * Math.abs(bestEnergy)) {
                best = current;
                bestEnergy = currentEnergy;
                improvements.add(new Improvement(seconds(), bestEnergy));
                idle = -1;
            }
        }
        return new Outcome(start, bestEnergy, best, List.copyOf(improvements), rounds, minimisations);
    }

    private double seconds() {
        return elapsedNanos.getAsLong() * 1e-9;
    }

    private double[] localMinimum(double[] x0) {
        OptimizationHistory h = new Lbfgs().onManifold(ProductOfSpheres.of(points, 3))
                .withStopping(StoppingCriteria.gradientBelow(LOCAL_TOLERANCE).withMaxIterations(iterationLimit(points)))
                .minimize(energy, x0);
        return h.solution();
    }

    /** The iteration limit of one local minimisation: L-BFGS needs a few times N iterations from a random start. */
    static int iterationLimit(int points) {
        return (int) Math.min(Integer.MAX_VALUE, 20L * points + 200);
    }

    /** A cap rotation or a relocated point, chosen with equal probability. */
    double[] perturb(double[] x, SplittableRandom random) {
        double[] y = x.clone();
        double[] axis = randomUnitVector(random);
        if (random.nextBoolean()) {
            // The cap holds points within angle theta of the axis: between a few points and half of them.
            double cosTheta = 1 - random.nextDouble(0.1, 1.0);
            double angle = random.nextDouble(0.2, Math.PI);
            for (int k = 0; k < points; k++) {
                if (dot(axis, y, k) > cosTheta) {
                    rotate(y, k, axis, angle);
                }
            }
        } else {
            int k = random.nextInt(points);
            double[] p = randomUnitVector(random);
            System.arraycopy(p, 0, y, 3 * k, 3);
        }
        return y;
    }

    static double[] randomUnitVector(SplittableRandom random) {
        double a;
        double b;
        double c;
        double len;
        do {
            a = gaussian(random);
            b = gaussian(random);
            c = gaussian(random);
            len = Math.sqrt(a * a + b * b + c * c);
        } while (len < 1e-12);
        return new double[] {a / len, b / len, c / len};
    }

    /** A standard normal deviate (Box-Muller), drawn from the chain's own generator. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();   // in (0, 1]: the log is finite
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double dot(double[] u, double[] x, int k) {
        return u[0] * x[3 * k] + u[1] * x[3 * k + 1] + u[2] * x[3 * k + 2];
    }

    /** Rotates point k by angle about the unit axis u (Rodrigues' formula). */
    private static void rotate(double[] x, int k, double[] u, double angle) {
        double px = x[3 * k];
        double py = x[3 * k + 1];
        double pz = x[3 * k + 2];
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double d = (u[0] * px + u[1] * py + u[2] * pz) * (1 - c);
        x[3 * k] = px * c + (u[1] * pz - u[2] * py) * s + u[0] * d;
        x[3 * k + 1] = py * c + (u[2] * px - u[0] * pz) * s + u[1] * d;
        x[3 * k + 2] = pz * c + (u[0] * py - u[1] * px) * s + u[2] * d;
    }
}
