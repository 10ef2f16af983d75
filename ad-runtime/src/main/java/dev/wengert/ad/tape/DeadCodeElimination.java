package dev.wengert.ad.tape;

/**
 * Removes the nodes no output depends on before a tape is frozen, renumbering the rest and
 * compacting the argument pool. Nodes become dead when the user computes something and drops it,
 * and when recording fuses a pattern into one node (a norm of differences becomes one distance
 * node, leaving the subtractions unused; a reciprocal of it becomes a fused copy, leaving the
 * plain node unused). Inputs and the operands of guards always stay.
 */
final class DeadCodeElimination {
    private DeadCodeElimination() {
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
     * its user), fills {@code renumber} with the map from old to new node index (-1 for removed
     * nodes), and returns a new argument pool holding only the live n-ary nodes' lists.
     */
    static int[] compact(byte[] op, int[] a, int[] b, int size, int[] pool, boolean[] live, int[] renumber) {
        int poolSize = 0;
        for (int i = 0; i < size; i++) {
            if (live[i] && Op.kind(op[i]) == Op.NARY) poolSize += TapeData.naryPoolSlots(op[i], b[i]);
        }
        int[] compacted = new int[poolSize];
        int slot = 0;
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
                case Op.NARY: {
                    int slots = TapeData.naryPoolSlots(o, y);
                    for (int k = 0; k < y; k++) compacted[slot + k] = renumber[pool[x + k]];
                    for (int k = y; k < slots; k++) compacted[slot + k] = pool[x + k];
                    x = slot;
                    slot += slots;
                    break;
                }
                default:
                    break;
            }
            op[next] = (byte) o;
            a[next] = x;
            b[next] = y;
            next++;
        }
        return compacted;
    }
}
