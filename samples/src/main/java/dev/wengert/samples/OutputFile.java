package dev.wengert.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Checks an output path up front, so that a long run does not end in "cannot write". */
final class OutputFile {

    private OutputFile() {}

    /** Returns the path, or throws a usage error naming what is wrong with it. */
    static Path checkWritable(CommandLine commandLine, Path path) {
        Path absolute = path.toAbsolutePath();
        Path parent = absolute.getParent();
        String problem = null;
        if (Files.isDirectory(absolute)) {
            problem = "it is a directory";
        } else if (parent == null || !Files.isDirectory(parent)) {
            problem = "directory " + parent + " does not exist";
        } else if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(parent)) {
            problem = "permission denied";
        }
        if (problem != null) {
            throw new CommandLine.ParameterException(commandLine,
                    "cannot write --out " + path + ": " + problem);
        }
        return path;
    }
}
