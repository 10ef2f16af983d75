package dev.wengert.codegen.ir;

/** The three types the subset computes with; arrays are never values, only {@link ArrayRef}s. */
public enum Type {
    INT, DOUBLE, BOOLEAN
}
