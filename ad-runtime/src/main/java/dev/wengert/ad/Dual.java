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

    /** A variable with value {@code value} moving in direction {@code tangent}. */
    public static Dual variable(double value, double tangent) {
        return new Dual(value, tangent);
    }

    /** A constant (zero tangent). */
    public static Dual constant(double value) {
        return new Dual(value, 0);
    }

    public double value() { return value; }
    public double tangent() { return tangent; }

    public Dual plus(Dual y) { return binary(Op.ADD, y); }
    public Dual plus(double c) { return withConstant(Op.ADD_CONST, c); }
    public Dual minus(Dual y) { return binary(Op.SUB, y); }
    public Dual minus(double c) { return withConstant(Op.SUB_CONST, c); }
    public Dual times(Dual y) { return binary(Op.MUL, y); }
    public Dual times(double c) { return withConstant(Op.MUL_CONST, c); }
    public Dual div(Dual y) { return binary(Op.DIV, y); }
    public Dual div(double c) { return withConstant(Op.DIV_CONST, c); }
    public Dual unaryMinus() { return unary(Op.NEG); }
    public Dual reciprocal() { return unary(Op.RECIPROCAL); }
    public Dual square() { return unary(Op.SQUARE); }
    public Dual sqrt() { return unary(Op.SQRT); }
    public Dual cbrt() { return unary(Op.CBRT); }
    public Dual exp() { return unary(Op.EXP); }
    public Dual expm1() { return unary(Op.EXPM1); }
    public Dual log() { return unary(Op.LOG); }
    public Dual log1p() { return unary(Op.LOG1P); }
    public Dual log10() { return unary(Op.LOG10); }
    public Dual pow(double c) { return withConstant(Op.POW_CONST, c); }
    public Dual pow(Dual y) { return binary(Op.POW, y); }
    public Dual sin() { return unary(Op.SIN); }
    public Dual cos() { return unary(Op.COS); }
    public Dual tan() { return unary(Op.TAN); }
    public Dual asin() { return unary(Op.ASIN); }
    public Dual acos() { return unary(Op.ACOS); }
    public Dual atan() { return unary(Op.ATAN); }
    public Dual sinh() { return unary(Op.SINH); }
    public Dual cosh() { return unary(Op.COSH); }
    public Dual tanh() { return unary(Op.TANH); }
    public Dual abs() { return unary(Op.ABS); }
    public Dual signum() { return unary(Op.SIGNUM); }
    public Dual floor() { return unary(Op.FLOOR); }
    public Dual ceil() { return unary(Op.CEIL); }
    public Dual rint() { return unary(Op.RINT); }
    public Dual min(Dual y) { return binary(Op.MIN, y); }
    public Dual min(double c) { return withConstant(Op.MIN_CONST, c); }
    public Dual max(Dual y) { return binary(Op.MAX, y); }
    public Dual max(double c) { return withConstant(Op.MAX_CONST, c); }

    /** {@code c - x}. */
    public static Dual minus(double c, Dual x) { return x.withConstant(Op.CONST_SUB, c); }
    /** {@code c / x}. */
    public static Dual div(double c, Dual x) { return x.withConstant(Op.CONST_DIV, c); }
    /** {@code c ^ x}. */
    public static Dual pow(double c, Dual x) { return x.withConstant(Op.CONST_POW, c); }

    /** {@code atan2(y, x)}. */
    public static Dual atan2(Dual y, Dual x) { return y.binary(Op.ATAN2, x); }
    /** {@code hypot(a, b)}. */
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
