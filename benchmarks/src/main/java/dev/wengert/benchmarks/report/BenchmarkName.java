package dev.wengert.benchmarks.report;

import java.util.Comparator;
import java.util.List;

/**
 * A JMH benchmark name read by the naming convention of the suite (see {@code ThomsonBenchmarks}):
 * {@code dev.wengert.benchmarks.<Workload>[Peer]Benchmarks.<variant><Quantity>}. Results written before
 * the suite had one class per workload, {@code dev.wengert.benchmarks.<workload>.<Variant><Quantity>.<quantity>},
 * read the same way, so the files in {@code benchmarks/results} still chart. {@code benchmarks/ratios.py}
 * reads both forms with the same rules.
 *
 * @param workload the workload in lower case ({@code thomson}, {@code rosenbrock}, {@code grid})
 * @param variant the variant, capitalised ({@code Plain}, {@code Analytic}, {@code TapeReused}, ...)
 * @param quantity the quantity ({@code value}, {@code gradient}, {@code hvp}, {@code hessian}, ...)
 */
record BenchmarkName(String workload, String variant, String quantity) {
    /** The quantities a method name may end in; the longest match wins ({@code SparseHessian} over {@code Hessian}). */
    static final List<String> QUANTITIES = List.of("value", "gradient", "hvp", "hessian", "sparseHessian", "hessianPattern",
            "recording");
    private static final String SUFFIX = "Benchmarks";

    static BenchmarkName parse(String benchmark) {
        String[] parts = benchmark.split("\\.");
        if (parts.length < 3) {
            throw new IllegalArgumentException("benchmark name '" + benchmark + "': expected <package>.<Class>.<method>");
        }
        String cls = parts[parts.length - 2];
        String method = parts[parts.length - 1];
        if (!cls.endsWith(SUFFIX)) { // the one-class-per-variant names of earlier runs
            String variant = cls.toLowerCase().endsWith(method.toLowerCase()) ? cls.substring(0, cls.length() - method.length()) : cls;
            return new BenchmarkName(parts[parts.length - 3], variant, method);
        }
        String workload = cls.substring(0, cls.length() - SUFFIX.length()).replaceFirst("Peer$", "");
        String quantity = QUANTITIES.stream()
                .filter(q -> method.length() > q.length() && method.endsWith(capitalised(q)))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow(() -> new IllegalArgumentException("benchmark " + benchmark + ": method '" + method
                        + "' does not end in a quantity of " + QUANTITIES + "; name it <variant><Quantity>, e.g. analyticGradient"));
        String variant = capitalised(method.substring(0, method.length() - quantity.length()));
        return new BenchmarkName(Character.toLowerCase(workload.charAt(0)) + workload.substring(1), variant, quantity);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
