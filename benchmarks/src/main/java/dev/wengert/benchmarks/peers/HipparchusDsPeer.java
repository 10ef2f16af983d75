package dev.wengert.benchmarks.peers;

import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DSCompiler;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The workloads on Hipparchus {@link DerivativeStructure} (the successor of Commons Math's), forward
 * mode with all n inputs free: order 1 gives value and gradient, order 2 the dense Hessian. The same
 * cost model as {@link CommonsMathPeer}: every operation allocates and computes a structure of
 * {@code C(n + order, order)} doubles. Variables come from a {@link DSFactory} built once; derivatives
 * are read through index tables built once.
 *
 * <pre>{@code
 * HipparchusDsPeer peer = new HipparchusDsPeer(x.length, 2);
 * peer.hessian(HipparchusDsPeer::thomson, x, h);
 * }</pre>
 */
public final class HipparchusDsPeer {
    private final int n;
    private final DSFactory factory;
    private final int[] gradientIndex;
    private final int[] hessianIndex;

    /** A peer for functions of n inputs, differentiated to {@code order} (1: gradient, 2: also Hessian). */
    public HipparchusDsPeer(int n, int order) {
        if (order < 1 || order > 2) throw new IllegalArgumentException("order must be 1 or 2, got " + order);
        this.n = n;
        this.factory = new DSFactory(n, order);
        DSCompiler compiler = factory.getCompiler();
        int[] orders = new int[n];
        gradientIndex = new int[n];
        for (int i = 0; i < n; i++) {
            orders[i] = 1;
            gradientIndex[i] = compiler.getPartialDerivativeIndex(orders);
            orders[i] = 0;
        }
        hessianIndex = order < 2 ? null : new int[n * n];
        if (hessianIndex != null) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    orders[i]++;
                    orders[j]++;
                    hessianIndex[i * n + j] = compiler.getPartialDerivativeIndex(orders);
                    orders[i] = 0;
                    orders[j] = 0;
                }
            }
        }
    }

    /** Writes the gradient of f at x into g and returns f(x). */
    public double gradient(Function<DerivativeStructure[], DerivativeStructure> f, double[] x, double[] g) {
        double[] all = f.apply(variables(x)).getAllDerivatives();
        for (int i = 0; i < n; i++) g[i] = all[gradientIndex[i]];
        return all[0];
    }

    /** Writes the dense Hessian of f at x, row-major, into h (needs order 2). */
    public void hessian(Function<DerivativeStructure[], DerivativeStructure> f, double[] x, double[] h) {
        if (hessianIndex == null) throw new IllegalStateException("a Hessian needs order 2, this peer has order 1");
        double[] all = f.apply(variables(x)).getAllDerivatives();
        for (int k = 0; k < h.length; k++) h[k] = all[hessianIndex[k]];
    }

    private DerivativeStructure[] variables(double[] x) {
        DerivativeStructure[] v = new DerivativeStructure[n];
        for (int i = 0; i < n; i++) v[i] = factory.variable(i, x[i]);
        return v;
    }

    /** The Thomson energy, {@code sum_{i<j} 1 / |p_i - p_j|}. */
    public static DerivativeStructure thomson(DerivativeStructure[] x) {
        int points = x.length / 3;
        DerivativeStructure e = x[0].getField().getZero();
        for (int i = 0; i < points; i++) {
            for (int j = i + 1; j < points; j++) {
                DerivativeStructure dx = x[3 * i].subtract(x[3 * j]);
                DerivativeStructure dy = x[3 * i + 1].subtract(x[3 * j + 1]);
                DerivativeStructure dz = x[3 * i + 2].subtract(x[3 * j + 2]);
                DerivativeStructure r2 = dx.square().add(dy.square()).add(dz.square());
                e = e.add(r2.sqrt().reciprocal());
            }
        }
        return e;
    }

    /** The extended Rosenbrock function, {@code sum_k 100 (x[2k+1] - x[2k]^2)^2 + (1 - x[2k])^2}. */
    public static DerivativeStructure rosenbrock(DerivativeStructure[] x) {
        DerivativeStructure f = x[0].getField().getZero();
        for (int i = 0; i < x.length; i += 2) {
            DerivativeStructure t = x[i + 1].subtract(x[i].square());
            DerivativeStructure s = x[i].negate().add(1.0);
            f = f.add(t.square().multiply(100.0)).add(s.square());
        }
        return f;
    }
}
