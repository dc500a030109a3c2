package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.publish.Dump;
import org.medkg.store.TdbGraphStore;

class LoadCommandTest {

    private static final Path SEEDS = Path.of("data");

    @TempDir
    Path dir;

    @Test
    void loadsTheSeedsAndNamesTheInputThatFailed() {
        Path missing = dir.resolve("missing.txt");
        Path store = dir.resolve("store");

        CommandRun run = CommandRun.run("load", "--store", store.toString(), SEEDS.toString(), missing.toString());

        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.status(), run.err());
        assertTrue(run.err().contains("medkg load: " + missing), run.err());
        assertEquals(3, StoredGraphs.count(store), "one graph per seed");
        assertTrue(run.out().contains("added: 3"), run.out());
        assertTrue(run.out().contains("data/000_be1d552f40914512.txt"), run.out());
    }

    @Test
    void aSecondLoadOfTheSeedsLeavesThemUnchanged() throws IOException {
        Path bad = Files.createFile(dir.resolve("empty.txt"));
        Path store = dir.resolve("store");

        CommandRun first = CommandRun.run("load", "--store", store.toString(), SEEDS.toString(), bad.toString());
        CommandRun second = CommandRun.run("load", "--store", store.toString(), SEEDS.toString());

        assertEquals(ExitCodes.SOME_INPUTS_FAILED, first.status(), first.err());
        assertTrue(first.err().contains("medkg load: " + bad), first.err());
        assertEquals(ExitCodes.OK, second.status(), second.err());
        assertTrue(second.out().contains("added: 0"), second.out());
        assertTrue(second.out().contains("replaced: 0"), second.out());
        assertTrue(second.out().contains("unchanged: 3"), second.out());
        assertEquals(3, StoredGraphs.count(store));
    }

    @Test
    void theServersDumpRestoresTheStoreInANewOneAndTheDocumentsFindThemUnchanged() throws Exception {
        Path store = dir.resolve("store");
        CommandRun.run("load", "--store", store.toString(), SEEDS.toString());
        Path dump = dir.resolve("medkg.nq.gz");
        try (TdbGraphStore served = TdbGraphStore.open(store); OutputStream out = Files.newOutputStream(dump)) {
            Dump.writeGzippedNQuads(served.dataset().asDatasetGraph(), out);
        }
        Path restored = dir.resolve("restored");

        CommandRun restore = CommandRun.run("load", "--store", restored.toString(), dump.toString());
        CommandRun documents = CommandRun.run("load", "--store", restored.toString(), SEEDS.toString());

        assertEquals(ExitCodes.OK, restore.status(), restore.err());
        assertTrue(restore.out().startsWith("added: 3\n  " + dump + "  <"), restore.out());
        List<String> names = StoreSnapshot.personNames(store, 100);
        assertTrue(names.contains("Нестерова Ирина Вадимовна"), names.toString());
        StoreSnapshot.Differences differences = StoreSnapshot.of(restored, names).against(StoreSnapshot.of(store, names));
        assertTrue(differences.none(), differences.toString());
        assertTrue(documents.out().contains("unchanged: 3"), "the documents' sha256 came with their graphs: "
                + documents.out());
    }

    @Test
    void aFileOfConvertedGraphsLoadsWhatItCanAndNamesItselfForTheRest() throws IOException {
        Path converted = dir.resolve("seeds.nq");
        CommandRun.run("convert", "--format", "nquads", "-o", converted.toString(), SEEDS.toString());
        Map<String, List<String>> linesByGraph = new LinkedHashMap<>();
        for (String line : Files.readAllLines(converted)) {
            linesByGraph.computeIfAbsent(line.substring(line.lastIndexOf(" <") + 1), graph -> new ArrayList<>())
                    .add(line);
        }
        List<List<String>> graphs = List.copyOf(linesByGraph.values());
        assertEquals(3, graphs.size());
        List<String> lines = new ArrayList<>(graphs.get(0));
        lines.add("<https://example.org/thing> <http://www.w3.org/2000/01/rdf-schema#label> \"no document\" "
                + "<https://example.org/graph> .");
        lines.add("<https://example.org/thing> <http://www.w3.org/2000/01/rdf-schema#label> \"default graph\" .");
        lines.addAll(graphs.get(1));
        lines.addAll(graphs.get(2));
        lines.add("<https://example.org/thing> <http://www.w3.org/2000/01/rdf-schema#label> \"unterminated");
        Path mixed = Files.write(dir.resolve("mixed.nq"), lines);
        Path store = dir.resolve("store");

        CommandRun run = CommandRun.run("load", "--store", store.toString(), mixed.toString());

        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.status(), run.err());
        assertTrue(run.err().contains("medkg load: " + mixed + ": graph <https://example.org/graph> is not loaded: "
                + "it does not give its document one mkg:sha256"), run.err());
        assertTrue(run.err().contains("medkg load: " + mixed + ": triples outside a named graph are not loaded"),
                run.err());
        assertTrue(run.err().contains("medkg load: " + mixed + ": not read past: "), run.err());
        assertTrue(run.out().startsWith("added: 2\n"), "the graph the error broke is not loaded: " + run.out());
        assertEquals(2, StoredGraphs.count(store));
    }

    @Test
    void aFileThatStatesEachQuadTwiceIsStoredAndIndexedAsIfItStatedItOnce() throws IOException {
        // as a file made by joining two dumps line by line would
        Path converted = dir.resolve("seeds.nq");
        CommandRun.run("convert", "--format", "nquads", "-o", converted.toString(), SEEDS.toString());
        List<String> twice = new ArrayList<>();
        Files.readAllLines(converted).forEach(line -> twice.addAll(List.of(line, line)));
        Path repeated = Files.write(dir.resolve("twice.nq"), twice);
        Path once = dir.resolve("once");
        Path store = dir.resolve("store");

        CommandRun.run("load", "--store", once.toString(), converted.toString());
        CommandRun run = CommandRun.run("load", "--store", store.toString(), repeated.toString());

        assertEquals(ExitCodes.OK, run.status(), run.err());
        assertTrue(run.out().startsWith("added: 3\n"), run.out());
        assertEquals(StoredGraphs.quads(once), StoredGraphs.quads(store));
        long rows = StoredGraphs.nameRows(store, "Нестерова");
        assertTrue(rows > 0, "the seeds name Нестерова Ирина Вадимовна");
        assertEquals(StoredGraphs.nameRows(once, "Нестерова"), rows, "each name indexed once");
    }

    @Test
    void aStoreThatCannotBeOpenedIsToldOnceAndNothingIsLoaded() throws IOException {
        // The store opens while the documents are converted: its failure is still the load's, in one line.
        Path notAFolder = Files.writeString(dir.resolve("store"), "a file where the store should be\n");

        CommandRun run = CommandRun.run("load", "--store", notAFolder.toString(), SEEDS.toString());

        assertEquals(ExitCodes.INTERNAL_ERROR, run.status(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(notAFolder.toString()), run.err());
        assertTrue(run.out().isEmpty(), run.out());
        assertEquals("a file where the store should be\n", Files.readString(notAFolder));
    }

    @Test
    void storeAndEndpointCannotBothBeGiven() {
        CommandRun run = CommandRun.run("load", "--store", dir.toString(), "--endpoint", "http://localhost:1/ds", SEEDS.toString());

        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("mutually exclusive"), run.err());
    }
}
