package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;
import java.util.function.Consumer;

/**
 * Minimises an {@link Objective} from a starting point and returns the run's history. Implemented
 * by {@link Newton}, {@link NewtonCg}, {@link TrustRegionNewton}, {@link ProjectedNewtonCg}, {@link Lbfgs}, {@link LbfgsB}, {@link GradientDescent} and {@link MomentumSgd};
 * instances are immutable and configured with {@code with...} methods, which return a copy. The
 * settings every optimiser has are here, so code that picks an optimiser configures it once:
 *
 * <pre>{@code
 * Optimizer opt = useNewton ? new NewtonCg() : new Lbfgs().withMemory(20);
 * OptimizationHistory h = opt.withStopping(StoppingCriteria.gradientBelow(1e-10)).minimize(f, x0);
 * }</pre>
 */
public interface Optimizer {

    /**
     * Runs from {@code x0} (moved onto the manifold first, if the optimiser has one).
     *
     * @param f the objective
     * @param x0 the starting point
     * @return every iterate and why the run stopped
     * @throws IllegalArgumentException if x0 is empty, not finite, or does not fit the manifold
     * @throws NonFiniteObjectiveException if f or its gradient is not finite where the run needs it
     */
    OptimizationHistory minimize(Objective f, double[] x0);

    /**
     * A copy of this optimiser with other stopping criteria.
     *
     * @param stopping when to stop
     * @return the new optimiser
     */
    Optimizer withStopping(StoppingCriteria stopping);

    /**
     * A copy of this optimiser that runs on the manifold (Riemannian gradient, retraction).
     *
     * @param manifold the manifold
     * @return the new optimiser
     */
    Optimizer onManifold(Manifold manifold);

    /**
     * A copy of this optimiser that calls {@code listener} with every iterate as it is recorded (for
     * progress output); null for none.
     *
     * @param listener called once per iterate, on the calling thread
     * @return the new optimiser
     */
    Optimizer withListener(Consumer<Iteration> listener);
}
