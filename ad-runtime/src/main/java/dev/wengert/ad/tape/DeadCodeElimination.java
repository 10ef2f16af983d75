package dev.wengert.ad.tape;

/**
 * Removes the nodes no output depends on before a tape is frozen, renumbering the rest. Nodes
 * become dead when the user computes something and drops it, and when recording fuses a pattern
 * into one node (a norm of differences becomes one distance node, leaving the subtractions
 * unused). Inputs and the operands of guards always stay.
 */
final class DeadCodeElimination {
    private DeadCodeElimination() {
    }

    /** How many operand references each node has from other nodes. */
    static int[] useCounts(byte[] op, int[] a, int[] b, int size, int[] pool) {
        int[] uses = new int[size];
        for (int i = 0; i < size; i++) {
            switch (Op.kind(op[i])) {
                case Op.UNARY:
                case Op.WITH_CONSTANT:
                    uses[a[i]]++;
                    break;
                case Op.BINARY:
                    uses[a[i]]++;
                    uses[b[i]]++;
                    break;
                case Op.NARY:
                    for (int k = a[i], end = a[i] + b[i]; k < end; k++) uses[pool[k]]++;
                    break;
                default:
                    break;
            }
        }
        return uses;
    }

    /**
     * Marks live nodes: the roots, then, walking backwards, the operands of every live node.
     * Returns the number of live nodes.
     */
    static int markLive(byte[] op, int[] a, int[] b, int size, int[] pool, boolean[] live) {
        int count = 0;
        for (int i = size - 1; i >= 0; i--) {
            if (!live[i]) continue;
            count++;
            switch (Op.kind(op[i])) {
                case Op.UNARY:
                case Op.WITH_CONSTANT:
                    live[a[i]] = true;
                    break;
                case Op.BINARY:
                    live[a[i]] = true;
                    live[b[i]] = true;
                    break;
                case Op.NARY:
                    for (int k = a[i], end = a[i] + b[i]; k < end; k++) live[pool[k]] = true;
                    break;
                default:
                    break;
            }
        }
        return count;
    }

    /**
     * Moves live nodes down in place (operand order is preserved, so every operand still precedes
     * its user) and returns the map from old to new node index (-1 for removed nodes).
     */
    static int[] compact(byte[] op, int[] a, int[] b, double[] values, int size, int[] pool, boolean[] live) {
        int[] renumber = new int[size];
        int next = 0;
        for (int i = 0; i < size; i++) {
            if (!live[i]) {
                renumber[i] = -1;
                continue;
            }
            renumber[i] = next;
            int o = op[i];
            int x = a[i];
            int y = b[i];
            switch (Op.kind(o)) {
                case Op.UNARY:
                case Op.WITH_CONSTANT:
                    x = renumber[x];
                    break;
                case Op.BINARY:
                    x = renumber[x];
                    y = renumber[y];
                    break;
                case Op.NARY:
                    for (int k = x, end = x + y; k < end; k++) pool[k] = renumber[pool[k]];
                    break;
                default:
                    break;
            }
            op[next] = (byte) o;
            a[next] = x;
            b[next] = y;
            values[next] = values[i];
            next++;
        }
        return renumber;
    }
}
