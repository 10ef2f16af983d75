package dev.wengert.ad.tape;

import static dev.wengert.ad.tape.Op.*;

/**
 * The tape's rules, the one place every sweep (value, reverse, tangent, forward-over-reverse, dense
 * Hessian) and {@code Dual} read them from. Values and first partials of the unary, binary and
 * with-constant opcodes are the catalogue's ({@link dev.wengert.ad.rules.ElementaryFunction}),
 * printed as Java into {@code CatalogueRules}: the {@code @Differentiate} processor builds its code
 * from the same formulas, so the two engines cannot disagree. Written here: the second partials
 * (hand-tuned to reuse the value {@code f} and first derivative {@code d}, and checked against the
 * catalogue's formulas differentiated by dual numbers in {@code RulesTest}), and the n-ary opcodes.
 *
 * <p>The table is laid out as one small method per (operand shape, quantity): {@link #unary},
 * {@link #unaryDx}, {@link #unaryDxx}, {@link #binary}, {@link #binaryDx}, ... A method below
 * HotSpot's inlining limit for hot code (325 bytes of bytecode) is inlined into the sweeps, which is
 * worth a factor of two over one large switch. The unary rules would exceed it with every opcode in one
 * switch, so each is two methods: the arithmetic opcodes ({@link Op#isArithmeticUnary}) in the one the
 * sweeps call, the library functions (exp, sin, ...) in a second one it calls for the rest.
 *
 * <p>Conventions at points where a function is not differentiable are the catalogue's, and for the
 * n-ary opcodes: {@code norm} and {@code distance} at the origin have zero gradient and zero
 * curvature (the minimum-norm subgradient). A partial that is not finite (sqrt at 0, d/dy of pow at
 * a negative base) times a zero tangent counts as zero ({@link #times}).
 *
 * <p>Implementation class of the tape (the module does not export this package).
 */
public final class Rules {

    private Rules() {
    }

    // ---- unary: f(x) ----

    public static double unary(int op, double x) {
        return CatalogueRules.unary(op, x);
    }

    /** df/dx of a unary opcode with value f at x. */
    public static double unaryDx(int op, double x, double f) {
        return CatalogueRules.unaryDx(op, x, f);
    }

    /** d2f/dx2 of a unary opcode with value f and first derivative d at x (the library functions in libraryDxx). */
    public static double unaryDxx(int op, double x, double f, double d) {
        switch (op) {
            case NEG: case ABS: return 0;
            case RECIPROCAL: return 2 * f * f * f;
            case SQUARE: return 2;
            case CUBE: return 6 * x;
            case FOURTH_POWER: return 12 * (x * x);
            case INVERSE_SQUARE: return -3 * d / x;
            case INVERSE_CUBE: return -4 * d / x;
            case SQRT: return -0.25 / (f * x);
            default: return libraryDxx(op, x, f, d);
        }
    }

    // The unary opcodes that are not Op.isArithmeticUnary: kept out of unaryDxx so that it is inlined.
    private static double libraryDxx(int op, double x, double f, double d) {
        switch (op) {
            case SIGNUM: case FLOOR: case CEIL: case RINT: return 0;
            case CBRT: return -2 / (9 * f * f * f * f * f);
            case EXP: case EXPM1: return d;
            case LOG: case LOG1P: return -d * d;
            case LOG10: return -d / x;
            case SIN: case COS: return -f;
            case TAN: return 2 * f * d;
            case ASIN: case ACOS: return x * d * d * d;
            case ATAN: return -2 * x * d * d;
            case SINH: case COSH: return f;
            case TANH: return -2 * f * d;
            default: throw unknown(op);
        }
    }

    // ---- binary: f(x, y), both variables ----

    public static double binary(int op, double x, double y) {
        return CatalogueRules.binary(op, x, y);
    }

    /** df/dx of a binary opcode with value f at (x, y). */
    public static double binaryDx(int op, double x, double y, double f) {
        return CatalogueRules.binaryDx(op, x, y, f);
    }

    /** df/dy of a binary opcode with value f at (x, y). */
    public static double binaryDy(int op, double x, double y, double f) {
        return CatalogueRules.binaryDy(op, x, y, f);
    }

    /** d2f/dx2 of a binary opcode. */
    public static double binaryDxx(int op, double x, double y, double f) {
        switch (op) {
            case ADD: case SUB: case MUL: case DIV: case MIN: case MAX: return 0;
            case SQUARED_DIFFERENCE: return 2;
            case POW: return powDxx(x, y);
            case ATAN2: { double q = 1 / (x * x + y * y); return -2 * x * y * q * q; }
            case HYPOT: { double w = y / f; return f == 0 ? 0 : w * w / f; }
            default: throw unknown(op);
        }
    }

    /** d2f/dxdy of a binary opcode. */
    public static double binaryDxy(int op, double x, double y, double f) {
        switch (op) {
            case ADD: case SUB: case MIN: case MAX: return 0;
            case MUL: return 1;
            case SQUARED_DIFFERENCE: return -2;
            case DIV: return -1 / (y * y);
            case POW: return x == 0 ? 0 : Math.pow(x, y - 1) * (1 + y * Math.log(x));
            case ATAN2: { double q = 1 / (x * x + y * y); return (x * x - y * y) * q * q; }
            case HYPOT: return f == 0 ? 0 : -(x / f) * (y / f) / f;
            default: throw unknown(op);
        }
    }

    /** d2f/dy2 of a binary opcode. */
    public static double binaryDyy(int op, double x, double y, double f) {
        switch (op) {
            case ADD: case SUB: case MUL: case MIN: case MAX: return 0;
            case SQUARED_DIFFERENCE: return 2;
            case DIV: return 2 * f / (y * y);
            case POW: { double logx = Math.log(x); return x == 0 ? 0 : f * logx * logx; }
            case ATAN2: { double q = 1 / (x * x + y * y); return 2 * x * y * q * q; }
            case HYPOT: { double u = x / f; return f == 0 ? 0 : u * u / f; }
            default: throw unknown(op);
        }
    }

    // ---- a variable x and a constant c ----

    public static double withConstant(int op, double x, double c) {
        return CatalogueRules.withConstant(op, x, c);
    }

    /** df/dx of a with-constant opcode with value f. */
    public static double withConstantDx(int op, double x, double c, double f) {
        return CatalogueRules.withConstantDx(op, x, c, f);
    }

    /** d2f/dx2 of a with-constant opcode with value f and first derivative d. */
    public static double withConstantDxx(int op, double x, double c, double f, double d) {
        switch (op) {
            case ADD_CONST: case SUB_CONST: case CONST_SUB: case MUL_CONST: case DIV_CONST:
            case MIN_CONST: case MAX_CONST:
                return 0;
            case SQUARED_DIFFERENCE_CONST: return 2;
            case CONST_DIV: return 2 * f / (x * x);
            case POW_CONST: return powDxx(x, c);
            case CONST_POW: return c == 0 ? 0 : d * Math.log(c);
            default: throw unknown(op);
        }
    }

    // d2/dx2 x^y, exact for y = 0, 1, 2 at x = 0 (as the first partial is)
    private static double powDxx(double x, double y) {
        if (y == 0 || y == 1) return 0;
        if (y == 2) return 2;
        return y * (y - 1) * Math.pow(x, y - 2);
    }

    // ---- n-ary: values of the arguments in, never the argument pool (its layout is TapeData's) ----

    /** Whether an n-ary opcode is linear in its arguments (no curvature of its own: sums, weighted sums). */
    public static boolean naryIsLinear(int op) {
        return op == SUM || op == LINEAR;
    }

    /**
     * The per-node factor the n-ary partials share, computed once per node so that a partial per
     * argument costs a multiplication, not a division: 1 / f for the norm and the distance (0 at
     * the origin, which gives the zero-gradient convention), 2 for the squared distance (its partials
     * are 2 (x_k - y_k)), 1 otherwise.
     */
    public static double naryScale(int op, double inner) {
        if (op == NORM || op == DISTANCE) return inner == 0 ? 0 : 1 / inner;
        return op == SQUARED_DISTANCE ? 2 : 1;
    }

    /**
     * df/dx_k of an n-ary node: {@code scale} is {@link #naryScale} of its value, {@code xk} the
     * value of argument k, {@code partner} the value of its partner in the other half (dot,
     * distance), {@code weight} its weight in a linear combination (each ignored where it does not
     * apply).
     */
    public static double naryPartial(int op, double scale, double xk, double partner, double weight) {
        switch (op) {
            case SUM: return 1;
            case DOT: return partner;
            case NORM: return xk * scale;
            case DISTANCE: case SQUARED_DISTANCE: return (xk - partner) * scale;
            case LINEAR: return weight;
            default: throw unknown(op);
        }
    }

    /**
     * Component k of (Hessian of the node) times (tangents of its arguments), the second-order term
     * forward-over-reverse needs: {@code fdot} is the node's own tangent, {@code tk} the tangent of
     * argument k, {@code partnerTangent} that of its partner. For the norm, H = (I - u u^T) / f with
     * u = x / f, so (H t)_k = (t_k - u_k fdot) / f; a distance is the norm of x - y, whose argument
     * k sees d_k = x_k - partner and dt_k = t_k - partnerTangent in the same formula. A squared distance's
     * Hessian is 2 [I -I; -I I], whatever its added constant: (H t)_k = 2 (t_k - partnerTangent).
     */
    public static double naryCurvature(int op, double scale, double fdot, double xk, double tk,
                                       double partner, double partnerTangent) {
        switch (op) {
            case SUM: case LINEAR: return 0;
            case DOT: return partnerTangent;
            case NORM: return (tk - xk * scale * fdot) * scale;
            case DISTANCE: return ((tk - partnerTangent) - (xk - partner) * scale * fdot) * scale;
            case SQUARED_DISTANCE: return (tk - partnerTangent) * scale;
            default: throw unknown(op);
        }
    }

    /**
     * {@code partial * tangent}, but 0 when the tangent is 0 even if the partial is not finite: a
     * direction that does not move an operand gets nothing from it (d/dy of pow at a negative base
     * is NaN, yet {@code x.pow(constantNode)} has a finite tangent).
     */
    public static double times(double partial, double tangent) {
        return tangent == 0 ? 0 : partial * tangent;
    }

    private static IllegalArgumentException unknown(int op) {
        return new IllegalArgumentException("no rule of this shape for opcode " + Op.name(op));
    }
}
