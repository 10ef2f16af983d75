package dev.wengert.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine;

/** Checks an output path up front, so that a long run does not end in "cannot write". */
final class OutputFile {

    private OutputFile() {}

    /**
     * Returns the path, or throws a usage error naming what is wrong with it. Permission bits say little
     * (root writes where they forbid it, a read-only or special file system refuses everyone), so the check
     * opens the file for writing, as the run will, and removes it again if it did not exist.
     */
    static Path checkWritable(CommandLine commandLine, Path path) {
        Path absolute = path.toAbsolutePath();
        Path parent = absolute.getParent();
        String problem;
        if (Files.isDirectory(absolute)) {
            problem = "it is a directory";
        } else if (parent == null || !Files.isDirectory(parent)) {
            problem = "directory " + parent + " does not exist";
        } else {
            problem = tryOpen(absolute);
        }
        if (problem != null) {
            throw new CommandLine.ParameterException(commandLine,
                    "cannot write --out " + path + ": " + problem + "; choose a writable path");
        }
        return path;
    }

    /** Null if the file opens for writing, else why not. */
    private static String tryOpen(Path file) {
        boolean existed = Files.exists(file);
        try (OutputStream ignored = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            return null;
        } catch (AccessDeniedException e) {
            return "permission denied";
        } catch (IOException | SecurityException e) {
            return "the file system refuses it (" + e.getClass().getSimpleName() + ")";
        } finally {
            if (!existed) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // It was never created.
                }
            }
        }
    }
}
