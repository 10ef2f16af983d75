package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/**
 * Gradient steps with a fixed learning rate and heavy-ball momentum, with the update of PyTorch's
 * {@code torch.optim.SGD}: v = mu v + g, x = x - lr v. No line search, one gradient per iteration;
 * "stochastic" only when the objective's gradient is (here it is usually exact, as in the seed
 * article's comparison with L-BFGS). On a manifold the step is retracted and the velocity is
 * projected onto each new tangent space.
 *
 * <pre>{@code
 * OptimizationHistory h = new MomentumSgd(0.1, 0.0)
 *         .withStopping(StoppingCriteria.defaults().withMaxIterations(40))
 *         .minimize(f, new double[] {2.5, -2.0});
 * }</pre>
 */
public final class MomentumSgd extends ConfiguredOptimizer<MomentumSgd> {

    private final double learningRate;
    private final double momentum;

    /**
     * Heavy-ball gradient descent with a fixed step.
     *
     * @param learningRate step size lr &gt; 0
     * @param momentum mu in [0, 1); 0 is plain gradient descent with a fixed step
     */
    public MomentumSgd(double learningRate, double momentum) {
        this(Settings.defaults(), learningRate, momentum);
    }

    private MomentumSgd(Settings settings, double learningRate, double momentum) {
        super(settings);
        if (!(learningRate > 0.0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(momentum >= 0.0 && momentum < 1.0)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    MomentumSgd withSettings(Settings settings) {
        return new MomentumSgd(settings, learningRate, momentum);
    }

    @Override
    public OptimizationHistory minimize(Objective f, double[] x0) {
        Problem problem = settings().problem(f, x0);
        Manifold manifold = settings().manifold();
        int n = problem.dimension();
        Problem.Point p = problem.start(x0);
        StopReason reason = problem.recordStart(p);
        double[] velocity = new double[n];
        while (reason == null) {
            for (int i = 0; i < n; i++) {
                velocity[i] = momentum * velocity[i] + p.gradient()[i];
            }
            double[] x = new double[n];
            manifold.retract(p.x(), velocity, -learningRate, x);
            Problem.Point next = problem.evaluate(x);
            if (!manifold.isEuclidean()) {
                manifold.project(next.x(), velocity, velocity);
            }
            // Without a line search the step is lr v whatever v is; once the first-order decrease it
            // promises is below f's noise, the step follows the noise in the gradient.
            boolean withinNoise = learningRate * Math.abs(Vectors.dot(p.gradient(), velocity)) <= problem.noise(p);
            reason = problem.record(p, next, withinNoise);
            p = next;
        }
        return problem.finish(reason);
    }
}
