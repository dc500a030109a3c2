package org.medkg.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The size of a store on disk, for tests and benchmarks that watch it grow. */
public final class DiskUsage {

    private DiskUsage() {
    }

    /** Blocks in use, from du where there is one: TDB2's files are sparse, so their lengths overstate. */
    public static long of(Path dir) throws IOException, InterruptedException {
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String output = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (du.waitFor() == 0) {
                return Long.parseLong(output.split("\\s+")[0]) * 1024;
            }
        } catch (IOException | NumberFormatException noDu) {
            // fall back to file lengths
        }
        return apparent(dir);
    }

    /** The sum of the files' lengths. */
    public static long apparent(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
