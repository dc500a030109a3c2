package org.medkg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.medkg.document.DocumentFormat;
import org.medkg.document.DocumentReaders;
import org.medkg.gazetteer.Gazetteer;

/**
 * The corpus multiplied: {@code scale} copies of every source document, each copy with its own surnames, cities
 * and dates ({@link CopyPerturbation}); copy 0 is the corpus as it is, so that the saved queries' examples, taken
 * from it, still find their data at every scale. The same sources and seed always give the same files.
 *
 * <p>A document {@code hemcenter/2019-09-20-symposium-spb/item.ru.md} of copy 7 is written to
 * {@code 0007/hemcenter/2019-09-20-symposium-spb-c0007/item.ru.md}: medkg names a document's graph after its folder
 * and file name, so the folder carries the copy. Documents are read once and written copy after copy, so memory does
 * not grow with the scale. Identical sources (the project's {@code data/} and the corpus's seeds) count once, and a
 * folder's {@value #SOURCE_LIST}, its list of where the documents came from, is no document.
 */
final class ScaledCorpus {
    static final String SOURCE_LIST = "SOURCES.txt";

    /** What a scaled corpus holds: its documents (files) and their bytes. */
    record Size(int documents, long bytes) {
    }

    private record Original(Path file, Path relative, DocumentFormat format, byte[] content) {
    }

    private final List<Original> originals;
    private final NameVariants names;
    private final CitySwaps cities;
    private final DateShifts dates;

    private ScaledCorpus(List<Original> originals, NameVariants names, CitySwaps cities, DateShifts dates) {
        this.originals = originals;
        this.names = names;
        this.cities = cities;
        this.dates = dates;
    }

    /** The documents under {@code sources} (folders), to be multiplied with variations chosen by {@code seed}. */
    static ScaledCorpus of(List<Path> sources, long seed) {
        DocumentReaders readers = DocumentReaders.standard();
        Map<String, Original> byContent = new LinkedHashMap<>();
        for (Path source : sources) {
            Path folder = source.toAbsolutePath().normalize();
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    if (file.getFileName().toString().equals(SOURCE_LIST) || !readers.isSupported(file)) {
                        continue;
                    }
                    byte[] content = Files.readAllBytes(file);
                    byContent.putIfAbsent(new String(content, StandardCharsets.ISO_8859_1), new Original(file,
                            folder.getFileName().resolve(folder.relativize(file)), readers.formatOf(file).orElseThrow(),
                            content));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the corpus folder " + source, e);
            }
        }
        List<Original> originals = List.copyOf(byContent.values());
        return new ScaledCorpus(originals, NameVariants.foundIn(originals.stream().map(Original::file).toList(), seed),
                CitySwaps.of(Gazetteer.standard(), seed), DateShifts.of(seed));
    }

    /** The number of documents one copy holds. */
    int documents() {
        return originals.size();
    }

    /** Writes copies 0 to {@code scale} − 1 under {@code target}. */
    Size write(int scale, Path target) throws IOException {
        long bytes = 0;
        Set<Path> folders = new HashSet<>();
        for (int copy = 0; copy < scale; copy++) {
            CopyPerturbation perturbation = new CopyPerturbation(copy, names, cities, dates);
            for (Original original : originals) {
                Path file = target.resolve(copyPath(original.relative(), copy));
                if (folders.add(file.getParent())) {
                    Files.createDirectories(file.getParent());
                }
                byte[] content = original.format() == DocumentFormat.PDF ? original.content()
                        : perturbation.apply(new String(original.content(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
                Files.write(file, content);
                bytes += content.length;
            }
        }
        return new Size(scale * originals.size(), bytes);
    }

    /** {@code hemcenter/x/item.ru.md}, copy 7 → {@code 0007/hemcenter/x-c0007/item.ru.md}. */
    static Path copyPath(Path relative, int copy) {
        Path folder = relative.getParent();
        Path renamed = folder.resolveSibling(folder.getFileName() + "-c" + copyFolder(copy));
        return copyFolder(copy).resolve(renamed).resolve(relative.getFileName());
    }

    /** The folder that holds copy {@code copy}: 0007. */
    static Path copyFolder(int copy) {
        return Path.of(String.format(Locale.ROOT, "%04d", copy));
    }
}
