package dev.wengert.codegen.ir;

import dev.wengert.ad.rules.ElementaryFunction;
import java.util.List;

/**
 * Constant folding and zero/one propagation, applied to every value as it is built. The rules
 * follow Java semantics for finite operands; like every source-transformation AD tool, they treat
 * {@code a * 0} as {@code 0} (which differs only when {@code a} is infinite or NaN), because
 * derivative programs are full of such products and keeping them would make the code slow.
 * Math functions are folded only when their result is exactly specified.
 */
final class Folding {

    private Folding() {
    }

    /** A simpler equivalent of {@code op(args)}, or null to build it as is. */
    static Value fold(Builder b, Op op, Type type, List<Value> args, Object payload) {
        if (op == Op.READ || op == Op.LENGTH) {
            return null;
        }
        boolean allConst = !args.isEmpty() && args.stream().allMatch(a -> a.op() == Op.CONST);
        if (allConst) {
            Value c = foldConstants(b, op, type, args, payload);
            if (c != null) {
                return c;
            }
        }
        return switch (op) {
            case NEG -> negate(b, args.get(0));
            case ADD -> add(b, args.get(0), args.get(1));
            case SUB -> sub(b, args.get(0), args.get(1));
            case MUL -> mul(b, args.get(0), args.get(1));
            case DIV -> div(b, type, args.get(0), args.get(1));
            case SELECT -> select(args);
            case AZMUL -> azmul(b, args.get(0), args.get(1));
            case NOT -> args.get(0).op() == Op.NOT ? args.get(0).arg(0) : null;
            case AND -> logical(args, true);
            case OR -> logical(args, false);
            case CALL -> callIdentity(b, (ElementaryFunction) payload, args);
            default -> null;
        };
    }

    private static Value select(List<Value> args) {
        if (args.get(0).op() == Op.CONST) {
            return (Boolean) args.get(0).payload() ? args.get(1) : args.get(2);
        }
        return args.get(1) == args.get(2) ? args.get(1) : null;
    }

    // A constant a decides it: 0 gives 0, any other a an ordinary product; so does a finite constant p.
    private static Value azmul(Builder b, Value p, Value a) {
        if (a.op() == Op.CONST) {
            return a.constant() == 0 ? b.constant(0.0) : b.mul(p, a);
        }
        if (p.op() == Op.CONST && Double.isFinite(p.constant())) {
            return b.mul(p, a);
        }
        return null;
    }

    private static Value negate(Builder b, Value a) {
        if (a.op() == Op.NEG) {
            return a.arg(0);
        }
        return null;
    }

    private static Value add(Builder b, Value x, Value y) {
        if (x.isConstant(0)) {
            return y;
        }
        if (y.isConstant(0)) {
            return x;
        }
        if (x == y) {
            return b.mul(x, x.type() == Type.INT ? b.constant(2) : b.constant(2.0));   // exact
        }
        Value factored = commonPowerOfTwo(b, Op.ADD, x, y);
        if (factored != null) {
            return factored;
        }
        // x + x * c = x * (c + 1) for a power of two c: x * c is exact, so both round (c + 1) x once
        for (int k = 0; k < 2; k++) {
            Value single = k == 0 ? x : y;
            Value scaled = k == 0 ? y : x;
            if (single.type() == Type.DOUBLE && scaled.op() == Op.MUL && scaled.arg(0) == single
                    && scaled.arg(1).op() == Op.CONST && isPowerOfTwo(scaled.arg(1).constant())
                    && scaled.arg(1).constant() > 0) {
                return b.mul(single, b.constant(scaled.arg(1).constant() + 1));
            }
        }
        if (y.op() == Op.NEG) {
            return b.sub(x, y.arg(0));
        }
        if (x.op() == Op.NEG) {
            return b.sub(y, x.arg(0));
        }
        if (x.op() == Op.CONST && y.op() != Op.CONST || x.op() != Op.CONST && y.op() != Op.CONST && x.id() > y.id()) {
            return b.add(y, x);   // canonical order, so that a + b and b + a are one value
        }
        return null;
    }

    private static Value sub(Builder b, Value x, Value y) {
        if (y.isConstant(0)) {
            return x;
        }
        if (x.isConstant(0)) {
            return b.neg(y);
        }
        if (x == y) {
            return b.zero(x.type());
        }
        Value factored = commonPowerOfTwo(b, Op.SUB, x, y);
        if (factored != null) {
            return factored;
        }
        if (y.op() == Op.NEG) {
            return b.add(x, y.arg(0));
        }
        if (x.op() == Op.NEG) {
            return b.neg(b.add(x.arg(0), y));
        }
        return null;
    }

    private static Value mul(Builder b, Value x, Value y) {
        if (x.isConstant(0) || y.isConstant(0)) {
            return b.zero(x.type());
        }
        if (x.isConstant(1)) {
            return y;
        }
        if (y.isConstant(1)) {
            return x;
        }
        if (x.isConstant(-1)) {
            return b.neg(y);
        }
        if (y.isConstant(-1)) {
            return b.neg(x);
        }
        if (x.op() == Op.NEG && y.op() == Op.NEG) {
            return b.mul(x.arg(0), y.arg(0));
        }
        if (x.op() == Op.NEG) {
            return b.neg(b.mul(x.arg(0), y));
        }
        if (y.op() == Op.NEG) {
            return b.neg(b.mul(x, y.arg(0)));
        }
        if (x.op() == Op.CONST && y.op() != Op.CONST || x.op() != Op.CONST && y.op() != Op.CONST && x.id() > y.id()) {
            return b.mul(y, x);
        }
        if (x.type() == Type.DOUBLE) {
            return movePowerOfTwo(b, x, y);
        }
        return null;
    }

    /**
     * Moves a constant power-of-two factor outward: {@code (a * 0.5) * 2.0} becomes {@code a} and
     * {@code a * (b * 0.5)} becomes {@code (a * b) * 0.5}. Scaling by a power of two is exact
     * (barring overflow and underflow), so these rewrites do not change results; they let the
     * 0.5 of {@code sqrt'} cancel the 2 of {@code d(x * x)}.
     */
    private static Value movePowerOfTwo(Builder b, Value x, Value y) {
        if (y.op() == Op.CONST && x.op() == Op.MUL && x.arg(1).op() == Op.CONST
                && (isPowerOfTwo(y.constant()) || isPowerOfTwo(x.arg(1).constant()))) {
            return b.mul(x.arg(0), b.constant(x.arg(1).constant() * y.constant()));
        }
        if (y.op() != Op.CONST && y.op() == Op.MUL && y.arg(1).op() == Op.CONST && isPowerOfTwo(y.arg(1).constant())) {
            return b.mul(b.mul(x, y.arg(0)), y.arg(1));
        }
        if (y.op() != Op.CONST && x.op() == Op.MUL && x.arg(1).op() == Op.CONST && isPowerOfTwo(x.arg(1).constant())) {
            return b.mul(b.mul(x.arg(0), y), x.arg(1));
        }
        return null;
    }

    /** {@code a * c + b * c} as {@code (a + b) * c} for a power of two c: exact, and c can then cancel. */
    private static Value commonPowerOfTwo(Builder b, Op op, Value x, Value y) {
        if (x.type() == Type.DOUBLE && x.op() == Op.MUL && y.op() == Op.MUL && x.arg(1).op() == Op.CONST
                && x.arg(1) == y.arg(1) && isPowerOfTwo(x.arg(1).constant())) {
            return b.mul(b.arith(op, x.arg(0), y.arg(0)), x.arg(1));
        }
        return null;
    }

    private static boolean isPowerOfTwo(double c) {
        double a = Math.abs(c);
        return a != 0 && Double.isFinite(a) && a == Math.scalb(1.0, Math.getExponent(a));
    }

    private static Value div(Builder b, Type type, Value x, Value y) {
        if (y.isConstant(1)) {
            return x;
        }
        if (type == Type.DOUBLE) {
            if (x.isConstant(0)) {
                return x;
            }
            if (y.isConstant(-1)) {
                return b.neg(x);
            }
            if (x.op() == Op.NEG) {
                return b.neg(b.div(x.arg(0), y));
            }
            if (y.op() == Op.NEG) {
                return b.neg(b.div(x, y.arg(0)));
            }
        }
        return null;
    }

    private static Value logical(List<Value> args, boolean isAnd) {
        for (int i = 0; i < 2; i++) {
            Value a = args.get(i);
            Value other = args.get(1 - i);
            if (a.op() == Op.CONST) {
                boolean c = (Boolean) a.payload();
                if (c == isAnd) {
                    return other;
                }
                return a;
            }
        }
        return args.get(0) == args.get(1) ? args.get(0) : null;
    }

    private static Value callIdentity(Builder b, ElementaryFunction fn, List<Value> args) {
        if (fn == ElementaryFunction.POW && args.get(1).op() == Op.CONST) {
            double p = args.get(1).constant();
            if (p == 0) {
                return b.constant(1.0);
            }
            if (p == 1) {
                return args.get(0);
            }
            // small integer powers as products (within an ulp of Math.pow, and many times faster in
            // the value and in every derivative, which are then products too)
            Value a = args.get(0);
            if (p == 2) {
                return b.mul(a, a);
            }
            if (p == 3) {
                return b.mul(b.mul(a, a), a);
            }
            if (p == 4) {
                Value square = b.mul(a, a);
                return b.mul(square, square);
            }
            if (p == -1) {
                return b.div(b.constant(1.0), a);
            }
            if (p == -2 || p == -3) {
                // -3 is the inverse square divided by a, as the tape's inverse cube: 1 / ((a * a) * a) would
                // be 0 where a^3 overflows but pow is still subnormal, and its derivative 0 * (a * a) is NaN
                // where a * a overflows
                Value inverseSquare = b.div(b.constant(1.0), b.mul(a, a));
                return p == -2 ? inverseSquare : b.div(inverseSquare, a);
            }
        }
        return null;
    }

    private static Value foldConstants(Builder b, Op op, Type type, List<Value> args, Object payload) {
        Object a0 = args.get(0).payload();
        Object a1 = args.size() > 1 ? args.get(1).payload() : null;
        if (op == Op.SELECT) {
            return (Boolean) a0 ? args.get(1) : args.get(2);
        }
        if (op == Op.NOT) {
            return b.bool(!(Boolean) a0);
        }
        if (op == Op.AND || op == Op.OR) {
            return null;   // handled by logical()
        }
        if (op == Op.TO_DOUBLE) {
            return b.constant((double) (Integer) a0);
        }
        if (op == Op.CALL) {
            ElementaryFunction fn = (ElementaryFunction) payload;
            if (!fn.exactlySpecified()) {
                return null;
            }
            double[] xs = args.stream().mapToDouble(Value::constant).toArray();
            return b.constant(fn.evaluate(xs));
        }
        if (op.isComparison()) {
            double x = ((Number) a0).doubleValue();
            double y = ((Number) a1).doubleValue();
            boolean r = switch (op) {
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
                case EQ -> x == y;
                default -> x != y;
            };
            return b.bool(r);
        }
        if (type == Type.INT) {
            int x = (Integer) a0;
            if (op == Op.NEG) {
                return b.constant(-x);
            }
            int y = (Integer) a1;
            return switch (op) {
                case ADD -> b.constant(x + y);
                case SUB -> b.constant(x - y);
                case MUL -> b.constant(x * y);
                case DIV -> y == 0 ? null : b.constant(x / y);   // keep the run-time exception
                case REM -> y == 0 ? null : b.constant(x % y);
                default -> null;
            };
        }
        if (type == Type.DOUBLE) {
            double x = (Double) a0;
            if (op == Op.NEG) {
                return b.constant(-x);
            }
            double y = (Double) a1;
            return switch (op) {
                case ADD -> b.constant(x + y);
                case SUB -> b.constant(x - y);
                case MUL -> b.constant(x * y);
                case DIV -> b.constant(x / y);
                case REM -> b.constant(x % y);
                default -> null;
            };
        }
        return null;
    }
}
