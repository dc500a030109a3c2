package org.medkg.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a store needs compacting: once its files hold more than {@value #GROWTH} times what its graphs held after
 * its last compaction, counted per graph so that a store that grows by new documents is not taken for one full of
 * garbage. TDB2 never overwrites a block, so every write leaves garbage, but a small write little: re-loading one
 * document leaves a few hundred kilobytes, and compacting a large store for that would cost minutes. Compacting only
 * past the threshold keeps the store within about twice its fresh size, and costs, spread over the writes, a copy of
 * what they wrote.
 *
 * <p>The figures of the last compaction are kept in the store's folder ({@value #FILE}: bytes and graphs after it,
 * graphs now). A store without them (new, or made before them) takes its size after its first load as if compacted:
 * a load into an empty store writes few transactions, so its files hold little garbage.
 */
final class CompactionPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(CompactionPolicy.class);

    static final String FILE = "compaction-baseline";
    static final double GROWTH = 2.0;

    private final Path file;
    /** Bytes in use after the last compaction; negative when not known yet. */
    private long compactedBytes;
    private long compactedGraphs;
    private long graphs;

    private CompactionPolicy(Path file, long compactedBytes, long compactedGraphs, long graphs) {
        this.file = file;
        this.compactedBytes = compactedBytes;
        this.compactedGraphs = compactedGraphs;
        this.graphs = graphs;
    }

    /** The policy of the store in {@code dir}, with the figures it kept there. */
    static CompactionPolicy of(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                return new CompactionPolicy(file, Long.parseLong(lines.get(1).trim()), Long.parseLong(lines.get(2).trim()),
                        Long.parseLong(lines.get(3).trim()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read {}, its figures are taken again: {}", file, e.toString());
        }
        return new CompactionPolicy(file, -1, 0, 0);
    }

    synchronized boolean hasBaseline() {
        return compactedBytes >= 0;
    }

    /** Whether a store with {@code bytesInUse} is due for compaction. */
    synchronized boolean due(long bytesInUse) {
        return hasBaseline() && bytesInUse > GROWTH * expectedBytes();
    }

    /** What the graphs would take compacted, by the bytes per graph of the last compaction. */
    synchronized long expectedBytes() {
        if (compactedGraphs == 0) {
            return compactedBytes;
        }
        return Math.max(compactedBytes, (long) ((double) compactedBytes * graphs / compactedGraphs));
    }

    /** The store was compacted (or is taken as compact) with {@code bytes} in use and {@code graphCount} graphs. */
    synchronized void compacted(long bytes, long graphCount) {
        compactedBytes = bytes;
        compactedGraphs = graphCount;
        graphs = graphCount;
        save();
    }

    /** A load added graphs: the store may hold that much more without garbage. */
    synchronized void added(int graphCount) {
        if (graphCount > 0 && hasBaseline()) {
            graphs += graphCount;
            save();
        }
    }

    private void save() {
        try {
            Files.writeString(file, "# medkg: bytes in use and graphs after the last compaction, graphs now\n"
                    + compactedBytes + "\n" + compactedGraphs + "\n" + graphs + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}", file, e.toString());
        }
    }
}
