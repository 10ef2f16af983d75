package dev.wengert.benchmarks;

import dev.wengert.ad.Recording;
import dev.wengert.ad.Tape;
import dev.wengert.ad.workloads.ThomsonWorkload;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Memory per recorded operation of the Thomson workload, three ways:
 * <ol>
 *   <li>what the tape says: {@link Recording#bytes()} per node ({@link Recording#size()}) and per
 *       operation the function performed ({@link Recording#recordedOperations()}: recording fuses the
 *       five operations of a pair term into one node), plus the per-thread sweep scratch of 8 bytes per
 *       node per array (values, n-ary inner values and adjoints for a gradient; tangents, inner
 *       tangents and second-order adjoints on top for an HVP);</li>
 *   <li>what the heap holds: a reflective walk of the objects the recording reaches (arrays at their
 *       real size, header included; the thread-local scratch map is not followed), cross-checking
 *       that {@code bytes()} counts everything the tape retains;</li>
 *   <li>what recording allocates: the thread's allocated-bytes counter around {@code Tape.record}
 *       (Var handles, the user's list of terms and the geometric growth of the tape arrays included:
 *       the garbage a record costs, which JMH's {@code -prof gc} reports as gc.alloc.rate.norm), and
 *       around a gradient on the reused recording (zero in the steady state).</li>
 * </ol>
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.wengert.benchmarks.MemoryReport [N ...]
 * }</pre>
 */
public final class MemoryReport {
    private static final int SCRATCH_ARRAYS_GRADIENT = 3;
    private static final int SCRATCH_ARRAYS_HVP = 6;

    private MemoryReport() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {12, 100, 1000} : parse(args);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        System.out.println("| N | operations | nodes | tape B (bytes()) | tape B/operation | tape B/node | heap B/node (walk) "
                + "| + scratch, gradient | + scratch, HVP | allocated by record, B/operation | allocated by reused gradient, B |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            double[] x = ThomsonWorkload.points(n);
            double[] g = new double[x.length];
            for (int warm = 0; warm < 3; warm++) Tape.record(ThomsonWorkload::energy, x); // load and JIT the recording path

            long before = threads.getThreadAllocatedBytes(self);
            Recording r = Tape.record(ThomsonWorkload::energy, x);
            long recordAllocated = threads.getThreadAllocatedBytes(self) - before;

            r.gradient(x, g); // first call allocates this thread's scratch
            before = threads.getThreadAllocatedBytes(self);
            r.gradient(x, g);
            long gradientAllocated = threads.getThreadAllocatedBytes(self) - before;

            long nodes = r.size();
            double perNode = (double) r.bytes() / nodes;
            long walked = retainedBytes(r);
            long operations = r.recordedOperations();
            System.out.printf("| %d | %,d | %,d | %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %,d |%n",
                    n, operations, nodes, r.bytes(), (double) r.bytes() / operations, perNode, (double) walked / nodes,
                    perNode + 8.0 * SCRATCH_ARRAYS_GRADIENT, perNode + 8.0 * SCRATCH_ARRAYS_HVP,
                    (double) recordAllocated / operations, gradientAllocated);
        }
        System.out.println();
        System.out.println("operations = Recording.recordedOperations() (per pair: three subtractions, a norm, a reciprocal;"
                + " then one sum); tape B/node = Recording.bytes() / Recording.size(); heap B/node = reflective walk of the objects the"
                + " Recording reaches (array headers included, per-thread scratch excluded); scratch = 8 B per node per array"
                + " (" + SCRATCH_ARRAYS_GRADIENT + " for a gradient, " + SCRATCH_ARRAYS_HVP + " for an HVP), per thread;"
                + " allocated = this thread's allocation counter around one Tape.record / one gradient on the reused recording.");
    }

    private static int[] parse(String[] args) {
        int[] sizes = new int[args.length];
        for (int i = 0; i < args.length; i++) sizes[i] = Integer.parseInt(args[i]);
        return sizes;
    }

    /**
     * Bytes of the objects reachable from {@code root} through fields, following only Wengert's own
     * classes and arrays (not the JDK's: that keeps the thread-local scratch map and shared
     * executors out). Shallow sizes assume a 64-bit JVM with compressed oops: 12-byte object headers,
     * 16-byte array headers, 8-byte alignment.
     */
    static long retainedBytes(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        long total = 0;
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (!seen.add(o)) continue;
            Class<?> c = o.getClass();
            if (c.isArray()) {
                int length = Array.getLength(o);
                Class<?> e = c.getComponentType();
                total += align(16 + (long) length * elementBytes(e));
                if (!e.isPrimitive()) {
                    for (int i = 0; i < length; i++) {
                        Object child = Array.get(o, i);
                        if (child != null && followed(child)) todo.push(child);
                    }
                }
                continue;
            }
            long shallow = 12;
            for (Class<?> k = c; k != null; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) continue;
                    shallow += f.getType().isPrimitive() ? elementBytes(f.getType()) : 4;
                    if (f.getType().isPrimitive()) continue;
                    try {
                        f.setAccessible(true);
                        Object child = f.get(o);
                        if (child != null && followed(child)) todo.push(child);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new IllegalStateException("cannot read " + f + " while measuring the tape", e);
                    }
                }
            }
            total += align(shallow);
        }
        return total;
    }

    private static boolean followed(Object o) {
        Class<?> c = o.getClass();
        while (c.isArray()) c = c.getComponentType();
        return c.isPrimitive() || c.getName().startsWith("dev.wengert.");
    }

    private static int elementBytes(Class<?> t) {
        if (t == long.class || t == double.class) return 8;
        if (t == int.class || t == float.class) return 4;
        if (t == short.class || t == char.class) return 2;
        if (t == byte.class || t == boolean.class) return 1;
        return 4; // a compressed reference
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
