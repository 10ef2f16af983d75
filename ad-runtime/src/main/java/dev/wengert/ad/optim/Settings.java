package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;
import java.util.function.Consumer;

/** What every optimiser is configured with; package-private, each optimiser exposes {@code with...} methods. */
record Settings(StoppingCriteria stopping, Manifold manifold, Consumer<Iteration> listener) {

    Settings {
        if (stopping == null || manifold == null) {
            throw new IllegalArgumentException("stopping criteria and manifold must not be null");
        }
    }

    static Settings defaults() {
        return new Settings(StoppingCriteria.defaults(), Euclidean.SPACE, null);
    }

    Settings withStopping(StoppingCriteria s) {
        return new Settings(s, manifold, listener);
    }

    Settings withManifold(Manifold m) {
        return new Settings(stopping, m, listener);
    }

    Settings withListener(Consumer<Iteration> l) {
        return new Settings(stopping, manifold, l);
    }

    Problem problem(Objective f, double[] x0) {
        return new Problem(f, manifold, null, stopping, listener, x0);
    }

    Problem problem(Objective f, Box bounds, double[] x0) {
        return new Problem(f, manifold, bounds, stopping, listener, x0);
    }
}
