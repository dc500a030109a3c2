package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.Converter;

/** {@code --base}: the address the IRIs are minted under, shared by convert, load, serve and validate. */
class BaseOptionTest {
    private static final String SEED = "data/001_d9529d5f736d3bf0.txt";
    private static final String PUBLIC_BASE = "https://kg.example.org/medkg/";

    @TempDir
    Path dir;

    @Test
    void convertMintsUnderTheGivenBase() throws IOException {
        String quads = convert("--base", PUBLIC_BASE);
        assertTrue(quads.contains("<" + PUBLIC_BASE + "doc/data/001_d9529d5f736d3bf0.txt>"), "the document");
        assertTrue(quads.contains("<" + PUBLIC_BASE + "id/person/"), "the people");
        assertFalse(quads.contains(Converter.DEFAULT_BASE), "nothing under the default base");
    }

    /** The seed converted to N-Quads with these options. */
    private String convert(String... options) throws IOException {
        Path output = dir.resolve("seed.nq");
        List<String> args = new ArrayList<>(List.of("convert", "--format", "nquads", "-o", output.toString()));
        args.addAll(List.of(options));
        args.add(SEED);
        CommandRun run = CommandRun.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.status(), run.err());
        return Files.readString(output);
    }

    @Test
    void withoutBaseTheDefaultIsUsed() throws IOException {
        assumeTrue(System.getenv("MEDKG_BASE") == null, "MEDKG_BASE is set in this environment");
        assertTrue(convert().contains("<" + Converter.DEFAULT_BASE + "id/person/"));
    }

    @Test
    void aBaseMustEndWithASlash() {
        CommandRun run = CommandRun.run("validate", "--base", "https://kg.example.org/medkg", SEED);
        assertEquals(ExitCodes.USAGE, run.status());
        assertTrue(run.err().contains("--base must end with '/'"), run.err());
    }

    @Test
    void serveWarnsWhenTheStoreWasLoadedUnderAnotherBase() throws Exception {
        Path store = dir.resolve("store");
        assertEquals(ExitCodes.OK, CommandRun.run("load", "--store", store.toString(), "--base", PUBLIC_BASE, SEED)
                .status());
        assertTrue(serveErrors(store, "--base", PUBLIC_BASE).isEmpty(), "same base: no warning");
        String warning = serveErrors(store, "--base", "http://127.0.0.1:3030/");
        assertTrue(warning.contains("no IRI under http://127.0.0.1:3030/") && warning.contains(
                "--base the data was loaded with"), warning);
    }

    /** What {@code serve} said on stderr up to the moment it listed its endpoints, apart from its stop message. */
    private static String serveErrors(Path store, String... options) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[4 + options.length];
        System.arraycopy(new String[] {"serve", "--store", store.toString(), "--port=0"}, 0, args, 0, 4);
        System.arraycopy(options, 0, args, 4, options.length);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Thread serve = new Thread(() -> status.complete(
                Medkg.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args)), "serve");
        serve.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().contains("SPARQL query") && !status.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String said = err.toString();
        serve.interrupt();
        assertEquals(ExitCodes.OK, status.get(60, TimeUnit.SECONDS), err.toString());
        return said.strip();
    }
}
