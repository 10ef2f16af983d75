package dev.wengert.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: clear one-line errors with a non-zero status, and runs that write readable PNGs. */
class CliTest {

    record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    private static void assertOneLineError(Result r, String mention) {
        assertEquals(Main.USAGE_ERROR, r.status(), r.err());
        String[] lines = r.err().strip().split("\\R");
        assertEquals(1, lines.length, "one line expected, got: " + r.err());
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        assertTrue(lines[0].contains(mention), lines[0]);
    }

    private static BufferedImage readPng(Path png) throws Exception {
        assertTrue(Files.size(png) > 0, "empty file " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a readable image: " + png);
        return image;
    }

    @Test
    void versionIsTheProjectVersion() {
        Result r = run("--version");
        assertEquals(0, r.status(), r.err());
        assertEquals("wengert-samples " + System.getProperty("project.version"), r.out().strip());
    }

    @Test
    void helpIsASubcommand() {
        Result r = run("help", "thomson");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("--backend"), r.out());
    }

    @Test
    void aRunTooLargeForTheHeapIsRefusedBeforeItStarts(@TempDir Path dir) {
        Result r = run("thomson", "--n", "100000", "--out", dir.resolve("t.png").toString());
        assertOneLineError(r, "--n 100000 needs about");
        assertTrue(r.err().contains("-Xmx"), r.err());
    }

    @Test
    void aSearchTooLargeForTheHeapIsRefusedBeforeItStarts(@TempDir Path dir) {
        Result r = run("thomson", "--n", "100000", "--backend", "generated", "--starts", "2",
                "--out", dir.resolve("t.png").toString());
        assertOneLineError(r, "--n 100000 needs about");
        assertTrue(r.err().contains("iterates of 300000 coordinates, for each of 2 threads"), r.err());
    }

    @Test
    void anIterationLimitIsReportedAsNotConverged(@TempDir Path dir) {
        Result r = run("thomson", "--n", "12", "--method", "gd", "--max-iterations", "3",
                "--out", dir.resolve("t.png").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("not converged within --max-iterations"), r.out());
        assertTrue(!r.out().contains("local minimum"), r.out());
    }

    @Test
    void fewerThanTwoPointsIsAUsageError(@TempDir Path dir) {
        assertOneLineError(run("thomson", "--n", "1", "--out", dir.resolve("t.png").toString()), "--n must be at least 2");
    }

    @Test
    void unknownMethodIsAUsageErrorListingTheMethods() {
        Result r = run("thomson", "--method", "newton-raphson");
        assertOneLineError(r, "unknown method 'newton-raphson'");
        assertTrue(r.err().contains("riemannian-newton, block-newton, lbfgs, gd, all"), r.err());
    }

    @Test
    void unknownBackendIsAUsageErrorListingTheBackends() {
        Result r = run("thomson", "--backend", "symbolic");
        assertOneLineError(r, "unknown backend 'symbolic'");
        assertTrue(r.err().contains("tape, generated"), r.err());
    }

    @Test
    void generatedBackendReachesTheSameMinimumAsTheTape(@TempDir Path dir) {
        for (String backend : new String[] {"tape", "generated"}) {
            Result r = run("thomson", "--n", "6", "--backend", backend, "--method", "all",
                    "--out", dir.resolve(backend + ".png").toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains(backend + " derivatives"), r.out());
            // Four methods, each at the octahedron's energy 9.985281374 (thomson-minima.tsv).
            assertEquals(4, r.out().lines().filter(l -> l.contains("E = 9.98528137")).count(), r.out());
        }
    }

    @Test
    void unwritableOutputPathIsAUsageError(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-dir").resolve("t.png");
        assertOneLineError(run("thomson", "--out", missing.toString()), "does not exist");
        assertOneLineError(run("quadratic", "--out", dir.toString()), "is a directory");
    }

    @Test
    void outputPathTheFileSystemRefusesIsAUsageErrorBeforeAnyWork() {
        // /proc takes no new files, not even from root, whom permission bits would let through.
        for (String command : new String[] {"thomson", "rosenbrock", "hvp", "quadratic", "grid"}) {
            Result r = run(command, "--out", "/proc/wengert-samples-test.png");
            assertOneLineError(r, "cannot write --out /proc/wengert-samples-test.png");
            assertEquals("", r.out(), command + " started work before refusing: " + r.out());
        }
        Result search = run("thomson", "--starts", "2", "--out", "/proc/wengert-samples-test.png");
        assertOneLineError(search, "cannot write --out");
    }

    @Test
    void gridRunConvergesAndWritesAHeatMap(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("grid.png");
        Result r = run("grid", "--m", "30", "--out", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("converged after"), r.out());
        assertTrue(r.out().contains("max |u - Scherk|"), r.out());
        assertTrue(readPng(png).getWidth() > 600);
        Result tape = run("grid", "--m", "30", "--backend", "tape", "--out", png.toString());
        assertEquals(0, tape.status(), tape.err());
        assertTrue(tape.out().contains("by edge pushing"), tape.out());
        Result direct = run("grid", "--m", "30", "--solver", "cholesky", "--out", png.toString());
        assertEquals(0, direct.status(), direct.err());
        assertTrue(direct.out().contains("converged after"), direct.out());
        assertTrue(direct.out().contains("sparse Cholesky (EJML)"), direct.out());
    }

    @Test
    void badGridOptionsAreUsageErrors(@TempDir Path dir) {
        String out = dir.resolve("g.png").toString();
        assertOneLineError(run("grid", "--m", "1", "--out", out), "--m must be at least 2");
        assertOneLineError(run("grid", "--extent", "1.6", "--out", out), "--extent must be in (0, pi/2)");
        assertOneLineError(run("grid", "--backend", "dense", "--out", out), "unknown backend 'dense'");
        assertOneLineError(run("grid", "--start", "random", "--out", out), "unknown start 'random'");
        assertOneLineError(run("grid", "--solver", "lu", "--out", out), "unknown solver 'lu'");
        assertOneLineError(run("grid", "--tolerance", "0", "--out", out), "--tolerance must be positive");
        Result huge = run("grid", "--m", "100000", "--out", out);
        assertOneLineError(huge, "--m 100000 needs about");
        assertEquals("", huge.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertOneLineError(run("thomson", "--points", "5"), "--points");
    }

    @Test
    void thomsonRunReachesTheKnownMinimumAndWritesAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("thomson.png");
        Result r = run("thomson", "--n", "6", "--method", "all", "--out", png.toString());
        assertEquals(0, r.status(), r.err());
        for (String method : new String[] {"riemannian-newton", "lbfgs", "block-newton", "gd"}) {
            assertTrue(r.out().contains(method), r.out());
        }
        assertTrue(r.out().contains("lowest known 9.985281374"), r.out());
        assertTrue(!r.out().contains("note:"), "every method should reach the octahedron: " + r.out());
        BufferedImage image = readPng(png);
        assertEquals(900, image.getWidth());
        assertEquals(2 * 520, image.getHeight());
    }

    @Test
    void thomsonWithoutATabulatedMinimumSaysSo(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("t.png");
        Result r = run("thomson", "--n", "151", "--method", "riemannian-newton", "--backend", "generated",
                "--out", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("no known minimum"), r.out());
        readPng(png);
    }

    @Test
    void quadraticDemoPrintsTheSeedAnswersAndWritesAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("q.png");
        Result r = run("quadratic", "--out", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("f(x0) = 2.625"), r.out());
        assertTrue(r.out().contains("A v = [2.0, -2.4]"), r.out());
        BufferedImage image = readPng(png);
        assertEquals(900, image.getWidth());
        assertEquals(520, image.getHeight());
    }

    @Test
    void rosenbrockDemoConvergesAndWritesAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("r.png");
        Result r = run("rosenbrock", "--n", "1000", "--out", png.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(4, r.out().split("GRADIENT_TOLERANCE", -1).length - 1, r.out());
        readPng(png);
    }

    @Test
    void oddRosenbrockDimensionIsAUsageError() {
        assertOneLineError(run("rosenbrock", "--n", "7"), "--n must be even");
    }

    @Test
    void hvpTableAndPlot(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("h.png");
        Result r = run("hvp", "--max-n", "24", "--out", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("| thomson   |   24 |"), r.out());
        readPng(png);
    }

    @Test
    void searchReportsTheLowestEnergyHowManyStartsReachedItAndTheTimeToIt(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("s.png");
        Result r = run("thomson", "--n", "13", "--starts", "3", "--threads", "2", "--out", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("generated derivatives: global search by basin hopping"), r.out());
        assertEquals(3, r.out().lines().filter(l -> l.contains("  start ")).count(), r.out());
        assertTrue(r.out().contains("lowest known 58.853230612"), r.out());
        assertTrue(r.out().contains("(found)"), r.out());
        assertTrue(r.out().contains("of 3 starts (to 1e-09 relative); time to the best"), r.out());
        readPng(png);
    }

    @Test
    void multistartIsPlainLocalMinimisation(@TempDir Path dir) {
        Result r = run("thomson", "--n", "8", "--search", "multistart", "--out", dir.resolve("m.png").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("multistart (one local minimisation per start)"), r.out());
        assertEquals(4, r.out().lines().filter(l -> l.contains("after    0 rounds,    1 local")).count(), r.out());
    }

    @Test
    void badSearchOptionsAreUsageErrors() {
        assertOneLineError(run("thomson", "--starts", "0"), "--starts must be at least 1, got 0");
        assertOneLineError(run("thomson", "--starts", "2", "--temperature", "-1"), "--temperature must be positive");
        assertOneLineError(run("thomson", "--search", "annealing"), "unknown search 'annealing'");
    }

    @Test
    void blockNewtonRunsWithTheSubspaceSolverAndRejectsAnUnknownOne(@TempDir Path dir) {
        Result r = run("thomson", "--n", "6", "--method", "block-newton", "--subproblem", "subspace",
                "--out", dir.resolve("b.png").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("block-newton") && r.out().contains("GRADIENT_TOLERANCE"), r.out());
        assertOneLineError(run("thomson", "--subproblem", "lanczos"), "unknown subproblem 'lanczos'");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertOneLineError(run(), "missing subcommand");
    }
}
