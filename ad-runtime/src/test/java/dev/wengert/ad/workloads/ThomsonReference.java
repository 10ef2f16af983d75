package dev.wengert.ad.workloads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Thomson reference values the repository ships in ad-runtime's test resources
 * ({@code reference/thomson-workload.tsv}, {@code reference/thomson-minima.tsv}), read from the class
 * path: from ad-runtime's own tests, and from ad-codegen's through ad-runtime's test jar. Nothing is
 * read from outside the repository.
 *
 * <pre>{@code
 * ThomsonReference.Row ref = ThomsonReference.workload(100);   // E, |g|, g.v, v.Hv, |Hv| at the Fibonacci points
 * double lowest = ThomsonReference.minimum(12);                // 49.165253058
 * }</pre>
 */
public final class ThomsonReference {
    private static final String WORKLOAD = "/reference/thomson-workload.tsv";
    private static final String MINIMA = "/reference/thomson-minima.tsv";

    private ThomsonReference() {
    }

    /**
     * One row of {@code thomson-workload.tsv}: at N points of {@link ThomsonWorkload#points} with the
     * direction {@link ThomsonWorkload#direction}, the energy, the gradient's norm, {@code g . v},
     * {@code v^T H v} and the norm of {@code H v}.
     *
     * @param n the number of points
     * @param energy E(x)
     * @param gradientNorm |g|
     * @param gradientDotV g . v
     * @param vHv v^T H v
     * @param hvNorm |H v|
     */
    public record Row(int n, double energy, double gradientNorm, double gradientDotV, double vHv, double hvNorm) {
    }

    /** The reference row for N points (N = 12, 100 or 1000 in the shipped file). */
    public static Row workload(int n) {
        String[] f = row(WORKLOAD, n);
        return new Row(n, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]), Double.parseDouble(f[5]));
    }

    /** The lowest known energy of N points on the unit sphere (N = 2..20 in the shipped file, 9 decimals). */
    public static double minimum(int n) {
        return Double.parseDouble(row(MINIMA, n)[1]);
    }

    // The first tab-separated field is N; comment lines start with '#' and the header with "N\t".
    private static String[] row(String resource, int n) {
        for (String line : lines(resource)) {
            if (line.startsWith("#") || line.startsWith("N\t") || line.isBlank()) continue;
            String[] fields = line.split("\t");
            if (Integer.parseInt(fields[0]) == n) return fields;
        }
        throw new IllegalArgumentException("no row for N = " + n + " in test resource " + resource
                + ": use an N the file lists, or add its row");
    }

    private static List<String> lines(String resource) {
        try (InputStream in = ThomsonReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is not on the class path: it ships in"
                        + " ad-runtime/src/test/resources and ad-runtime's test jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test resource " + resource, e);
        }
    }
}
