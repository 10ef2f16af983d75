package dev.wengert.codegen.ir;

/** One statement of a {@link Block}: a value definition, a loop, an if, a scatter into an array, or a work array. */
public sealed interface Node permits Value, Loop, If, Scatter, Alloc {
}
