package dev.wengert.ad.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.ad.rules.ElementaryFunction;
import dev.wengert.ad.rules.JavaExpressionAlgebra;
import dev.wengert.ad.rules.JavaExpressionAlgebra.Expr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tape's value and first-partial rules are the catalogue's formulas printed as Java: this test
 * prints them and compares with {@code CatalogueRules.java}. After a change to the catalogue, run
 * {@code mvn -pl ad-runtime test -Dtest=CatalogueRulesTest -Dwengert.regenerate=true} to rewrite it.
 */
class CatalogueRulesTest {

    private static final Path SOURCE = Path.of("src/main/java/dev/wengert/ad/tape/CatalogueRules.java");
    private static final JavaExpressionAlgebra JAVA = new JavaExpressionAlgebra();

    @Test
    void tapeRulesArePrintedFromTheCatalogue() throws IOException {
        String expected = print();
        if (Boolean.getBoolean("wengert.regenerate")) {
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(SOURCE, StandardCharsets.UTF_8),
                "CatalogueRules.java is not what the catalogue prints; regenerate it with "
                        + "mvn -pl ad-runtime test -Dtest=CatalogueRulesTest -Dwengert.regenerate=true");
    }

    static String print() {
        StringBuilder s = new StringBuilder();
        s.append("""
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
                """);
        splitMethod(s, "f(x) of a unary opcode", "unary", "int op, double x", "op, x", op -> value(op, "x"));
        splitMethod(s, "df/dx of a unary opcode with value f at x", "unaryDx", "int op, double x, double f", "op, x, f",
                op -> partial(op, 0, "x"));
        method(s, "f(x, y) of a binary opcode.", "binary(int op, double x, double y)", Op.BINARY,
                op -> value(op, "x", "y"));
        method(s, "df/dx of a binary opcode with value f at (x, y).", "binaryDx(int op, double x, double y, double f)",
                Op.BINARY, op -> partial(op, 0, "x", "y"));
        method(s, "df/dy of a binary opcode with value f at (x, y).", "binaryDy(int op, double x, double y, double f)",
                Op.BINARY, op -> partial(op, 1, "x", "y"));
        method(s, "f(x) of an opcode of a variable x and a constant c.", "withConstant(int op, double x, double c)",
                Op.WITH_CONSTANT, op -> Op.constantFirst(op) ? value(op, "c", "x") : value(op, "x", "c"));
        method(s, "df/dx of an opcode of a variable x and a constant c, with value f.",
                "withConstantDx(int op, double x, double c, double f)", Op.WITH_CONSTANT,
                op -> Op.constantFirst(op) ? partial(op, 1, "c", "x") : partial(op, 0, "x", "c"));
        s.append("""

                    private static IllegalArgumentException unknown(int op) {
                        return new IllegalArgumentException("no rule of this shape for opcode " + Op.name(op));
                    }
                }
                """);
        return s.toString();
    }

    private static Expr value(int op, String... names) {
        return Op.function(op).value(JAVA, variables(names));
    }

    private static Expr partial(int op, int i, String... names) {
        return Op.function(op).partial(JAVA, i, variables(names), JavaExpressionAlgebra.variable("f"));
    }

    private static List<Expr> variables(String... names) {
        return java.util.Arrays.stream(names).map(JavaExpressionAlgebra::variable).toList();
    }

    private static void method(StringBuilder s, String doc, String signature, int kind,
                               java.util.function.IntFunction<Expr> body) {
        switchMethod(s, doc, "static double " + signature, op -> Op.kind(op) == kind, body, "throw unknown(op)");
    }

    // A unary rule as two methods: the arithmetic opcodes in one small enough for HotSpot to inline into the
    // sweeps (under 325 bytes of bytecode), the library functions in a second one that the first calls.
    private static void splitMethod(StringBuilder s, String doc, String name, String parameters, String arguments,
                                    java.util.function.IntFunction<Expr> body) {
        String library = name + "OfLibraryFunction";
        switchMethod(s, doc + " (the library functions in {@link #" + library + "}).",
                "static double " + name + "(" + parameters + ")",
                op -> Op.kind(op) == Op.UNARY && Op.isArithmeticUnary(op), body,
                "return " + library + "(" + arguments + ")");
        switchMethod(s, doc + " that calls a library function.",
                "private static double " + library + "(" + parameters + ")",
                op -> Op.kind(op) == Op.UNARY && !Op.isArithmeticUnary(op), body, "throw unknown(op)");
    }

    // One rule method: a switch over the opcodes {@code cases} accepts, {@code otherwise} for the rest.
    private static void switchMethod(StringBuilder s, String doc, String declaration,
                                     java.util.function.IntPredicate cases, java.util.function.IntFunction<Expr> body,
                                     String otherwise) {
        s.append("\n    /** ").append(doc).append(" */\n");
        s.append("    ").append(declaration).append(" {\n");
        s.append("        switch (op) {\n");
        for (int op = 0; op < Op.COUNT; op++) {
            if (cases.test(op)) caseLine(s, op, body);
        }
        s.append("            default: ").append(otherwise).append(";\n");
        s.append("        }\n");
        s.append("    }\n");
    }

    private static void caseLine(StringBuilder s, int op, java.util.function.IntFunction<Expr> body) {
        s.append("            case ").append(constantName(op)).append(": return ").append(body.apply(op).text())
                .append(";\n");
    }

    /** The name of the opcode's constant in {@link Op}. */
    private static String constantName(int op) {
        for (java.lang.reflect.Field f : Op.class.getFields()) {
            try {
                if (f.getType() == byte.class && f.getByte(null) == op) {
                    return f.getName();
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no constant for opcode " + op);
    }
}
