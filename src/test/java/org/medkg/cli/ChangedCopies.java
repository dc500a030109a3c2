package org.medkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.medkg.document.DocumentReaders;
import org.medkg.server.ServedDocuments;

/**
 * Documents as a user re-loads them: copied to one folder, every round over the same files, each with a line naming
 * the round appended (round 0: as they are), so that the same documents at the same paths are changed and a load
 * replaces their graphs.
 */
final class ChangedCopies {
    /** The whole corpus: the seeds in {@code data/}, the hemcenter site and the external documents. */
    static final List<Path> CORPUS = List.of(Path.of("data"), ServedDocuments.HEMCENTER,
            ServedDocuments.HEMCENTER.resolveSibling("external2"));

    private ChangedCopies() {
    }

    /** Writes round {@code round} of the sources into {@code into}, one folder per source; returns those folders. */
    static List<Path> write(List<Path> sources, Path into, int round) throws IOException {
        for (Path source : sources) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).filter(DocumentReaders.standard()::isSupported).toList();
            }
            for (Path file : files) {
                Path copy = into.resolve(source.getFileName().toString()).resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Files.writeString(copy, round == 0 ? text : text + "\n\nre-load " + round + "\n");
            }
        }
        return sources.stream().map(source -> into.resolve(source.getFileName().toString())).toList();
    }
}
