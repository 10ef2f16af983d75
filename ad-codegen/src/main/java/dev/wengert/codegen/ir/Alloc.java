package dev.wengert.codegen.ir;

/**
 * {@code double[] array = new double[size]}: a work array ({@link ArrayRef.Kind#WORK}) of this length, all
 * zeros. The generated class keeps the array per thread and clears it here, so a call allocates nothing
 * once the length has been seen.
 *
 * @param array the work array
 * @param size its int length
 */
public record Alloc(ArrayRef array, Value size) implements Node {
}
