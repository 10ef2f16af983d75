package dev.wengert.ad.optim;

import java.util.function.Consumer;

/**
 * The settings every optimiser shares (stopping criteria, manifold, listener) and their immutable
 * {@code with...} methods, written once. {@code O} is the concrete optimiser, so that a chain such as
 * {@code new Lbfgs().withStopping(s).withMemory(5)} keeps its type; a caller holding only an
 * {@link Optimizer} gets the same methods from that interface.
 *
 * <pre>{@code
 * Lbfgs lbfgs = new Lbfgs().onManifold(ProductOfSpheres.of(n, 3)).withMemory(20);
 * }</pre>
 *
 * @param <O> the concrete optimiser type
 */
public abstract class ConfiguredOptimizer<O extends ConfiguredOptimizer<O>> implements Optimizer {

    private final Settings settings;

    /** Package-private: the optimisers of this package are the only subclasses. */
    ConfiguredOptimizer(Settings settings) {
        this.settings = settings;
    }

    /** The settings of this optimiser. */
    final Settings settings() {
        return settings;
    }

    /** A copy of this optimiser, its own parameters kept, with other shared settings. */
    abstract O withSettings(Settings settings);

    @Override
    public final O withStopping(StoppingCriteria stopping) {
        return withSettings(settings.withStopping(stopping));
    }

    @Override
    public final O onManifold(Manifold manifold) {
        return withSettings(settings.withManifold(manifold));
    }

    @Override
    public final O withListener(Consumer<Iteration> listener) {
        return withSettings(settings.withListener(listener));
    }
}
