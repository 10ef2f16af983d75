package dev.wengert.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The samples' command line: one executable jar with a subcommand per demo.
 *
 * <pre>
 *   java -jar samples/target/wengert-samples.jar thomson --n 12 --method all --out thomson.png
 *   java -jar samples/target/wengert-samples.jar quadratic
 *   java -jar samples/target/wengert-samples.jar rosenbrock
 *   java -jar samples/target/wengert-samples.jar hvp
 *   java -jar samples/target/wengert-samples.jar grid --m 500
 * </pre>
 *
 * <p>Bad arguments print one line starting with {@code error:} and exit with status 2; a failure
 * while running (for example an output file that cannot be written) exits with status 1.
 */
@Command(name = "wengert-samples", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Second-order optimisation with exact derivatives from the Wengert tape.",
        subcommands = {ThomsonCommand.class, QuadraticCommand.class, RosenbrockCommand.class, HvpCommand.class, GridCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status for bad command-line arguments. */
    public static final int USAGE_ERROR = 2;
    /** Exit status for a failure while running. */
    public static final int RUN_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: choose one of thomson, quadratic, rosenbrock, hvp, grid (see --help)");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit status (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        System.setProperty("java.awt.headless", "true");   // charts are drawn off-screen, also without a display
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, ignored) -> {
            err.println("error: " + ex.getMessage());
            err.flush();
            return USAGE_ERROR;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            err.flush();
            return RUN_ERROR;
        });
        int status = cmd.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** {@code --version}: the project version, from the {@code version.properties} the build fills in. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    throw new IOException("dev/wengert/samples/version.properties is missing; rebuild the samples");
                }
                Properties p = new Properties();
                p.load(in);
                return new String[] {"wengert-samples " + p.getProperty("version")};
            }
        }
    }
}
