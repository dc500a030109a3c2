package org.medkg.store;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.document.DocumentReaders;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;

/**
 * Loads the whole corpus into a fresh TDB2 store, then five times more with every document changed, and prints
 * time and size on disk per round. Run: {@code mvn -o test -Dgroups=benchmark -DexcludedGroups=none}.
 */
@Tag("benchmark")
class TdbGraphStoreBenchmarkTest {

    private static final int CHANGED_ROUNDS = 5;

    @TempDir
    Path work;

    @Test
    void reloadingAChangedCorpusKeepsTheStoreWithinTwiceItsFreshSize() throws IOException, InterruptedException {
        Path corpus = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus");
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Path> originals;
        try (Stream<Path> walk = Files.walk(corpus)) {
            originals = walk.filter(Files::isRegularFile).filter(DocumentReaders.standard()::isSupported).sorted().toList();
        }
        Path storeDir = work.resolve("store");
        long freshSize = 0;
        try (TdbGraphStore store = TdbGraphStore.open(storeDir)) {
            for (int round = 0; round <= CHANGED_ROUNDS; round++) {
                Path copies = copyCorpus(corpus, originals, round);
                long start = System.nanoTime();
                List<ConvertedDocument> documents = Converter.standard().convert(List.of(copies), e -> { });
                long converted = System.nanoTime();
                LoadReport report = store.load(documents, LoadProgress.none());
                long loaded = System.nanoTime();
                long size = DiskUsage.of(storeDir);
                if (round == 0) {
                    freshSize = size;
                }
                System.out.printf("round %d: %d documents, convert %.1f s, load+compact %.1f s, added %d, replaced %d,"
                                + " unchanged %d, failed %d, store %.1f MB on disk (%.1f MB apparent)%n",
                        round, documents.size(), (converted - start) / 1e9, (loaded - converted) / 1e9,
                        report.added().size(), report.replaced().size(), report.unchanged().size(),
                        report.failed().size(), size / 1e6, DiskUsage.apparent(storeDir) / 1e6);
                assertTrue(size <= 2 * freshSize, "round " + round + ": " + size + " bytes, fresh " + freshSize);
            }
        }
    }

    /**
     * The corpus copied to one place, every round over the same files, with a marker line naming the round
     * appended to each (round 0: unchanged): the same documents at the same paths, changed, as a user re-loads them.
     */
    private Path copyCorpus(Path corpus, List<Path> originals, int round) throws IOException {
        Path copies = work.resolve("corpus");
        for (Path original : originals) {
            Path copy = copies.resolve(corpus.relativize(original).toString());
            Files.createDirectories(copy.getParent());
            String text = Files.readString(original, StandardCharsets.UTF_8);
            Files.writeString(copy, round == 0 ? text : text + "\n\nbenchmark round " + round + "\n");
        }
        return copies;
    }
}
