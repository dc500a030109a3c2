package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
