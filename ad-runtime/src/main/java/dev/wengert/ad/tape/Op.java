package dev.wengert.ad.tape;

import dev.wengert.ad.rules.ElementaryFunction;

/**
 * The opcodes a tape records, with each one's name and operand shape. The derivative rules of
 * every opcode live in {@link Rules}; this class only says what an opcode is called and how its
 * operands are laid out on the tape.
 *
 * <p>Each unary, binary and with-constant opcode computes one function of the catalogue
 * ({@link #function}), whose formulas the tape's rules are printed from.
 *
 * <p>Operand shapes ({@link #kind}):
 * <ul>
 *   <li>{@link #INPUT}: {@code a} is the input's position in x;</li>
 *   <li>{@link #CONSTANT}: {@code a} indexes the constant pool;</li>
 *   <li>{@link #UNARY}: {@code a} is the argument node;</li>
 *   <li>{@link #BINARY}: {@code a} and {@code b} are the argument nodes;</li>
 *   <li>{@link #WITH_CONSTANT}: {@code a} is the argument node, {@code b} indexes the constant pool
 *       (so {@code x.times(2.0)} costs no constant node);</li>
 *   <li>{@link #NARY}: {@code a} is the start of the argument list in the argument pool, {@code b}
 *       its length; {@link #LINEAR} keeps the offset of its weights in the constant pool in the pool
 *       slot right after its arguments.</li>
 * </ul>
 *
 * <p>This is an implementation class of the tape, public only so that {@code Tape}, {@code Var} and
 * {@code Dual} in {@code dev.wengert.ad} can use it; the module does not export this package.
 */
public final class Op {

    public static final int INPUT = 0;
    public static final int CONSTANT = 1;
    public static final int UNARY = 2;
    public static final int BINARY = 3;
    public static final int WITH_CONSTANT = 4;
    public static final int NARY = 5;


    // Leaves.
    public static final byte VARIABLE = 0;
    public static final byte CONST = 1;

    // Unary: f(x).
    public static final byte NEG = 2;
    public static final byte RECIPROCAL = 3;
    public static final byte SQUARE = 4;
    public static final byte SQRT = 5;
    public static final byte CBRT = 6;
    public static final byte EXP = 7;
    public static final byte EXPM1 = 8;
    public static final byte LOG = 9;
    public static final byte LOG1P = 10;
    public static final byte SIN = 11;
    public static final byte COS = 12;
    public static final byte TAN = 13;
    public static final byte ASIN = 14;
    public static final byte ACOS = 15;
    public static final byte ATAN = 16;
    public static final byte SINH = 17;
    public static final byte COSH = 18;
    public static final byte TANH = 19;
    public static final byte ABS = 20;
    public static final byte SIGNUM = 21;
    public static final byte FLOOR = 22;
    public static final byte CEIL = 23;

    // Binary: f(x, y), both variables.
    public static final byte ADD = 24;
    public static final byte SUB = 25;
    public static final byte MUL = 26;
    public static final byte DIV = 27;
    public static final byte POW = 28;
    public static final byte ATAN2 = 29;
    public static final byte HYPOT = 30;
    public static final byte MIN = 31;
    public static final byte MAX = 32;

    // A variable x and a constant c.
    public static final byte ADD_CONST = 33;
    public static final byte SUB_CONST = 34;
    public static final byte CONST_SUB = 35;
    public static final byte MUL_CONST = 36;
    public static final byte DIV_CONST = 37;
    public static final byte CONST_DIV = 38;
    public static final byte POW_CONST = 39;
    public static final byte CONST_POW = 40;
    public static final byte MIN_CONST = 41;
    public static final byte MAX_CONST = 42;

    // N-ary.
    public static final byte SUM = 43;
    public static final byte DOT = 44;
    public static final byte NORM = 45;
    public static final byte LINEAR = 46;
    public static final byte DISTANCE = 47;

    // Unary, added after the n-ary ones (opcodes are never renumbered).
    public static final byte LOG10 = 48;
    public static final byte RINT = 49;
    public static final byte CUBE = 50;
    public static final byte FOURTH_POWER = 51;
    public static final byte INVERSE_SQUARE = 52;
    public static final byte INVERSE_CUBE = 53;

    // Added later: (x - y)^2 and (x - c)^2, what recording makes of x.minus(y).square(), x.minus(c).square()
    // and Var.minus(c, x).square().
    public static final byte SQUARED_DIFFERENCE = 54;
    public static final byte SQUARED_DIFFERENCE_CONST = 55;

    // Added later: c + (x_0 - y_0)^2 + ... + (x_k-1 - y_k-1)^2, what recording makes of a sum of squared
    // differences (a gradient's squared length in a stencil), with an optional constant c.
    public static final byte SQUARED_DISTANCE = 56;

    /** Number of opcodes. */
    public static final int COUNT = 57;

    private static final String[] NAMES = new String[COUNT];
    private static final byte[] KINDS = new byte[COUNT];
    private static final ElementaryFunction[] FUNCTIONS = new ElementaryFunction[COUNT];
    private static final boolean[] CONSTANT_FIRST = new boolean[COUNT];

    static {
        define(VARIABLE, "variable", INPUT);
        define(CONST, "constant", CONSTANT);
        define(NEG, "neg", UNARY, ElementaryFunction.NEG, false);
        define(RECIPROCAL, "reciprocal", UNARY, ElementaryFunction.RECIPROCAL, false);
        define(SQUARE, "square", UNARY, ElementaryFunction.SQUARE, false);
        define(SQRT, "sqrt", UNARY, ElementaryFunction.SQRT, false);
        define(CBRT, "cbrt", UNARY, ElementaryFunction.CBRT, false);
        define(EXP, "exp", UNARY, ElementaryFunction.EXP, false);
        define(EXPM1, "expm1", UNARY, ElementaryFunction.EXPM1, false);
        define(LOG, "log", UNARY, ElementaryFunction.LOG, false);
        define(LOG1P, "log1p", UNARY, ElementaryFunction.LOG1P, false);
        define(SIN, "sin", UNARY, ElementaryFunction.SIN, false);
        define(COS, "cos", UNARY, ElementaryFunction.COS, false);
        define(TAN, "tan", UNARY, ElementaryFunction.TAN, false);
        define(ASIN, "asin", UNARY, ElementaryFunction.ASIN, false);
        define(ACOS, "acos", UNARY, ElementaryFunction.ACOS, false);
        define(ATAN, "atan", UNARY, ElementaryFunction.ATAN, false);
        define(SINH, "sinh", UNARY, ElementaryFunction.SINH, false);
        define(COSH, "cosh", UNARY, ElementaryFunction.COSH, false);
        define(TANH, "tanh", UNARY, ElementaryFunction.TANH, false);
        define(ABS, "abs", UNARY, ElementaryFunction.ABS, false);
        define(SIGNUM, "signum", UNARY, ElementaryFunction.SIGNUM, false);
        define(FLOOR, "floor", UNARY, ElementaryFunction.FLOOR, false);
        define(CEIL, "ceil", UNARY, ElementaryFunction.CEIL, false);
        define(ADD, "add", BINARY, ElementaryFunction.ADD, false);
        define(SUB, "sub", BINARY, ElementaryFunction.SUB, false);
        define(MUL, "mul", BINARY, ElementaryFunction.MUL, false);
        define(DIV, "div", BINARY, ElementaryFunction.DIV, false);
        define(POW, "pow", BINARY, ElementaryFunction.POW, false);
        define(ATAN2, "atan2", BINARY, ElementaryFunction.ATAN2, false);
        define(HYPOT, "hypot", BINARY, ElementaryFunction.HYPOT, false);
        define(MIN, "min", BINARY, ElementaryFunction.MIN, false);
        define(MAX, "max", BINARY, ElementaryFunction.MAX, false);
        define(ADD_CONST, "add-constant", WITH_CONSTANT, ElementaryFunction.ADD, false);
        define(SUB_CONST, "sub-constant", WITH_CONSTANT, ElementaryFunction.SUB, false);
        define(CONST_SUB, "constant-sub", WITH_CONSTANT, ElementaryFunction.SUB, true);
        define(MUL_CONST, "mul-constant", WITH_CONSTANT, ElementaryFunction.MUL, false);
        define(DIV_CONST, "div-constant", WITH_CONSTANT, ElementaryFunction.DIV, false);
        define(CONST_DIV, "constant-div", WITH_CONSTANT, ElementaryFunction.DIV, true);
        define(POW_CONST, "pow-constant", WITH_CONSTANT, ElementaryFunction.POW, false);
        define(CONST_POW, "constant-pow", WITH_CONSTANT, ElementaryFunction.POW, true);
        define(MIN_CONST, "min-constant", WITH_CONSTANT, ElementaryFunction.MIN, false);
        define(MAX_CONST, "max-constant", WITH_CONSTANT, ElementaryFunction.MAX, false);
        define(SUM, "sum", NARY);
        define(DOT, "dot", NARY);
        define(NORM, "norm", NARY);
        define(LINEAR, "linear", NARY);
        define(DISTANCE, "distance", NARY);
        define(SQUARED_DISTANCE, "squared-distance", NARY);
        define(LOG10, "log10", UNARY, ElementaryFunction.LOG10, false);
        define(RINT, "rint", UNARY, ElementaryFunction.RINT, false);
        define(CUBE, "cube", UNARY, ElementaryFunction.CUBE, false);
        define(FOURTH_POWER, "fourth-power", UNARY, ElementaryFunction.FOURTH_POWER, false);
        define(INVERSE_SQUARE, "inverse-square", UNARY, ElementaryFunction.INVERSE_SQUARE, false);
        define(INVERSE_CUBE, "inverse-cube", UNARY, ElementaryFunction.INVERSE_CUBE, false);
        define(SQUARED_DIFFERENCE, "squared-difference", BINARY, ElementaryFunction.SQUARED_DIFFERENCE, false);
        define(SQUARED_DIFFERENCE_CONST, "squared-difference-constant", WITH_CONSTANT,
                ElementaryFunction.SQUARED_DIFFERENCE, false);
    }

    private Op() {
    }

    private static void define(byte op, String name, int kind) {
        NAMES[op] = name;
        KINDS[op] = (byte) kind;
    }

    private static void define(byte op, String name, int kind, ElementaryFunction function, boolean constantFirst) {
        define(op, name, kind);
        FUNCTIONS[op] = function;
        CONSTANT_FIRST[op] = constantFirst;
    }

    /**
     * The catalogued function a unary, binary or with-constant opcode computes ({@code constant-sub}
     * computes {@link ElementaryFunction#SUB} with the constant first), or null for leaves and n-ary
     * opcodes.
     */
    public static ElementaryFunction function(int op) {
        return FUNCTIONS[op];
    }

    /** True if a with-constant opcode's constant is the function's first argument ({@code c - x}, {@code c / x}). */
    public static boolean constantFirst(int op) {
        return CONSTANT_FIRST[op];
    }

    /** The operand shape of {@code op}: one of {@link #INPUT} ... {@link #NARY}. */
    public static int kind(int op) {
        return KINDS[op];
    }

    /**
     * True for the unary opcodes computed by arithmetic alone (negation, integer powers, the square root,
     * the absolute value), which nearly every tape has; the others call a library function, whose cost
     * dwarfs a second method call. {@link Rules} keeps the first kind in methods small enough for HotSpot
     * to inline into the sweeps, and hands the others to a second method.
     */
    public static boolean isArithmeticUnary(int op) {
        switch (op) {
            case NEG: case RECIPROCAL: case SQUARE: case SQRT: case ABS:
            case CUBE: case FOURTH_POWER: case INVERSE_SQUARE: case INVERSE_CUBE:
                return true;
            default:
                return false;
        }
    }

    /**
     * The unary opcode that computes {@code x^c} as products, the same function of x as {@code pow} with
     * the same conventions at 0 ({@link #SQUARE} for 2, {@link #CUBE} for 3, {@link #FOURTH_POWER} for 4,
     * {@link #RECIPROCAL} for -1, {@link #INVERSE_SQUARE} for -2, {@link #INVERSE_CUBE} for -3), or -1 if
     * {@code c} is none of those exponents (0 and 1 stay {@code pow}: its partials there are its
     * conventions, not products). At x = 0 and -0 a negative exponent gives pow's infinities (signed as
     * pow signs them) in the value and in every derivative. Recording {@code x.pow(c)} and
     * {@code Dual.pow(c)} use it.
     */
    public static int integerPower(double c) {
        if (c == 2) return SQUARE;
        if (c == 3) return CUBE;
        if (c == 4) return FOURTH_POWER;
        if (c == -1) return RECIPROCAL;
        if (c == -2) return INVERSE_SQUARE;
        if (c == -3) return INVERSE_CUBE;
        return -1;
    }

    /** The opcode's name as error messages show it. */
    public static String name(int op) {
        return NAMES[op];
    }
}
