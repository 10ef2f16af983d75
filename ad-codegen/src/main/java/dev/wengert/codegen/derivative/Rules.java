package dev.wengert.codegen.derivative;

import dev.wengert.ad.rules.ElementaryFunction;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Value;
import java.util.List;

/**
 * How the derivative passes apply the catalogue of elementary functions
 * ({@link ElementaryFunction}, shared with the tape): the partial of an operation with respect to an
 * argument is the catalogue's formula built as IR ({@link IrAlgebra}); reverse mode multiplies it by
 * adjoints, forward mode by tangents. Second derivatives are never written by hand: forward-over-reverse
 * differentiates these partial expressions themselves, so every rule's second derivative is exact by
 * construction (e.g. {@code sqrt' = 0.5 / sqrt(a)} is differentiated as a division by a square root).
 *
 * <p>Where a partial can be infinite at a finite point (sqrt at 0, a division, a zero base of pow), it is
 * multiplied zero-safely, as CppAD's {@code azmul} and the tape's sweeps do: a zero adjoint or tangent gives
 * zero, not {@code 0 * inf = NaN}. Folding's static rule {@code a * 0 = 0} thus also holds at run time.
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
     * @param payload its payload (the ElementaryFunction of a call)
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
        if (v.op() == Op.AZMUL) {
            // p * a with a finite: p's adjoint is a * adjoint; a's is p * adjoint, p possibly infinite
            return i == 0 ? product(b, v.arg(1), adjoint) : b.azmul(v.arg(0), adjoint);
        }
        return times(b, v, partial(b, v, i), adjoint);
    }

    /** The tangent of the result given the tangents of the arguments (null means zero). */
    public static Value tangent(Builder b, Application v, Value[] argTangents) {
        if (v.op() == Op.SELECT) {
            Value t = orZero(b, argTangents[1]);
            Value f = orZero(b, argTangents[2]);
            return b.select(v.arg(0), t, f);
        }
        if (v.op() == Op.AZMUL) {
            // azmul(p, a)' = azmul(p', a) + azmul(p, a'): a zero a still passes on p * a'
            Value fromP = argTangents[0] == null ? null : b.azmul(argTangents[0], v.arg(1));
            Value fromA = argTangents[1] == null ? null : b.azmul(v.arg(0), argTangents[1]);
            return fromP == null ? fromA : fromA == null ? fromP : b.add(fromP, fromA);
        }
        Value sum = null;
        for (int i = 0; i < argTangents.length; i++) {
            if (argTangents[i] != null) {
                Value term = times(b, v, partial(b, v, i), argTangents[i]);
                sum = sum == null ? term : b.add(sum, term);
            }
        }
        return sum;
    }

    /**
     * A partial times an adjoint or tangent z: zero-safe ({@link Op#AZMUL}) where the operation's partial
     * can be infinite, so that a zero z gives zero, and with its derivative still the product rule's.
     */
    private static Value times(Builder b, Application v, Value partial, Value z) {
        ElementaryFunction fn = function(v);
        if (fn != null && fn.partialMayBeInfinite()) {
            return b.azmul(partial, z);
        }
        return product(b, partial, z);
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
        ElementaryFunction fn = function(v);
        if (fn != null) {
            return fn.partial(new IrAlgebra(b), i, v.args(), v.result());
        }
        return switch (v.op()) {
            case TO_DOUBLE, READ, LENGTH, CONST, PARAM -> b.constant(0.0);
            default -> throw new IllegalStateException("no derivative rule for " + v.op());
        };
    }

    /** The catalogue's function an operation computes, or null (reads, conversions, leaves). */
    private static ElementaryFunction function(Application v) {
        return switch (v.op()) {
            case NEG -> ElementaryFunction.NEG;
            case ADD -> ElementaryFunction.ADD;
            case SUB -> ElementaryFunction.SUB;
            case MUL -> ElementaryFunction.MUL;
            case DIV -> ElementaryFunction.DIV;
            case CALL -> (ElementaryFunction) v.payload();
            default -> null;
        };
    }
}
