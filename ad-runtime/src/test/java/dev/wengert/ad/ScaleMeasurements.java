package dev.wengert.ad;

import dev.wengert.ad.workloads.ThomsonWorkload;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Memory and time at scale, measured (not a unit test: minutes and gigabytes). Run from the
 * repository root after {@code mvn -B -q -pl ad-runtime test-compile}:
 *
 * <pre>
 * java -Xmx6g -cp ad-runtime/target/classes:ad-runtime/target/test-classes dev.wengert.ad.ScaleMeasurements sum 100000000
 * java -Xmx6g -cp ... dev.wengert.ad.ScaleMeasurements chain 10000000
 * java -Xmx6g -cp ... dev.wengert.ad.ScaleMeasurements thomson 3000
 * </pre>
 *
 * <p>Workloads: {@code sum} is {@code s = s + sin(1.0001 x[k mod 1000])}, three operations a term,
 * up to the given number of operations; {@code chain} is {@code y = sin(y)} nested to the given
 * depth, one input; {@code thomson} is the Thomson energy of N points (five operations a pair).
 * For each it prints the recording's operations and tape bytes, the live heap after recording and
 * after the first gradient (each measured after a full GC), the peak heap use the JVM saw (the sum
 * of the heap pools' peaks: an upper bound that includes garbage), and wall times.
 */
public final class ScaleMeasurements {
    private ScaleMeasurements() {
    }

    public static void main(String[] args) {
        String workload = args.length > 0 ? args[0] : "sum";
        long size = args.length > 1 ? Long.parseLong(args[1]) : 100_000_000L;
        double[] x0;
        ScalarFunction f;
        switch (workload) {
            case "sum" -> {
                x0 = new double[1000];
                for (int i = 0; i < x0.length; i++) x0[i] = Math.sin(i);
                long terms = size / 3;
                f = x -> {
                    Var s = x[0].tape().constant(0);
                    for (long k = 0; k < terms; k++) s = s.plus(x[(int) (k % x.length)].times(1.0001).sin());
                    return s;
                };
            }
            case "chain" -> {
                x0 = new double[] {0.5};
                f = x -> {
                    Var y = x[0];
                    for (long k = 0; k < size; k++) y = y.sin();
                    return y;
                };
            }
            case "thomson" -> {
                x0 = ThomsonWorkload.points((int) size);
                f = ThomsonWorkload::energy;
            }
            default -> throw new IllegalArgumentException("workload " + workload + ": expected sum, chain or thomson");
        }
        System.out.printf(Locale.ROOT, "%s %,d: -Xmx %s, baseline live %s%n", workload, size,
                mb(Runtime.getRuntime().maxMemory()), mb(liveHeap()));
        resetPeaks();
        long t0 = System.nanoTime();
        Recording r = Tape.record(f, x0);
        long t1 = System.nanoTime();
        long peakRecording = peakHeap();
        long liveAfterRecording = liveHeap();
        System.out.printf(Locale.ROOT, "  record: %.2f s, %,d operations, %,d nodes, tape %s (%.2f bytes/operation),"
                        + " live after %s, peak heap while recording <= %s (%.1f bytes/operation)%n",
                (t1 - t0) / 1e9, r.recordedOperations(), r.size(), mb(r.bytes()),
                (double) r.bytes() / r.recordedOperations(), mb(liveAfterRecording), mb(peakRecording),
                (double) peakRecording / r.recordedOperations());

        double[] g = new double[x0.length];
        resetPeaks();
        long t2 = System.nanoTime();
        double fx = r.gradient(x0, g);
        long t3 = System.nanoTime();
        r.gradient(x0, g);
        long t4 = System.nanoTime();
        long liveAfterGradient = liveHeap();
        System.out.printf(Locale.ROOT, "  gradient: first %.2f s, second %.2f s, f = %.6g, live after %s"
                        + " (scratch %.1f bytes/node)%n", (t3 - t2) / 1e9, (t4 - t3) / 1e9, fx, mb(liveAfterGradient),
                (double) (liveAfterGradient - liveAfterRecording) / r.size());

        double[] v = ThomsonWorkload.direction(x0.length);
        double[] hv = new double[x0.length];
        try {
            long t5 = System.nanoTime();
            r.hessianVector(x0, v, hv);
            long t6 = System.nanoTime();
            long liveAfterHvp = liveHeap();
            System.out.printf(Locale.ROOT, "  hessianVector: %.2f s, live after %s (scratch %.1f bytes/node)%n",
                    (t6 - t5) / 1e9, mb(liveAfterHvp), (double) (liveAfterHvp - liveAfterRecording) / r.size());
        } catch (ResultTooLargeException e) {
            System.out.println("  hessianVector: " + e.getMessage());
        }
        r = null;
        System.out.printf(Locale.ROOT, "  live after dropping the recording: %s (this thread's spare tape arrays and"
                + " softly held scratch included)%n", mb(liveHeap()));
        // The softly held scratch goes as soon as the heap is needed: claim 80% of it.
        long claim = (long) (0.8 * Runtime.getRuntime().maxMemory());
        long[] big = new long[(int) Math.min(Integer.MAX_VALUE - 8, claim / 8)];
        big[big.length - 1] = 1;
        System.out.printf(Locale.ROOT, "  then allocated %s in one array: the scratch was released%n", mb(8L * big.length));
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void resetPeaks() {
        liveHeap();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }
}
