package dev.wengert.codegen.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.FieldRef;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.SourceClass;
import dev.wengert.codegen.ir.Type;
import dev.wengert.codegen.ir.Value;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The fields and methods of a class that a body being lowered may use: static final double/int
 * constants, static final double[] tables, and static methods to inline. The annotated method's
 * class first; a helper of another class in the same compilation is lowered against that class's
 * members, which also resolve the names its source uses for further classes.
 */
final class ClassMembers {
    private final TypeElement owner;
    private final String ownerName;
    private final Elements elements;
    private final Trees trees;
    /** The package of the generated class, from which this class's members are named. */
    private final String generatedPackage;
    /** True for the annotated method's own class, whose static fields the IR names without an owner. */
    private final boolean annotatedClass;
    /** True while an annotated instance method is lowered: the object's fields and methods are usable. */
    private boolean instanceMethod;

    /** The members of the annotated method's class {@code owner}, next to which the class is generated. */
    ClassMembers(TypeElement owner, Elements elements, Trees trees) {
        this(owner, elements, trees, elements.getPackageOf(owner).getQualifiedName().toString(), true);
    }

    private ClassMembers(TypeElement owner, Elements elements, Trees trees, String generatedPackage,
                         boolean annotatedClass) {
        this.owner = owner;
        this.elements = elements;
        this.trees = trees;
        this.generatedPackage = generatedPackage;
        this.annotatedClass = annotatedClass;
        String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
        String qualified = owner.getQualifiedName().toString();
        this.ownerName = pkg.isEmpty() || !pkg.equals(generatedPackage) ? qualified : qualified.substring(pkg.length() + 1);
    }

    /** Makes the object's final fields and its methods usable: an instance method is being lowered. */
    void bindInstance() {
        this.instanceMethod = true;
    }

    /** True if code of this class may use the instance's members (an instance method is being lowered). */
    boolean hasInstance() {
        return instanceMethod;
    }

    /** The members of another class, named as the same generated class sees them. */
    ClassMembers of(TypeElement other) {
        return other.equals(owner) ? this : new ClassMembers(other, elements, trees, generatedPackage, false);
    }

    /** The class's name as the generated class writes it ({@code Outer.Inner}, qualified from another package). */
    String ownerName() {
        return ownerName;
    }

    /** The class's simple name, as its own source may qualify its members ({@code Energy.K}). */
    String simpleName() {
        return owner.getSimpleName().toString();
    }

    /**
     * The class a qualifier in this class's source names ({@code Other} in {@code Other.f(x)},
     * {@code Outer.Inner}, {@code pkg.Other}), resolved as Java does: member classes of this class and
     * of the classes enclosing it, single-type imports, the same package, on-demand imports, a fully
     * qualified name. Null if it names no class. (Processors run before javac attributes method
     * bodies, so the trees carry no symbols to ask.)
     */
    TypeElement classNamedBy(ExpressionTree qualifier) {
        String written = qualifier.toString();
        for (Element c = owner; c instanceof TypeElement t; c = c.getEnclosingElement()) {
            TypeElement member = elements.getTypeElement(t.getQualifiedName() + "." + written);
            if (member != null) {
                return member;
            }
        }
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String rest = dot < 0 ? "" : written.substring(dot);
        List<String> candidates = new ArrayList<>();
        List<String> onDemand = new ArrayList<>();
        TreePath classPath = trees.getPath(owner);
        if (classPath != null) {
            for (ImportTree imp : classPath.getCompilationUnit().getImports()) {
                String imported = imp.getQualifiedIdentifier().toString();
                if (imp.isStatic()) {
                    continue;
                }
                if (imported.endsWith(".*")) {
                    onDemand.add(imported.substring(0, imported.length() - 1) + written);
                } else if (imported.endsWith("." + first)) {
                    candidates.add(imported + rest);
                }
            }
        }
        String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
        candidates.add(pkg.isEmpty() ? written : pkg + "." + written);
        candidates.addAll(onDemand);
        candidates.add(written);
        for (String name : candidates) {
            TypeElement t = elements.getTypeElement(name);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** True if the class has a field of this name. */
    boolean hasField(String name) {
        return field(name) != null;
    }

    /** A scalar constant or final instance field as a value, or throws with the reason it cannot be read. */
    Value scalarField(String name, Builder b, Tree at) {
        VariableElement f = requireFinal(name, at);
        TypeKind kind = f.asType().getKind();
        if (kind != TypeKind.DOUBLE && kind != TypeKind.INT) {
            throw new UnsupportedConstructException(at, "field '" + name + "' has type " + f.asType()
                    + "; only static final double and int constants and static final double[] tables can be read");
        }
        Object constant = f.getConstantValue();
        if (constant instanceof Number n) {
            return kind == TypeKind.INT ? b.constant(n.intValue()) : b.constant(n.doubleValue());
        }
        requireReadable(f, "field", at);
        FieldRef ref = f.getModifiers().contains(Modifier.STATIC)
                ? new FieldRef(FieldRef.Kind.CONSTANT, name, sourceClass())
                : new FieldRef(FieldRef.Kind.INSTANCE, name);
        return b.param(ref, kind == TypeKind.INT ? Type.INT : Type.DOUBLE);
    }

    /** True if the field is a double[] (a table). */
    boolean isTable(String name) {
        VariableElement f = field(name);
        return f != null && isDoubleArray(f.asType());
    }

    /** A static final double[] table or final double[] instance field, or throws with the reason it cannot be read. */
    ArrayRef table(String name, Tree at) {
        VariableElement f = requireFinal(name, at);
        requireReadable(f, "table", at);
        return f.getModifiers().contains(Modifier.STATIC) ? ArrayRef.table(name, sourceClass())
                : new ArrayRef(ArrayRef.Kind.INSTANCE, name);
    }

    /** This class as the IR names it: null for the annotated method's own class. */
    private SourceClass sourceClass() {
        if (annotatedClass) {
            return null;
        }
        String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
        String qualified = owner.getQualifiedName().toString();
        return new SourceClass(pkg, pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1));
    }

    /** The generated class reads a field that is not a compile-time constant by name: it must be able to. */
    private void requireReadable(VariableElement f, String what, Tree at) {
        boolean samePackage = elements.getPackageOf(owner).getQualifiedName().contentEquals(generatedPackage);
        if (f.getModifiers().contains(Modifier.PRIVATE) || !samePackage && !f.getModifiers().contains(Modifier.PUBLIC)) {
            throw new UnsupportedConstructException(at, what + " '" + f.getSimpleName() + "' is "
                    + (samePackage ? "private" : "not public and in another package") + (what.equals("field")
                    ? " and not a compile-time constant" : "") + "; make it "
                    + (samePackage ? "package-private" : "public") + " so the generated class can read it");
        }
    }

    private VariableElement requireFinal(String name, Tree at) {
        VariableElement f = field(name);
        boolean usable = f != null && f.getModifiers().contains(Modifier.FINAL)
                && (f.getModifiers().contains(Modifier.STATIC) || instanceMethod);
        if (!usable) {
            throw new UnsupportedConstructException(at, "field access '" + name + "': only static final double/int "
                    + "constants and static final double[] tables can be read, and in an instance method the "
                    + "instance's final double, int and double[] fields; pass other data as a parameter");
        }
        return f;
    }

    private VariableElement field(String name) {
        for (Element e : owner.getEnclosedElements()) {
            if (e.getKind() == ElementKind.FIELD && e.getSimpleName().contentEquals(name)) {
                return (VariableElement) e;
            }
        }
        return null;
    }

    /** The methods of the class with this name and number of parameters. */
    List<ExecutableElement> methods(String name, int arity) {
        List<ExecutableElement> out = new ArrayList<>();
        for (Element e : owner.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(name)
                    && ((ExecutableElement) e).getParameters().size() == arity) {
                out.add((ExecutableElement) e);
            }
        }
        return out;
    }

    static boolean isDoubleMatrix(TypeMirror t) {
        return t.getKind() == TypeKind.ARRAY && isDoubleArray(((ArrayType) t).getComponentType());
    }

    static boolean isDoubleArray(TypeMirror t) {
        return t.getKind() == TypeKind.ARRAY && ((ArrayType) t).getComponentType().getKind() == TypeKind.DOUBLE;
    }
}
