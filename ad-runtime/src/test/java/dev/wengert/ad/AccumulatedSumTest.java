package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.workloads.ThomsonWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Var.sum(n, term)} and {@code Var.sum(tape, terms -> ...)} take each term as it is recorded; they
 * must record the very tape that {@code Var.sum(list)} records over the same terms (so the same numbers,
 * bit for bit) and fail as the list form does.
 */
class AccumulatedSumTest {
    private static final double[] X0 = {0.3, -1.1, 0.7, 1.4, 0.2, -0.5};
    private static final double[] X = {0.35, -1.0, 0.75, 1.3, 0.25, -0.45};
    private static final double[] V = {0.5, -0.25, 1.0, 0.75, -1.5, 0.125};

    // A term of each shape: fused distance and reciprocal, a plain n-ary node, a binary, a unary, an input.
    private static Var term(Var[] x, int k) {
        int i = k % 6;
        int j = (k * 5 + 1) % 6;
        switch (k % 5) {
            case 0: return Var.norm(x[i].minus(x[j]), x[(i + 1) % 6].minus(x[(j + 2) % 6])).reciprocal();
            case 1: return Var.norm(x[i], x[j]);
            case 2: return x[i].times(x[j]).sin();
            case 3: return x[i].square();
            default: return x[i];
        }
    }

    private static void assertSameNumbers(Recording expected, Recording actual) {
        assertEquals(expected.size(), actual.size(), "nodes");
        double[] g1 = new double[X.length];
        double[] g2 = new double[X.length];
        double[] hv1 = new double[X.length];
        double[] hv2 = new double[X.length];
        assertEquals(Double.doubleToRawLongBits(expected.gradient(X, g1)), Double.doubleToRawLongBits(actual.gradient(X, g2)));
        assertArrayEquals(g1, g2);
        expected.gradientAndHessianVector(X, V, g1, hv1);
        actual.gradientAndHessianVector(X, V, g2, hv2);
        assertArrayEquals(hv1, hv2);
    }

    @Test
    void accumulatedSumIsTheListSumBitForBit() {
        int n = 23;
        Recording list = Tape.record(x -> {
            List<Var> terms = new ArrayList<>();
            for (int k = 0; k < n; k++) terms.add(term(x, k));
            return Var.sum(terms);
        }, X0);
        Recording accumulated = Tape.record(x -> Var.sum(n, k -> term(x, k)), X0);
        assertSameNumbers(list, accumulated);
        Recording loop = Tape.record(x -> Var.sum(x[0].tape(), terms -> {
            for (int k = 0; k < n; k++) terms.add(term(x, k));
        }), X0);
        assertSameNumbers(list, loop);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100})
    void thomsonEnergyIsTheListFormBitForBit(int n) {
        double[] x0 = ThomsonWorkload.points(n);
        Recording list = Tape.record(ThomsonWorkload::energyFromList, x0);
        Recording accumulated = Tape.record(ThomsonWorkload::energy, x0);
        Recording loop = Tape.record(ThomsonWorkload::energyFromLoop, x0);
        assertEquals(list.size(), accumulated.size());
        assertEquals(list.size(), loop.size());
        double[] x = x0.clone();
        for (int i = 0; i < x.length; i++) x[i] *= 1 + 1e-3 * Math.sin(i);
        double[] g1 = new double[x.length];
        double[] g2 = new double[x.length];
        double[] g3 = new double[x.length];
        assertEquals(list.gradient(x, g1), accumulated.gradient(x, g2));
        assertEquals(list.gradient(x, g1), loop.gradient(x, g3));
        assertArrayEquals(g1, g2);
        assertArrayEquals(g1, g3);
        double[] v = ThomsonWorkload.direction(x.length);
        double[] hv1 = new double[x.length];
        double[] hv2 = new double[x.length];
        double[] hv3 = new double[x.length];
        list.hessianVector(x, v, hv1);
        accumulated.hessianVector(x, v, hv2);
        loop.hessianVector(x, v, hv3);
        assertArrayEquals(hv1, hv2);
        assertArrayEquals(hv1, hv3);
    }

    @Test
    void extendedRosenbrockAsTheReadmeWritesItIsTheArrayFormBitForBit() {
        double[] x0 = {-1.2, 1, -1.2, 1, -1.2, 1};
        Recording array = Tape.record(x -> {
            Var[] terms = new Var[x.length];
            for (int i = 0; i < x.length; i += 2) {
                terms[i] = x[i + 1].minus(x[i].square()).square().times(100.0);
                terms[i + 1] = Var.minus(1.0, x[i]).square();
            }
            return Var.sum(terms);
        }, x0);
        Recording accumulated = Tape.record(x -> Var.sum(x.length, i -> i % 2 == 0
                ? x[i + 1].minus(x[i].square()).square().times(100.0)
                : Var.minus(1.0, x[i - 1]).square()), x0);
        assertSameNumbers(array, accumulated);
    }

    @Test
    void nestedSumsAreTheNestedListSumsBitForBit() {
        Recording list = Tape.record(x -> {
            List<Var> outer = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                List<Var> inner = new ArrayList<>();
                for (int k = 0; k <= i; k++) inner.add(term(x, 3 * i + k));
                outer.add(Var.sum(inner).square());
            }
            return Var.sum(outer);
        }, X0);
        Recording accumulated = Tape.record(x -> Var.sum(4, i -> Var.sum(i + 1, k -> term(x, 3 * i + k)).square()), X0);
        assertSameNumbers(list, accumulated);
        Recording loops = Tape.record(x -> Var.sum(x[0].tape(), outer -> {
            for (int i = 0; i < 4; i++) {
                int row = i;
                outer.add(Var.sum(x[0].tape(), inner -> {
                    for (int k = 0; k <= row; k++) inner.add(term(x, 3 * row + k));
                }).square());
            }
        }), X0);
        assertSameNumbers(list, loops);
        Recording mixed = Tape.record(x -> Var.sum(x[0].tape(), outer -> {
            for (int i = 0; i < 4; i++) {
                int row = i;
                outer.add(Var.sum(row + 1, k -> term(x, 3 * row + k)).square());
            }
        }), X0);
        assertSameNumbers(list, mixed);
    }

    @Test
    void aLoopThatAddsNoTermsIsTheConstantZeroOfTheEmptySum() {
        Recording empty = Tape.record(x -> Var.sum(x[0].tape(), terms -> { }).plus(x[0].square()), X0);
        Recording none = Tape.record(x -> Var.sum(x[0].tape()).plus(x[0].square()), X0);
        assertSameNumbers(none, empty);
        assertEquals(X[0] * X[0], empty.value(X));
    }

    @Test
    void aLoopSumGivesTheOneCallGradientOfTheListSum() {
        double[] x0 = ThomsonWorkload.points(12);
        double[] g1 = new double[x0.length];
        double[] g2 = new double[x0.length];
        double list = Derivatives.gradient(ThomsonWorkload::energyFromList, x0, g1);
        double loop = Derivatives.gradient(ThomsonWorkload::energyFromLoop, x0, g2);
        assertEquals(Double.doubleToRawLongBits(list), Double.doubleToRawLongBits(loop));
        assertArrayEquals(g1, g2);
        // The closed form, within the rounding of 66 terms of 1 / |p_i - p_j| (each a few ulps).
        assertEquals(ThomsonWorkload.value(x0), loop, 1e-13 * Math.abs(loop));
    }

    @Test
    void aRecordingMadeInsideATermLeavesTheSumAlone() {
        Recording plain = Tape.record(x -> Var.sum(7, k -> term(x, k)), X0);
        Recording nested = Tape.record(x -> Var.sum(7, k -> {
            Tape.record(y -> Var.sum(3, j -> y[j].square()), 1.0, 2.0, 3.0);
            return term(x, k);
        }), X0);
        assertSameNumbers(plain, nested);
    }

    @Test
    void aTermThatUsesThePreviousTermIsExact() {
        // Term 1 takes the reciprocal of term 0, an n-ary node the sum already holds: it may not be fused onto it.
        Var[] previous = new Var[1];
        Recording r = Tape.record(x -> Var.sum(2, k -> k == 0 ? previous[0] = Var.norm(x[0], x[1]) : previous[0].reciprocal()),
                3.0, 4.0);
        double[] g = new double[2];
        double[] x = {1.0, 2.0};
        double norm = Math.sqrt(5);
        assertEquals(norm + 1 / norm, r.gradient(x, g), 1e-15);
        for (int i = 0; i < 2; i++) assertEquals((1 - 1 / (norm * norm)) * x[i] / norm, g[i], 1e-15);
    }

    // ---- errors, as the list form ----

    @Test
    void aTermOfAnotherTapeIsTheForeignVarOfTheListFormInBothForms() {
        Tape other = new Tape();
        Var foreign = other.variable(2);
        Tape tape = new Tape();
        Var x = tape.variable(1);
        String list = assertThrows(ForeignVarException.class, () -> Var.sum(List.of(x, foreign))).getMessage();
        String accumulated = assertThrows(ForeignVarException.class, () -> Var.sum(2, k -> k == 0 ? x : foreign)).getMessage();
        String loop = assertThrows(ForeignVarException.class, () -> Var.sum(tape, terms -> {
            terms.add(x);
            terms.add(foreign);
        })).getMessage();
        assertEquals(list, accumulated);
        assertEquals(list, loop);
        assertTrue(accumulated.contains("sum"), accumulated);
        assertEquals(3, tape.finish(Var.sum(tape, terms -> {
            terms.add(x);
            terms.add(x.times(2));
        })).value(new double[] {1}), "the tape records on after the failed sums");
    }

    @Test
    void termsKeptPastTheirBodyAreRejectedAndLoseNothing() {
        Tape tape = new Tape();
        Var x = tape.variable(1.5);
        Terms[] kept = new Terms[1];
        Var first = Var.sum(tape, terms -> {
            kept[0] = terms;
            terms.add(x.square());
        });
        String m = assertThrows(IllegalStateException.class, () -> kept[0].add(x)).getMessage();
        assertTrue(m.contains("body has returned"), m);
        // Not even inside a later sum, whose own terms are another object.
        m = assertThrows(IllegalStateException.class, () -> Var.sum(tape, terms -> kept[0].add(x))).getMessage();
        assertTrue(m.contains("body has returned"), m);
        Recording r = tape.finish(first.plus(Var.sum(tape, terms -> terms.add(x))));
        assertEquals(0.5 * 0.5 + 0.5, r.value(new double[] {0.5}));
    }

    @Test
    void aTermAddedToAnOuterSumWhileAnInnerOneIsOpenIsRejected() {
        Tape tape = new Tape();
        Var x = tape.variable(2);
        String m = assertThrows(IllegalStateException.class, () -> Var.sum(tape, outer -> {
            outer.add(x);
            outer.add(Var.sum(tape, inner -> {
                inner.add(x);
                outer.add(x);
            }));
        })).getMessage();
        assertTrue(m.contains("nested"), m);
        assertThrows(IllegalStateException.class, () -> Var.sum(tape, outer -> outer.add(Var.sum(2, k -> {
            outer.add(x);
            return x;
        }))));
        // The outer sum may go on once the inner one has returned.
        Recording r = tape.finish(Var.sum(tape, outer -> {
            outer.add(x);
            Var inner = Var.sum(tape, in -> in.add(x.square()));
            outer.add(x.times(3));
            outer.add(inner);
        }));
        assertEquals(1 + 3 + 1, r.value(new double[] {1}));
    }

    @Test
    void aLoopBodyThatThrowsLeavesTheTapeUsable() {
        Tape tape = new Tape();
        Var[] x = tape.variables(X0);
        assertThrows(ArithmeticException.class, () -> Var.sum(tape, terms -> {
            for (int k = 0; k < 6; k++) {
                if (k == 3) throw new ArithmeticException("term 3");
                terms.add(term(x, k));
            }
        }));
        Recording r = tape.finish(Var.sum(5, k -> term(x, k)));
        assertSameNumbers(Tape.record(y -> Var.sum(5, k -> term(y, k)), X0), r);
    }

    @Test
    void aNullLoopTermTapeOrBodyIsANullPointer() {
        Tape tape = new Tape();
        Var x = tape.variable(1);
        String m = assertThrows(NullPointerException.class, () -> Var.sum(tape, terms -> terms.add(null))).getMessage();
        assertTrue(m.contains("sum"), m);
        assertThrows(NullPointerException.class, () -> Var.sum((Tape) null, terms -> terms.add(x)));
        assertThrows(NullPointerException.class, () -> Var.sum(tape, (java.util.function.Consumer<Terms>) null));
    }

    @Test
    void aTermFromANestedRecordingIsAForeignVar() {
        Var[] inner = new Var[1];
        String m = assertThrows(ForeignVarException.class, () -> Tape.record(x -> Var.sum(2, k -> k == 0 ? x[0]
                : Tape.record(y -> inner[0] = y[0].square(), 2.0) != null ? inner[0] : null), 1.0)).getMessage();
        assertTrue(m.contains("closed") && m.contains("sum"), m);
    }

    @Test
    void aTermThatThrowsLeavesTheTapeUsable() {
        Tape tape = new Tape();
        Var[] x = tape.variables(X0);
        assertThrows(ArithmeticException.class, () -> Var.sum(6, k -> {
            if (k == 3) throw new ArithmeticException("term 3");
            return term(x, k);
        }));
        Recording r = tape.finish(Var.sum(5, k -> term(x, k)));
        Recording fresh = Tape.record(y -> Var.sum(5, k -> term(y, k)), X0);
        double[] g1 = new double[X.length];
        double[] g2 = new double[X.length];
        assertEquals(fresh.gradient(X, g1), r.gradient(X, g2));
        assertArrayEquals(g1, g2);
    }

    @Test
    void aNullTermIsANullPointerNamingIt() {
        Tape tape = new Tape();
        Var x = tape.variable(1);
        String m = assertThrows(NullPointerException.class, () -> Var.sum(3, k -> k == 2 ? null : x)).getMessage();
        assertTrue(m.contains("sum") && m.contains("term 2"), m);
        assertThrows(NullPointerException.class, () -> Var.sum(3, null));
    }

    @Test
    void aSumOfNoTermsIsRejectedWithTheHintOfTheListForm() {
        String m = assertThrows(IllegalArgumentException.class, () -> Var.sum(0, k -> null)).getMessage();
        assertTrue(m.contains("sum of 0 terms") && m.contains("Var.sum(x[0].tape(), terms)"), m);
    }

    @Test
    void aSumOnAFinishedTapeIsAClosedTape() {
        Tape tape = new Tape();
        Var x = tape.variable(1);
        tape.finish(x);
        assertThrows(ClosedTapeException.class, () -> Var.sum(List.of(x, x)));
        assertThrows(ClosedTapeException.class, () -> Var.sum(2, k -> x));
        assertThrows(ClosedTapeException.class, () -> Var.sum(tape, terms -> terms.add(x)));
    }

    @Test
    void aSumFromASecondThreadIsAConcurrentRecording() throws Exception {
        Tape tape = new Tape();
        Var x = tape.variable(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Throwable> thrown = other.submit(() -> {
                try {
                    Var.sum(2, k -> x);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            assertTrue(thrown.get() instanceof ConcurrentRecordingException, String.valueOf(thrown.get()));
            Future<Throwable> loop = other.submit(() -> {
                try {
                    Var.sum(tape, terms -> terms.add(x));
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            assertTrue(loop.get() instanceof ConcurrentRecordingException, String.valueOf(loop.get()));
        } finally {
            other.shutdown();
        }
        assertEquals(2, tape.finish(Var.sum(2, k -> x)).value(new double[] {1}));
    }
}
