package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Dense results whose size overflows {@code int} or exceeds the heap are refused before anything
 * is allocated. None of these tests allocates more than a few megabytes: the tapes are sums or
 * copies of the inputs, and the refusals come from the size checks.
 */
class DenseSizeTest {

    private static Recording sumOf(int n) {
        return Tape.record(Var::sum, new double[n]);
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) assertTrue(message.contains(part), "'" + part + "' not in: " + message);
    }

    @Test
    void derivativesHessianBeyondTheLargestArrayNamesNAndTheBytesInsteadOfANegativeArraySize() {
        String m = assertThrows(ResultTooLargeException.class, () -> Derivatives.hessian(Var::sum, new double[46_341]))
                .getMessage();
        assertMentions(m, "n = 46,341", "17.2 GB", "sparseHessian", "hessianVector");
    }

    @Test
    void recordingHessianAtN65536RefusesAnEmptyHWhoseLengthEqualsTheWrappedProduct() {
        Recording r = sumOf(65_536);
        String m = assertThrows(ResultTooLargeException.class, () -> r.hessian(new double[65_536], new double[0]))
                .getMessage();
        assertMentions(m, "n = 65,536", "34.4 GB");
    }

    @Test
    void recordingHessianAtN65537RefusesTheLengthTheWrappedProductAllows() {
        Recording r = sumOf(65_537);
        // 65,537^2 wraps to 131,073 in int arithmetic.
        assertThrows(ResultTooLargeException.class, () -> r.hessian(new double[65_537], new double[131_073]));
    }

    @Test
    void denseJacobianBeyondTheLargestArrayIsRefusedBeforeAllocation() {
        VectorFunction copy = x -> x;
        double[] x = new double[50_000];
        Recording r = Tape.recordVector(copy, x);
        assertMentions(assertThrows(ResultTooLargeException.class, () -> r.jacobian(x, new double[0])).getMessage(),
                "m = 50,000", "n = 50,000", "jvp or vjp");
        assertThrows(ResultTooLargeException.class, () -> Derivatives.jacobian(copy, x));
    }

    @Test
    void derivativesHessianLargerThanTheHeapIsRefusedNamingTheHeap() {
        int n = 40_000;   // 1.6e9 entries fit in an array but need 12.8 GB
        assumeTrue(Runtime.getRuntime().maxMemory() < 8L * n * n, "this JVM's heap could hold the Hessian");
        String m = assertThrows(ResultTooLargeException.class, () -> Derivatives.hessian(Var::sum, new double[n]))
                .getMessage();
        assertMentions(m, "12.8 GB", "-Xmx");
    }

    @Test
    void generatedClassesAndTheTapeShareTheHessianLengthCheck() {
        assertTrue(ObjectiveChecks.hessianLength("hessian", 46_340) == 46_340 * 46_340);
        assertThrows(ResultTooLargeException.class, () -> ObjectiveChecks.hessianLength("hessian", 46_341));
    }
}
