package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every misuse and every numerical failure is a specific exception whose message names the cause. */
class ErrorsTest {

    private static final ScalarFunction F = x -> x[0].times(x[1]).plus(x[0].sin());
    private static final double[] X = {0.5, 2.0};

    private static String messageOf(Class<? extends Throwable> type, Executable call) {
        return assertThrows(type, call).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) assertTrue(message.contains(part), "'" + part + "' not in: " + message);
    }

    // ---- dimensions ----

    static Stream<Arguments> wrongLengths() {
        Recording r = Recordings.scalar(F, X);
        Recording vec = Recordings.vector(x -> new Var[] {x[0].plus(x[1]), x[0], x[1].sin()}, X);
        double[] two = new double[2];
        double[] three = new double[3];
        return Stream.of(
                Arguments.of("value x", "x has length 3 but 2", (Executable) () -> r.value(three)),
                Arguments.of("gradient x", "x has length 3 but 2", (Executable) () -> r.gradient(three, two)),
                Arguments.of("gradient g", "g has length 3 but 2", (Executable) () -> r.gradient(X, three)),
                Arguments.of("hessianVector v", "v has length 3 but 2", (Executable) () -> r.hessianVector(X, three, two)),
                Arguments.of("hessianVector hv", "hv has length 3 but 2", (Executable) () -> r.hessianVector(X, two, three)),
                Arguments.of("gradientAndHessianVector g", "g has length 3 but 2",
                        (Executable) () -> r.gradientAndHessianVector(X, two, three, two)),
                Arguments.of("hessian h", "h has length 3 but 4", (Executable) () -> r.hessian(X, three)),
                Arguments.of("hessian x", "x has length 3 but 2", (Executable) () -> r.hessian(three, new double[4])),
                Arguments.of("jvp v", "v has length 3 but 2", (Executable) () -> vec.jvp(X, three, three)),
                Arguments.of("jvp out", "out has length 2 but 3", (Executable) () -> vec.jvp(X, two, two)),
                Arguments.of("vjp w", "w has length 2 but 3", (Executable) () -> vec.vjp(X, two, two)),
                Arguments.of("vjp out", "out has length 3 but 2", (Executable) () -> vec.vjp(X, three, three)),
                Arguments.of("jacobian jac", "jac has length 3 but 6", (Executable) () -> vec.jacobian(X, three)),
                Arguments.of("values y", "y has length 2 but 3", (Executable) () -> vec.values(X, two)),
                Arguments.of("Var.dot vectors", "has length 1 but 2", (Executable) () -> Recordings.scalar(
                        x -> Var.dot(new Var[] {x[0], x[1]}, new Var[] {x[0]}), X)),
                Arguments.of("Var.dot weights", "has length 3 but 2", (Executable) () -> Recordings.scalar(
                        x -> Var.dot(new double[] {1, 2, 3}, x), X)),
                Arguments.of("GradientCheck v", "has length 3 but 2",
                        (Executable) () -> GradientCheck.hessianVector(r, X, three)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongLengths")
    void wrongArrayLengthIsADimensionMismatchNamingTheArrayAndBothLengths(String what, String expected, Executable call) {
        assertMentions(messageOf(DimensionMismatchException.class, call), expected);
    }

    // ---- foreign and closed tapes ----

    @Test
    void varOfAnotherTapeIsAForeignVar() {
        Tape first = new Tape();
        Tape second = new Tape();
        Var a = first.variable(1);
        Var b = second.variable(2);
        String m = messageOf(ForeignVarException.class, () -> a.plus(b));
        assertMentions(m, first.toString(), second.toString(), "add");
    }

    @Test
    void foreignVarInAnNaryNodeIsAForeignVar() {
        Tape first = new Tape();
        Tape second = new Tape();
        Var a = first.variable(1);
        Var b = second.variable(2);
        assertMentions(messageOf(ForeignVarException.class, () -> Var.norm(a, b)), "norm");
    }

    @Test
    void foreignVarInAComparisonIsAForeignVar() {
        Tape first = new Tape();
        Var a = first.variable(1);
        Var b = new Tape().variable(2);
        assertMentions(messageOf(ForeignVarException.class, () -> a.lt(b)), "comparison");
    }

    @Test
    void foreignVarAsAnOutputIsAForeignVar() {
        Tape first = new Tape();
        first.variable(1);
        Var b = new Tape().variable(2);
        assertMentions(messageOf(ForeignVarException.class, () -> first.finish(b)), "output 0");
    }

    @Test
    void recordingOnAVarOfAFinishedTapeIsAClosedTape() {
        Tape tape = new Tape();
        Var x = tape.variable(1);
        tape.finish(x.square());
        assertMentions(messageOf(ClosedTapeException.class, () -> x.plus(1.0)), "finished", tape.toString());
        assertTrue(tape.isClosed());
    }

    @Test
    void aVarKeptFromAFinishedRecordingCannotEnterTheNextOne() {
        Var[] kept = new Var[1];
        Recordings.scalar(x -> kept[0] = x[0].square(), 1.0);
        assertThrows(ClosedTapeException.class, () -> Recordings.scalar(x -> kept[0].plus(x[0]), 1.0));
        // With the operands the other way round the new tape sees a Var it does not own.
        String m = messageOf(ForeignVarException.class, () -> Recordings.scalar(x -> x[0].plus(kept[0]), 1.0));
        assertMentions(m, "closed");
    }

    @Test
    void finishingATapeTwiceIsAClosedTape() {
        Tape tape = new Tape();
        Var x = tape.variable(1);
        tape.finish(x);
        assertThrows(ClosedTapeException.class, () -> tape.finish(x));
        assertThrows(ClosedTapeException.class, () -> tape.variable(2));
        assertThrows(ClosedTapeException.class, () -> tape.constant(2));
    }

    // ---- non-finite inputs ----

    static Stream<Arguments> nonFiniteInputCalls() {
        Recording r = Recordings.scalar(F, X);
        double[] bad1 = {0.5, Double.NaN};
        double[] bad0 = {Double.POSITIVE_INFINITY, 2};
        return Stream.of(
                Arguments.of("value", "x[1] is NaN", (Executable) () -> r.value(bad1)),
                Arguments.of("gradient", "x[1] is NaN", (Executable) () -> r.gradient(bad1, new double[2])),
                Arguments.of("gradient", "x[0] is Infinity", (Executable) () -> r.gradient(bad0, new double[2])),
                Arguments.of("hessianVector", "x[0] is Infinity",
                        (Executable) () -> r.hessianVector(bad0, new double[2], new double[2])),
                Arguments.of("hessian", "x[1] is NaN", (Executable) () -> r.hessian(bad1, new double[4])),
                Arguments.of("jvp", "x[1] is NaN", (Executable) () -> r.jvp(bad1, new double[2], new double[1])),
                Arguments.of("vjp", "x[0] is Infinity", (Executable) () -> r.vjp(bad0, new double[1], new double[2])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nonFiniteInputCalls")
    void nonFiniteInputIsReportedNamingItsIndex(String driver, String expected, Executable call) {
        assertMentions(messageOf(NonFiniteException.class, call), driver, expected);
    }

    // ---- NaN / Inf produced inside a sweep ----

    @Test
    void logOfANegativeValueIsReportedNamingLogAndItsTapePosition() {
        // nodes: x0 (0), x1 (1), x0 - x1 (2), log (3), * 2 (4)
        Recording r = Recordings.scalar(x -> x[0].minus(x[1]).log().times(2.0), 3.0, 1.0);
        String m = messageOf(NonFiniteException.class, () -> r.gradient(new double[] {1, 3}, new double[2]));
        assertMentions(m, "value NaN at log (tape position 3)", "of -2.0");
    }

    @Test
    void overflowInAValueIsReportedNamingTheOverflowingOperation() {
        Recording r = Recordings.scalar(x -> x[0].exp().plus(1.0), 1.0);
        String m = messageOf(NonFiniteException.class, () -> r.value(new double[] {1000}));
        assertMentions(m, "value Infinity at exp (tape position 1)");
    }

    @Test
    void zeroOverZeroIsReportedNamingDiv() {
        Recording r = Recordings.scalar(x -> x[0].div(x[1]), 1.0, 1.0);
        String m = messageOf(NonFiniteException.class, () -> r.hessianVector(new double[] {0, 0}, new double[2], new double[2]));
        assertMentions(m, "hessianVector", "div (tape position 2)");
    }

    @Test
    void infiniteDerivativeInAVectorJacobianProductIsReportedNamingTheOperation() {
        Recording r = Recordings.vector(x -> new Var[] {x[0].asin(), x[1]}, 0.0, 0.0);
        String m = messageOf(NonFiniteException.class, () -> r.vjp(new double[] {1, 0}, new double[] {1, 1}, new double[2]));
        assertMentions(m, "vjp", "asin (tape position 2)");
    }

    @Test
    void infiniteTangentInAJacobianVectorProductIsReported() {
        Recording r = Recordings.vector(x -> new Var[] {x[0].sqrt(), x[1]}, 1.0, 1.0);
        String m = messageOf(NonFiniteException.class, () -> r.jvp(new double[] {0, 1}, new double[] {1, 0}, new double[2]));
        assertMentions(m, "jvp", "entry 0");
    }

    // ---- recording from two threads ----

    @Test
    void recordingOnATapeFromASecondThreadIsAConcurrentRecording() throws Exception {
        Tape tape = new Tape();
        Var x = tape.variable(1);
        ExecutorService other = Executors.newSingleThreadExecutor(r -> new Thread(r, "intruder"));
        try {
            Future<Throwable> thrown = other.submit(() -> {
                try {
                    x.square();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Throwable t = thrown.get();
            assertTrue(t instanceof ConcurrentRecordingException, String.valueOf(t));
            assertMentions(t.getMessage(), "intruder", Thread.currentThread().getName());
        } finally {
            other.shutdown();
        }
        // The owner can go on recording: the intruder left nothing on the tape.
        int before = tape.size();
        Var y = x.square();
        assertEquals(before + 1, tape.size());
        assertEquals(1, tape.finish(y).value(new double[] {1}));
    }

    @Test
    void addingVariablesFromASecondThreadIsAConcurrentRecording() throws Exception {
        Tape tape = new Tape();
        Thread t = new Thread(() -> assertThrows(ConcurrentRecordingException.class, () -> tape.variable(2)));
        Throwable[] failure = new Throwable[1];
        t.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
        t.start();
        t.join();
        assertEquals(null, failure[0]);
        assertEquals(0, tape.size());
    }

    // ---- guards ----

    private static final ScalarFunction BRANCHY = x -> x[0].gt(0) ? x[0].square() : x[0].times(-3.0);

    static Stream<Arguments> driversOnTheWrongBranch() {
        Recording r = Recordings.scalar(BRANCHY, 1.0);
        double[] x = {-2};
        return Stream.of(
                Arguments.of("value", (Executable) () -> r.value(x)),
                Arguments.of("gradient", (Executable) () -> r.gradient(x, new double[1])),
                Arguments.of("hessianVector", (Executable) () -> r.hessianVector(x, new double[] {1}, new double[1])),
                Arguments.of("gradientAndHessianVector",
                        (Executable) () -> r.gradientAndHessianVector(x, new double[] {1}, new double[1], new double[1])),
                Arguments.of("hessian", (Executable) () -> r.hessian(x, new double[1])),
                Arguments.of("jvp", (Executable) () -> r.jvp(x, new double[] {1}, new double[1])),
                Arguments.of("vjp", (Executable) () -> r.vjp(x, new double[] {1}, new double[1])),
                Arguments.of("jacobian", (Executable) () -> r.jacobian(x, new double[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("driversOnTheWrongBranch")
    void flippedGuardOnALowLevelRecordingThrowsInEveryDriver(String driver, Executable call) {
        assertMentions(messageOf(GuardFlippedException.class, call), "guard #0", "> 0.0", "was true when recorded");
    }

    @Test
    void guardThatHoldsReplaysWithoutReRecording() {
        Recording r = Recordings.scalar(BRANCHY, 1.0);
        double[] g = new double[1];
        r.gradient(new double[] {3}, g);
        assertArrayEquals(new double[] {6}, g);
    }

    @Test
    void flippedGuardBetweenTwoVariablesIsDetected() {
        Recording r = Recordings.scalar(x -> x[0].compareTo(x[1]) < 0 ? x[1] : x[0], 1.0, 2.0);
        assertEquals(5, r.value(new double[] {1, 5}));
        assertThrows(GuardFlippedException.class, () -> r.value(new double[] {5, 1}));
        assertThrows(GuardFlippedException.class, () -> r.value(new double[] {2, 2}));
    }

    @Test
    void flippedGuardOnAnIntermediateValueIsDetected() {
        // The guard is on sin(x), not on an input: replay must compare recomputed node values.
        Recording r = Recordings.scalar(x -> x[0].sin().le(0.5) ? x[0] : x[0].square(), 0.1);
        assertEquals(0.2, r.value(new double[] {0.2}));
        assertThrows(GuardFlippedException.class, () -> r.value(new double[] {1.0}));
    }

    @Test
    void recordedFunctionReRecordsOnAFlippedGuardAndReturnsTheNewBranchDerivative() {
        RecordedFunction f = Derivatives.record(BRANCHY, 1.0);
        double[] g = new double[1];
        f.gradient(new double[] {2}, g);
        assertArrayEquals(new double[] {4}, g);
        assertEquals(1, f.recordings());
        f.gradient(new double[] {-2}, g);
        assertArrayEquals(new double[] {-3}, g);
        assertEquals(2, f.recordings());
        f.gradient(new double[] {-5}, g);                 // same branch: the new recording is reused
        assertArrayEquals(new double[] {-3}, g);
        assertEquals(2, f.recordings());
    }

    static Stream<Arguments> recordedFunctionDriversAcrossAFlip() {
        return Stream.of(
                Arguments.of("value", (Consumer<RecordedFunction>) f -> assertEquals(6, f.value(new double[] {-2}))),
                Arguments.of("hessianVector", (Consumer<RecordedFunction>) f -> {
                    double[] hv = new double[1];
                    f.hessianVector(new double[] {-2}, new double[] {1}, hv);
                    assertArrayEquals(new double[] {0}, hv);
                }),
                Arguments.of("gradientAndHessianVector", (Consumer<RecordedFunction>) f -> {
                    double[] g = new double[1];
                    double[] hv = new double[1];
                    assertEquals(6, f.gradientAndHessianVector(new double[] {-2}, new double[] {1}, g, hv));
                    assertArrayEquals(new double[] {-3}, g);
                    assertArrayEquals(new double[] {0}, hv);
                }),
                Arguments.of("hessian", (Consumer<RecordedFunction>) f -> {
                    double[] h = new double[1];
                    f.hessian(new double[] {-2}, h);
                    assertArrayEquals(new double[] {0}, h);
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedFunctionDriversAcrossAFlip")
    void recordedFunctionGivesTheNewBranchInEveryDriverAfterAFlip(String driver, Consumer<RecordedFunction> check) {
        RecordedFunction f = Derivatives.record(BRANCHY, 1.0);   // recorded on the square branch: H = 2
        check.accept(f);
        assertEquals(2, f.recordings());
    }

    @Test
    void recordedFunctionDoesNotReRecordOnWrongDimensions() {
        RecordedFunction f = Derivatives.record(BRANCHY, 1.0);
        assertThrows(DimensionMismatchException.class, () -> f.value(new double[] {-1, 2}));
        assertEquals(1, f.recordings());
    }

    // ---- scalar drivers on vector recordings ----

    static Stream<Arguments> scalarDriversOnAVectorRecording() {
        Recording vec = Recordings.vector(x -> new Var[] {x[0], x[1].square()}, X);
        return Stream.of(
                Arguments.of("gradient", (Executable) () -> vec.gradient(X, new double[2])),
                Arguments.of("value", (Executable) () -> vec.value(X)),
                Arguments.of("hessianVector", (Executable) () -> vec.hessianVector(X, new double[2], new double[2])),
                Arguments.of("hessian", (Executable) () -> vec.hessian(X, new double[4])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarDriversOnAVectorRecording")
    void scalarDriverOnAMultiOutputRecordingIsAnIllegalStateNamingTheOutputCount(String driver, Executable call) {
        String m = messageOf(IllegalStateException.class, call);
        assertMentions(m, driver, "scalar function", "2 outputs", "jacobian");
    }

    // ---- degenerate recordings ----

    @Test
    void functionReturningNullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Recordings.scalar(x -> null, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Recordings.vector(x -> new Var[0], 1.0));
    }

    @Test
    void naryNodeOfNoTermsIsRejectedWithAHintThatWorksInsideALambda() {
        String m = messageOf(IllegalArgumentException.class, () -> Var.sum());
        assertMentions(m, "sum of no terms", "x[0].tape().constant(0)", "Var.sum(x[0].tape(), terms)");
    }

    @Test
    void sumOfNoTermsGivenATapeIsZero() {
        Recording r = Recordings.scalar(x -> Var.sum(x[0].tape()).plus(x[0]), 3.0);
        assertEquals(2.0, r.value(new double[] {2.0}));
    }

    // ---- non-finite inputs other than x, and null arguments ----

    static Stream<Arguments> nonFiniteDirections() {
        Recording r = Recordings.scalar(F, X);
        Recording vec = Recordings.vector(x -> new Var[] {x[0].plus(x[1]), x[1].sin()}, X);
        double[] two = new double[2];
        double[] nan = {0, Double.NaN};
        double[] inf = {Double.POSITIVE_INFINITY, 0};
        return Stream.of(
                Arguments.of("hessianVector v", "hessianVector: v[1] is NaN", (Executable) () -> r.hessianVector(X, nan, two)),
                Arguments.of("gradientAndHessianVector v", "gradientAndHessianVector: v[1] is NaN",
                        (Executable) () -> r.gradientAndHessianVector(X, nan, two, new double[2])),
                Arguments.of("jvp v", "jvp: v[0] is Infinity", (Executable) () -> vec.jvp(X, inf, two)),
                Arguments.of("vjp w", "vjp: w[0] is Infinity", (Executable) () -> vec.vjp(X, inf, two)),
                Arguments.of("gradient x", "gradient: x[1] is NaN", (Executable) () -> r.gradient(nan, two)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonFiniteDirections")
    void nonFiniteEntryOfAnInputArrayIsReportedAsThatEntryNotAsAnOverflow(String what, String expected, Executable call) {
        String m = messageOf(NonFiniteException.class, call);
        assertMentions(m, expected);
        assertTrue(!m.contains("overflow"), m);
    }

    static Stream<Arguments> nullArguments() {
        Recording r = Recordings.scalar(F, X);
        double[] two = new double[2];
        ScalarFunction none = null;
        return Stream.of(
                Arguments.of("gradient: x is null", (Executable) () -> r.gradient(null, two)),
                Arguments.of("gradient: g is null", (Executable) () -> r.gradient(X, null)),
                Arguments.of("hessianVector: v is null", (Executable) () -> r.hessianVector(X, null, two)),
                Arguments.of("gradientAndHessianVector: g is null",
                        (Executable) () -> r.gradientAndHessianVector(X, two, null, two)),
                Arguments.of("Tape.record: x0 is null", (Executable) () -> Tape.record(F, (double[]) null)),
                Arguments.of("Tape.record: f is null", (Executable) () -> Tape.record(none, X)),
                Arguments.of("Derivatives.record: x0 is null", (Executable) () -> Derivatives.record(F, (double[]) null)),
                Arguments.of("Derivatives.gradient: f is null", (Executable) () -> Derivatives.gradient(none, X)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullArguments")
    void nullArgumentIsANullPointerNamingTheMethodAndTheArgument(String expected, Executable call) {
        assertEquals(expected, messageOf(NullPointerException.class, call));
    }

    @Test
    void recordingAtANonFinitePointIsRefusedNamingTheEntry() {
        assertMentions(messageOf(NonFiniteException.class, () -> Tape.record(F, 1.0, Double.NaN)), "Tape.record: x0[1] is NaN");
    }

    // Derivatives.gradient sweeps the recording as made; where a Recording would refuse, it must refuse the same way.
    static Stream<Arguments> oneCallGradientFailures() {
        return Stream.of(
                Arguments.of("a gradient entry: sqrt'(0)", (ScalarFunction) x -> x[0].sqrt().plus(x[1]), new double[] {0, 1}),
                Arguments.of("the value: log(-1)", (ScalarFunction) x -> x[0].log().plus(x[1]), new double[] {-1, 1}),
                Arguments.of("an overflow: exp(1000)", (ScalarFunction) x -> x[0].exp().times(x[1]), new double[] {1000, 1}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneCallGradientFailures")
    void oneCallGradientFailsAsTheRecordingDoes(String what, ScalarFunction f, double[] x) {
        String recording = messageOf(NonFiniteException.class, () -> Tape.record(f, x).gradient(x, new double[2]));
        assertEquals(recording, messageOf(NonFiniteException.class, () -> Derivatives.gradient(f, x, new double[2])));
        assertEquals(recording, messageOf(NonFiniteException.class, () -> Derivatives.gradient(f, x)));
    }

    @Test
    void oneCallGradientChecksTheLengthOfG() {
        assertMentions(messageOf(DimensionMismatchException.class, () -> Derivatives.gradient(F, X, new double[3])),
                "Derivatives.gradient: g");
        assertEquals("Derivatives.gradient: g is null",
                messageOf(NullPointerException.class, () -> Derivatives.gradient(F, X, null)));
    }

    @Test
    void hessianWithNoThreadsIsRejected() {
        Recording r = Recordings.scalar(F, X);
        assertMentions(messageOf(IllegalArgumentException.class, () -> r.hessian(X, new double[4], 0)), "threads");
    }
}
