package dev.wengert.codegen;

import dev.wengert.ad.Objective;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with the processor, under {@code -Xlint:all}, and loads the
 * results: what the property tests and end-to-end tests use to run generated classes.
 */
final class InProcessCompiler {

    /** The outcome of one compilation. */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics,
                  Map<String, String> generatedSources, ClassLoader loader) {

        /** Warnings and errors, formatted. */
        String report() {
            StringBuilder s = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                s.append(d.getKind()).append(' ').append(d.getSource() == null ? "" : d.getSource().getName())
                        .append(':').append(d.getLineNumber()).append(':').append(d.getColumnNumber()).append(' ')
                        .append(d.getMessage(null)).append('\n');
            }
            generatedSources.forEach((k, v) -> s.append("---- ").append(k).append('\n').append(v));
            return s.toString();
        }

        /** The bytes of a compiled class. */
        byte[] classBytes(String className) {
            return ((MemoryLoader) loader).classes.get(className).toByteArray();
        }

        /** Instantiates a generated class by its binary name with the given constructor arguments. */
        Objective objective(String className, Object... args) {
            try {
                Class<?> c = loader.loadClass(className);
                var ctor = c.getDeclaredConstructors()[0];
                ctor.setAccessible(true);
                return (Objective) ctor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot instantiate " + className + "\n" + report(), e);
            }
        }
    }

    private InProcessCompiler() {
    }

    /** Compiles {@code sources} (binary name to source text). */
    static Result compile(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        MemoryFileManager files = new MemoryFileManager(standard);
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        List<String> options = List.of("--release", "17", "-Xlint:all,-processing", "-classpath", runtimeClasspath());
        JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, units);
        task.setProcessors(List.of(new DifferentiateProcessor()));
        boolean ok = task.call();
        return new Result(ok, diagnostics.getDiagnostics(), files.generated, new MemoryLoader(files.classes));
    }

    private static String runtimeClasspath() {
        try {
            return new File(Objective.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String binaryName, String text) {
            super(URI.create("string:///" + binaryName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        final Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        final Map<String, String> generated = new HashMap<>();

        MemoryFileManager(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
            return new SimpleJavaFileObject(uri, kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    if (kind == Kind.CLASS) {
                        classes.put(className, bytes);
                    }
                    return bytes;
                }

                @Override
                public java.io.Writer openWriter() {
                    return new java.io.StringWriter() {
                        @Override
                        public void close() {
                            generated.put(className, toString());
                        }
                    };
                }

                /** javac reads a generated source back to compile it in the next round. */
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return generated.get(className);
                }
            };
        }

        @Override
        public boolean isSameFile(FileObject a, FileObject b) {
            return a.toUri().equals(b.toUri());
        }
    }

    private static final class MemoryLoader extends ClassLoader {
        private final Map<String, ByteArrayOutputStream> classes;

        MemoryLoader(Map<String, ByteArrayOutputStream> classes) {
            super(InProcessCompiler.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] b = bytes.toByteArray();
            return defineClass(name, b, 0, b.length);
        }
    }
}
