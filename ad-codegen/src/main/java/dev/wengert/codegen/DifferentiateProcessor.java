package dev.wengert.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeName;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.wengert.codegen.derivative.DerivativePrograms;
import dev.wengert.codegen.emit.ClassEmitter;
import dev.wengert.codegen.emit.ClassModel;
import dev.wengert.codegen.frontend.DataParameter;
import dev.wengert.codegen.frontend.FrontEnd;
import dev.wengert.codegen.frontend.LoweredMethod;
import dev.wengert.codegen.frontend.UnsupportedConstructException;
import dev.wengert.codegen.ir.ObjectivePrograms;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;

/**
 * The {@code @Differentiate} annotation processor: for each annotated method, lowers its body to
 * IR (front end), derives the gradient, Hessian-vector product and Hessian programs, optimises them
 * and writes {@code <Enclosing><Method>Derivatives} with JavaPoet. A method outside the subset gets
 * a compile error at the offending construct and no generated class.
 *
 * <p>Maven use: put {@code dev.wengert:ad-codegen} in the maven-compiler-plugin's
 * {@code annotationProcessorPaths}; see the README.
 */
public final class DifferentiateProcessor extends AbstractProcessor {
    /** The project version, written into every generated file's header. */
    public static final String VERSION = ProcessorVersion.read();
    private static final String ANNOTATION = "dev.wengert.ad.Differentiate";

    /**
     * The processor option that bounds the IR of one generated class. The default stays below the
     * largest class measured to compile (453,000 operations, 20 MB of source, javac 17, -Xmx3g):
     * a bigger one would fail in javac (a method or the constant pool of the class over the JVM's
     * limits) with an error inside the generated file, or take minutes to compile.
     */
    public static final String MAX_NODES_OPTION = "wengert.maxOperations";
    private static final int DEFAULT_MAX_NODES = 450_000;

    private Trees trees;
    private int maxNodes = DEFAULT_MAX_NODES;
    private final Map<String, String> generated = new HashMap<>();

    /** Created by javac, which finds the processor through {@code META-INF/services}. */
    public DifferentiateProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        String limit = env.getOptions().get(MAX_NODES_OPTION);
        if (limit != null) {
            try {
                maxNodes = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                env.getMessager().printMessage(Diagnostic.Kind.ERROR, "@Differentiate: -A" + MAX_NODES_OPTION + "="
                        + limit + " is not a number");
            }
        }
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException notJavac) {
            env.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "@Differentiate needs the javac compiler (its Trees API) to read method bodies");
        }
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ANNOTATION);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(MAX_NODES_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (trees == null) {
            return false;
        }
        for (TypeElement annotation : annotations) {
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                if (e.getKind() == ElementKind.METHOD) {
                    try {
                        generate((ExecutableElement) e);
                    } catch (RuntimeException bug) {
                        if (Boolean.getBoolean("wengert.debug")) {
                            bug.printStackTrace();   // -J-Dwengert.debug=true on the javac command line
                        }
                        // never crash javac: report where, so the user can work around it
                        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                                "@Differentiate: internal error of the processor " + VERSION + " (" + bug
                                + "); please report it with this method", e);
                    }
                }
            }
        }
        return true;
    }

    private void generate(ExecutableElement method) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String className = className(method, owner);
        if (className == null) {
            return;   // an invalid className, reported at the annotation
        }
        String packageName = processingEnv.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
        String qualified = packageName.isEmpty() ? className : packageName + "." + className;
        String source = owner.getSimpleName() + "." + method.getSimpleName() + signature(method);
        String previous = generated.putIfAbsent(qualified, source);
        if (previous != null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "@Differentiate: " + source + " and "
                    + previous + " would both generate " + className + "; set @Differentiate(className = ...)", method);
            return;
        }
        LoweredMethod lowered;
        try {
            lowered = new FrontEnd(trees, processingEnv.getElementUtils()).lower(method);
        } catch (UnsupportedConstructException e) {
            TreePath path = trees.getPath(method);
            trees.printMessage(Diagnostic.Kind.ERROR, "@Differentiate: " + e.getMessage(), e.tree(),
                    path.getCompilationUnit());
            return;
        }
        ObjectivePrograms programs = DerivativePrograms.of(lowered.primal(), lowered.variable());
        int size = programs.size();
        if (size > maxNodes) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "@Differentiate: the derivatives of "
                    + source + " would be " + size + " operations, more than the processor generates into one class ("
                    + maxNodes + ", about 20 MB of Java); write repeated terms as a loop (over a static final double[] "
                    + "table for their constants), which is generated once, or raise the limit with -A" + MAX_NODES_OPTION
                    + "=n", method);
            return;
        }
        List<ClassModel.Field> fields = lowered.data().stream()
                .map(d -> new ClassModel.Field(d.name(), d.kind() == DataParameter.Kind.INSTANCE ? ClassName.get(owner)
                        : javaType(d.kind()))).toList();
        boolean isPublic = owner.getModifiers().contains(Modifier.PUBLIC);
        boolean generatedVisible = processingEnv.getElementUtils()
                .getTypeElement("javax.annotation.processing.Generated") != null;
        JavaFile file = ClassEmitter.emit(new ClassModel(packageName, className, isPublic, source, ClassName.get(owner),
                VERSION, lowered.variable().sourceName(), fields, programs, generatedVisible));
        try {
            file.writeTo(processingEnv.getFiler());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "@Differentiate: cannot write " + qualified + ": " + e.getMessage(), method);
        }
    }

    private static TypeName javaType(DataParameter.Kind kind) {
        return switch (kind) {
            case DOUBLE_ARRAY -> ArrayTypeName.of(TypeName.DOUBLE);
            case DOUBLE_MATRIX -> ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE));
            case DOUBLE -> TypeName.DOUBLE;
            case INT -> TypeName.INT;
            case INSTANCE -> throw new IllegalArgumentException("the instance's type is its class");
        };
    }

    private static String signature(ExecutableElement method) {
        StringBuilder s = new StringBuilder("(");
        for (VariableElement p : method.getParameters()) {
            s.append(s.length() == 1 ? "" : ", ").append(p.asType());
        }
        return s.append(')').toString();
    }

    /** The generated class's simple name, or null after reporting an invalid {@code className}. */
    private String className(ExecutableElement method, TypeElement owner) {
        for (AnnotationMirror a : method.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(ANNOTATION)) {
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                        : a.getElementValues().entrySet()) {
                    if (e.getKey().getSimpleName().contentEquals("className")) {
                        String name = (String) e.getValue().getValue();
                        if (name.isEmpty()) {
                            break;
                        }
                        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
                            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                                    "@Differentiate: className \"" + name + "\" is not a Java class name; give a simple "
                                    + "name such as \"" + defaultClassName(method, owner) + "\" (the class is "
                                    + "generated in the package of " + owner.getSimpleName() + ")",
                                    method, a, e.getValue());
                            return null;
                        }
                        return name;
                    }
                }
            }
        }
        return defaultClassName(method, owner);
    }

    private static String defaultClassName(ExecutableElement method, TypeElement owner) {
        String m = method.getSimpleName().toString();
        return owner.getSimpleName() + m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1) + "Derivatives";
    }
}
