package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Var;
import org.junit.jupiter.api.Test;

/** The optimisers on a tape recording behave as on the hand-written objective: same iterates, same answer. */
class TapeObjectiveTest {

    private static Var energy(Var[] x) {
        int n = x.length / 3;
        Var[] terms = new Var[n * (n - 1) / 2];
        int t = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                terms[t++] = Var.norm(x[3 * i].minus(x[3 * j]), x[3 * i + 1].minus(x[3 * j + 1]),
                        x[3 * i + 2].minus(x[3 * j + 2])).reciprocal();
            }
        }
        return Var.sum(terms);
    }

    @Test
    void riemannianNewtonOnTheTapeFollowsTheHandWrittenRun() {
        int n = 12;
        double[] x0 = ThomsonEnergy.randomStart(n, 1);
        Objective tape = Derivatives.record(TapeObjectiveTest::energy, x0);
        NewtonCg newton = new NewtonCg().onManifold(ProductOfSpheres.of(n, 3))
                .withStopping(StoppingCriteria.gradientBelow(1e-10));
        OptimizationHistory onTape = newton.minimize(tape, x0);
        OptimizationHistory byHand = newton.minimize(new ThomsonEnergy(n), x0);
        assertTrue(onTape.converged());
        assertEquals(49.165253058, onTape.last().value(), 1e-9);
        assertEquals(byHand.last().value(), onTape.last().value(), 1e-12);
        // Rounding differs between the two, so the paths may part late; they must agree early on.
        for (int i = 0; i < 5; i++) {
            assertEquals(byHand.iterations().get(i).value(), onTape.iterations().get(i).value(), 1e-9);
        }
    }

    @Test
    void lbfgsOnTheTapeSolvesRosenbrock() {
        Objective f = Derivatives.record(x -> Var.sum(x[1].minus(x[0].square()).square().times(100.0),
                Var.minus(1.0, x[0]).square()), -1.2, 1.0);
        OptimizationHistory h = new Lbfgs().withStopping(StoppingCriteria.gradientBelow(1e-8).withMaxIterations(100))
                .minimize(f, new double[] {-1.2, 1.0});
        assertTrue(h.converged());
        assertEquals(1.0, h.solution()[0], 1e-8);
    }
}
