package dev.wengert.ad;

import dev.wengert.ad.tape.Op;
import dev.wengert.ad.tape.Rules;

/**
 * A dual number a + b e (e^2 = 0): standalone forward mode, no tape. Evaluating f on
 * {@code Dual.variable(x, v)} gives f(x) and the directional derivative f'(x) v. Uses the same
 * rules table as the tape.
 *
 * <pre>{@code
 * Dual x = Dual.variable(0.5, 1.0);
 * Dual y = x.sin().times(x.exp());
 * y.value();     // sin(0.5) e^0.5
 * y.tangent();   // (cos(0.5) + sin(0.5)) e^0.5
 * }</pre>
 */
public final class Dual {
    private final double value;
    private final double tangent;

    private Dual(double value, double tangent) {
        this.value = value;
        this.tangent = tangent;
    }

    /**
     * A variable with value {@code value} moving in direction {@code tangent}.
     *
     * @param value the value
     * @param tangent the direction (1 for a plain derivative)
     * @return the dual number value + tangent e
     */
    public static Dual variable(double value, double tangent) {
        return new Dual(value, tangent);
    }

    /**
     * A constant (zero tangent).
     *
     * @param value the value
     * @return the dual number value + 0 e
     */
    public static Dual constant(double value) {
        return new Dual(value, 0);
    }

    /**
     * The value part a.
     *
     * @return the value
     */
    public double value() { return value; }

    /**
     * The tangent part b: the directional derivative.
     *
     * @return the tangent
     */
    public double tangent() { return tangent; }

    /**
     * {@code this + y}.
     *
     * @param y the other operand
     * @return a new Dual holding the result
     */
    public Dual plus(Dual y) { return binary(Op.ADD, y); }

    /**
     * {@code this + c}.
     *
     * @param c the constant operand
     * @return a new Dual holding the result
     */
    public Dual plus(double c) { return withConstant(Op.ADD_CONST, c); }

    /**
     * {@code this - y}.
     *
     * @param y the other operand
     * @return a new Dual holding the result
     */
    public Dual minus(Dual y) { return binary(Op.SUB, y); }

    /**
     * {@code this - c}.
     *
     * @param c the constant operand
     * @return a new Dual holding the result
     */
    public Dual minus(double c) { return withConstant(Op.SUB_CONST, c); }

    /**
     * {@code this * y}.
     *
     * @param y the other operand
     * @return a new Dual holding the result
     */
    public Dual times(Dual y) { return binary(Op.MUL, y); }

    /**
     * {@code this * c}.
     *
     * @param c the constant operand
     * @return a new Dual holding the result
     */
    public Dual times(double c) { return withConstant(Op.MUL_CONST, c); }

    /**
     * {@code this / y}.
     *
     * @param y the other operand
     * @return a new Dual holding the result
     */
    public Dual div(Dual y) { return binary(Op.DIV, y); }

    /**
     * {@code this / c}.
     *
     * @param c the constant operand
     * @return a new Dual holding the result
     */
    public Dual div(double c) { return withConstant(Op.DIV_CONST, c); }

    /**
     * {@code -this}.
     *
     * @return a new Dual holding the result
     */
    public Dual unaryMinus() { return unary(Op.NEG); }

    /**
     * {@code 1 / this}.
     *
     * @return a new Dual holding the result
     */
    public Dual reciprocal() { return unary(Op.RECIPROCAL); }

    /**
     * {@code this * this}.
     *
     * @return a new Dual holding the result
     */
    public Dual square() { return unary(Op.SQUARE); }

    /**
     * {@code sqrt(this)}. Its derivative at 0 is +infinity.
     *
     * @return a new Dual holding the result
     */
    public Dual sqrt() { return unary(Op.SQRT); }

    /**
     * {@code cbrt(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual cbrt() { return unary(Op.CBRT); }

    /**
     * {@code e^this}.
     *
     * @return a new Dual holding the result
     */
    public Dual exp() { return unary(Op.EXP); }

    /**
     * {@code e^this - 1}. Accurate for small values.
     *
     * @return a new Dual holding the result
     */
    public Dual expm1() { return unary(Op.EXPM1); }

    /**
     * {@code ln(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual log() { return unary(Op.LOG); }

    /**
     * {@code ln(1 + this)}. Accurate for small values.
     *
     * @return a new Dual holding the result
     */
    public Dual log1p() { return unary(Op.LOG1P); }

    /**
     * {@code log10(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual log10() { return unary(Op.LOG10); }

    /**
     * {@code this^c}; the exponents 2, 3, 4, -1, -2 and -3 as products, as on the tape (for a negative
     * exponent at 0 the value and the derivative are pow's infinities, as {@link #reciprocal()}'s are).
     *
     * @param c the constant operand
     * @return a new Dual holding the result
     */
    public Dual pow(double c) {
        int products = Op.integerPower(c);
        return products >= 0 ? unary((byte) products) : withConstant(Op.POW_CONST, c);
    }

    /**
     * {@code this^k} for an integer k: as {@link #pow(double)} of k (2, 3, 4, -1, -2 and -3 as products, like the tape).
     *
     * @param k the exponent
     * @return a new Dual holding the result
     */
    public Dual pow(int k) { return pow((double) k); }

    /**
     * {@code this^y}.
     *
     * @param y the other operand
     * @return a new Dual holding the result
     */
    public Dual pow(Dual y) { return binary(Op.POW, y); }

    /**
     * {@code sin(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual sin() { return unary(Op.SIN); }

    /**
     * {@code cos(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual cos() { return unary(Op.COS); }

    /**
     * {@code tan(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual tan() { return unary(Op.TAN); }

    /**
     * {@code asin(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual asin() { return unary(Op.ASIN); }

    /**
     * {@code acos(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual acos() { return unary(Op.ACOS); }

    /**
     * {@code atan(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual atan() { return unary(Op.ATAN); }

    /**
     * {@code sinh(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual sinh() { return unary(Op.SINH); }

    /**
     * {@code cosh(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual cosh() { return unary(Op.COSH); }

    /**
     * {@code tanh(this)}.
     *
     * @return a new Dual holding the result
     */
    public Dual tanh() { return unary(Op.TANH); }

    /**
     * {@code |this|}. Its derivative at 0 is 0.
     *
     * @return a new Dual holding the result
     */
    public Dual abs() { return unary(Op.ABS); }

    /**
     * {@code signum(this)}. Its derivative is 0.
     *
     * @return a new Dual holding the result
     */
    public Dual signum() { return unary(Op.SIGNUM); }

    /**
     * {@code floor(this)}. Its derivative is 0.
     *
     * @return a new Dual holding the result
     */
    public Dual floor() { return unary(Op.FLOOR); }

    /**
     * {@code ceil(this)}. Its derivative is 0.
     *
     * @return a new Dual holding the result
     */
    public Dual ceil() { return unary(Op.CEIL); }

    /**
     * {@code rint(this)}, the nearest integer; derivative 0.
     *
     * @return a new Dual holding the result
     */
    public Dual rint() { return unary(Op.RINT); }

    /**
     * {@code min(this, y)}. On a tie the derivative follows this operand.
     *
     * @param y the other operand
     * @return a new Dual holding the result
     */
    public Dual min(Dual y) { return binary(Op.MIN, y); }

    /**
     * {@code min(this, c)}. On a tie the derivative follows this operand.
     *
     * @param c the constant operand
     * @return a new Dual holding the result
     */
    public Dual min(double c) { return withConstant(Op.MIN_CONST, c); }

    /**
     * {@code max(this, y)}. On a tie the derivative follows this operand.
     *
     * @param y the other operand
     * @return a new Dual holding the result
     */
    public Dual max(Dual y) { return binary(Op.MAX, y); }

    /**
     * {@code max(this, c)}. On a tie the derivative follows this operand.
     *
     * @param c the constant operand
     * @return a new Dual holding the result
     */
    public Dual max(double c) { return withConstant(Op.MAX_CONST, c); }

    /**
     * {@code c - x}.
     *
     * @param c the constant
     * @param x the value subtracted
     * @return {@code c - x}
     */
    public static Dual minus(double c, Dual x) { return x.withConstant(Op.CONST_SUB, c); }
    /**
     * {@code c / x}.
     *
     * @param c the numerator
     * @param x the denominator
     * @return {@code c / x}
     */
    public static Dual div(double c, Dual x) { return x.withConstant(Op.CONST_DIV, c); }
    /**
     * {@code c ^ x}.
     *
     * @param c the base
     * @param x the exponent
     * @return {@code c^x}
     */
    public static Dual pow(double c, Dual x) { return x.withConstant(Op.CONST_POW, c); }

    /**
     * {@code atan2(y, x)}.
     *
     * @param y the ordinate
     * @param x the abscissa
     * @return the angle, in (-pi, pi]
     */
    public static Dual atan2(Dual y, Dual x) { return y.binary(Op.ATAN2, x); }
    /**
     * {@code hypot(a, b)}.
     *
     * @param a one side
     * @param b the other side
     * @return {@code sqrt(a^2 + b^2)}
     */
    public static Dual hypot(Dual a, Dual b) { return a.binary(Op.HYPOT, b); }

    private Dual unary(byte op) {
        double f = Rules.unary(op, value);
        return new Dual(f, Rules.unaryDx(op, value, f) * tangent);
    }

    private Dual withConstant(byte op, double c) {
        double f = Rules.withConstant(op, value, c);
        return new Dual(f, Rules.withConstantDx(op, value, c, f) * tangent);
    }

    private Dual binary(byte op, Dual y) {
        double f = Rules.binary(op, value, y.value);
        return new Dual(f, Rules.times(Rules.binaryDx(op, value, y.value, f), tangent)
                + Rules.times(Rules.binaryDy(op, value, y.value, f), y.tangent));
    }

    @Override
    public String toString() {
        return value + " + " + tangent + "e";
    }
}
