package dev.wengert.codegen.ir;

/**
 * A class of the user's sources whose static fields a program reads, when it is not the annotated
 * method's own class (a table or constant of a helper's class).
 *
 * @param packageName its package, empty for the unnamed package
 * @param nestedName its name within the package ({@code Kernels}, {@code Outer.Inner})
 */
public record SourceClass(String packageName, String nestedName) {
}
