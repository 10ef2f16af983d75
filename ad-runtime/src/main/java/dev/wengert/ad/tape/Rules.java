package dev.wengert.ad.tape;

import static dev.wengert.ad.tape.Op.*;

/**
 * The one table of derivative rules: for every opcode its value, its first partials and its second
 * partials. Every sweep (value, reverse, tangent, forward-over-reverse, dense Hessian) and
 * {@code Dual} read this table; no rule is written anywhere else.
 *
 * <p>The table is laid out as one small method per (operand shape, quantity): {@link #unary},
 * {@link #unaryDx}, {@link #unaryDxx}, {@link #binary}, {@link #binaryDx}, ... Keeping each method
 * below HotSpot's inlining limit for hot code (325 bytes of bytecode) lets the JIT inline the rules
 * into the sweeps, which is worth a factor of two over one large switch. An opcode's rule is
 * therefore a row across these methods; each formula is written once.
 *
 * <p>Derivative methods receive the node's value {@code f} (and second derivatives the first
 * derivative {@code d}), so rules such as exp and sqrt reuse them instead of recomputing.
 *
 * <p>Conventions at points where a function is not differentiable:
 * <ul>
 *   <li>{@code abs'(0) = 0}; {@code signum}, {@code floor}, {@code ceil} have zero derivative everywhere;</li>
 *   <li>{@code min}/{@code max} on a tie take the derivative of their first operand;</li>
 *   <li>{@code sqrt'(0) = +inf} (and {@code cbrt'(0)}): the true one-sided limit; a sweep that
 *       propagates it into a result reports a {@code NonFiniteException} naming the node;</li>
 *   <li>{@code norm}, {@code distance} and {@code hypot} at the origin have zero gradient and zero
 *       curvature (the minimum-norm subgradient);</li>
 *   <li>{@code pow(x, y)} at {@code x = 0}: d/dy is 0 (the limit of x^y log x as x -> 0+ for y > 0,
 *       and by the same convention at y = 0);</li>
 *   <li>a partial that is NaN (d/dy of pow at a negative base) times a zero tangent counts as
 *       zero: an exponent that does not move contributes nothing ({@link #times}).</li>
 * </ul>
 *
 * <p>Implementation class of the tape; not part of the supported API.
 */
public final class Rules {

    private Rules() {
    }

    // ---- unary: f(x) ----

    public static double unary(int op, double x) {
        switch (op) {
            case NEG: return -x;
            case RECIPROCAL: return 1.0 / x;
            case SQUARE: return x * x;
            case SQRT: return Math.sqrt(x);
            case CBRT: return Math.cbrt(x);
            case EXP: return Math.exp(x);
            case EXPM1: return Math.expm1(x);
            case LOG: return Math.log(x);
            case LOG1P: return Math.log1p(x);
            case SIN: return Math.sin(x);
            case COS: return Math.cos(x);
            case TAN: return Math.tan(x);
            case ASIN: return Math.asin(x);
            case ACOS: return Math.acos(x);
            case ATAN: return Math.atan(x);
            case SINH: return Math.sinh(x);
            case COSH: return Math.cosh(x);
            case TANH: return Math.tanh(x);
            case ABS: return Math.abs(x);
            case SIGNUM: return Math.signum(x);
            case FLOOR: return Math.floor(x);
            case CEIL: return Math.ceil(x);
            default: throw unknown(op);
        }
    }

    /** df/dx of a unary opcode with value f at x. */
    public static double unaryDx(int op, double x, double f) {
        switch (op) {
            case NEG: return -1;
            case RECIPROCAL: return -f * f;
            case SQUARE: return 2 * x;
            case SQRT: return 0.5 / f;
            case CBRT: return 1 / (3 * f * f);
            case EXP: return f;
            case EXPM1: return f + 1;
            case LOG: return 1 / x;
            case LOG1P: return 1 / (1 + x);
            case SIN: return Math.cos(x);
            case COS: return -Math.sin(x);
            case TAN: return 1 + f * f;
            case ASIN: return 1 / Math.sqrt(1 - x * x);
            case ACOS: return -1 / Math.sqrt(1 - x * x);
            case ATAN: return 1 / (1 + x * x);
            case SINH: return Math.cosh(x);
            case COSH: return Math.sinh(x);
            case TANH: return 1 - f * f;
            case ABS: return Math.signum(x);
            case SIGNUM: case FLOOR: case CEIL: return 0;
            default: throw unknown(op);
        }
    }

    /** d2f/dx2 of a unary opcode with value f and first derivative d at x. */
    public static double unaryDxx(int op, double x, double f, double d) {
        switch (op) {
            case NEG: case ABS: case SIGNUM: case FLOOR: case CEIL: return 0;
            case RECIPROCAL: return 2 * f * f * f;
            case SQUARE: return 2;
            case SQRT: return -0.25 / (f * x);
            case CBRT: return -2 / (9 * f * f * f * f * f);
            case EXP: case EXPM1: return d;
            case LOG: case LOG1P: return -d * d;
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
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case DIV: return x / y;
            case POW: return Math.pow(x, y);
            case ATAN2: return Math.atan2(x, y);
            case HYPOT: return Math.hypot(x, y);
            case MIN: return x <= y ? x : Math.min(x, y);
            case MAX: return x >= y ? x : Math.max(x, y);
            default: throw unknown(op);
        }
    }

    /** df/dx of a binary opcode with value f at (x, y). */
    public static double binaryDx(int op, double x, double y, double f) {
        switch (op) {
            case ADD: case SUB: return 1;
            case MUL: return y;
            case DIV: return 1 / y;
            case POW: return powDx(x, y);
            case ATAN2: return y / (x * x + y * y);
            case HYPOT: return f == 0 ? 0 : x / f;
            case MIN: return x <= y ? 1 : 0;
            case MAX: return x >= y ? 1 : 0;
            default: throw unknown(op);
        }
    }

    /** df/dy of a binary opcode with value f at (x, y). */
    public static double binaryDy(int op, double x, double y, double f) {
        switch (op) {
            case ADD: return 1;
            case SUB: return -1;
            case MUL: return x;
            case DIV: return -f / y;
            case POW: return x == 0 ? 0 : f * Math.log(x);
            case ATAN2: return -x / (x * x + y * y);
            case HYPOT: return f == 0 ? 0 : y / f;
            case MIN: return x <= y ? 0 : 1;
            case MAX: return x >= y ? 0 : 1;
            default: throw unknown(op);
        }
    }

    /** d2f/dx2 of a binary opcode. */
    public static double binaryDxx(int op, double x, double y, double f) {
        switch (op) {
            case ADD: case SUB: case MUL: case DIV: case MIN: case MAX: return 0;
            case POW: return powDxx(x, y);
            case ATAN2: { double r2 = x * x + y * y; return -2 * x * y / (r2 * r2); }
            case HYPOT: { double w = y / f; return f == 0 ? 0 : w * w / f; }
            default: throw unknown(op);
        }
    }

    /** d2f/dxdy of a binary opcode. */
    public static double binaryDxy(int op, double x, double y, double f) {
        switch (op) {
            case ADD: case SUB: case MIN: case MAX: return 0;
            case MUL: return 1;
            case DIV: return -1 / (y * y);
            case POW: return x == 0 ? 0 : Math.pow(x, y - 1) * (1 + y * Math.log(x));
            case ATAN2: { double r2 = x * x + y * y; return (x * x - y * y) / (r2 * r2); }
            case HYPOT: return f == 0 ? 0 : -(x / f) * (y / f) / f;
            default: throw unknown(op);
        }
    }

    /** d2f/dy2 of a binary opcode. */
    public static double binaryDyy(int op, double x, double y, double f) {
        switch (op) {
            case ADD: case SUB: case MUL: case MIN: case MAX: return 0;
            case DIV: return 2 * f / (y * y);
            case POW: { double logx = Math.log(x); return x == 0 ? 0 : f * logx * logx; }
            case ATAN2: { double r2 = x * x + y * y; return 2 * x * y / (r2 * r2); }
            case HYPOT: { double u = x / f; return f == 0 ? 0 : u * u / f; }
            default: throw unknown(op);
        }
    }

    // ---- a variable x and a constant c ----

    public static double withConstant(int op, double x, double c) {
        switch (op) {
            case ADD_CONST: return x + c;
            case SUB_CONST: return x - c;
            case CONST_SUB: return c - x;
            case MUL_CONST: return x * c;
            case DIV_CONST: return x / c;
            case CONST_DIV: return c / x;
            case POW_CONST: return Math.pow(x, c);
            case CONST_POW: return Math.pow(c, x);
            case MIN_CONST: return x <= c ? x : Math.min(x, c);
            case MAX_CONST: return x >= c ? x : Math.max(x, c);
            default: throw unknown(op);
        }
    }

    /** df/dx of a with-constant opcode with value f. */
    public static double withConstantDx(int op, double x, double c, double f) {
        switch (op) {
            case ADD_CONST: case SUB_CONST: return 1;
            case CONST_SUB: return -1;
            case MUL_CONST: return c;
            case DIV_CONST: return 1 / c;
            case CONST_DIV: return -f / x;
            case POW_CONST: return powDx(x, c);
            case CONST_POW: return f * Math.log(c);
            case MIN_CONST: return x <= c ? 1 : 0;
            case MAX_CONST: return x >= c ? 1 : 0;
            default: throw unknown(op);
        }
    }

    /** d2f/dx2 of a with-constant opcode with value f and first derivative d. */
    public static double withConstantDxx(int op, double x, double c, double f, double d) {
        switch (op) {
            case ADD_CONST: case SUB_CONST: case CONST_SUB: case MUL_CONST: case DIV_CONST:
            case MIN_CONST: case MAX_CONST:
                return 0;
            case CONST_DIV: return 2 * f / (x * x);
            case POW_CONST: return powDxx(x, c);
            case CONST_POW: return d * Math.log(c);
            default: throw unknown(op);
        }
    }

    // d/dx x^y, written so that y = 0 and y = 1 stay exact at x = 0 (0 * inf would give NaN).
    private static double powDx(double x, double y) {
        if (y == 0) return 0;
        if (y == 1) return 1;
        return y * Math.pow(x, y - 1);
    }

    private static double powDxx(double x, double y) {
        if (y == 0 || y == 1) return 0;
        if (y == 2) return 2;
        return y * (y - 1) * Math.pow(x, y - 2);
    }

    // ---- n-ary ----

    /**
     * The value of an n-ary opcode whose argument nodes are {@code pool[start .. start + count)},
     * reading node values from {@code v}. Dot products and distances keep their two vectors as
     * the two halves of the argument list; a linear combination finds the offset of its weights in
     * the constant pool at {@code pool[start + count + 1]}.
     */
    public static double nary(int op, int[] pool, int start, int count, double[] v, double[] constants) {
        double s = 0;
        switch (op) {
            case SUM:
                for (int k = start, end = start + count; k < end; k++) s += v[pool[k]];
                return s;
            case DOT: {
                int half = count >> 1;
                for (int k = start, end = start + half; k < end; k++) s += v[pool[k]] * v[pool[k + half]];
                return s;
            }
            case NORM:
                for (int k = start, end = start + count; k < end; k++) {
                    double a = v[pool[k]];
                    s += a * a;
                }
                return Math.sqrt(s);
            case DISTANCE: {
                int half = count >> 1;
                for (int k = start, end = start + half; k < end; k++) {
                    double d = v[pool[k]] - v[pool[k + half]];
                    s += d * d;
                }
                return Math.sqrt(s);
            }
            case LINEAR: {
                int w = pool[start + count + 1];
                for (int k = 0; k < count; k++) s += constants[w + k] * v[pool[start + k]];
                return s;
            }
            default: throw unknown(op);
        }
    }

    /** Whether an n-ary opcode is linear in its arguments (no curvature of its own: sums, weighted sums). */
    public static boolean naryIsLinear(int op) {
        return op == SUM || op == LINEAR;
    }

    /**
     * The per-node factor the n-ary partials share, computed once per node so that a partial per
     * argument costs a multiplication, not a division: 1 / f for the norm and the distance (0 at
     * the origin, which gives the zero-gradient convention), 1 otherwise.
     */
    public static double naryScale(int op, double inner) {
        if (op == NORM || op == DISTANCE) return inner == 0 ? 0 : 1 / inner;
        return 1;
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
            case DISTANCE: return (xk - partner) * scale;
            case LINEAR: return weight;
            default: throw unknown(op);
        }
    }

    /**
     * Component k of (Hessian of the node) times (tangents of its arguments), the second-order term
     * forward-over-reverse needs: {@code fdot} is the node's own tangent, {@code tk} the tangent of
     * argument k, {@code partnerTangent} that of its partner. For the norm, H = (I - u u^T) / f with
     * u = x / f, so (H t)_k = (t_k - u_k fdot) / f; a distance is the norm of x - y, whose argument
     * k sees d_k = x_k - partner and dt_k = t_k - partnerTangent in the same formula.
     */
    public static double naryCurvature(int op, double scale, double fdot, double xk, double tk,
                                       double partner, double partnerTangent) {
        switch (op) {
            case SUM: case LINEAR: return 0;
            case DOT: return partnerTangent;
            case NORM: return (tk - xk * scale * fdot) * scale;
            case DISTANCE: return ((tk - partnerTangent) - (xk - partner) * scale * fdot) * scale;
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
