package dev.wengert.codegen.frontend;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.FieldRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Program;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Front end: reads an annotated method through the javac Trees API and lowers it to IR. Checks
 * the signature (returns double, one double[] variable, data parameters of type double[], double or
 * int; an instance method's instance becomes the first data) and hands the body to
 * {@link BodyLowering}.
 */
public final class FrontEnd {
    private static final String WRT = "dev.wengert.ad.Wrt";

    private final Trees trees;
    private final Elements elements;

    public FrontEnd(Trees trees, Elements elements) {
        this.trees = trees;
        this.elements = elements;
    }

    /**
     * Lowers {@code method}.
     *
     * @throws UnsupportedConstructException at the first construct outside the subset
     */
    public LoweredMethod lower(ExecutableElement method) {
        MethodTree tree = trees.getTree(method);
        if (tree == null || tree.getBody() == null) {
            throw new IllegalStateException("no source tree for " + method);
        }
        if (method.getReturnType().getKind() != TypeKind.DOUBLE) {
            throw new UnsupportedConstructException(tree.getReturnType() == null ? tree : tree.getReturnType(),
                    "@Differentiate method '" + method.getSimpleName() + "' must return double, not "
                    + method.getReturnType());
        }
        int variable = variableIndex(method, tree);
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        ClassMembers members = new ClassMembers(owner, elements, trees);
        Builder b = new Builder();
        BodyLowering lowering = new BodyLowering(b, trees, members);
        lowering.openMethodScope();
        ArrayRef x = null;
        List<DataParameter> data = new ArrayList<>();
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            // the generated class takes the instance first, and reads its final fields at each call
            String instance = instanceFieldName(owner, method);
            members.bindInstance();
            data.add(new DataParameter(instance, DataParameter.Kind.INSTANCE));
        }
        for (int k = 0; k < method.getParameters().size(); k++) {
            VariableElement p = method.getParameters().get(k);
            VariableTree pt = tree.getParameters().get(k);
            String name = p.getSimpleName().toString();
            if (k == variable) {
                x = ArrayRef.variable(name);
                lowering.bindArray(name, x);
            } else if (ClassMembers.isDoubleArray(p.asType())) {
                lowering.bindArray(name, ArrayRef.data(name));
                data.add(new DataParameter(name, DataParameter.Kind.DOUBLE_ARRAY));
            } else if (ClassMembers.isDoubleMatrix(p.asType())) {
                lowering.bindArray(name, ArrayRef.matrix(name));
                data.add(new DataParameter(name, DataParameter.Kind.DOUBLE_MATRIX));
            } else if (p.asType().getKind() == TypeKind.DOUBLE) {
                lowering.bindScalar(name, Type.DOUBLE, b.param(new FieldRef(FieldRef.Kind.DATA, name), Type.DOUBLE));
                data.add(new DataParameter(name, DataParameter.Kind.DOUBLE));
            } else if (p.asType().getKind() == TypeKind.INT) {
                lowering.bindScalar(name, Type.INT, b.param(new FieldRef(FieldRef.Kind.DATA, name), Type.INT));
                data.add(new DataParameter(name, DataParameter.Kind.INT));
            } else {
                throw new UnsupportedConstructException(pt, "parameter '" + name + "' has type " + p.asType()
                        + "; data parameters must be double[], double[][], double or int");
            }
        }
        Value result = lowering.lowerMethodBody(tree);
        return new LoweredMethod(new Program(b.root(), result), x, List.copyOf(data), members.ownerName());
    }

    /** The generated class's field for the instance: the class's name in lower camel case, unless a parameter has it. */
    private static String instanceFieldName(TypeElement owner, ExecutableElement method) {
        String simple = owner.getSimpleName().toString();
        String name = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
        for (VariableElement p : method.getParameters()) {
            if (p.getSimpleName().contentEquals(name)) {
                return name + "Instance";
            }
        }
        return name;
    }

    private int variableIndex(ExecutableElement method, MethodTree tree) {
        int marked = -1;
        int firstArray = -1;
        for (int k = 0; k < method.getParameters().size(); k++) {
            VariableElement p = method.getParameters().get(k);
            boolean wrt = false;
            for (AnnotationMirror a : p.getAnnotationMirrors()) {
                wrt |= ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(WRT);
            }
            Tree at = tree.getParameters().get(k);
            if (wrt) {
                if (!ClassMembers.isDoubleArray(p.asType())) {
                    throw new UnsupportedConstructException(at, "@Wrt parameter '" + p.getSimpleName()
                            + "' must be a double[]");
                }
                if (marked >= 0) {
                    throw new UnsupportedConstructException(at, "only one parameter may be marked @Wrt");
                }
                marked = k;
            }
            if (firstArray < 0 && ClassMembers.isDoubleArray(p.asType())) {
                firstArray = k;
            }
        }
        if (marked >= 0) {
            return marked;
        }
        if (firstArray < 0) {
            throw new UnsupportedConstructException(tree, "@Differentiate method '" + method.getSimpleName()
                    + "' needs a double[] parameter: the variable derivatives are taken with respect to");
        }
        return firstArray;
    }
}
