package dev.wengert.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wengert.ad.workloads.Agreement;
import dev.wengert.ad.workloads.RosenbrockWorkload;
import dev.wengert.ad.workloads.ThomsonWorkload;
import dev.wengert.benchmarks.peers.CommonsMathPeer;
import dev.wengert.benchmarks.peers.HipparchusDsPeer;
import dev.wengert.benchmarks.peers.HipparchusGradientPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each Java peer computes the same value, gradient and Hessian as the analytic code, so its
 * benchmark measures the same work (to 1e-12 relative: the peers sum the same terms in another order).
 */
class PeersTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 12})
    void thomsonGradientOfEveryPeerMatchesAnalytic(int points) {
        double[] x = ThomsonWorkload.points(points);
        double[] expected = new double[x.length];
        double e = ThomsonWorkload.gradient(x, expected);

        double[] g = new double[x.length];
        assertEquals(e, new CommonsMathPeer(x.length, 1).gradient(CommonsMathPeer::thomson, x, g), 1e-12 * e);
        Agreement.assertClose(expected, g, 1e-12);

        g = new double[x.length];
        assertEquals(e, new HipparchusDsPeer(x.length, 1).gradient(HipparchusDsPeer::thomson, x, g), 1e-12 * e);
        Agreement.assertClose(expected, g, 1e-12);

        g = new double[x.length];
        assertEquals(e, HipparchusGradientPeer.gradient(HipparchusGradientPeer::thomson, x, g), 1e-12 * e);
        Agreement.assertClose(expected, g, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12})
    void thomsonHessianOfEveryOrderTwoPeerMatchesAnalytic(int points) {
        double[] x = ThomsonWorkload.points(points);
        double[] expected = new double[x.length * x.length];
        ThomsonWorkload.hessian(x, expected);

        double[] h = new double[expected.length];
        new CommonsMathPeer(x.length, 2).hessian(CommonsMathPeer::thomson, x, h);
        Agreement.assertClose(expected, h, 1e-12);

        h = new double[expected.length];
        new HipparchusDsPeer(x.length, 2).hessian(HipparchusDsPeer::thomson, x, h);
        Agreement.assertClose(expected, h, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 100})
    void rosenbrockGradientOfEveryPeerMatchesAnalytic(int n) {
        double[] x = RosenbrockWorkload.perturbedStart(n);
        double[] expected = new double[n];
        double f = RosenbrockWorkload.gradient(x, expected);

        double[] g = new double[n];
        assertEquals(f, new CommonsMathPeer(n, 1).gradient(CommonsMathPeer::rosenbrock, x, g), 1e-12 * f);
        Agreement.assertClose(expected, g, 1e-12);

        g = new double[n];
        assertEquals(f, new HipparchusDsPeer(n, 1).gradient(HipparchusDsPeer::rosenbrock, x, g), 1e-12 * f);
        Agreement.assertClose(expected, g, 1e-12);

        g = new double[n];
        assertEquals(f, HipparchusGradientPeer.gradient(HipparchusGradientPeer::rosenbrock, x, g), 1e-12 * f);
        Agreement.assertClose(expected, g, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 20})
    void rosenbrockHessianOfEveryOrderTwoPeerMatchesAnalytic(int n) {
        double[] x = RosenbrockWorkload.perturbedStart(n);
        double[] expected = new double[n * n];
        RosenbrockWorkload.hessian(x, expected);

        double[] h = new double[n * n];
        new CommonsMathPeer(n, 2).hessian(CommonsMathPeer::rosenbrock, x, h);
        Agreement.assertClose(expected, h, 1e-12);

        h = new double[n * n];
        new HipparchusDsPeer(n, 2).hessian(HipparchusDsPeer::rosenbrock, x, h);
        Agreement.assertClose(expected, h, 1e-12);
    }

    @Test
    void anOrderOnePeerRefusesAHessian() {
        double[] x = RosenbrockWorkload.start(4);
        assertThrows(IllegalStateException.class,
                () -> new CommonsMathPeer(4, 1).hessian(CommonsMathPeer::rosenbrock, x, new double[16]));
        assertThrows(IllegalStateException.class,
                () -> new HipparchusDsPeer(4, 1).hessian(HipparchusDsPeer::rosenbrock, x, new double[16]));
    }
}
