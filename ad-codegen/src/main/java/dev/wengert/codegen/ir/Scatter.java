package dev.wengert.codegen.ir;

/**
 * {@code target[index] += value}: the only side effect in the IR, used by derivative programs to
 * accumulate into g, hv or h.
 *
 * @param target the output array
 * @param index int index
 * @param value double added
 */
public record Scatter(ArrayRef target, Value index, Value value) implements Node {
}
