package dev.wengert.codegen.frontend;

import com.sun.source.tree.Tree;

/**
 * A construct outside the subset, at the tree node the processor reports the error on. The message
 * names the construct and says what to write instead.
 */
public final class UnsupportedConstructException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Tree tree;

    public UnsupportedConstructException(Tree tree, String message) {
        super(message);
        this.tree = tree;
    }

    /** The offending node. */
    public Tree tree() {
        return tree;
    }
}
