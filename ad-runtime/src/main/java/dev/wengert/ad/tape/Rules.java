package dev.wengert.ad.tape;

import static dev.wengert.ad.tape.Op.*;

/**
 * The one table of derivative rules: for every opcode its value, its first partials and its second
 * partials. Every sweep (value, reverse, tangent, forward-over-reverse, dense Hessian) and
 * {@code Dual} read this table; no rule is written anywhere else.
 *
 * <p>For unary opcodes {@code y} is ignored; for {@link Op#WITH_CONSTANT} opcodes {@code y} is the
 * constant, so only the x-partials are meaningful. The partials receive the node's value {@code f}
 * as computed by {@link #value}, so rules such as exp and sqrt reuse it instead of recomputing.
 *
 * <p>Conventions at points where a function is not differentiable:
 * <ul>
 *   <li>{@code abs'(0) = 0}; {@code signum}, {@code floor}, {@code ceil} have zero derivative everywhere;</li>
 *   <li>{@code min}/{@code max} on a tie take the derivative of their first operand;</li>
 *   <li>{@code sqrt'(0) = +inf} (and {@code cbrt'(0)}): the true one-sided limit; a sweep that
 *       propagates it into a result reports a {@code NonFiniteException} naming the node;</li>
 *   <li>{@code norm} and {@code hypot} at the origin have zero gradient and zero curvature (the
 *       minimum-norm subgradient), so distance-based energies do not fail at coincident
 *       zero-weight terms;</li>
 *   <li>{@code pow(x, y)} at {@code x = 0}: d/dy is 0 (the limit of x^y log x as x -> 0+ for y > 0).</li>
 * </ul>
 *
 * <p>Implementation class of the tape; not part of the supported API.
 */
public final class Rules {

    private Rules() {
    }

    /** The value of a unary, binary or with-constant opcode at (x, y). */
    public static double value(int op, double x, double y) {
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

            case ADD: case ADD_CONST: return x + y;
            case SUB: case SUB_CONST: return x - y;
            case CONST_SUB: return y - x;
            case MUL: case MUL_CONST: return x * y;
            case DIV: case DIV_CONST: return x / y;
            case CONST_DIV: return y / x;
            case POW: case POW_CONST: return Math.pow(x, y);
            case CONST_POW: return Math.pow(y, x);
            case ATAN2: return Math.atan2(x, y);
            case HYPOT: return Math.hypot(x, y);
            case MIN: case MIN_CONST: return x <= y ? x : Math.min(x, y);
            case MAX: case MAX_CONST: return x >= y ? x : Math.max(x, y);
            default: throw new IllegalArgumentException("no scalar rule for opcode " + Op.name(op));
        }
    }

    /**
     * Fills {@code p} with the partials of a unary, binary or with-constant opcode at (x, y), where
     * {@code f} is its value there; second partials only when {@code second} is set (they are left
     * untouched otherwise).
     */
    public static void partials(int op, double x, double y, double f, boolean second, Partials p) {
        double dx = 0, dy = 0, dxx = 0, dxy = 0, dyy = 0;
        switch (op) {
            case NEG: dx = -1; break;
            case RECIPROCAL: dx = -f * f; dxx = 2 * f * f * f; break;
            case SQUARE: dx = 2 * x; dxx = 2; break;
            case SQRT: dx = 0.5 / f; dxx = -0.25 / (f * x); break;
            case CBRT: dx = 1 / (3 * f * f); dxx = -2 / (9 * f * f * f * f * f); break;
            case EXP: dx = f; dxx = f; break;
            case EXPM1: dx = f + 1; dxx = f + 1; break;
            case LOG: dx = 1 / x; dxx = -dx * dx; break;
            case LOG1P: dx = 1 / (1 + x); dxx = -dx * dx; break;
            case SIN: dx = Math.cos(x); dxx = -f; break;
            case COS: dx = -Math.sin(x); dxx = -f; break;
            case TAN: dx = 1 + f * f; dxx = 2 * f * dx; break;
            case ASIN: dx = 1 / Math.sqrt(1 - x * x); dxx = x * dx * dx * dx; break;
            case ACOS: dx = -1 / Math.sqrt(1 - x * x); dxx = x * dx * dx * dx; break;
            case ATAN: dx = 1 / (1 + x * x); dxx = -2 * x * dx * dx; break;
            case SINH: dx = Math.cosh(x); dxx = f; break;
            case COSH: dx = Math.sinh(x); dxx = f; break;
            case TANH: dx = 1 - f * f; dxx = -2 * f * dx; break;
            case ABS: dx = Math.signum(x); break;
            case SIGNUM: case FLOOR: case CEIL: break;

            case ADD: dx = 1; dy = 1; break;
            case SUB: dx = 1; dy = -1; break;
            case MUL: dx = y; dy = x; dxy = 1; break;
            case DIV: dx = 1 / y; dy = -f / y; dxy = -1 / (y * y); dyy = 2 * f / (y * y); break;
            case POW: {
                double logx = Math.log(x);
                dx = powDerivative(x, y);
                dy = f == 0 ? 0 : f * logx;
                dxx = powSecondDerivative(x, y);
                dxy = f == 0 ? 0 : Math.pow(x, y - 1) * (1 + y * logx);
                dyy = f == 0 ? 0 : dy * logx;
                break;
            }
            case ATAN2: {
                double r2 = x * x + y * y;
                double r4 = r2 * r2;
                dx = y / r2;
                dy = -x / r2;
                dxx = -2 * x * y / r4;
                dxy = (x * x - y * y) / r4;
                dyy = 2 * x * y / r4;
                break;
            }
            case HYPOT: {
                if (f != 0) {
                    double f3 = f * f * f;
                    dx = x / f;
                    dy = y / f;
                    dxx = y * y / f3;
                    dxy = -x * y / f3;
                    dyy = x * x / f3;
                }
                break;
            }
            case MIN: if (x <= y) dx = 1; else dy = 1; break;
            case MAX: if (x >= y) dx = 1; else dy = 1; break;

            case ADD_CONST: case SUB_CONST: dx = 1; break;
            case CONST_SUB: dx = -1; break;
            case MUL_CONST: dx = y; break;
            case DIV_CONST: dx = 1 / y; break;
            case CONST_DIV: dx = -f / x; dxx = 2 * f / (x * x); break;
            case POW_CONST: dx = powDerivative(x, y); dxx = powSecondDerivative(x, y); break;
            case CONST_POW: { double logc = Math.log(y); dx = f * logc; dxx = dx * logc; break; }
            case MIN_CONST: dx = x <= y ? 1 : 0; break;
            case MAX_CONST: dx = x >= y ? 1 : 0; break;
            default: throw new IllegalArgumentException("no scalar rule for opcode " + Op.name(op));
        }
        p.dx = dx;
        p.dy = dy;
        if (second) {
            p.dxx = dxx;
            p.dxy = dxy;
            p.dyy = dyy;
        }
    }

    // d/dx x^y, written so that y = 0 and y = 1 stay exact at x = 0 (0 * inf would give NaN).
    private static double powDerivative(double x, double y) {
        if (y == 0) return 0;
        if (y == 1) return 1;
        return y * Math.pow(x, y - 1);
    }

    private static double powSecondDerivative(double x, double y) {
        if (y == 0 || y == 1) return 0;
        if (y == 2) return 2;
        return y * (y - 1) * Math.pow(x, y - 2);
    }

    /**
     * The value of an n-ary opcode whose argument nodes are {@code pool[start .. start + count)},
     * reading node values from {@code v}.
     */
    public static double naryValue(int op, int[] pool, int start, int count, double[] v, double[] constants) {
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
            case LINEAR: {
                int w = pool[start + count];
                for (int k = 0; k < count; k++) s += constants[w + k] * v[pool[start + k]];
                return s;
            }
            default: throw new IllegalArgumentException("no n-ary rule for opcode " + Op.name(op));
        }
    }

    /**
     * df/dx_k of an n-ary node of value {@code f}: {@code xk} is the value of argument k,
     * {@code partner} the value of its partner in a dot product, {@code weight} its weight in a
     * linear combination (each ignored where it does not apply).
     */
    public static double naryPartial(int op, double f, double xk, double partner, double weight) {
        switch (op) {
            case SUM: return 1;
            case DOT: return partner;
            case NORM: return f == 0 ? 0 : xk / f;
            case LINEAR: return weight;
            default: throw new IllegalArgumentException("no n-ary rule for opcode " + Op.name(op));
        }
    }

    /**
     * Component k of (Hessian of the node) times (tangents of its arguments), the second-order term
     * forward-over-reverse needs: {@code fdot} is the node's own tangent, {@code tk} the tangent of
     * argument k, {@code partnerTangent} that of its dot-product partner. For the norm,
     * H = (I - u u^T) / f with u = x / f, so (H t)_k = (t_k - u_k fdot) / f.
     */
    public static double naryCurvature(int op, double f, double fdot, double xk, double tk, double partnerTangent) {
        switch (op) {
            case SUM: case LINEAR: return 0;
            case DOT: return partnerTangent;
            case NORM: return f == 0 ? 0 : (tk - xk / f * fdot) / f;
            default: throw new IllegalArgumentException("no n-ary rule for opcode " + Op.name(op));
        }
    }
}
