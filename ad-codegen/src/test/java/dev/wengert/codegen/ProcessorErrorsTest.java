package dev.wengert.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.wengert.ad.Objective;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every construct outside the subset is a compile error at its exact line and column, with a
 * message that names it. The expected position is where {@code at} first occurs in the source, at
 * its caret if it has one: javac's preferred position of the node (the operator of a binary or
 * assignment, the parenthesis of a call, the bracket of an array access, the name of a
 * declaration), which is where javac reports its own errors too.
 */
class ProcessorErrorsTest {

    static Stream<Arguments> unsupportedConstructs() {
        return Stream.of(
                error("int 'k' declared before the loop may only change in it by constant steps", "k^++",
                        "int k = 0; double s = 0; for (int i = 0; i < x.length; i++) { if (x[i] > 0) { k++; } s += k; } return s;"),
                error("while loops must count", "while (s < 1)",
                        "double s = 0; while (s < 1) { s += x[0]; } return s;"),
                error("loop-carried variable 'seen': only double variables carry state", "seen ^= x[i] > 0",
                        "boolean seen = false; for (int i = 0; i < x.length; i++) { seen = x[i] > 0; } "
                        + "return seen ? x[0] : 0;"),
                error("do-while loops are not supported", "do {",
                        "double s = 0; do { s = x[0]; } while (s > 1); return s;"),
                error("array writes are not supported", "x^[0] = 1",
                        "x[0] = 1; return x[0];"),
                error("unknown method 'foo'", "foo^(x[0])",
                        "return foo(x[0]);"),
                error("field access 'counter'", "counter *",
                        "return counter * x[0];"),
                error("recursive call of 'down'", "down^(x, k - 1)",
                        "return down(x, 3);"),
                error("must return double, not float", "float f(",
                        null),
                error("needs a double[] parameter", "@Differentiate static double ^g(double a)",
                        null),
                error("field access 'mutable'", "x[0] * ^mutable",
                        null),
                error("cast to int is not supported", "(int) x[0]",
                        "int k = (int) x[0]; return k;"),
                error("'xi' is set by the loop itself", "xi = 2",
                        "double s = 0; for (double xi : x) { xi = 2; s += xi; } return s;"),
                error("local of type float is not supported", "float ^y",
                        "float y = 1; return x[0] * y;"),
                error("break is not supported", "break;",
                        "double s = 0; for (int i = 0; i < x.length; i++) { if (x[i] > 0) { break; } s += x[i]; } return s;"),
                error("local array 'y' must be created as a work array of doubles: double[] y = new double[n]",
                        "double[] ^y", "double[] y = x; return y[0];"),
                error("work array 'u' is written after it is read", "u^[1] = s",
                        "double[] u = new double[2]; u[0] = x[0]; double s = u[0] * u[0]; u[1] = s; return u[1];"),
                error("work array 'u' is read in the loop that writes it", "s += u^[i]",
                        "double[] u = new double[x.length]; double s = 0; "
                        + "for (int i = 0; i < x.length; i++) { u[i] = x[i]; s += u[i]; } return s;"),
                error("work array 'u' is read in a value written into it", "u^[0] * 2",
                        "double[] u = new double[3]; u[0] = x[0]; u[1] = u[0] * 2; return u[1];"),
                error("this update of work array 'u' reads the element it writes", "u[0] ^*= x[1]",
                        "double[] u = new double[3]; u[0] = x[0]; u[0] *= x[1]; return u[0];"),
                error("work array 't' must be declared in the @Differentiate method itself, outside loops",
                        "double[] ^t", "double s = 0; for (int i = 0; i < x.length; i++) { double[] t = new double[2]; "
                        + "t[0] = x[i]; s += t[0]; } return s;"),
                error("work arrays 'u' and 'uBar' would share", "double[] ^uBar",
                        "double[] u = new double[2]; double[] uBar = new double[2]; u[0] = x[0]; uBar[0] = x[1]; "
                        + "return u[0] * uBar[0];"),
                error("Math.random with 0 argument(s) is not supported", "Math.random^()",
                        "return x[0] * Math.random();"),
                error("return inside a loop is not supported", "return x[i];",
                        "for (int i = 0; i < x.length; i++) { return x[i]; } return 0;"),
                error("% on double values is not supported", "x[0] ^% 2.0",
                        "return x[0] % 2.0;"),
                error("table 'HIDDEN' is private", "HIDDEN[0]",
                        "return HIDDEN[0] * x[0];"),
                error("the loop bound must not depend on the loop counter 'i'", "x.length ^- i",
                        "double s = 0; for (int i = 0; i < x.length - i; i++) { s += x[i]; } return s;"),
                error("for loop condition", "i ^> 0",
                        "double s = 0; for (int i = 5; i > 0; i++) { s += x[i]; } return s;"),
                error("assignment to field 'counter' is not supported", "counter = 2",
                        "counter = 2; return x[0];"),
                error("'a[0]' is a row of a double[][]; read an element: a[0][j]", "a^[0] * x[0]",
                        "MATRIX return a[0] * x[0];"),
                error("array writes are not supported on 'a[0]': double[][] parameters are read-only", "a[0]^[1] = x[0]",
                        "MATRIX a[0][1] = x[0]; return x[0];"),
                error("a row of a double[][] can be read (a[1][j]), measured (a[1].length) and iterated over, not passed on",
                        "sum(a^[1])", "MATRIX return sum(a[1]) * x[0];"),
                error("'a' is a double[][]: read its elements as a[i][j]", "sum(^a)",
                        "MATRIX return sum(a) * x[0];"));
    }

    private static Arguments error(String message, String at, String body) {
        return Arguments.of(message, at, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedConstructs")
    void unsupportedConstructIsAnErrorAtItsPosition(String message, String at, String body) {
        String source = source(body);
        JavaFileObject file = JavaFileObjects.forSourceString("p.Bad", source);
        Compilation c = Compiler.javac()
                .withProcessors(new DifferentiateProcessor())
                .withClasspath(List.of(runtimeJar()))
                .compile(file);
        int caret = Math.max(0, at.indexOf('^'));
        int offset = source.indexOf(at.replace("^", ""));
        if (offset < 0) {
            throw new AssertionError("marker not in source: " + at);
        }
        offset += caret;
        long line = source.substring(0, offset).chars().filter(ch -> ch == '\n').count() + 1;
        long column = offset - source.lastIndexOf('\n', offset - 1);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile(file).onLine(line).atColumn(column);
    }

    /** A class whose annotated method has {@code body}, plus the odd declarations the cases refer to. */
    private static String source(String body) {
        StringBuilder s = new StringBuilder();
        s.append("package p;\n\n");
        s.append("import dev.wengert.ad.Differentiate;\n\n");
        s.append("class Bad {\n");
        s.append("    static double counter = 1;\n");
        s.append("    private static final double[] HIDDEN = {1.0, 2.0};\n\n");
        s.append("    static double down(double[] x, int k) {\n");
        s.append("        return k == 0 ? x[0] : down(x, k - 1);\n");
        s.append("    }\n\n");
        s.append("    static double sum(double[] a) {\n");
        s.append("        return a[0] + a[1];\n");
        s.append("    }\n\n");
        if (body != null && body.startsWith("MATRIX ")) {
            s.append("    @Differentiate\n");
            s.append("    static double f(double[] x, double[][] a) {\n");
            s.append("        ").append(body.substring("MATRIX ".length())).append("\n");
            s.append("    }\n");
        } else if (body != null) {
            s.append("    @Differentiate\n");
            s.append("    static double f(double[] x) {\n");
            s.append("        ").append(body).append("\n");
            s.append("    }\n");
        } else {
            s.append("    @Differentiate static float f(double[] x) { return (float) x[0]; }\n");
            s.append("    @Differentiate static double g(double a) { return a; }\n");
            s.append("    double mutable = 2;\n");
            s.append("    @Differentiate double h(double[] x) { return x[0] * mutable; }\n");
        }
        s.append("}\n");
        return s.toString();
    }

    private static File runtimeJar() {
        try {
            return new File(Objective.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
