package dev.wengert.codegen.ir;

import java.util.ArrayList;
import java.util.List;

/** A straight-line sequence of nodes; loops and ifs nest further blocks. */
public final class Block {
    private final List<Node> nodes = new ArrayList<>();

    /** The nodes in execution order (mutable while the block is built or rewritten by a pass). */
    public List<Node> nodes() {
        return nodes;
    }
}
