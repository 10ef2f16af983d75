package dev.wengert.codegen.frontend;

import com.sun.source.tree.Tree;
import dev.wengert.codegen.ir.ArrayRef;
import dev.wengert.codegen.ir.FieldRef;
import dev.wengert.codegen.ir.Builder;
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
 * The fields and methods of the annotated method's class that a body may use: static final
 * double/int constants, static final double[] tables, and static methods to inline.
 */
final class ClassMembers {
    private final TypeElement owner;
    private final String ownerName;

    ClassMembers(TypeElement owner, Elements elements) {
        this.owner = owner;
        String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
        String qualified = owner.getQualifiedName().toString();
        this.ownerName = pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1);
    }

    /** The class's name as code in the same package writes it ({@code Outer.Inner}). */
    String ownerName() {
        return ownerName;
    }

    /** True if the class has a field of this name. */
    boolean hasField(String name) {
        return field(name) != null;
    }

    /** A scalar constant as a value, or throws with the reason it cannot be read. */
    Value scalarField(String name, Builder b, Tree at) {
        VariableElement f = requireStaticFinal(name, at);
        TypeKind kind = f.asType().getKind();
        if (kind != TypeKind.DOUBLE && kind != TypeKind.INT) {
            throw new UnsupportedConstructException(at, "field '" + name + "' has type " + f.asType()
                    + "; only static final double and int constants and static final double[] tables can be read");
        }
        Object constant = f.getConstantValue();
        if (constant instanceof Number n) {
            return kind == TypeKind.INT ? b.constant(n.intValue()) : b.constant(n.doubleValue());
        }
        if (f.getModifiers().contains(Modifier.PRIVATE)) {
            throw new UnsupportedConstructException(at, "field '" + name + "' is private and not a compile-time constant; "
                    + "make it package-private so the generated class can read it");
        }
        return b.param(new FieldRef(FieldRef.Kind.CONSTANT, name), kind == TypeKind.INT ? Type.INT : Type.DOUBLE);
    }

    /** True if the field is a double[] (a table). */
    boolean isTable(String name) {
        VariableElement f = field(name);
        return f != null && isDoubleArray(f.asType());
    }

    /** A static final double[] table, or throws with the reason it cannot be read. */
    ArrayRef table(String name, Tree at) {
        VariableElement f = requireStaticFinal(name, at);
        if (f.getModifiers().contains(Modifier.PRIVATE)) {
            throw new UnsupportedConstructException(at, "table '" + name + "' is private; "
                    + "make it package-private so the generated class can read it");
        }
        return ArrayRef.table(name);
    }

    private VariableElement requireStaticFinal(String name, Tree at) {
        VariableElement f = field(name);
        if (f == null || !f.getModifiers().contains(Modifier.STATIC) || !f.getModifiers().contains(Modifier.FINAL)) {
            throw new UnsupportedConstructException(at, "field access '" + name + "': only static final double/int "
                    + "constants and static final double[] tables of the same class can be read; "
                    + "pass other data as a parameter");
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

    /** The static methods of the class with this name and number of parameters. */
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

    static boolean isDoubleArray(TypeMirror t) {
        return t.getKind() == TypeKind.ARRAY && ((ArrayType) t).getComponentType().getKind() == TypeKind.DOUBLE;
    }
}
