package dev.wengert.codegen;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.wengert.ad.Objective;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The names of generated classes and overloads: an invalid {@code className} is an
 * error at the annotation; helpers may be overloaded by arity (the call's arity picks one, as in
 * Java) but not with the same arity; annotated overloads need their own class names.
 */
class NamesAndOverloadsTest {

    private static Compilation compile(JavaFileObject file) {
        return Compiler.javac().withProcessors(new DifferentiateProcessor()).withClasspath(List.of(runtimeJar()))
                .compile(file);
    }

    @Test
    void invalidClassNameIsAnErrorAtTheAnnotation() {
        JavaFileObject file = JavaFileObjects.forSourceString("p.Named", """
                package p;

                import dev.wengert.ad.Differentiate;

                class Named {
                    @Differentiate(className = "not a name")
                    static double f(double[] x) {
                        return x[0] * x[0];
                    }
                }
                """);
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("className \"not a name\" is not a Java class name; give a simple name such as "
                + "\"NamedFDerivatives\"").inFile(file).onLine(6).atColumn(32);
        assertEquals(1, c.errors().size(), c.errors()::toString);
    }

    @Test
    void keywordClassNameIsAnError() {
        JavaFileObject file = JavaFileObjects.forSourceString("p.Named", """
                package p;

                import dev.wengert.ad.Differentiate;

                class Named {
                    @Differentiate(className = "class")
                    static double f(double[] x) {
                        return x[0];
                    }
                }
                """);
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("className \"class\" is not a Java class name").inFile(file).onLine(6);
    }

    @Test
    void helpersOverloadedByArityAreInlinedByTheCallsArity() {
        Objective f = Generated.objective("Over", """
                package p;

                import dev.wengert.ad.Differentiate;

                class Over {
                    static double h(double a) {
                        return a * a;
                    }

                    static double h(double a, double b) {
                        return a * b;
                    }

                    @Differentiate
                    static double f(double[] x) {
                        return h(x[0]) + h(x[0], x[1]);
                    }
                }
                """, "OverFDerivatives");
        double[] x = {1.5, -2};
        double[] g = new double[2];
        assertEquals(1.5 * 1.5 + 1.5 * -2, f.gradient(x, g), 1e-15);
        assertEquals(2 * 1.5 - 2, g[0], 1e-15);
        assertEquals(1.5, g[1], 1e-15);
    }

    @Test
    void helpersOverloadedWithTheSameArityAreAnErrorAtTheCall() {
        JavaFileObject file = JavaFileObjects.forSourceString("p.Over", """
                package p;

                import dev.wengert.ad.Differentiate;

                class Over {
                    static double h(double a) {
                        return a * a;
                    }

                    static double h(int k) {
                        return k;
                    }

                    @Differentiate
                    static double f(double[] x) {
                        return h(x[0]);
                    }
                }
                """);
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("method 'h' is overloaded with 1 parameter(s)").inFile(file).onLine(16)
                .atColumn(17);
    }

    @Test
    void annotatedOverloadsNeedTheirOwnClassNames() {
        String both = """
                package p;

                import dev.wengert.ad.Differentiate;

                class Over {
                    @Differentiate
                    static double f(double[] x) {
                        return x[0] * x[0];
                    }

                    @Differentiate%s
                    static double f(double[] x, double c) {
                        return c * x[0];
                    }
                }
                """;
        JavaFileObject clash = JavaFileObjects.forSourceString("p.Over", both.formatted(""));
        Compilation c = compile(clash);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("Over.f(double[], double) and Over.f(double[]) would both generate "
                + "OverFDerivatives; set @Differentiate(className = ...)").inFile(clash).onLine(12);

        Compilation named = compile(JavaFileObjects.forSourceString("p.Over",
                both.formatted("(className = \"ScaledF\")")));
        assertThat(named).succeeded();
        assertThat(named).generatedSourceFile("p.OverFDerivatives");
        assertThat(named).generatedSourceFile("p.ScaledF");
    }

    private static File runtimeJar() {
        try {
            return new File(Objective.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
