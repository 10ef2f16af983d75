package dev.wengert.codegen;

import static dev.wengert.codegen.Checks.assertClose;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.Tape;
import dev.wengert.ad.Var;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Helpers, constants and tables of other classes compiled in the same javac run, in the same
 * package and in another one, named as Java names them (simple names, imports, member classes).
 */
class OtherClassHelpersTest {

    private static final String KERNELS = """
            package q;

            public final class Kernels {
                public static final double SOFTENING = 0.25;
                public static final double[] WEIGHTS = {1.0, 0.5, 2.0};
                public static final double scale = Math.sqrt(9.0);

                private Kernels() {
                }

                /** Calls a helper of its own class by its simple name, reads its own constant. */
                public static double softDistance(double dx, double dy) {
                    return Math.sqrt(square(dx) + square(dy) + SOFTENING);
                }

                static double square(double a) {
                    return a * a;
                }

                public static final class Inner {
                    public static final int OFFSET = 1;
                }
            }
            """;

    private static final String LOCAL = """
            package p;

            final class Local {
                static final double HALF = 0.5;

                static double cube(double a) {
                    return a * a * a;
                }
            }
            """;

    private static final String ENERGY = """
            package p;

            import dev.wengert.ad.Differentiate;
            import q.Kernels;

            public class Energy {
                @Differentiate
                public static double energy(double[] x) {
                    double e = 0;
                    for (int i = Kernels.Inner.OFFSET; i < x.length; i++) {
                        double d = Kernels.softDistance(x[i] - x[i - 1], Local.HALF * x[i]);
                        e += Kernels.WEIGHTS[i % 3] / d + Local.cube(x[i]) * Kernels.scale;
                    }
                    return e;
                }
            }
            """;

    private static double energy(double[] x) {
        double[] w = {1.0, 0.5, 2.0};
        double e = 0;
        for (int i = 1; i < x.length; i++) {
            double dx = x[i] - x[i - 1];
            double dy = 0.5 * x[i];
            e += w[i % 3] / Math.sqrt(dx * dx + dy * dy + 0.25) + x[i] * x[i] * x[i] * 3.0;
        }
        return e;
    }

    private static Var energyOnTape(Var[] x) {
        double[] w = {1.0, 0.5, 2.0};
        Var e = null;
        for (int i = 1; i < x.length; i++) {
            Var dx = x[i].minus(x[i - 1]);
            Var dy = x[i].times(0.5);
            Var term = Var.div(w[i % 3], dx.times(dx).plus(dy.times(dy)).plus(0.25).sqrt())
                    .plus(x[i].times(x[i]).times(x[i]).times(3.0));
            e = e == null ? term : e.plus(term);
        }
        return e;
    }

    @Test
    void helpersConstantsAndTablesOfOtherClassesAreInlined() {
        InProcessCompiler.Result r = InProcessCompiler.compile(Map.of("q.Kernels", KERNELS, "p.Local", LOCAL,
                "p.Energy", ENERGY));
        assertTrue(r.success(), r::report);
        Objective f = r.objective("p.EnergyEnergyDerivatives");
        double[] x = {0.4, -0.2, 0.9, 0.1, -0.6};
        double[] v = {1, -1, 0.5, 2, 0.25};
        assertClose(energy(x), f.value(x), 1e-14, "value");
        Checks.agreesWithFiniteDifferences(f, x, v);
        Checks.agreesWithTape(f, Tape.record(OtherClassHelpersTest::energyOnTape, x), x, v);
    }

    @Test
    void aFieldTheGeneratedClassCannotReadIsAnErrorNamingTheFix() {
        String hidden = KERNELS.replace("public static final double scale", "static final double scale");
        InProcessCompiler.Result r = InProcessCompiler.compile(Map.of("q.Kernels", hidden, "p.Local", LOCAL,
                "p.Energy", ENERGY));
        assertFalse(r.success());
        assertTrue(r.report().contains("field 'scale' is not public and in another package and not a compile-time "
                + "constant; make it public"), r::report);
    }
}
