package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.document.HostileFiles;

/**
 * Hostile files among good ones, built at test time, as an operator attacked the tool with: a load goes on past
 * them, stores the good documents (the seeds in data/), names each bad file once in one line, keeps what was
 * stored before and exits with 1. Limits are set low on the command line so that the files stay small.
 */
class HostileInputTest {

    private static final Path SEEDS = Path.of("data");
    private static final String SENTENCE =
            "Наше отделение с ознакомительным визитом посетила главный врач областной клинической больницы. ";

    @TempDir
    Path dir;

    @Test
    void aLoadGoesOnPastHostileFilesAndNamesEachOnce() throws Exception {
        Path store = dir.resolve("store");
        assertEquals(ExitCodes.OK, CommandRun.run("load", "--store", store.toString(), SEEDS.toString()).status());

        Path folder = Files.createDirectory(dir.resolve("attack"));
        // nested thousands deep: read, not an error
        Files.writeString(folder.resolve("quotes.md"), ">".repeat(10_000) + " " + SENTENCE + "\n");
        Files.writeString(folder.resolve("lists.md"), "- ".repeat(3_000) + SENTENCE + "\n");
        // bad, each its own way
        List<Path> bad = new ArrayList<>();
        bad.add(Files.writeString(folder.resolve("line.txt"), SENTENCE.repeat(20_000)));
        bad.add(Files.write(folder.resolve("bomb.pdf"), HostileFiles.compressionBomb(16)));
        bad.add(Files.createSymbolicLink(folder.resolve("zero.md"), Path.of("/dev/zero")));
        Path pipe = folder.resolve("pipe.txt");
        if (HostileFiles.makeFifo(pipe)) {
            bad.add(pipe);
        }

        CommandRun run = CommandRun.run("load", "--store", store.toString(), "--max-file-size", "2",
                "--max-pdf-size", "1", folder.toString(), SEEDS.toString());

        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.status(), run.err());
        List<String> errors = run.err().lines().toList();
        assertEquals(bad.size(), errors.size(), run.err());
        for (Path file : bad) {
            assertEquals(1, errors.stream().filter(line -> line.startsWith("medkg load: " + file + ": ")).count(),
                    file + " is named once:\n" + run.err());
        }
        assertTrue(run.err().contains(folder.resolve("line.txt") + ": too large: "), run.err());
        assertTrue(run.err().contains("more than the limit of 2 MB for plain text files (--max-file-size)"), run.err());
        assertTrue(run.err().contains(folder.resolve("bomb.pdf") + ": a compressed stream decodes to more than 4 MB"),
                run.err());
        assertTrue(run.err().contains(folder.resolve("zero.md") + ": cannot read: not a regular file"), run.err());
        assertTrue(run.out().contains("added: 2"), "the deeply nested pages:\n" + run.out());
        assertTrue(run.out().contains("unchanged: 3"), "the seeds stored before:\n" + run.out());
        assertEquals(5, StoredGraphs.count(store));
    }

    @Test
    void aDocumentOverItsTimeIsAbandonedAndItsWorkStops() throws Exception {
        // ~495,000 characters: within the text limit, and several times the time limit of analysis even on a JVM
        // that earlier tests have warmed up (2-3 s then; the limit is 1 s)
        Path slow = Files.writeString(dir.resolve("slow.txt"), (SENTENCE + "\n\n").repeat(5_000));
        Path good = SEEDS.resolve("001_d9529d5f736d3bf0.txt");
        // dictionaries and lexicons load on first use; that is not the good document's own time
        assertEquals(ExitCodes.OK, CommandRun.run("convert", "-o", dir.resolve("warm.trig").toString(),
                good.toString()).status());

        Path output = dir.resolve("out.nq");
        CommandRun run = CommandRun.run("convert", "--format", "nquads", "-o", output.toString(), "--max-seconds", "1",
                slow.toString(), good.toString());

        assertEquals(ExitCodes.SOME_INPUTS_FAILED, run.status(), run.err());
        assertEquals("medkg convert: " + slow + ": took longer than 1 s to read and analyze (--max-seconds)",
                run.err().strip());
        String graphs = Files.readString(output);
        assertTrue(graphs.contains("<http://localhost:3030/doc/data/001_d9529d5f736d3bf0.txt>"), "the good one");
        assertFalse(graphs.contains("slow.txt"));
        // the abandoned analysis was interrupted and gives up; it does not run on beside later work
        long waited = 0;
        while (documentThreadsAlive() && waited < 60_000) {
            Thread.sleep(100);
            waited += 100;
        }
        assertFalse(documentThreadsAlive(), "the abandoned document's thread has ended");
    }

    @Test
    void anUnreadableFolderIsNamedAndTheWalkGoesOn() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("news"));
        Files.copy(SEEDS.resolve("001_d9529d5f736d3bf0.txt"), folder.resolve("001.txt"));
        Path locked = Files.createDirectory(folder.resolve("locked"));
        Files.copy(SEEDS.resolve("002_d6f503734638d6f4.txt"), locked.resolve("002.txt"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            // Root reads any folder; without the two capabilities that let it, root obeys permissions as users do.
            // Capabilities belong to a process, so the command runs in one of its own.
            List<String> command = new ArrayList<>();
            if (isRoot()) {
                command.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"));
            }
            command.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(),
                    "-cp", System.getProperty("java.class.path"), Medkg.class.getName(),
                    "convert", "--format", "nquads", folder.toString()));
            Process process = new ProcessBuilder(command).redirectError(dir.resolve("err").toFile())
                    .redirectOutput(dir.resolve("out").toFile()).start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command ends");
            String err = Files.readString(dir.resolve("err"));
            assumeFalse(err.startsWith("setpriv:"), "setpriv cannot drop capabilities here: " + err);

            assertEquals(ExitCodes.SOME_INPUTS_FAILED, process.exitValue(), err);
            assertEquals("medkg convert: " + locked + ": cannot read folder: permission denied", err.strip());
            assertTrue(Files.readString(dir.resolve("out")).contains("<http://localhost:3030/doc/news/001.txt>"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").start();
        id.waitFor();
        return new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().equals("0");
    }

    private static boolean documentThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("medkg-document") && thread.isAlive());
    }
}
