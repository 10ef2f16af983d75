package dev.wengert.codegen.ir;

/**
 * {@code double[] array = new double[size]}: a work array ({@link ArrayRef.Kind#WORK}) of this length. The
 * generated class keeps the array per thread, so a call allocates nothing once the length has been seen; if
 * {@code clear}, it is all zeros here, as a new array is. Without {@code clear} it keeps what the last call
 * left in it, which is correct only where every element a program reads was written by that program first,
 * or by none ({@link WorkEffects#keepsZerosWithoutClearing}).
 *
 * @param array the work array
 * @param size its int length
 * @param clear whether the array is cleared here
 */
public record Alloc(ArrayRef array, Value size, boolean clear) implements Node {
}
