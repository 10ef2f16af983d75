package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.NonFiniteException;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partial that is infinite at the point (sqrt at 0, a division by 0) times a zero adjoint or tangent
 * is zero in generated code, as on the tape: a value that only feeds a comparison, or a branch not
 * taken, or a direction that does not move it, never turns a finite derivative into NaN.
 */
class ZeroSafeProductTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;

            public class Kinks {
                /** The finite-element shape: s is only compared on the branch taken at the origin. */
                @Differentiate
                public static double comparedRoot(double[] x) {
                    double t = x[0] * x[0] + x[1] * x[1];
                    double s = Math.sqrt(t);
                    if (s <= 1) return t;
                    return 2 * s - 1;
                }

                /** A root scaled by a variable that is zero at the point. */
                @Differentiate
                public static double scaledRoot(double[] x) {
                    return x[2] * Math.sqrt(x[0] * x[0] + x[1] * x[1]);
                }

                /** A loop whose adjoint of the root is exactly 0 at i = 2 (x[i] - x[2] = 0), but not its tangent. */
                @Differentiate
                public static double aliasedRoot(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        double r = x[2] * Math.exp(Math.sqrt(x[1]) * (x[i] - x[2]));
                        s -= r * r;
                    }
                    return s;
                }

                /** A quotient computed before the guard that excludes its zero denominator. */
                @Differentiate
                public static double guardedQuotient(double[] x) {
                    double q = x[0] / x[1];
                    if (x[1] == 0) return x[0] * x[0];
                    return q;
                }
            }
            """;

    private static InProcessCompiler.Result compiled;

    @BeforeAll
    static void compile() {
        compiled = Generated.compile("Kinks", SOURCE);
    }

    @Test
    void rootOnlyComparedOnTheTakenBranchHasTheTapesDerivatives() {
        Objective f = compiled.objective("p.KinksComparedRootDerivatives");
        double[] x = {0, 0};
        double[] g = new double[2];
        double[] hv = new double[2];
        f.gradient(x, g);
        f.hessianVector(x, new double[] {1, 0}, hv);
        assertArrayEquals(new double[] {0, 0}, g);
        assertArrayEquals(new double[] {2, 0}, hv);
        double[] h = new double[4];
        f.hessian(x, h);
        assertArrayEquals(new double[] {2, 0, 0, 2}, h);

        Recording tape = Tape.record(v -> {
            Var t = v[0].square().plus(v[1].square());
            Var s = t.sqrt();
            return s.le(1) ? t : s.times(2).minus(1);
        }, x);
        double[] gTape = new double[2];
        double[] hvTape = new double[2];
        tape.gradientAndHessianVector(x, new double[] {1, 0}, gTape, hvTape);
        assertArrayEquals(gTape, g);
        assertArrayEquals(hvTape, hv);
    }

    @Test
    void rootTimesAZeroVariableHasZeroGradientAtTheOrigin() {
        Objective f = compiled.objective("p.KinksScaledRootDerivatives");
        double[] x = {0, 0, 0};
        double[] g = new double[3];
        f.gradient(x, g);
        assertArrayEquals(new double[] {0, 0, 0}, g);
        // H v along x2 is x0 / |x| at the origin: undefined, and reported so by both engines
        Recording tape = Tape.record(v -> v[2].times(v[0].square().plus(v[1].square()).sqrt()), x);
        double[] hvTape = new double[3];
        assertThrows(NonFiniteException.class, () -> tape.hessianVector(x, new double[] {0, 0, 1}, hvTape));
        double[] hv = new double[3];
        try {
            f.hessianVector(x, new double[] {0, 0, 1}, hv);
            assertTrue(Double.isNaN(hv[0]), "generated H v at the origin: " + java.util.Arrays.toString(hv));
        } catch (NonFiniteException reported) {
            // the Objective contract: a non-finite result is reported, as the tape does
        }

        double[] gTape = new double[3];
        Tape.record(v -> v[2].times(v[0].square().plus(v[1].square()).sqrt()), x).gradient(x, gTape);
        assertArrayEquals(gTape, g);
    }

    @Test
    void aZeroAdjointStillPassesOnItsTangent() {
        // at x2 = 0 the root's adjoint is 0, but d/dx2 of it is not: H v must keep p * (adjoint)'
        Objective f = compiled.objective("p.KinksScaledRootDerivatives");
        double[] x = {1, 1, 0};
        double[] hv = new double[3];
        f.hessianVector(x, new double[] {0, 0, 1}, hv);
        double r = Math.sqrt(2);
        assertArrayEquals(new double[] {1 / r, 1 / r, 0}, hv, 1e-15);
        double[] h = new double[9];
        f.hessian(x, h);
        double[] hTape = new double[9];
        Tape.record(v -> v[2].times(v[0].square().plus(v[1].square()).sqrt()), x).hessian(x, hTape);
        assertArrayEquals(hTape, h, 1e-15);
    }

    @Test
    void localHessianAgreesWithTheTapeWhereAnAdjointVanishesAtOneIteration() {
        Objective f = compiled.objective("p.KinksAliasedRootDerivatives");
        double[] x = {0.7268014489773047, 0.1994027408268617, 0.21596256011856174, -0.7043399695996697};
        double[] h = new double[16];
        f.hessian(x, h);
        double[] hTape = new double[16];
        Tape.record(v -> {
            Var s = v[0].tape().constant(0);
            for (Var vi : v) {
                Var r = v[2].times(v[1].sqrt().times(vi.minus(v[2])).exp());
                s = s.minus(r.square());
            }
            return s;
        }, x).hessian(x, hTape);
        for (int k = 0; k < 16; k++) {
            assertEquals(hTape[k], h[k], 1e-13 * Math.max(1, Math.abs(hTape[k])), "entry " + k);
        }
    }

    @Test
    void quotientBeforeItsGuardDoesNotPoisonTheGuardedBranch() {
        Objective f = compiled.objective("p.KinksGuardedQuotientDerivatives");
        double[] x = {3, 0};
        double[] g = new double[2];
        assertEquals(9, f.gradient(x, g));
        assertArrayEquals(new double[] {6, 0}, g);
        double[] hv = new double[2];
        f.hessianVector(x, new double[] {1, 1}, hv);
        assertArrayEquals(new double[] {2, 0}, hv);
    }
}
