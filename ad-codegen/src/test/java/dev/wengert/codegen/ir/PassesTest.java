package dev.wengert.codegen.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.rules.ElementaryFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IR passes on their own: folding, CSE, dead code, loop fusion and code motion. */
class PassesTest {
    private static final ArrayRef X = ArrayRef.variable("x");
    private static final ArrayRef G = ArrayRef.GRADIENT;

    @Test
    void constantsFoldWithJavaSemantics() {
        Builder b = new Builder();
        assertEquals(5.0, b.add(b.constant(2.0), b.constant(3.0)).constant());
        assertEquals(-2, b.div(b.constant(-7), b.constant(3)).constant());   // int division truncates
        Value byZero = b.div(b.constant(1), b.constant(0));
        assertEquals(Op.DIV, byZero.op(), "1 / 0 on ints must still throw at run time");
        assertEquals(2.0, b.call(ElementaryFunction.SQRT, b.constant(4.0)).constant());
        assertEquals(Op.CALL, b.call(ElementaryFunction.SIN, b.constant(1.0)).op(), "sin is not exactly specified: not folded");
    }

    @Test
    void zerosAndOnesPropagate() {
        Builder b = new Builder();
        Value a = b.read(X, b.constant(0));
        assertSame(a, b.mul(a, b.constant(1.0)));
        assertSame(a, b.add(b.constant(0.0), a));
        assertSame(a, b.div(a, b.constant(1.0)));
        assertTrue(b.mul(a, b.constant(0.0)).isConstant(0));
        assertEquals(Op.NEG, b.sub(b.constant(0.0), a).op());
        assertSame(a, b.neg(b.neg(a)));
        assertEquals(Op.MUL, b.call(ElementaryFunction.POW, a, b.constant(2.0)).op(), "pow(a, 2) is a * a");
        assertEquals(Op.MUL, b.call(ElementaryFunction.POW, a, b.constant(3.0)).op(), "pow(a, 3) is (a * a) * a");
        assertEquals(Op.MUL, b.call(ElementaryFunction.POW, a, b.constant(4.0)).op(), "pow(a, 4) is a square squared");
        assertEquals(Op.DIV, b.call(ElementaryFunction.POW, a, b.constant(-2.0)).op(), "pow(a, -2) is 1 / (a * a)");
        Value inverseCube = b.call(ElementaryFunction.POW, a, b.constant(-3.0));
        assertEquals(Op.DIV, inverseCube.op(), "pow(a, -3) is (1 / (a * a)) / a");
        assertSame(b.call(ElementaryFunction.POW, a, b.constant(-2.0)), inverseCube.arg(0), "pow(a, -3) is pow(a, -2) / a");
        assertSame(a, inverseCube.arg(1), "pow(a, -3) is pow(a, -2) / a");
        assertEquals(Op.CALL, b.call(ElementaryFunction.POW, a, b.constant(-4.0)).op(), "pow(a, -4) stays a call");
        assertEquals(Op.CALL, b.call(ElementaryFunction.POW, a, b.constant(2.5)).op(), "pow(a, 2.5) stays a call");
    }

    @Test
    void equalValuesAreComputedOnce() {
        Builder b = new Builder();
        Value a = b.read(X, b.constant(0));
        Value c = b.read(X, b.constant(1));
        assertSame(b.mul(a, c), b.mul(c, a), "commutative operands are ordered");
        assertSame(b.call(ElementaryFunction.EXP, a), b.call(ElementaryFunction.EXP, a));
        assertEquals(4, b.root().nodes().size(), "two reads, one product, one exp");
    }

    @Test
    void valuesOfAClosedBlockAreNotReused() {
        Builder b = new Builder();
        Value a = b.read(X, b.constant(0));
        Loop loop = b.beginLoop(b.constant(0), b.length(X), false, 1, "i");
        Value inside = b.call(ElementaryFunction.EXP, a);
        Value reusedOuter = b.read(X, b.constant(0));
        b.endLoop(loop);
        Value outside = b.call(ElementaryFunction.EXP, a);
        assertNotSame(inside, outside);
        assertNotSame(a, reusedOuter, "reads are shared within their own block only");
    }

    @Test
    void deadValuesAndLoopsAreRemoved() {
        Builder b = new Builder();
        Value a = b.read(X, b.constant(0));
        b.call(ElementaryFunction.SIN, a);   // unused
        Loop unused = b.beginLoop(b.constant(0), b.length(X), false, 1, "i");
        Value term = b.read(X, unused.index());
        b.endLoop(unused);
        b.reduce(unused, b.constant(0.0), term);
        Program p = DeadCodeElimination.run(new Program(b.root(), b.mul(a, a)));
        assertEquals(2, p.body().nodes().size(), "the read and the product remain: " + p.body().nodes());
    }

    @Test
    void aLoopThatOnlyNeedsEarlierValuesFusesWithTheLoopBeforeIt() {
        Builder b = new Builder();
        Value n = b.length(X);
        Loop first = b.beginLoop(b.constant(0), n, false, 1, "i");
        Value xi = b.read(X, first.index());
        Value sq = b.mul(xi, xi);
        b.endLoop(first);
        Value sum = b.reduce(first, b.constant(0.0), sq);
        Loop second = b.beginLoop(b.constant(0), n, false, 1, "i");
        Value xi2 = b.read(X, second.index());
        b.scatter(G, second.index(), b.add(xi2, xi2));
        b.endLoop(second);
        Program fused = Passes.simplify(new Program(b.root(), sum));
        long loops = fused.body().nodes().stream().filter(node -> node instanceof Loop).count();
        assertEquals(1, loops, "one loop computes the sum and scatters");
        Loop only = (Loop) fused.body().nodes().stream().filter(node -> node instanceof Loop).findFirst().orElseThrow();
        long reads = only.body().nodes().stream().filter(node -> node instanceof Value v && v.op() == Op.READ).count();
        assertEquals(1, reads, "the fused body reads x[i] once");
    }

    @Test
    void invariantsLeaveTheLoopAndInvariantScattersBecomeReductions() {
        Builder b = new Builder();
        Value n = b.length(X);
        Loop outer = b.beginLoop(b.constant(0), n, false, 1, "i");
        Loop inner = b.beginLoop(b.add(outer.index(), b.constant(1)), n, false, 1, "j");
        Value base = b.mul(outer.index(), b.constant(3));
        Value xi = b.read(X, base);
        Value xj = b.read(X, inner.index());
        b.scatter(G, base, b.mul(xi, xj));
        b.endLoop(inner);
        b.endLoop(outer);
        Program p = Passes.optimize(new Program(b.root(), null));
        Loop o = assertInstanceOf(Loop.class, p.body().nodes().get(1));
        List<Node> outerBody = o.body().nodes();
        assertTrue(outerBody.stream().anyMatch(node -> node instanceof Value v && v.op() == Op.MUL),
                "3 * i is computed once per i, outside the inner loop: " + outerBody);
        Loop in = (Loop) outerBody.stream().filter(node -> node instanceof Loop).findFirst().orElseThrow();
        assertEquals(1, in.reductions().size(), "g[3i] accumulates in a local");
        assertTrue(in.body().nodes().stream().noneMatch(node -> node instanceof Scatter));
        assertInstanceOf(Scatter.class, outerBody.get(outerBody.size() - 1), "and is scattered once after the inner loop");
    }

    @Test
    void simplifyingKeepsEveryScatterInItsIterationAndMotionIsAPassOfItsOwn() {
        Builder b = new Builder();
        Loop loop = b.beginLoop(b.constant(0), b.length(X), false, 1, "i");
        b.scatter(G, b.constant(0), b.read(X, loop.index()));
        b.endLoop(loop);
        Program simplified = Passes.simplify(new Program(b.root(), null));
        Loop kept = assertInstanceOf(Loop.class, simplified.body().nodes().get(1));
        assertTrue(kept.body().nodes().stream().anyMatch(node -> node instanceof Scatter), "g[0] += x[i] stays in the loop");
        Program moved = LoopInvariantMotion.run(simplified);
        Loop reduced = assertInstanceOf(Loop.class, moved.body().nodes().get(1));
        assertTrue(reduced.body().nodes().stream().noneMatch(node -> node instanceof Scatter));
        assertEquals(1, reduced.reductions().size(), "motion sums x[i] in a local and scatters it once after the loop");
    }
}
