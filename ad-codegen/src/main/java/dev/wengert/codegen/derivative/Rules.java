package dev.wengert.codegen.derivative;

import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.MathFn;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Value;
import java.util.List;

/**
 * The one table of derivative rules: for every operation, the partial derivative of its result
 * with respect to each argument, written once as IR. Reverse mode multiplies partials by adjoints,
 * forward mode by tangents. Second derivatives are never written by hand: forward-over-reverse
 * differentiates these partial expressions themselves with the same table, so every rule's
 * second derivative is exact by construction (e.g. {@code sqrt' = 0.5 / sqrt(a)} is differentiated
 * as a division by a square root).
 *
 * <p>Conventions at non-differentiable points follow the runtime: {@code abs'(0) = 0};
 * {@code min(a, b)} and {@code max(a, b)} give the whole derivative to {@code a} on a tie;
 * {@code floor}, {@code ceil}, {@code rint}, {@code signum} have derivative 0.
 */
public final class Rules {

    private Rules() {
    }

    /**
     * The operation being differentiated, with its arguments and result as values of the program
     * being built (the copy itself may have been simplified into another operation by folding,
     * so the rule is always chosen by the original operation).
     *
     * @param op the original operation
     * @param payload its payload (the MathFn of a call)
     * @param args its arguments, copied
     * @param result its result, copied
     */
    public record Application(Op op, Object payload, List<Value> args, Value result) {
        Value arg(int i) {
            return args.get(i);
        }
    }

    /** The contribution of {@code adjoint} (the adjoint of the result) to the adjoint of argument {@code i}. */
    public static Value adjointContribution(Builder b, Application v, int i, Value adjoint) {
        if (v.op() == Op.SELECT) {
            // only the taken side receives the adjoint
            return i == 1 ? b.select(v.arg(0), adjoint, b.constant(0.0)) : b.select(v.arg(0), b.constant(0.0), adjoint);
        }
        return product(b, partial(b, v, i), adjoint);
    }

    /** The tangent of the result given the tangents of the arguments (null means zero). */
    public static Value tangent(Builder b, Application v, Value[] argTangents) {
        if (v.op() == Op.SELECT) {
            Value t = orZero(b, argTangents[1]);
            Value f = orZero(b, argTangents[2]);
            return b.select(v.arg(0), t, f);
        }
        Value sum = null;
        for (int i = 0; i < argTangents.length; i++) {
            if (argTangents[i] != null) {
                Value term = product(b, partial(b, v, i), argTangents[i]);
                sum = sum == null ? term : b.add(sum, term);
            }
        }
        return sum;
    }

    /**
     * A partial derivative times an adjoint or tangent. Derivative values only, so it may
     * reassociate (a last-bit difference no function value ever sees): {@code a * (a * z)} becomes
     * {@code (a * a) * z}, which shares the square the rules of 1/x, sqrt and x*x all produce and
     * turns d(v^3) = 2v(v v') + v^2 v' into 3 v^2 v'.
     */
    private static Value product(Builder b, Value x, Value y) {
        if (x.op() == Op.NEG) {
            return b.neg(product(b, x.arg(0), y));
        }
        if (y.op() == Op.NEG) {
            return b.neg(product(b, x, y.arg(0)));
        }
        Value scale = null;
        if (y.op() == Op.MUL && y.arg(1).op() == Op.CONST && isPowerOfTwo(y.arg(1).constant())) {
            scale = y.arg(1);   // power-of-two factors were moved outward by folding; keep them there
            y = y.arg(0);
        }
        Value p;
        if (y.op() == Op.MUL && y.arg(0) == x && x.op() != Op.CONST) {
            p = product(b, b.mul(x, x), y.arg(1));
        } else if (y.op() == Op.MUL && y.arg(1) == x && x.op() != Op.CONST) {
            p = product(b, b.mul(x, x), y.arg(0));
        } else {
            p = b.mul(x, y);
        }
        return scale == null ? p : b.mul(p, scale);
    }

    private static boolean isPowerOfTwo(double c) {
        double a = Math.abs(c);
        return a != 0 && Double.isFinite(a) && a == Math.scalb(1.0, Math.getExponent(a));
    }

    private static Value orZero(Builder b, Value v) {
        return v == null ? b.constant(0.0) : v;
    }

    /** d v / d arg_i, for a double-valued v whose argument i is double-valued. */
    static Value partial(Builder b, Application v, int i) {
        return switch (v.op()) {
            case NEG -> b.constant(-1.0);
            case ADD -> b.constant(1.0);
            case SUB -> b.constant(i == 0 ? 1.0 : -1.0);
            case MUL -> v.arg(1 - i);
            case DIV -> i == 0 ? recip(b, v.arg(1)) : b.neg(b.mul(v.result(), recip(b, v.arg(1))));
            case CALL -> callPartial(b, (MathFn) v.payload(), v, i);
            case TO_DOUBLE, READ, LENGTH, CONST, PARAM -> b.constant(0.0);
            default -> throw new IllegalStateException("no derivative rule for " + v.op());
        };
    }

    private static Value callPartial(Builder b, MathFn fn, Application app, int i) {
        Value a = app.arg(0);
        Value v = app.result();
        Value one = b.constant(1.0);
        return switch (fn) {
            case SQRT -> b.mul(b.constant(0.5), recip(b, v));
            case CBRT -> b.div(one, b.mul(b.constant(3.0), b.mul(v, v)));
            case EXP -> v;
            case EXPM1 -> b.add(v, one);
            case LOG -> recip(b, a);
            case LOG10 -> b.div(one, b.mul(a, b.constant(Math.log(10.0))));
            case LOG1P -> b.div(one, b.add(a, one));
            case SIN -> b.call(MathFn.COS, a);
            case COS -> b.neg(b.call(MathFn.SIN, a));
            case TAN -> b.add(one, b.mul(v, v));
            case ASIN -> b.div(one, b.call(MathFn.SQRT, b.sub(one, b.mul(a, a))));
            case ACOS -> b.neg(b.div(one, b.call(MathFn.SQRT, b.sub(one, b.mul(a, a)))));
            case ATAN -> b.div(one, b.add(one, b.mul(a, a)));
            case SINH -> b.call(MathFn.COSH, a);
            case COSH -> b.call(MathFn.SINH, a);
            case TANH -> b.sub(one, b.mul(v, v));
            case ABS -> b.call(MathFn.SIGNUM, a);
            case SIGNUM, FLOOR, CEIL, RINT -> b.constant(0.0);
            case POW -> i == 0
                    ? b.mul(app.arg(1), b.call(MathFn.POW, a, b.sub(app.arg(1), one)))
                    : b.mul(v, b.call(MathFn.LOG, a));
            case ATAN2 -> {
                // atan2(y, x): d/dy = x / (x^2 + y^2), d/dx = -y / (x^2 + y^2)
                Value y = app.arg(0);
                Value x = app.arg(1);
                Value r2 = b.add(b.mul(x, x), b.mul(y, y));
                yield i == 0 ? b.mul(x, recip(b, r2)) : b.neg(b.mul(y, recip(b, r2)));
            }
            case HYPOT -> b.mul(app.arg(i), recip(b, v));
            case MIN -> tie(b, b.compare(Op.LE, app.arg(0), app.arg(1)), i);
            case MAX -> tie(b, b.compare(Op.GE, app.arg(0), app.arg(1)), i);
        };
    }

    /**
     * 1 / d, shared: every partial divides through this one value, so a function like
     * {@code 1 / Math.sqrt(r2)} costs one division for value and derivatives together (its own
     * {@code 1 / s} is the same value). Derivative values may differ from a direct division in
     * the last bit; the function's value is never rewritten.
     */
    private static Value recip(Builder b, Value d) {
        return b.div(b.constant(1.0), d);
    }

    /** 1 for the argument min/max picked, 0 for the other. */
    private static Value tie(Builder b, Value firstPicked, int i) {
        Value one = b.constant(1.0);
        Value zero = b.constant(0.0);
        return i == 0 ? b.select(firstPicked, one, zero) : b.select(firstPicked, zero, one);
    }
}
