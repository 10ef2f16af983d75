package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Var;
import dev.wengert.ad.workloads.ThomsonEnergy;
import dev.wengert.ad.workloads.ThomsonWorkload;
import org.junit.jupiter.api.Test;

/** The optimisers on a tape recording behave as on the hand-written objective: same iterates, same answer. */
class TapeObjectiveTest {

    @Test
    void riemannianNewtonOnTheTapeFollowsTheHandWrittenRun() {
        int n = 12;
        double[] x0 = ThomsonWorkload.randomStart(n, 1);
        Objective tape = Derivatives.record(ThomsonWorkload::energy, x0);
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
