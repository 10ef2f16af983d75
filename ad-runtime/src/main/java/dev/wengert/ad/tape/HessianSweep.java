package dev.wengert.ad.tape;

import java.util.Arrays;

/**
 * Dense Hessian in vector mode: forward-over-reverse along k unit directions at once. Values and
 * first-order adjoints do not depend on the direction, so they are computed once ({@link HessianBatches})
 * and shared; each batch of k columns then needs only a tangent sweep and a second-order adjoint
 * sweep, both k wide.
 *
 * <p>A unit direction e_j reaches only the nodes that depend on x_j, so the sweeps keep a flag per
 * node saying whether its k tangents (or second-order adjoints) can be non-zero, and skip nodes
 * where nothing can flow. For a pair energy that makes a batch cost one cheap scan of the tape
 * plus work proportional to the pairs that touch the batch's points.
 *
 * <p>One instance holds the k-wide scratch of one worker, sized for tapes up to a number of nodes
 * and reusable across calls and tapes ({@link Workspace#hessianSweep}); {@link HessianBatches} shares
 * the batches out among workers.
 */
final class HessianSweep {
    private final int capacity;
    private final int k;
    private TapeData t;
    private double[] innerValues;
    private final double[] tangent;      // node i, direction d at [i * k + d]
    private final double[] adjointTangent;
    private final boolean[] tangentLive;
    private final boolean[] adjointTangentLive;
    private final Partials p = new Partials();
    private final double[] innerTangentScratch;
    private final double[] hInnerScratch;

    /** Scratch for batches of up to {@code width} directions over tapes of up to {@code nodes} nodes. */
    HessianSweep(int nodes, int width) {
        this.capacity = nodes;
        this.k = width;
        // widthFor keeps nodes * width within the scratch budget; multiplyExact states that it fits.
        this.tangent = new double[Math.multiplyExact(nodes, width)];
        this.adjointTangent = new double[Math.multiplyExact(nodes, width)];
        this.tangentLive = new boolean[nodes];
        this.adjointTangentLive = new boolean[nodes];
        this.innerTangentScratch = new double[width];
        this.hInnerScratch = new double[width];
    }

    /** The batch width that keeps one worker's scratch under {@code budgetBytes}, between 1 and 16. */
    static int widthFor(TapeData t, long budgetBytes) {
        long perDirection = 16L * Math.max(1, t.size);
        return (int) Math.max(1, Math.min(16, budgetBytes / perDirection));
    }

    /** Batch width of this worker. */
    int width() {
        return k;
    }

    /** Whether this scratch serves a tape of {@code nodes} nodes at batch width {@code width}. */
    boolean fits(int nodes, int width) {
        return nodes <= capacity && width == k;
    }

    /**
     * Computes Hessian columns {@code [first, first + width)} (clipped to n) of output node
     * {@code out} into row-major {@code h}, given node values {@code v} and first-order adjoints
     * {@code adj} (seed 1 at {@code out}).
     */
    void columns(TapeData tape, double[] v, double[] inner, double[] adj, int out, int first, double[] h) {
        this.t = tape;
        this.innerValues = inner;
        int n = t.inputCount();
        int width = Math.min(k, n - first);
        forward(v, null, first, width);
        reverse(v, adj, out, width);
        copyInputRows(h, n, first, width);
    }

    /**
     * Compressed Hessian columns for a coloring of the inputs: direction d of this batch is the sum of
     * the unit directions of the inputs of color {@code firstColor + d}. Writes, for every input m, its
     * row of H S into {@code compressed[m * colors + firstColor + d]} (S the seed matrix: one column per
     * color), from which a star coloring recovers H directly.
     */
    void compressedColumns(TapeData tape, double[] v, double[] inner, double[] adj, int out, int[] colorOf,
                                  int colors, int firstColor, double[] compressed) {
        this.t = tape;
        this.innerValues = inner;
        int width = Math.min(k, colors - firstColor);
        forward(v, colorOf, firstColor, width);
        reverse(v, adj, out, width);
        copyInputRows(compressed, colors, firstColor, width);
    }

    // Input m's second-order adjoints of this batch's directions into out[m * rowLength + first ..].
    private void copyInputRows(double[] out, int rowLength, int first, int width) {
        for (int m = 0, n = t.inputCount(); m < n; m++) {
            int node = t.inputNodes[m];
            int row = m * rowLength + first;
            if (adjointTangentLive[node]) {
                System.arraycopy(adjointTangent, node * k, out, row, width);
            } else {
                Arrays.fill(out, row, row + width, 0.0);
            }
        }
    }

    // Seeds input m with unit direction colorOf[m] - first (m - first without a coloring) when that is
    // in [0, width).
    private void forward(double[] v, int[] colorOf, int first, int width) {
        final byte[] op = t.op;
        final int[] a = t.a;
        final int[] b = t.b;
        final double[] c = t.constants;
        final double[] td = tangent;
        final boolean[] live = tangentLive;
        for (int i = 0, size = t.size; i < size; i++) {
            int o = op[i];
            int row = i * k;
            switch (Op.kind(o)) {
                case Op.INPUT: {
                    int d = (colorOf == null ? a[i] : colorOf[a[i]]) - first;
                    live[i] = d >= 0 && d < width;
                    if (live[i]) {
                        Arrays.fill(td, row, row + width, 0.0);
                        td[row + d] = 1;
                    }
                    break;
                }
                case Op.CONSTANT:
                    live[i] = false;
                    break;
                case Op.UNARY:
                case Op.WITH_CONSTANT: {
                    int x = a[i];
                    live[i] = live[x];
                    if (!live[i]) break;
                    p.at(t, i, v, false);
                    for (int d = 0, rx = x * k; d < width; d++) td[row + d] = p.dx * td[rx + d];
                    break;
                }
                case Op.BINARY: {
                    int x = a[i];
                    int y = b[i];
                    boolean lx = live[x];
                    boolean ly = live[y];
                    live[i] = lx || ly;
                    if (!live[i]) break;
                    p.at(t, i, v, false);
                    int rx = x * k;
                    int ry = y * k;
                    for (int d = 0; d < width; d++) {
                        td[row + d] = (lx ? Rules.times(p.dx, td[rx + d]) : 0) + (ly ? Rules.times(p.dy, td[ry + d]) : 0);
                    }
                    break;
                }
                default:
                    live[i] = naryForward(v, i, width);
            }
        }
    }

    // Tangents of n-ary node i: (outer)' times the sum over live arguments of partial * tangent.
    private boolean naryForward(double[] v, int i, int width) {
        final double[] td = tangent;
        final boolean[] live = tangentLive;
        int row = i * k;
        boolean any = false;
        p.atNary(t, i, v, innerValues, false);
        double scale = p.scale;
        for (int s = 0, count = t.b[i]; s < count; s++) {
            int arg = t.naryArgument(i, s);
            if (!live[arg]) continue;
            if (!any) {
                Arrays.fill(td, row, row + width, 0.0);
                any = true;
            }
            double partial = p.dx * t.naryPartial(i, s, v, scale);
            for (int d = 0, ra = arg * k; d < width; d++) td[row + d] += partial * td[ra + d];
        }
        return any;
    }

    private void reverse(double[] v, double[] adj, int out, int width) {
        final byte[] op = t.op;
        final int[] a = t.a;
        final int[] b = t.b;
        final double[] c = t.constants;
        final double[] td = tangent;
        final double[] ad = adjointTangent;
        final boolean[] live = tangentLive;
        final boolean[] adLive = adjointTangentLive;
        Arrays.fill(adLive, false);
        for (int i = out; i >= 0; i--) {
            double g = adj[i];
            boolean hasH = adLive[i];
            int o = op[i];
            int row = i * k;
            switch (Op.kind(o)) {
                case Op.INPUT:
                case Op.CONSTANT:
                    break;
                case Op.UNARY:
                case Op.WITH_CONSTANT: {
                    int x = a[i];
                    boolean curvature = g != 0 && live[x];
                    if (!hasH && !curvature) break;
                    p.at(t, i, v, true);
                    int rx = activate(x);
                    double gxx = g * p.dxx;
                    for (int d = 0; d < width; d++) {
                        ad[rx + d] += (hasH ? ad[row + d] * p.dx : 0) + (curvature ? gxx * td[rx + d] : 0);
                    }
                    break;
                }
                case Op.BINARY: {
                    int x = a[i];
                    int y = b[i];
                    boolean lx = live[x];
                    boolean ly = live[y];
                    boolean curvature = g != 0 && (lx || ly);
                    if (!hasH && !curvature) break;
                    p.at(t, i, v, true);
                    int rx = activate(x);
                    int ry = activate(y);
                    for (int d = 0; d < width; d++) {
                        double h = hasH ? ad[row + d] : 0;
                        double tx = lx ? td[rx + d] : 0;
                        double ty = ly ? td[ry + d] : 0;
                        double cx = curvature ? g * (Rules.times(p.dxx, tx) + Rules.times(p.dxy, ty)) : 0;
                        double cy = curvature ? g * (Rules.times(p.dxy, tx) + Rules.times(p.dyy, ty)) : 0;
                        ad[rx + d] += h * p.dx + cx;
                        ad[ry + d] += h * p.dy + cy;
                    }
                    break;
                }
                default:
                    naryReverse(v, i, g, hasH, width);
            }
        }
    }

    // Chain rule through the fused outer function u, direction by direction: the inner operation
    // sees adjoint g u' and adjoint tangent h u' + g u'' (inner tangent).
    private void naryReverse(double[] v, int i, double g, boolean hasH, int width) {
        final double[] td = tangent;
        final double[] ad = adjointTangent;
        final boolean[] live = tangentLive;
        boolean nodeLive = live[i];
        if (!hasH && !(g != 0 && nodeLive)) return;
        p.atNary(t, i, v, innerValues, true);
        double scale = p.scale;
        double outerDx = p.dx;
        double outerDxx = p.dxx;
        int row = i * k;
        int count = t.b[i];
        // Inner tangents: the node's tangents divided by u' would lose u' = 0, so recompute them.
        double[] innerTangent = innerTangentScratch;
        Arrays.fill(innerTangent, 0, width, 0.0);
        if (nodeLive) {
            for (int s = 0; s < count; s++) {
                int arg = t.naryArgument(i, s);
                if (!live[arg]) continue;
                double partial = t.naryPartial(i, s, v, scale);
                for (int d = 0, ra = arg * k; d < width; d++) innerTangent[d] += partial * td[ra + d];
            }
        }
        double[] hInner = hInnerScratch;
        for (int d = 0; d < width; d++) {
            hInner[d] = (hasH ? ad[row + d] * outerDx : 0) + (nodeLive ? g * outerDxx * innerTangent[d] : 0);
        }
        double gInner = g * outerDx;
        boolean curvature = gInner != 0 && nodeLive && !Rules.naryIsLinear(t.op[i]);
        for (int s = 0; s < count; s++) {
            int arg = t.naryArgument(i, s);
            int partner = t.naryPartner(i, s);
            double partial = t.naryPartial(i, s, v, scale);
            int ra = activate(arg);
            int rp = partner * k;
            boolean argLive = live[arg];
            boolean partnerLive = live[partner];
            for (int d = 0; d < width; d++) {
                double h = hInner[d] * partial;
                if (curvature) {
                    double tk = argLive ? td[ra + d] : 0;
                    double tp = partnerLive ? td[rp + d] : 0;
                    h += gInner * t.naryCurvature(i, s, v, scale, innerTangent[d], tk, tp);
                }
                ad[ra + d] += h;
            }
        }
    }

    // Marks node x as carrying second-order adjoints, zeroing its row the first time; returns the row offset.
    private int activate(int x) {
        int row = x * k;
        if (!adjointTangentLive[x]) {
            adjointTangentLive[x] = true;
            Arrays.fill(adjointTangent, row, row + k, 0.0);
        }
        return row;
    }
}
