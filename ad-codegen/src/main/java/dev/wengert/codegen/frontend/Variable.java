package dev.wengert.codegen.frontend;

import dev.wengert.codegen.ir.Type;

/**
 * A scalar local or parameter of the source. Its current SSA value lives in the lowering's state,
 * not here, so that an if can snapshot and merge it.
 */
final class Variable {
    final String name;
    final Type type;
    /** Loop nesting depth of the declaration: reductions are recognised by comparing depths. */
    final int depth;
    /** True for a for-loop counter, which the body may not assign. */
    final boolean loopCounter;

    Variable(String name, Type type, int depth, boolean loopCounter) {
        this.name = name;
        this.type = type;
        this.depth = depth;
        this.loopCounter = loopCounter;
    }
}
