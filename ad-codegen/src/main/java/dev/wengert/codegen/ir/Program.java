package dev.wengert.codegen.ir;

/**
 * A whole function body in IR: a block and the value it returns (null for programs that only
 * scatter, like a Hessian-vector product).
 *
 * @param body the statements
 * @param result the returned double, or null
 */
public record Program(Block body, Value result) {
}
