package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        double[] hv = new double[3];
        f.hessianVector(x, new double[] {0, 0, 1}, hv);
        assertArrayEquals(new double[] {0, 0, 0}, hv);

        double[] gTape = new double[3];
        Tape.record(v -> v[2].times(v[0].square().plus(v[1].square()).sqrt()), x).gradient(x, gTape);
        assertArrayEquals(gTape, g);
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
