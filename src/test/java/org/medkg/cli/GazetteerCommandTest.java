package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.gazetteer.BuiltGazetteer;

/**
 * `gazetteer build` from ../shared/geonames (skipped when absent), kept small (Belarus and the capitals), then
 * `convert --gazetteer` with what it wrote.
 */
class GazetteerCommandTest {

    @TempDir
    static Path folder;
    private static Path built;
    private static Path document;

    @BeforeAll
    static void build() throws IOException {
        assumeTrue(Files.isDirectory(BuiltGazetteer.GEONAMES), "no ../shared/geonames: skipped");
        built = folder.resolve("cities.txt");
        CommandRun run = CommandRun.run("gazetteer", "build", "--from", BuiltGazetteer.GEONAMES.toString(), "-o", built.toString(),
                "--countries", "BY", "--world-min-population", "100000000");
        assertEquals(ExitCodes.OK, run.status(), run.err());
        assertTrue(run.out().startsWith("wrote "), run.out());
        document = folder.resolve("vitebsk.ru.md");
        Files.writeString(document, "---\ntitle: Школа гематологов\ndate: 2024-03-01\n---\n"
                + "Школа гематологов прошла в Витебске 1 марта 2024 года.\n", StandardCharsets.UTF_8);
    }

    @Test
    void convertFindsTheBuiltCitiesOnlyWithTheGazetteer() throws IOException {
        String with = convert("--gazetteer", built.toString());
        assertTrue(with.contains("/id/place/vitebsk> <http://www.w3.org/2000/01/rdf-schema#label> \"Витебск\"@ru"), with);
        assertTrue(with.contains("/id/place/vitebsk> <http://www.w3.org/2002/07/owl#sameAs> <https://sws.geonames.org/620127/>"),
                with);
        assertTrue(with.contains("/id/place/vitebsk> <https://w3id.org/medkg/ontology#country> <http://localhost:3030/id/place/belarus>"),
                with);
        String without = convert();
        assertFalse(without.contains("/id/place/vitebsk"), without);
    }

    private static String convert(String... options) throws IOException {
        Path output = Files.createTempFile(folder, "converted", ".nq");
        List<String> args = new ArrayList<>(List.of("convert", "--format", "nquads", "-o", output.toString()));
        args.addAll(List.of(options));
        args.add(document.toString());
        CommandRun run = CommandRun.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.status(), run.err());
        return Files.readString(output);
    }

    @Test
    void theEnvironmentVariableNamesTheGazetteerToo() throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Medkg.class.getName(), "convert", "--format", "nquads",
                document.toString());
        process.environment().put(GazetteerOption.VARIABLE, built.toString());
        process.redirectErrorStream(true);
        Process running = process.start();
        String out = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, running.waitFor(), out);
        assertTrue(out.contains("/id/place/vitebsk>"), out);
    }

    @Test
    void aBadGazetteerFileIsOneLineNamingIt() throws IOException {
        Path bad = folder.resolve("bad-gazetteer.txt");
        Files.writeString(bad, "id: vitebsk\nkind: city\ncountry: atlantis\nru: Витебск\nlat: 55.2\nlon: 30.2\n");
        for (List<String> command : List.of(List.of("convert"), List.of("validate"), List.of("load", "--store",
                folder.resolve("store").toString()))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--gazetteer", bad.toString(), document.toString()));
            CommandRun run = CommandRun.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.status(), run.err());
            assertEquals(List.of("medkg " + command.get(0) + ": gazetteer " + bad + ": city vitebsk names an unknown country: atlantis"),
                    run.err().lines().toList());
        }
    }

    @Test
    void aMissingDumpIsOneLineNamingIt() {
        CommandRun run = CommandRun.run("gazetteer", "build", "--from", folder.resolve("nothing").toString(), "-o",
                folder.resolve("out.txt").toString());
        assertEquals(ExitCodes.USAGE, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("medkg gazetteer build: " + folder.resolve("nothing") + ": no such file or folder", run.err().strip());
    }
}
