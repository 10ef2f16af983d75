package dev.wengert.ad;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Random expression trees over x[0..n), built from the whole op set, each evaluable on the tape
 * ({@link Var}) and with duals ({@link Dual}) by the same operations, and printable as the Java
 * that records it ({@link Expr#java}), so a failure report can be pasted into a test.
 *
 * <p>Domains are safe by construction: log of (u^2 + 1), sqrt of (u^2 + 0.5), asin of
 * 0.9 tanh u, division by (v^2 + 1), and so on; with inputs in [-2, 2] values stay moderate.
 * Each operation is written once, as its Java text and its two interpretations side by side.
 */
final class RandomExpressions {
    private RandomExpressions() {
    }

    /** A tree that can be evaluated on the tape and with duals, the same operations in both. */
    interface Expr {
        Var on(Var[] x);

        Dual on(Dual[] x);

        /** The Java expression over {@code Var[] x} that records this tree. */
        String java();

        /** Smaller trees to try when this one fails: its subtrees, then itself with a smaller part. */
        List<Expr> shrinks();

        /** Whether the tree records a comparison (a guard). */
        boolean branches();
    }

    /** One unary operation: its Java text (%s is the operand) and its two interpretations. */
    record UnaryOp(String java, UnaryOperator<Var> onVar, UnaryOperator<Dual> onDual, boolean smooth) {
    }

    /** One binary operation: its Java text (%1$s and %2$s are the operands) and its two interpretations. */
    record BinaryOp(String java, BinaryOperator<Var> onVar, BinaryOperator<Dual> onDual, boolean smooth) {
    }

    static final List<UnaryOp> UNARY = List.of(
            new UnaryOp("%s.sin()", Var::sin, Dual::sin, true),
            new UnaryOp("%s.cos()", Var::cos, Dual::cos, true),
            new UnaryOp("%s.atan()", Var::atan, Dual::atan, true),
            new UnaryOp("%s.tanh()", Var::tanh, Dual::tanh, true),
            new UnaryOp("%s.sin().exp()", u -> u.sin().exp(), u -> u.sin().exp(), true),
            new UnaryOp("%s.square().plus(1).log()", u -> u.square().plus(1).log(), u -> u.square().plus(1).log(), true),
            new UnaryOp("%s.square().plus(0.5).sqrt()", u -> u.square().plus(0.5).sqrt(), u -> u.square().plus(0.5).sqrt(), true),
            new UnaryOp("%s.square().log1p()", u -> u.square().log1p(), u -> u.square().log1p(), true),
            new UnaryOp("%s.sin().expm1()", u -> u.sin().expm1(), u -> u.sin().expm1(), true),
            new UnaryOp("%s.square().plus(1).cbrt()", u -> u.square().plus(1).cbrt(), u -> u.square().plus(1).cbrt(), true),
            new UnaryOp("%s.square().plus(1).reciprocal()", u -> u.square().plus(1).reciprocal(),
                    u -> u.square().plus(1).reciprocal(), true),
            new UnaryOp("%s.tanh().times(0.9).asin()", u -> u.tanh().times(0.9).asin(), u -> u.tanh().times(0.9).asin(), true),
            new UnaryOp("%s.tanh().times(0.9).acos()", u -> u.tanh().times(0.9).acos(), u -> u.tanh().times(0.9).acos(), true),
            new UnaryOp("%s.sin().sinh()", u -> u.sin().sinh(), u -> u.sin().sinh(), true),
            new UnaryOp("%s.atan().cosh()", u -> u.atan().cosh(), u -> u.atan().cosh(), true),
            new UnaryOp("%s.atan().times(0.5).tan()", u -> u.atan().times(0.5).tan(), u -> u.atan().times(0.5).tan(), true),
            new UnaryOp("%s.pow(3.0)", u -> u.pow(3.0), u -> u.pow(3.0), true),
            new UnaryOp("%s.square().plus(1).pow(1.5)", u -> u.square().plus(1).pow(1.5), u -> u.square().plus(1).pow(1.5), true),
            new UnaryOp("Var.pow(2.0, %s.sin())", u -> Var.pow(2.0, u.sin()), u -> Dual.pow(2.0, u.sin()), true),
            new UnaryOp("Var.minus(1.5, %s)", u -> Var.minus(1.5, u), u -> Dual.minus(1.5, u), true),
            new UnaryOp("Var.div(2.0, %s.square().plus(1))", u -> Var.div(2.0, u.square().plus(1)),
                    u -> Dual.div(2.0, u.square().plus(1)), true),
            new UnaryOp("%s.unaryMinus()", Var::unaryMinus, Dual::unaryMinus, true),
            new UnaryOp("%s.times(-0.7).plus(0.3)", u -> u.times(-0.7).plus(0.3), u -> u.times(-0.7).plus(0.3), true),
            new UnaryOp("%s.div(3.0).minus(0.2)", u -> u.div(3.0).minus(0.2), u -> u.div(3.0).minus(0.2), true),
            // kinks
            new UnaryOp("%s.abs()", Var::abs, Dual::abs, false),
            new UnaryOp("%1$s.signum().times(%1$s)", u -> u.signum().times(u), u -> u.signum().times(u), false),
            new UnaryOp("%1$s.floor().plus(%1$s)", u -> u.floor().plus(u), u -> u.floor().plus(u), false),
            new UnaryOp("%1$s.ceil().times(%1$s)", u -> u.ceil().times(u), u -> u.ceil().times(u), false),
            new UnaryOp("%s.min(0.25)", u -> u.min(0.25), u -> u.min(0.25), false),
            new UnaryOp("%s.max(-0.25)", u -> u.max(-0.25), u -> u.max(-0.25), false));

    static final List<BinaryOp> BINARY = List.of(
            new BinaryOp("%1$s.plus(%2$s)", Var::plus, Dual::plus, true),
            new BinaryOp("%1$s.minus(%2$s)", Var::minus, Dual::minus, true),
            new BinaryOp("%1$s.times(%2$s)", Var::times, Dual::times, true),
            new BinaryOp("%1$s.div(%2$s.square().plus(1))", (p, q) -> p.div(q.square().plus(1)),
                    (p, q) -> p.div(q.square().plus(1)), true),
            new BinaryOp("%1$s.square().plus(1).pow(%2$s.sin())", (p, q) -> p.square().plus(1).pow(q.sin()),
                    (p, q) -> p.square().plus(1).pow(q.sin()), true),
            new BinaryOp("Var.atan2(%1$s, %2$s.square().plus(1))", (p, q) -> Var.atan2(p, q.square().plus(1)),
                    (p, q) -> Dual.atan2(p, q.square().plus(1)), true),
            new BinaryOp("Var.hypot(%1$s, %2$s.square().plus(1))", (p, q) -> Var.hypot(p, q.square().plus(1)),
                    (p, q) -> Dual.hypot(p, q.square().plus(1)), true),
            new BinaryOp("Var.sum(%1$s, %2$s, %1$s)", (p, q) -> Var.sum(p, q, p), (p, q) -> p.plus(q).plus(p), true),
            new BinaryOp("Var.dot(new Var[] {%1$s, %2$s}, new Var[] {%2$s, %1$s.sin()})",
                    (p, q) -> Var.dot(new Var[] {p, q}, new Var[] {q, p.sin()}), (p, q) -> p.times(q).plus(q.times(p.sin())), true),
            new BinaryOp("Var.norm(%1$s, %2$s, %1$s.square().plus(1))", (p, q) -> Var.norm(p, q, p.square().plus(1)),
                    (p, q) -> p.square().plus(q.square()).plus(p.square().plus(1).square()).sqrt(), true),
            new BinaryOp("Var.dot(new double[] {0.5, -1.25}, new Var[] {%1$s, %2$s})",
                    (p, q) -> Var.dot(new double[] {0.5, -1.25}, new Var[] {p, q}), (p, q) -> p.times(0.5).plus(q.times(-1.25)), true),
            new BinaryOp("Var.norm(%1$s.minus(%2$s), %2$s.minus(0.5))", (p, q) -> Var.norm(p.minus(q), q.minus(0.5)),
                    RandomExpressions::distanceOnDuals, true),
            new BinaryOp("%1$s.minus(%2$s).square().plus(%2$s.minus(%1$s.sin()).square()).plus(0.25).sqrt()",
                    (p, q) -> p.minus(q).square().plus(q.minus(p.sin()).square()).plus(0.25).sqrt(),
                    (p, q) -> p.minus(q).square().plus(q.minus(p.sin()).square()).plus(0.25).sqrt(), true),
            // kinks
            new BinaryOp("%1$s.min(%2$s)", Var::min, Dual::min, false),
            new BinaryOp("%1$s.max(%2$s)", Var::max, Dual::max, false),
            new BinaryOp("Var.hypot(%1$s, %2$s)", Var::hypot, Dual::hypot, false));

    // |(p - q, q - 0.5)| with the tape's convention at the origin (reached when p = q = 0.5, which
    // the points' three decimals make likely): value and derivative 0, where sqrt' would be infinite.
    private static Dual distanceOnDuals(Dual p, Dual q) {
        Dual squared = p.minus(q).square().plus(q.minus(0.5).square());
        return squared.value() == 0 ? Dual.constant(0) : squared.sqrt();
    }

    private static String number(double c) {
        return String.format(Locale.ROOT, "%s", c);
    }

    /** x[index], or scale * x[index] + shift. */
    record Leaf(int index, double scale, double shift) implements Expr {
        public Var on(Var[] x) {
            Var v = x[index % x.length];
            return scale == 1 && shift == 0 ? v : v.times(scale).plus(shift);
        }

        public Dual on(Dual[] x) {
            Dual v = x[index % x.length];
            return scale == 1 && shift == 0 ? v : v.times(scale).plus(shift);
        }

        // The index is taken modulo n when evaluated; printed for the n of the report.
        public String java() {
            String v = "x[" + index + " % x.length]";
            return scale == 1 && shift == 0 ? v : v + ".times(" + number(scale) + ").plus(" + number(shift) + ")";
        }

        public List<Expr> shrinks() {
            return scale == 1 && shift == 0 ? List.of() : List.of(new Leaf(index, 1, 0));
        }

        public boolean branches() {
            return false;
        }

        @Override
        public String toString() {
            return java();
        }
    }

    record Unary(int op, Expr a) implements Expr {
        public Var on(Var[] x) {
            return UNARY.get(op).onVar().apply(a.on(x));
        }

        public Dual on(Dual[] x) {
            return UNARY.get(op).onDual().apply(a.on(x));
        }

        public String java() {
            return String.format(UNARY.get(op).java(), a.java());
        }

        public List<Expr> shrinks() {
            List<Expr> s = new ArrayList<>(List.of(a));
            for (Expr smaller : a.shrinks()) s.add(new Unary(op, smaller));
            return s;
        }

        public boolean branches() {
            return a.branches();
        }

        @Override
        public String toString() {
            return java();
        }
    }

    record Binary(int op, Expr a, Expr b) implements Expr {
        public Var on(Var[] x) {
            return BINARY.get(op).onVar().apply(a.on(x), b.on(x));
        }

        public Dual on(Dual[] x) {
            return BINARY.get(op).onDual().apply(a.on(x), b.on(x));
        }

        public String java() {
            return String.format(BINARY.get(op).java(), a.java(), b.java());
        }

        public List<Expr> shrinks() {
            List<Expr> s = new ArrayList<>(List.of(a, b));
            for (Expr smaller : a.shrinks()) s.add(new Binary(op, smaller, b));
            for (Expr smaller : b.shrinks()) s.add(new Binary(op, a, smaller));
            return s;
        }

        public boolean branches() {
            return a.branches() || b.branches();
        }

        @Override
        public String toString() {
            return java();
        }
    }

    /** {@code left > right ? then : otherwise}, the comparison recorded as a guard. */
    record Branch(Expr left, Expr right, Expr then, Expr otherwise) implements Expr {
        public Var on(Var[] x) {
            return left.on(x).gt(right.on(x)) ? then.on(x) : otherwise.on(x);
        }

        public Dual on(Dual[] x) {
            return left.on(x).value() > right.on(x).value() ? then.on(x) : otherwise.on(x);
        }

        public String java() {
            return "(" + left.java() + ".gt(" + right.java() + ") ? " + then.java() + " : " + otherwise.java() + ")";
        }

        public List<Expr> shrinks() {
            List<Expr> s = new ArrayList<>(List.of(then, otherwise));
            for (Expr smaller : then.shrinks()) s.add(new Branch(left, right, smaller, otherwise));
            for (Expr smaller : otherwise.shrinks()) s.add(new Branch(left, right, then, smaller));
            for (Expr smaller : left.shrinks()) s.add(new Branch(smaller, right, then, otherwise));
            for (Expr smaller : right.shrinks()) s.add(new Branch(left, smaller, then, otherwise));
            return s;
        }

        public boolean branches() {
            return true;
        }

        @Override
        public String toString() {
            return java();
        }
    }

    /** Number of unary operations without kinks (they come first in {@link #UNARY}). */
    static int smoothUnaryCount() {
        return (int) UNARY.stream().filter(UnaryOp::smooth).count();
    }

    /** Number of binary operations without kinks (they come first in {@link #BINARY}). */
    static int smoothBinaryCount() {
        return (int) BINARY.stream().filter(BinaryOp::smooth).count();
    }

    /**
     * A random tree of at most {@code depth} levels: leaves 1 in 7, unary and binary nodes 3 in 7
     * each (a branch instead of a binary node 1 time in 8 if {@code branches}).
     */
    static Expr random(Random r, int depth, boolean smooth, boolean branches) {
        int kind = depth == 0 ? 0 : r.nextInt(7);
        if (kind == 0) {
            int index = r.nextInt(6);
            return r.nextBoolean() ? new Leaf(index, 1, 0)
                    : new Leaf(index, Math.round((3 * r.nextDouble() - 1.5) * 100) / 100.0, 0.25 * index);
        }
        if (kind <= 3) {
            return new Unary(r.nextInt(smooth ? smoothUnaryCount() : UNARY.size()), random(r, depth - 1, smooth, branches));
        }
        if (branches && r.nextInt(8) == 0) {
            return new Branch(random(r, depth - 1, smooth, false), random(r, depth - 1, smooth, false),
                    random(r, depth - 1, smooth, branches), random(r, depth - 1, smooth, branches));
        }
        return new Binary(r.nextInt(smooth ? smoothBinaryCount() : BINARY.size()),
                random(r, depth - 1, smooth, branches), random(r, depth - 1, smooth, branches));
    }
}
