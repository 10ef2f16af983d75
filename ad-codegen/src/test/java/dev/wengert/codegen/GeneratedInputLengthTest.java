package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.DimensionMismatchException;
import dev.wengert.ad.Objective;
import org.junit.jupiter.api.Test;

/**
 * Which lengths of x a generated class accepts: the function's own dimension when it reads only
 * entries known at compile time, any length covering those entries when it follows x.length.
 */
class GeneratedInputLengthTest {

    private static final String SOURCE = """
            package p;

            import dev.wengert.ad.Differentiate;

            class Lengths {
                @Differentiate
                static double firstThree(double[] x) {
                    double s = 0;
                    for (int i = 0; i < 3; i++) {
                        s += x[i] * x[i];
                    }
                    return s;
                }

                @Differentiate
                static double anyLength(double[] x) {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += x[i] * x[i];
                    }
                    return s + x[1];
                }
            }
            """;

    private static InProcessCompiler.Result compiled;

    private static synchronized Objective generated(String name) {
        if (compiled == null) compiled = Generated.compile("Lengths", SOURCE);
        return compiled.objective("p." + name);
    }

    @Test
    void longerXWithAGradientOfTheFunctionsOwnLengthBlamesX() {
        Objective f = generated("LengthsFirstThreeDerivatives");
        assertEquals(14, f.gradient(new double[] {1, 2, 3}, new double[3]));
        String m = assertThrows(DimensionMismatchException.class,
                () -> f.gradient(new double[] {1, 2, 3, 4}, new double[3])).getMessage();
        assertTrue(m.startsWith("gradient: x has length 4 but the function reads 3 entries"), m);
    }

    @Test
    void longerXWithOutputsOfItsLengthIsAcceptedAndTheExtraEntriesHaveZeroDerivatives() {
        Objective f = generated("LengthsFirstThreeDerivatives");
        double[] g = new double[4];
        assertEquals(14, f.gradient(new double[] {1, 2, 3, 4}, g));
        assertEquals(0, g[3]);
        assertThrows(DimensionMismatchException.class, () -> f.value(new double[] {1, 2}));
    }

    @Test
    void functionThatFollowsXLengthAcceptsAnyLengthCoveringTheEntriesItReads() {
        Objective f = generated("LengthsAnyLengthDerivatives");
        assertEquals(1 + 4 + 2, f.value(new double[] {1, 2}));
        assertEquals(1 + 4 + 9 + 16 + 2, f.value(new double[] {1, 2, 3, 4}));
        String m = assertThrows(DimensionMismatchException.class, () -> f.value(new double[] {1})).getMessage();
        assertTrue(m.startsWith("value: x has length 1 but the function reads x[1]"), m);
    }
}
