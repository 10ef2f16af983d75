package dev.wengert.codegen.ir;

/**
 * A whole function body in IR: a block and the value it returns (null for programs that only
 * scatter, like a Hessian-vector product).
 *
 * @param body the statements
 * @param result the returned double, or null
 */
public record Program(Block body, Value result) {

    /** The number of nodes, counting those inside loops (with their preheaders) and ifs. */
    public int size() {
        return size(body);
    }

    private static int size(Block block) {
        int n = 0;
        for (Node node : block.nodes()) {
            n++;
            if (node instanceof Loop l) {
                n += size(l.preheader()) + size(l.body());
            } else if (node instanceof If i) {
                n += size(i.then()) + size(i.otherwise());
            }
        }
        return n;
    }
}
