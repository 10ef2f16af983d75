package dev.wengert.codegen.ir;

import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The {@code java.lang.Math} functions of the subset. Their derivatives live in one table,
 * {@code dev.wengert.codegen.derivative.Rules}; here only what the IR needs: arity and, for the
 * functions whose result is exactly specified (so folding cannot differ from run time), a folder.
 */
public enum MathFn {
    SQRT(1, Math::sqrt), CBRT(1), EXP(1), EXPM1(1), LOG(1), LOG10(1),
    LOG1P(1), SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1),
    SINH(1), COSH(1), TANH(1), ABS(1, Math::abs), SIGNUM(1, Math::signum),
    FLOOR(1, Math::floor), CEIL(1, Math::ceil), RINT(1, Math::rint),
    POW(2), ATAN2(2), HYPOT(2), MIN(2, Math::min), MAX(2, Math::max);

    private static final Map<String, MathFn> BY_NAME = byName();

    private final int arity;
    private final Object folder;

    MathFn(int arity) {
        this.arity = arity;
        this.folder = null;
    }

    MathFn(int arity, DoubleUnaryOperator folder) {
        this.arity = arity;
        this.folder = folder;
    }

    MathFn(int arity, DoubleBinaryOperator folder) {
        this.arity = arity;
        this.folder = folder;
    }

    /** Number of double arguments. */
    public int arity() {
        return arity;
    }

    /** The name of the method in {@code java.lang.Math}. */
    public String javaName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The function named {@code name} in {@code java.lang.Math}, or null if it is not in the subset. */
    public static MathFn byJavaName(String name) {
        return BY_NAME.get(name);
    }

    /** True if folding constant arguments at build time gives exactly the run-time result. */
    public boolean foldable() {
        return folder != null;
    }

    /** Evaluates the function on constants; only for {@link #foldable()} functions. */
    public double fold(double[] args) {
        if (folder instanceof DoubleUnaryOperator u) {
            return u.applyAsDouble(args[0]);
        }
        return ((DoubleBinaryOperator) folder).applyAsDouble(args[0], args[1]);
    }

    private static Map<String, MathFn> byName() {
        Map<String, MathFn> m = new java.util.HashMap<>();
        for (MathFn f : values()) {
            m.put(f.javaName(), f);
        }
        return Map.copyOf(m);
    }
}
