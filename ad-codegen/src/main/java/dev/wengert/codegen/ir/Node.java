package dev.wengert.codegen.ir;

/** One statement of a {@link Block}: a value definition, a loop, an if, or a scatter into an output. */
public sealed interface Node permits Value, Loop, If, Scatter {
}
