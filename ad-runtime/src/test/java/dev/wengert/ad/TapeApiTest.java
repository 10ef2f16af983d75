package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** The public API as the Javadoc shows it: the examples compile and give what they say. */
class TapeApiTest {

    @Test
    void recordWithAnImplicitlyTypedLambdaCompiles() {
        String source = "import dev.wengert.ad.*;\n"
                + "class Snippet { Recording r = Tape.record(x -> x[0].times(x[1]).plus(x[0].sin()), 1.0, 2.0); }\n";
        String errors = compile(source);
        assertEquals("", errors);
    }

    @Test
    void typedScalarFunctionRecordsAndGivesTheJavadocGradient() {
        // Var's class Javadoc: f = x0 x1 + sin x0 at (0.5, 3): g = [3 + cos 0.5, 0.5].
        ScalarFunction f = x -> x[0].times(x[1]).plus(x[0].sin());
        Recording r = Tape.record(f, 1.0, 2.0);
        double[] g = new double[2];
        r.gradient(new double[] {0.5, 3.0}, g);
        assertArrayEquals(new double[] {3 + Math.cos(0.5), 0.5}, g, 1e-15);
    }

    @Test
    void derivativesJavadocExampleGivesItsStatedResults() {
        ScalarFunction f = x -> x[0].square().times(3).plus(x[0].times(x[1]));
        assertArrayEquals(new double[] {8, 1}, Derivatives.gradient(f, 1.0, 2.0));
        assertArrayEquals(new double[] {6, 1}, Derivatives.hessianVector(f, new double[] {1, 2}, new double[] {1, 0}));
        assertArrayEquals(new double[] {6, 1, 1, 0}, Derivatives.hessian(f, 1.0, 2.0));
    }

    @Test
    void tapeByHandRecordsTheSameAsTheOneCallForm() {
        Tape tape = new Tape();
        Var[] x = tape.variables(1.0, 2.0, 2.0);
        Recording byHand = tape.finish(Var.norm(x).reciprocal());
        ScalarFunction f = v -> Var.norm(v).reciprocal();
        double[] at = {0.5, -1.5, 2};
        double[] g1 = new double[3];
        double[] g2 = new double[3];
        assertEquals(Tape.record(f, 1.0, 2.0, 2.0).gradient(at, g2), byHand.gradient(at, g1));
        assertArrayEquals(g2, g1);
    }

    @Test
    void inputsRecordedBetweenOtherNodesGiveTheDerivativesOfInputsRecordedFirst() {
        // The sweeps copy the leading run of inputs as arrays and dispatch on every later node: a constant node
        // first, or an input made after some operations, must give the same numbers as inputs made up front.
        double[] at = {0.5, -1.5, 2};
        double[] v = {1, 0.25, -2};
        ScalarFunction f = x -> x[0].times(x[1]).sin().plus(x[2].square().times(x[0])).plus(Var.norm(x).reciprocal());
        Recording upFront = Tape.record(f, 1.0, 2.0, 2.0);

        Tape late = new Tape();
        Var c = late.constant(3);
        Var x0 = late.variable(1.0);
        Var twice = x0.times(c);
        Var x1 = late.variable(2.0);
        Var x2 = late.variable(2.0);
        Var[] x = {x0, x1, x2};
        Recording interleaved = late.finish(f.apply(x).plus(twice).minus(x0.times(3)));

        double[] g1 = new double[3];
        double[] g2 = new double[3];
        double[] hv1 = new double[3];
        double[] hv2 = new double[3];
        assertEquals(upFront.gradient(at, g1), interleaved.gradient(at, g2), 1e-15);
        upFront.hessianVector(at, v, hv1);
        interleaved.hessianVector(at, v, hv2);
        assertArrayEquals(g1, g2, 1e-15);
        assertArrayEquals(hv1, hv2, 1e-14);
        double[] vjp = new double[3];
        interleaved.vjp(at, new double[] {1}, vjp);
        assertArrayEquals(g2, vjp);
    }

    @Test
    void constantsInOverloadsCostNoNode() {
        Tape tape = new Tape();
        Var x = tape.variable(1);
        int before = tape.size();
        x.times(2.0).plus(3.0).div(4.0).minus(1.0).pow(3.0).min(5.0).max(-5.0);
        assertEquals(before + 7, tape.size());
    }

    @Test
    void naryNodesAreOneNodeHoweverManyTerms() {
        Tape tape = new Tape();
        Var[] x = tape.variables(1, 2, 3, 4, 5, 6);
        int before = tape.size();
        Var.sum(x);
        Var.norm(x);
        Var.dot(new double[] {1, 2, 3, 4, 5, 6}, x);
        Var.dot(new Var[] {x[0], x[1], x[2]}, new Var[] {x[3], x[4], x[5]});
        assertEquals(before + 4, tape.size());
    }

    @Test
    void recordingReportsItsShape() {
        Recording r = Tape.recordVector(x -> new Var[] {x[0], x[1], x[0].plus(x[1])}, 1, 2);
        assertEquals(2, r.inputCount());
        assertEquals(3, r.outputCount());
        assertEquals(3, r.size());   // two inputs and one add: outputs are nodes, not copies
        assertTrue(r.bytes() > 0);
    }

    @Test
    void recordedFunctionReportsItsDimensionAndRecording() {
        RecordedFunction f = Derivatives.record(x -> x[0].plus(x[1]), 1, 2);
        assertEquals(2, f.dimension());
        assertNotNull(f.recording());
        assertEquals(1, f.recordings());
    }

    // Compiles one source file against the test classpath; returns the diagnostics ("" when it compiles).
    // The runtime's classes are on the module path (surefire runs the tests inside module dev.wengert.ad).
    private static String compile(String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter out = new StringWriter();
        List<String> options = List.of("-classpath", System.getProperty("java.class.path")
                + java.io.File.pathSeparator + System.getProperty("jdk.module.path", ""), "-proc:none",
                "-d", System.getProperty("java.io.tmpdir"));
        boolean ok = javac.getTask(out, null, d -> out.write(d.toString() + "\n"), options, null, List.of(file)).call();
        return ok ? "" : out.toString();
    }
}
