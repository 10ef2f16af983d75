package dev.wengert.ad.tape;

import static dev.wengert.ad.tape.Op.*;

/**
 * The values and first partials of the tape's unary, binary and with-constant opcodes: the formulas
 * of the catalogue ({@link dev.wengert.ad.rules.ElementaryFunction}) printed as Java, so that the
 * sweeps run them at the speed of hand-written code. {@link Rules} is the entry point.
 *
 * <p>Printed by {@code CatalogueRulesTest}; do not edit: change the catalogue and regenerate with
 * {@code mvn -pl ad-runtime test -Dtest=CatalogueRulesTest -Dwengert.regenerate=true}.
 */
final class CatalogueRules {

    private CatalogueRules() {
    }

    /** f(x) of a unary opcode (the library functions in {@link #unaryOfLibraryFunction}). */
    static double unary(int op, double x) {
        switch (op) {
            case NEG: return -x;
            case RECIPROCAL: return 1.0 / x;
            case SQUARE: return x * x;
            case SQRT: return Math.sqrt(x);
            case ABS: return Math.abs(x);
            case CUBE: return x * x * x;
            case FOURTH_POWER: return x * x * (x * x);
            case INVERSE_SQUARE: return 1.0 / (x * x);
            case INVERSE_CUBE: return 1.0 / (x * x) / x;
            default: return unaryOfLibraryFunction(op, x);
        }
    }

    /** f(x) of a unary opcode that calls a library function. */
    private static double unaryOfLibraryFunction(int op, double x) {
        switch (op) {
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
            case SIGNUM: return Math.signum(x);
            case FLOOR: return Math.floor(x);
            case CEIL: return Math.ceil(x);
            case LOG10: return Math.log10(x);
            case RINT: return Math.rint(x);
            default: throw unknown(op);
        }
    }

    /** df/dx of a unary opcode with value f at x (the library functions in {@link #unaryDxOfLibraryFunction}). */
    static double unaryDx(int op, double x, double f) {
        switch (op) {
            case NEG: return -1.0;
            case RECIPROCAL: return -(f * f);
            case SQUARE: return 2.0 * x;
            case SQRT: return 0.5 * (1.0 / f);
            case ABS: return Math.signum(x);
            case CUBE: return 3.0 * (x * x);
            case FOURTH_POWER: return 4.0 * (x * x * x);
            case INVERSE_SQUARE: return -2.0 * (f / x);
            case INVERSE_CUBE: return -3.0 * (f / x);
            default: return unaryDxOfLibraryFunction(op, x, f);
        }
    }

    /** df/dx of a unary opcode with value f at x that calls a library function. */
    private static double unaryDxOfLibraryFunction(int op, double x, double f) {
        switch (op) {
            case CBRT: return 1.0 / (3.0 * (f * f));
            case EXP: return f;
            case EXPM1: return f + 1.0;
            case LOG: return 1.0 / x;
            case LOG1P: return 1.0 / (x + 1.0);
            case SIN: return Math.cos(x);
            case COS: return -Math.sin(x);
            case TAN: return 1.0 + f * f;
            case ASIN: return 1.0 / Math.sqrt(1.0 - x * x);
            case ACOS: return -(1.0 / Math.sqrt(1.0 - x * x));
            case ATAN: return 1.0 / (1.0 + x * x);
            case SINH: return Math.cosh(x);
            case COSH: return Math.sinh(x);
            case TANH: return 1.0 - f * f;
            case SIGNUM: return 0.0;
            case FLOOR: return 0.0;
            case CEIL: return 0.0;
            case LOG10: return 1.0 / (x * 2.302585092994046);
            case RINT: return 0.0;
            default: throw unknown(op);
        }
    }

    /** f(x, y) of a binary opcode. */
    static double binary(int op, double x, double y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case DIV: return x / y;
            case POW: return Math.pow(x, y);
            case ATAN2: return Math.atan2(x, y);
            case HYPOT: return Math.hypot(x, y);
            case MIN: return Math.min(x, y);
            case MAX: return Math.max(x, y);
            case SQUARED_DIFFERENCE: return (x - y) * (x - y);
            default: throw unknown(op);
        }
    }

    /** df/dx of a binary opcode with value f at (x, y). */
    static double binaryDx(int op, double x, double y, double f) {
        switch (op) {
            case ADD: return 1.0;
            case SUB: return 1.0;
            case MUL: return y;
            case DIV: return 1.0 / y;
            case POW: return x == 0.0 ? (y == 0.0 ? 0.0 : y == 1.0 ? 1.0 : y * Math.pow(x, y - 1.0)) : y * Math.pow(x, y - 1.0);
            case ATAN2: return y * (1.0 / (y * y + x * x));
            case HYPOT: return f == 0.0 ? 0.0 : x * (1.0 / f);
            case MIN: return x <= y ? 1.0 : 0.0;
            case MAX: return y <= x ? 1.0 : 0.0;
            case SQUARED_DIFFERENCE: return 2.0 * (x - y);
            default: throw unknown(op);
        }
    }

    /** df/dy of a binary opcode with value f at (x, y). */
    static double binaryDy(int op, double x, double y, double f) {
        switch (op) {
            case ADD: return 1.0;
            case SUB: return -1.0;
            case MUL: return x;
            case DIV: return -(f * (1.0 / y));
            case POW: return x == 0.0 ? 0.0 : f * Math.log(x);
            case ATAN2: return -(x * (1.0 / (y * y + x * x)));
            case HYPOT: return f == 0.0 ? 0.0 : y * (1.0 / f);
            case MIN: return x <= y ? 0.0 : 1.0;
            case MAX: return y <= x ? 0.0 : 1.0;
            case SQUARED_DIFFERENCE: return -(2.0 * (x - y));
            default: throw unknown(op);
        }
    }

    /** f(x) of an opcode of a variable x and a constant c. */
    static double withConstant(int op, double x, double c) {
        switch (op) {
            case ADD_CONST: return x + c;
            case SUB_CONST: return x - c;
            case CONST_SUB: return c - x;
            case MUL_CONST: return x * c;
            case DIV_CONST: return x / c;
            case CONST_DIV: return c / x;
            case POW_CONST: return Math.pow(x, c);
            case CONST_POW: return Math.pow(c, x);
            case MIN_CONST: return Math.min(x, c);
            case MAX_CONST: return Math.max(x, c);
            case SQUARED_DIFFERENCE_CONST: return (x - c) * (x - c);
            default: throw unknown(op);
        }
    }

    /** df/dx of an opcode of a variable x and a constant c, with value f. */
    static double withConstantDx(int op, double x, double c, double f) {
        switch (op) {
            case ADD_CONST: return 1.0;
            case SUB_CONST: return 1.0;
            case CONST_SUB: return -1.0;
            case MUL_CONST: return c;
            case DIV_CONST: return 1.0 / c;
            case CONST_DIV: return -(f * (1.0 / x));
            case POW_CONST: return x == 0.0 ? (c == 0.0 ? 0.0 : c == 1.0 ? 1.0 : c * Math.pow(x, c - 1.0)) : c * Math.pow(x, c - 1.0);
            case CONST_POW: return c == 0.0 ? 0.0 : f * Math.log(c);
            case MIN_CONST: return x <= c ? 1.0 : 0.0;
            case MAX_CONST: return c <= x ? 1.0 : 0.0;
            case SQUARED_DIFFERENCE_CONST: return 2.0 * (x - c);
            default: throw unknown(op);
        }
    }

    private static IllegalArgumentException unknown(int op) {
        return new IllegalArgumentException("no rule of this shape for opcode " + Op.name(op));
    }
}
