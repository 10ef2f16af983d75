package dev.wengert.ad.tape;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Schedules the vector-mode Hessian of one call: the first-order adjoints once (they do not depend on
 * the direction), then batches of k directions, each one k-wide {@link HessianSweep}, shared out among
 * threads. The directions are the unit vectors for a dense Hessian, one seed per color for a compressed
 * one.
 *
 * <pre>{@code
 * ValueSweep.run(tape, x, ws.values(), ws.inner());           // values at x first
 * HessianBatches.dense(tape, ws, out, h, threads);
 * }</pre>
 */
public final class HessianBatches {
    // One worker's k-wide scratch: two arrays of 8 bytes per node and direction.
    static final long SCRATCH_BYTES = 32L << 20;
    // Node-columns of Hessian work (tape size x directions) that make another thread worth starting:
    // a thread costs tens of microseconds to hand work to.
    private static final long MIN_WORK_PER_THREAD = 200_000;
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "wengert-hessian");
        thread.setDaemon(true);
        return thread;
    });

    private HessianBatches() {
    }

    /**
     * Writes the dense Hessian of output node {@code out} into row-major {@code h}, on up to
     * {@code threads} threads (fewer when a thread would cost more than its share of the work).
     *
     * @param t the tape
     * @param ws the caller's workspace, holding the node values and inner values at x
     * @param out the output node
     * @param h receives the n x n Hessian, row-major
     * @param threads the most threads to use, at least 1
     */
    public static void dense(TapeData t, Workspace ws, int out, double[] h, int threads) {
        double[] adj = firstOrderAdjoints(t, ws, out);
        double[] v = ws.values();
        double[] inner = ws.inner();
        share(t, ws, t.inputCount(), threads, (sweep, first) -> sweep.columns(t, v, inner, adj, out, first, h));
    }

    /**
     * Writes the compressed Hessian H S of output node {@code out}, S the seed matrix of a coloring of
     * the inputs (one column per color), into {@code compressed[m * colors + c]}, on the caller's thread.
     *
     * @param t the tape
     * @param ws the caller's workspace, holding the node values and inner values at x
     * @param out the output node
     * @param colorOf the color of every input
     * @param colors the number of colors
     * @param compressed receives H S, n rows of {@code colors} entries
     */
    public static void compressed(TapeData t, Workspace ws, int out, int[] colorOf, int colors, double[] compressed) {
        double[] adj = firstOrderAdjoints(t, ws, out);
        double[] v = ws.values();
        double[] inner = ws.inner();
        share(t, ws, colors, 1,
                (sweep, first) -> sweep.compressedColumns(t, v, inner, adj, out, colorOf, colors, first, compressed));
    }

    // The adjoints of seed 1 at out, in the workspace's kept array: every batch reads them.
    private static double[] firstOrderAdjoints(TapeData t, Workspace ws, int out) {
        double[] adj = ws.keptAdjoints();
        java.util.Arrays.fill(adj, 0, out + 1, 0.0);
        adj[out] = 1;
        ReverseSweep.run(t, ws, adj, out, null);
        return adj;
    }

    /** One batch of directions {@code [first, first + sweep.width())} (clipped by the sweep). */
    private interface Batch {
        void run(HessianSweep sweep, int first);
    }

    private static void share(TapeData t, Workspace ws, int directions, int threads, Batch batch) {
        int width = Math.max(1, Math.min(directions, HessianSweep.widthFor(t, SCRATCH_BYTES)));
        int batches = (directions + width - 1) / width;
        AtomicInteger next = new AtomicInteger();
        long work = (long) t.size() * directions;
        int useful = (int) Math.max(1, Math.min(batches, work / MIN_WORK_PER_THREAD));
        int helpers = Math.min(threads, useful) - 1;
        List<Future<?>> running = new ArrayList<>(helpers);
        for (int k = 0; k < helpers; k++) {
            running.add(WORKERS.submit(() -> runBatches(Workspace.forThread(t.size()), t, width, batches, next, batch)));
        }
        runBatches(ws, t, width, batches, next, batch);
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while computing the Hessian", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a Hessian worker failed", e.getCause());
            }
        }
    }

    private static void runBatches(Workspace ws, TapeData t, int width, int batches, AtomicInteger next, Batch batch) {
        HessianSweep sweep = ws.hessianSweep(t.size(), width);
        for (int b; (b = next.getAndIncrement()) < batches; ) batch.run(sweep, b * width);
    }
}
