package dev.wengert.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The project version, read from the {@code version.properties} resource that the build fills in. */
final class ProcessorVersion {
    private ProcessorVersion() {
    }

    static String read() {
        try (InputStream in = ProcessorVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/wengert/codegen/version.properties is missing from the"
                        + " processor's class path; rebuild ad-codegen");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
