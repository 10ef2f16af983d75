package dev.wengert.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The lowest known Thomson energies, N = 2..150, read from the resource thomson-minima.tsv (columns N,
 * energy, symmetry, note; '#' lines are comments, the first of them names the source).
 */
final class KnownMinima {

    /** Half a unit of the table's ninth decimal: two energies this close are equal as far as it knows. */
    static final double ROUNDING = 5e-10;

    private static final Map<Integer, Double> TABLE = load();

    private KnownMinima() {}

    static OptionalDouble energy(int n) {
        Double e = TABLE.get(n);
        return e == null ? OptionalDouble.empty() : OptionalDouble.of(e);
    }

    private static Map<Integer, Double> load() {
        Map<Integer, Double> table = new TreeMap<>();
        try (InputStream in = KnownMinima.class.getResourceAsStream("thomson-minima.tsv")) {
            if (in == null) {
                throw new IllegalStateException("resource thomson-minima.tsv is missing from the samples jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("N\t")) {
                    continue;
                }
                String[] cols = line.split("\t");
                // Where the note gives a re-minimised value with more digits, prefer it.
                double energy = Double.parseDouble(cols[1]);
                if (cols.length > 3 && cols[3].contains("re-minimised value")) {
                    String[] words = cols[3].trim().split(" ");
                    energy = Double.parseDouble(words[words.length - 1]);
                }
                table.put(Integer.parseInt(cols[0]), energy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read thomson-minima.tsv", e);
        }
        return table;
    }
}
