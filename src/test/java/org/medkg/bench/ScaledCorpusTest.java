package org.medkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;

/**
 * The scaled benchmark corpus, made from real documents of the corpus (read from {@code ../shared}, skipped when
 * absent): the same seed gives the same files, copy 0 is the corpus, and the other copies name other people,
 * places and days, so that medkg finds other entities in them.
 */
class ScaledCorpusTest {
    private static final Path HEMCENTER = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus",
            "hemcenter");
    /** The symposium in St. Petersburg, 20.09.2019, where Светлана Григорьева spoke; ru, kk and en. */
    private static final Path SYMPOSIUM = HEMCENTER.resolve("2019-09-20-symposium-spb");
    /** Out-patient appointments in Karaganda, 25.02.2019. */
    private static final Path KARAGANDA = HEMCENTER.resolve("2019-02-25-ambulatornyi-priem-v-karagande");
    private static final int SCALE = 3;

    @TempDir
    static Path work;

    private static Path first;

    @BeforeAll
    static void writeOnce() throws IOException {
        assumeTrue(Files.isDirectory(SYMPOSIUM) && Files.isDirectory(KARAGANDA), "no corpus at " + HEMCENTER);
        first = work.resolve("first");
        ScaledCorpus.of(List.of(SYMPOSIUM, KARAGANDA), 1).write(SCALE, first);
    }

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedOtherOnes() throws IOException {
        Path again = work.resolve("again");
        Path otherSeed = work.resolve("other-seed");
        ScaledCorpus.of(List.of(SYMPOSIUM, KARAGANDA), 1).write(SCALE, again);
        ScaledCorpus.of(List.of(SYMPOSIUM, KARAGANDA), 2).write(SCALE, otherSeed);

        Map<Path, String> files = contents(first);
        assertEquals(SCALE * 6, files.size(), files.keySet().toString());
        assertEquals(files, contents(again));
        Map<Path, String> other = contents(otherSeed);
        assertEquals(files.keySet(), other.keySet());
        assertNotEquals(files, other);
    }

    @Test
    void copyZeroIsTheCorpusAndEachCopyHasItsOwnFolder() throws IOException {
        Path original = SYMPOSIUM.resolve("item.ru.md");
        assertEquals(Files.readString(original),
                Files.readString(first.resolve("0000/2019-09-20-symposium-spb-c0000/item.ru.md")));
        assertTrue(Files.isRegularFile(first.resolve("0002/2019-09-20-symposium-spb-c0002/item.kk.md")));
    }

    @Test
    void copiesNameOtherPeopleInTheSameCaseAndMoveTheDates() throws IOException {
        Pattern speaker = Pattern.compile("Светлана (\\p{Lu}\\p{Ll}*?ригорьева) рассказала");
        Set<String> surnames = new TreeSet<>();
        Set<String> dates = new TreeSet<>();
        for (int copy = 0; copy < SCALE; copy++) {
            String text = Files.readString(first.resolve(ScaledCorpus.copyPath(
                    Path.of("2019-09-20-symposium-spb", "item.ru.md"), copy)));
            Matcher found = speaker.matcher(text);
            assertTrue(found.find(), "copy " + copy + ": " + text);
            surnames.add(found.group(1));
            Matcher date = Pattern.compile("date: '(\\d\\d-09-\\d{4}) 10:00'").matcher(text);
            assertTrue(date.find(), "copy " + copy + " keeps a valid September date");
            dates.add(date.group(1));
        }
        assertTrue(surnames.contains("Григорьева"), surnames.toString());
        assertEquals(SCALE, surnames.size(), "each copy its own surname: " + surnames);
        assertEquals(SCALE, dates.size(), "each copy its own date: " + dates);
    }

    @Test
    void medkgFindsOtherPeopleEventsAndCitiesInACopyButTheSameCountries() {
        List<Map<String, Set<String>>> copies = List.of(entities(0), entities(1));
        Map<String, Set<String>> original = copies.get(0);
        Map<String, Set<String>> copy = copies.get(1);
        for (String kind : List.of("person", "event")) {
            assertFalse(original.getOrDefault(kind, Set.of()).isEmpty(), kind + ": " + original);
            Set<String> shared = new TreeSet<>(original.get(kind));
            shared.retainAll(copy.getOrDefault(kind, Set.of()));
            assertEquals(Set.of(), shared, kind + " in both copies");
            assertEquals(original.get(kind).size(), copy.get(kind).size(), kind + ": " + copy);
        }
        assertNotEquals(original.get("place"), copy.get("place"));
        assertTrue(original.get("place").contains("kazakhstan") && copy.get("place").contains("kazakhstan"),
                original.get("place") + " / " + copy.get("place"));
    }

    /** The entities medkg finds in one copy: their IRIs' last segment by kind (person, event, place…). */
    private static Map<String, Set<String>> entities(int copy) {
        Map<String, Set<String>> byKind = new TreeMap<>();
        Pattern entity = Pattern.compile(".*/id/([a-z]+)/([^/]+)$");
        for (ConvertedDocument document : Converter.standard().convert(
                List.of(first.resolve(ScaledCorpus.copyFolder(copy))), failure -> { })) {
            document.graph().find(Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(typed -> {
                Matcher iri = entity.matcher(typed.getSubject().toString());
                if (iri.matches()) {
                    byKind.computeIfAbsent(iri.group(1), kind -> new TreeSet<>()).add(iri.group(2));
                }
            });
        }
        return byKind;
    }

    private static Map<Path, String> contents(Path root) throws IOException {
        Map<Path, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(file), Files.readString(file));
            }
        }
        return contents;
    }
}
