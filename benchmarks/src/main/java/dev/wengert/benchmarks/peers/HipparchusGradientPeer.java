package dev.wengert.benchmarks.peers;

import java.util.function.Function;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The workloads on Hipparchus {@link Gradient}: first-order forward mode with all n inputs free, a
 * value and a {@code double[n]} of partials per intermediate (no index tables, no order-2
 * bookkeeping, so it is the lean forward-mode peer). A gradient still costs O(n) times f, and every
 * operation allocates an n-sized array. First order only: it has no Hessian.
 *
 * <pre>{@code
 * double f = HipparchusGradientPeer.gradient(HipparchusGradientPeer::rosenbrock, x, g);
 * }</pre>
 */
public final class HipparchusGradientPeer {
    private HipparchusGradientPeer() {
    }

    /** Writes the gradient of f at x into g and returns f(x). */
    public static double gradient(Function<Gradient[], Gradient> f, double[] x, double[] g) {
        int n = x.length;
        Gradient[] v = new Gradient[n];
        for (int i = 0; i < n; i++) v[i] = Gradient.variable(n, i, x[i]);
        Gradient y = f.apply(v);
        for (int i = 0; i < n; i++) g[i] = y.getPartialDerivative(i);
        return y.getValue();
    }

    /** The Thomson energy, {@code sum_{i<j} 1 / |p_i - p_j|}. */
    public static Gradient thomson(Gradient[] x) {
        int points = x.length / 3;
        Gradient e = x[0].getField().getZero();
        for (int i = 0; i < points; i++) {
            for (int j = i + 1; j < points; j++) {
                Gradient dx = x[3 * i].subtract(x[3 * j]);
                Gradient dy = x[3 * i + 1].subtract(x[3 * j + 1]);
                Gradient dz = x[3 * i + 2].subtract(x[3 * j + 2]);
                Gradient r2 = dx.square().add(dy.square()).add(dz.square());
                e = e.add(r2.sqrt().reciprocal());
            }
        }
        return e;
    }

    /** The extended Rosenbrock function, {@code sum_k 100 (x[2k+1] - x[2k]^2)^2 + (1 - x[2k])^2}. */
    public static Gradient rosenbrock(Gradient[] x) {
        Gradient f = x[0].getField().getZero();
        for (int i = 0; i < x.length; i += 2) {
            Gradient t = x[i + 1].subtract(x[i].square());
            Gradient s = x[i].negate().add(1.0);
            f = f.add(t.square().multiply(100.0)).add(s.square());
        }
        return f;
    }
}
