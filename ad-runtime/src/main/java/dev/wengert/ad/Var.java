package dev.wengert.ad;

import dev.wengert.ad.tape.Guards;
import dev.wengert.ad.tape.Op;
import dev.wengert.ad.tape.TapeBuilder;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A value being recorded on a {@link Tape}: a small handle (tape, node, value). Every operation
 * appends at most one node to the tape and returns a new handle; the tape itself stores no objects, so
 * handles can be dropped freely. The value never changes, but the handle is not immutable: a
 * difference {@code x.minus(y)} (or with a constant) is recorded only where it is first used (under a {@link #norm} or a
 * {@link #square()} it becomes part of the distance or squared-difference node and takes no node of its
 * own), and when recording fuses an operation into the node that uses it (a sum under a
 * {@link #reciprocal}), the handle forgets its node and remembers how to record the operation again,
 * which it does if it is used once more. A {@code Var} belongs to its tape's thread, like the tape.
 *
 * <pre>{@code
 * Recording r = Tape.record(x -> x[0].times(x[1]).plus(x[0].sin()), 1.0, 2.0);
 * double[] g = new double[2];
 * r.gradient(new double[] {0.5, 3.0}, g);   // g = [3 + cos 0.5, 0.5]
 * }</pre>
 *
 * <p>The arithmetic methods are named {@code plus}, {@code minus}, {@code times}, {@code div} and
 * {@code unaryMinus} so that Kotlin code can write {@code a * b + c} on {@code Var}s. Overloads
 * taking a {@code double} record the constant inside the node: {@code x.times(2.0)} costs one
 * node, not two.
 *
 * <p>Control flow: use {@link #lt}, {@link #gt}, {@link #compareTo} and friends for branches, so
 * the comparison is recorded as a guard and a replay at a point where it flips is caught.
 * {@link #value()} is for reading results; branching on it is not recorded.
 *
 * <p>Non-differentiable points follow the conventions documented on the rules table:
 * abs'(0) = 0, min/max on a tie follow their first operand, sqrt'(0) = +inf (reported as a
 * {@link NonFiniteException} if it reaches a result), norm and hypot have zero gradient at the origin.
 */
public final class Var implements Comparable<Var> {
    private final Tape tape;
    private final double value;
    // The node holding this value (>= 0). For a difference not yet used, or after recording fused a value
    // into the node that used it (the norm under a reciprocal), a negative code that says how to record it
    // (TapeBuilder.deferredSubtraction, deferredDifferenceWithConstant, lostNary), which node() does. A long costs nothing: it fills what an int would leave as padding, so the handle is 32
    // bytes with fusion's bookkeeping in it.
    private long node;

    // node: a node index, or a code as for fusedAway (see unrecorded)
    Var(Tape tape, long node, double value) {
        this.tape = tape;
        this.node = node;
        this.value = value;
    }

    /**
     * The value computed while recording.
     *
     * @return the value at the recording point
     */
    public double value() {
        return value;
    }

    /**
     * The tape this value is recorded on.
     *
     * @return the tape
     */
    public Tape tape() {
        return tape;
    }

    /** A value not recorded yet: {@code pending} (a code as for {@link #fusedAway}) says how its first use records it. */
    static Var unrecorded(Tape tape, long pending, double value) {
        return new Var(tape, pending, value);
    }

    /** The code of the difference (x - y, x - c or c - x) this value is, if it has no node of its own; else 0. */
    long unrecordedDifference() {
        return TapeBuilder.isDifference(node) ? node : 0;
    }

    /** The node holding this value, recorded again first if it was fused away. */
    int node() {
        if (node < 0) node = tape.rerecord(node);
        return (int) node;
    }

    /** The node as recorded, or -1 if fused away, without recording anything. */
    int currentNode() {
        return node < 0 ? -1 : (int) node;
    }

    /** Marks this value's node as fused into another; {@code lost} says how the tape records it again. */
    void fusedAway(long lost) {
        this.node = lost;
    }

    // ---- arithmetic ----

    /**
     * {@code this + y}, recorded as one node.
     *
     * @param y the other operand, on the same tape
     * @return a new Var holding the result
     */
    public Var plus(Var y) { return tape.binary(Op.ADD, this, y); }

    /**
     * {@code this + c}, recorded as one node.
     *
     * @param c the constant operand (kept inside the node, not a node of its own)
     * @return a new Var holding the result
     */
    public Var plus(double c) { return tape.withConstant(Op.ADD_CONST, this, c); }

    /**
     * {@code this - y}, recorded as one node.
     *
     * @param y the other operand, on the same tape
     * @return a new Var holding the result
     */
    public Var minus(Var y) { return tape.binary(Op.SUB, this, y); }

    /**
     * {@code this - c}, recorded as one node.
     *
     * @param c the constant operand (kept inside the node, not a node of its own)
     * @return a new Var holding the result
     */
    public Var minus(double c) { return tape.withConstant(Op.SUB_CONST, this, c); }

    /**
     * {@code this * y}, recorded as one node.
     *
     * @param y the other operand, on the same tape
     * @return a new Var holding the result
     */
    public Var times(Var y) { return tape.binary(Op.MUL, this, y); }

    /**
     * {@code this * c}, recorded as one node.
     *
     * @param c the constant operand (kept inside the node, not a node of its own)
     * @return a new Var holding the result
     */
    public Var times(double c) { return tape.withConstant(Op.MUL_CONST, this, c); }

    /**
     * {@code this / y}, recorded as one node.
     *
     * @param y the other operand, on the same tape
     * @return a new Var holding the result
     */
    public Var div(Var y) { return tape.binary(Op.DIV, this, y); }

    /**
     * {@code this / c}, recorded as one node.
     *
     * @param c the constant operand (kept inside the node, not a node of its own)
     * @return a new Var holding the result
     */
    public Var div(double c) { return tape.withConstant(Op.DIV_CONST, this, c); }

    /**
     * {@code -this}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var unaryMinus() { return tape.unary(Op.NEG, this); }

    /**
     * {@code c - x}.
     *
     * @param c the constant
     * @param x the value subtracted
     * @return {@code c - x}, recorded as one node
     */
    public static Var minus(double c, Var x) { return x.tape.withConstant(Op.CONST_SUB, x, c); }
    /**
     * {@code c / x}.
     *
     * @param c the numerator
     * @param x the denominator
     * @return {@code c / x}, recorded as one node
     */
    public static Var div(double c, Var x) { return x.tape.withConstant(Op.CONST_DIV, x, c); }
    /**
     * {@code c ^ x}.
     *
     * @param c the base
     * @param x the exponent
     * @return {@code c^x}, recorded as one node
     */
    public static Var pow(double c, Var x) { return x.tape.withConstant(Op.CONST_POW, x, c); }

    // ---- elementary functions ----

    /**
     * {@code 1 / this}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var reciprocal() { return tape.unary(Op.RECIPROCAL, this); }

    /**
     * {@code this * this}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var square() { return tape.unary(Op.SQUARE, this); }

    /**
     * {@code sqrt(this)}, recorded as one node. Its derivative at 0 is +infinity.
     *
     * @return a new Var holding the result
     */
    public Var sqrt() { return tape.unary(Op.SQRT, this); }

    /**
     * {@code cbrt(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var cbrt() { return tape.unary(Op.CBRT, this); }

    /**
     * {@code e^this}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var exp() { return tape.unary(Op.EXP, this); }

    /**
     * {@code e^this - 1}, recorded as one node. Accurate for small values.
     *
     * @return a new Var holding the result
     */
    public Var expm1() { return tape.unary(Op.EXPM1, this); }

    /**
     * {@code ln(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var log() { return tape.unary(Op.LOG, this); }

    /**
     * {@code ln(1 + this)}, recorded as one node. Accurate for small values.
     *
     * @return a new Var holding the result
     */
    public Var log1p() { return tape.unary(Op.LOG1P, this); }

    /**
     * {@code log10(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var log10() { return tape.unary(Op.LOG10, this); }

    /**
     * {@code this^c}, recorded as one node. The exponents 2, 3, 4, -1, -2 and -3 are recorded as products
     * ({@code x * x}, {@code x * x * x}, {@code (x * x) * (x * x)}, {@code 1 / x}, {@code 1 / (x * x)},
     * {@code 1 / (x * x) / x}: {@link #square()}, a cube, a fourth power, {@link #reciprocal()}, an inverse
     * square, an inverse cube), in the value and in every derivative, with pow's conventions at 0: for a
     * negative exponent, at x = 0 (and -0) the value and the derivatives are the infinities pow gives, so a
     * driver reports them ({@link NonFiniteException}) as it does for {@code 1 / x} at 0. Other exponents use
     * {@code Math.pow}.
     *
     * @param c the constant operand (kept inside the node, not a node of its own)
     * @return a new Var holding the result
     */
    public Var pow(double c) {
        int products = Op.integerPower(c);
        return products >= 0 ? tape.unary((byte) products, this) : tape.withConstant(Op.POW_CONST, this, c);
    }

    /**
     * {@code this^k} for an integer k, recorded as one node: as {@link #pow(double)} of k, so 2, 3, 4, -1, -2
     * and -3 are products. From Kotlin, {@code x.pow(2)} calls this.
     *
     * @param k the exponent
     * @return a new Var holding the result
     */
    public Var pow(int k) { return pow((double) k); }

    /**
     * {@code this^y}, recorded as one node.
     *
     * @param y the other operand, on the same tape
     * @return a new Var holding the result
     */
    public Var pow(Var y) { return tape.binary(Op.POW, this, y); }

    /**
     * {@code sin(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var sin() { return tape.unary(Op.SIN, this); }

    /**
     * {@code cos(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var cos() { return tape.unary(Op.COS, this); }

    /**
     * {@code tan(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var tan() { return tape.unary(Op.TAN, this); }

    /**
     * {@code asin(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var asin() { return tape.unary(Op.ASIN, this); }

    /**
     * {@code acos(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var acos() { return tape.unary(Op.ACOS, this); }

    /**
     * {@code atan(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var atan() { return tape.unary(Op.ATAN, this); }

    /**
     * {@code sinh(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var sinh() { return tape.unary(Op.SINH, this); }

    /**
     * {@code cosh(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var cosh() { return tape.unary(Op.COSH, this); }

    /**
     * {@code tanh(this)}, recorded as one node.
     *
     * @return a new Var holding the result
     */
    public Var tanh() { return tape.unary(Op.TANH, this); }

    /**
     * {@code |this|}, recorded as one node. Its derivative at 0 is 0.
     *
     * @return a new Var holding the result
     */
    public Var abs() { return tape.unary(Op.ABS, this); }

    /**
     * {@code signum(this)}, recorded as one node. Its derivative is 0.
     *
     * @return a new Var holding the result
     */
    public Var signum() { return tape.unary(Op.SIGNUM, this); }

    /**
     * {@code floor(this)}, recorded as one node. Its derivative is 0.
     *
     * @return a new Var holding the result
     */
    public Var floor() { return tape.unary(Op.FLOOR, this); }

    /**
     * {@code ceil(this)}, recorded as one node. Its derivative is 0.
     *
     * @return a new Var holding the result
     */
    public Var ceil() { return tape.unary(Op.CEIL, this); }

    /**
     * {@code rint(this)}, the nearest integer, recorded as one node; derivative 0.
     *
     * @return a new Var holding the result
     */
    public Var rint() { return tape.unary(Op.RINT, this); }

    /**
     * {@code min(this, y)}, recorded as one node. On a tie the derivative follows this operand.
     *
     * @param y the other operand, on the same tape
     * @return a new Var holding the result
     */
    public Var min(Var y) { return tape.binary(Op.MIN, this, y); }

    /**
     * {@code min(this, c)}, recorded as one node. On a tie the derivative follows this operand.
     *
     * @param c the constant operand (kept inside the node, not a node of its own)
     * @return a new Var holding the result
     */
    public Var min(double c) { return tape.withConstant(Op.MIN_CONST, this, c); }

    /**
     * {@code max(this, y)}, recorded as one node. On a tie the derivative follows this operand.
     *
     * @param y the other operand, on the same tape
     * @return a new Var holding the result
     */
    public Var max(Var y) { return tape.binary(Op.MAX, this, y); }

    /**
     * {@code max(this, c)}, recorded as one node. On a tie the derivative follows this operand.
     *
     * @param c the constant operand (kept inside the node, not a node of its own)
     * @return a new Var holding the result
     */
    public Var max(double c) { return tape.withConstant(Op.MAX_CONST, this, c); }

    /**
     * {@code atan2(y, x)}, the angle of the point (x, y).
     *
     * @param y the ordinate
     * @param x the abscissa, on the same tape
     * @return the angle, in (-pi, pi], recorded as one node
     */
    public static Var atan2(Var y, Var x) { return y.tape.binary(Op.ATAN2, y, x); }
    /**
     * {@code sqrt(a^2 + b^2)} without intermediate overflow.
     *
     * @param a one side
     * @param b the other side, on the same tape
     * @return {@code sqrt(a^2 + b^2)}, recorded as one node
     */
    public static Var hypot(Var a, Var b) { return a.tape.binary(Op.HYPOT, a, b); }

    // ---- n-ary nodes: one node however many terms ----

    /**
     * The sum of the terms, recorded as one node.
     *
     * @param terms the terms, all on one tape
     * @return the sum, recorded as one node
     */
    public static Var sum(Var... terms) { return Tape.of("sum", terms).nary(Op.SUM, terms, null); }

    /**
     * The sum of the terms, recorded as one node.
     *
     * @param terms the terms, all on one tape
     * @return the sum, recorded as one node
     */
    public static Var sum(List<Var> terms) { return sum(terms.toArray(new Var[0])); }

    /**
     * The sum of {@code n} terms, {@code term.apply(0) + ... + term.apply(n - 1)}, recorded as one node
     * that takes each term as it is recorded: no list or array of terms is built, and none of the terms'
     * {@code Var}s is kept alive. {@code term} is called once for each k, in order from 0, so it may
     * carry the state of a double loop; terms may be sums themselves. The tape is the same as that of
     * {@link #sum(List)} over the same terms in the same order, and so are the numbers, bit for bit.
     *
     * <pre>{@code
     * // the Thomson energy: sum over i < j of 1 / |p_i - p_j|
     * Var e = Var.sum(n - 1, i -> Var.sum(n - 1 - i, k -> {
     *     int j = i + 1 + k;
     *     return Var.norm(x[3 * i].minus(x[3 * j]), x[3 * i + 1].minus(x[3 * j + 1]),
     *             x[3 * i + 2].minus(x[3 * j + 2])).reciprocal();
     * }));
     * }</pre>
     *
     * @param n the number of terms, at least 1 (for a sum that may be empty use {@link #sum(Tape, Var...)})
     * @param term the term for each k = 0 .. n - 1, all on one tape
     * @return the sum, recorded as one node
     */
    public static Var sum(int n, IntFunction<Var> term) {
        if (term == null) throw new NullPointerException("sum: the term function is null");
        if (n < 1) {
            throw new IllegalArgumentException("sum of " + n + " terms: there is no tape to record on; for a sum"
                    + " that may be empty write Var.sum(x[0].tape(), terms), which accepts no terms");
        }
        Var first = term.apply(0);
        if (first == null) throw new NullPointerException("null Var passed to sum (term 0 of " + n + ")");
        return first.tape.sum(first, n, term);
    }

    /**
     * The sum of the terms on {@code tape}, recorded as one node; no terms give the constant 0
     * (the other overloads need a term to find the tape).
     *
     * @param tape the tape the terms are on
     * @param terms the terms, possibly none
     * @return the sum
     */
    public static Var sum(Tape tape, Var... terms) {
        if (tape == null) throw new NullPointerException("sum: tape is null");
        if (terms == null) throw new NullPointerException("sum: the array of terms is null");
        return terms.length == 0 ? tape.constant(0) : tape.nary(Op.SUM, terms, null);
    }

    /**
     * The sum of the terms that {@code body} adds, recorded as one node: the body runs once and hands each
     * term to {@link Terms#add} as soon as it has recorded it, so the sum is written as the plain loop
     * over the terms. No term's {@code Var} is kept, so a sum of many small terms allocates nothing per
     * term. The tape and the numbers are those of {@link #sum(List)} over the terms in the order they
     * were added; a body that adds none gives the constant 0. Sums may nest: a term may itself be a sum.
     *
     * <pre>{@code
     * // the Thomson energy: sum over i < j of 1 / |p_i - p_j|
     * Var e = Var.sum(x[0].tape(), terms -> {
     *     for (int i = 0; i < n; i++) {
     *         for (int j = i + 1; j < n; j++) {
     *             terms.add(Var.norm(x[3 * i].minus(x[3 * j]), x[3 * i + 1].minus(x[3 * j + 1]),
     *                     x[3 * i + 2].minus(x[3 * j + 2])).reciprocal());
     *         }
     *     }
     * });
     * }</pre>
     *
     * @param tape the tape the terms are on
     * @param body adds the terms, on the thread that records on {@code tape}
     * @return the sum
     * @throws IllegalStateException if the body keeps its {@link Terms} and adds to it later, or adds to
     *         it while a sum nested inside it is open
     */
    public static Var sum(Tape tape, Consumer<Terms> body) {
        if (tape == null) throw new NullPointerException("sum: tape is null");
        if (body == null) throw new NullPointerException("sum: the body is null");
        return tape.sum(body);
    }

    /**
     * The dot product a . b, recorded as one node.
     *
     * @param a the first vector
     * @param b the second vector, of the same length, on the same tape
     * @return the dot product, recorded as one node
     */
    public static Var dot(Var[] a, Var[] b) {
        if (a.length != b.length) throw new DimensionMismatchException("dot: second vector", b.length, a.length);
        Var[] both = new Var[a.length * 2];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return Tape.of("dot", both).nary(Op.DOT, both, null);
    }

    /**
     * The linear combination c . x (constant weights), recorded as one node.
     *
     * @param c the weights
     * @param x the variables, as many as weights
     * @return the weighted sum, recorded as one node
     */
    public static Var dot(double[] c, Var[] x) {
        if (c.length != x.length) throw new DimensionMismatchException("dot: weights", c.length, x.length);
        return Tape.of("dot", x).nary(Op.LINEAR, x, c);
    }

    /**
     * The Euclidean norm sqrt(sum x_k^2), recorded as one node; its gradient at 0 is 0.
     *
     * @param x the components, all on one tape
     * @return the Euclidean norm, recorded as one node
     */
    public static Var norm(Var... x) { return Tape.of("norm", x).nary(Op.NORM, x, null); }

    /**
     * The Euclidean norm sqrt(a^2 + b^2), recorded as one node (as {@link #norm(Var...)}, without its array).
     *
     * @param a one component
     * @param b the other, on the same tape
     * @return the Euclidean norm, recorded as one node
     */
    public static Var norm(Var a, Var b) { return Tape.of("norm", a).norm(a, b); }

    /**
     * The Euclidean norm sqrt(a^2 + b^2 + c^2), recorded as one node (as {@link #norm(Var...)}, without its
     * array): {@code Var.norm(p.minus(q), ...)} of three subtractions is one distance node.
     *
     * @param a the first component
     * @param b the second, on the same tape
     * @param c the third, on the same tape
     * @return the Euclidean norm, recorded as one node
     */
    public static Var norm(Var a, Var b, Var c) { return Tape.of("norm", a).norm(a, b, c); }

    // ---- comparisons, recorded as guards ----

    /**
     * {@code this < y}, recorded as a guard: a replay where the outcome differs is caught.
     *
     * @param y the other operand, on the same tape
     * @return the outcome at the recording point
     */
    public boolean lt(Var y) { return tape.guard(Guards.LESS, this, y); }

    /**
     * {@code this < c}, recorded as a guard: a replay where the outcome differs is caught.
     *
     * @param c the constant to compare with
     * @return the outcome at the recording point
     */
    public boolean lt(double c) { return tape.guard(Guards.LESS, this, c); }

    /**
     * {@code this <= y}, recorded as a guard: a replay where the outcome differs is caught.
     *
     * @param y the other operand, on the same tape
     * @return the outcome at the recording point
     */
    public boolean le(Var y) { return tape.guard(Guards.LESS_OR_EQUAL, this, y); }

    /**
     * {@code this <= c}, recorded as a guard: a replay where the outcome differs is caught.
     *
     * @param c the constant to compare with
     * @return the outcome at the recording point
     */
    public boolean le(double c) { return tape.guard(Guards.LESS_OR_EQUAL, this, c); }

    /**
     * {@code this > y}, recorded as a guard: a replay where the outcome differs is caught.
     *
     * @param y the other operand, on the same tape
     * @return the outcome at the recording point
     */
    public boolean gt(Var y) { return tape.guard(Guards.GREATER, this, y); }

    /**
     * {@code this > c}, recorded as a guard: a replay where the outcome differs is caught.
     *
     * @param c the constant to compare with
     * @return the outcome at the recording point
     */
    public boolean gt(double c) { return tape.guard(Guards.GREATER, this, c); }

    /**
     * {@code this >= y}, recorded as a guard: a replay where the outcome differs is caught.
     *
     * @param y the other operand, on the same tape
     * @return the outcome at the recording point
     */
    public boolean ge(Var y) { return tape.guard(Guards.GREATER_OR_EQUAL, this, y); }

    /**
     * {@code this >= c}, recorded as a guard: a replay where the outcome differs is caught.
     *
     * @param c the constant to compare with
     * @return the outcome at the recording point
     */
    public boolean ge(double c) { return tape.guard(Guards.GREATER_OR_EQUAL, this, c); }

    /** Compares values, recording the outcome as guards (so a replay where it changes is caught). */
    @Override
    public int compareTo(Var y) {
        if (lt(y)) return -1;
        return gt(y) ? 1 : 0;
    }

    @Override
    public String toString() {
        return "Var[" + value + (node < 0 ? " (fused)" : " @" + node) + "]";
    }
}
