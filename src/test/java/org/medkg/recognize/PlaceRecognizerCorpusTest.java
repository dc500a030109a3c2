package org.medkg.recognize;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medkg.lang.Language;

/**
 * For every gold file in ../shared/gold/dev, the gold cities and countries of the article must be found in each of
 * its language versions. Prints recall per language and every miss (and, for reading, what was found beyond the gold).
 */
class PlaceRecognizerCorpusTest {

    /** Measured 1.00 in every language on the 16 dev articles; a drop below this is a regression. */
    private static final double RECALL_BAR = 0.95;

    @Test
    void findsTheGoldPlacesOfEveryDevArticle() throws IOException {
        Path shared = Path.of(System.getProperty("medkg.shared", "../shared"));
        Path goldDir = shared.resolve("gold/dev");
        assumeTrue(Files.isDirectory(goldDir), "no ../shared/gold/dev: skipped");
        ObjectMapper json = new ObjectMapper();
        Map<Language, int[]> counts = new EnumMap<>(Language.class);  // [found, expected]
        List<String> misses = new ArrayList<>();
        List<String> extras = new ArrayList<>();
        List<Path> goldFiles;
        try (Stream<Path> files = Files.list(goldDir)) {
            goldFiles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path goldFile : goldFiles) {
            JsonNode gold = json.readTree(goldFile.toFile());
            Path article = shared.resolve("corpus").resolve(gold.get("article").asText());
            for (JsonNode document : gold.get("documents")) {
                Path file = Files.isDirectory(article) ? article.resolve(document.asText()) : article;
                Language language = languageOf(file);
                Set<String> expected = new TreeSet<>();
                for (String field : List.of("cities", "countries")) {
                    for (JsonNode place : gold.path(field)) {
                        if (appliesTo(place, language)) {
                            expected.add(place.get("name").asText());
                        }
                    }
                }
                Set<String> found = new TreeSet<>();
                PlaceRecognizer.standard().recognize(Files.readString(file), language, m -> found.add(m.canonical()));
                int[] count = counts.computeIfAbsent(language, l -> new int[2]);
                for (String name : expected) {
                    count[1]++;
                    if (found.contains(name)) {
                        count[0]++;
                    } else {
                        misses.add(shared.relativize(file) + ": " + name);
                    }
                }
                found.removeAll(expected);
                if (!found.isEmpty()) {
                    extras.add(shared.relativize(file) + ": " + found);
                }
            }
        }
        counts.forEach((language, count) -> System.out.printf("places recall %s: %d/%d = %.3f%n",
                language.code(), count[0], count[1], recall(count)));
        misses.forEach(miss -> System.out.println("missed  " + miss));
        extras.forEach(extra -> System.out.println("beyond gold  " + extra));
        counts.forEach((language, count) -> assertTrue(recall(count) >= RECALL_BAR,
                () -> language.code() + " recall " + recall(count) + " below " + RECALL_BAR + "; missed: " + misses));
    }

    private static double recall(int[] count) {
        return count[1] == 0 ? 1.0 : (double) count[0] / count[1];
    }

    private static boolean appliesTo(JsonNode entity, Language language) {
        JsonNode only = entity.get("only");
        if (only == null || only.isNull()) {
            return true;
        }
        for (JsonNode code : only) {
            if (code.asText().equals(language.code())) {
                return true;
            }
        }
        return false;
    }

    /** item.kk.md → kk; the seeds are Russian. */
    private static Language languageOf(Path file) {
        String name = file.getFileName().toString();
        String[] parts = name.split("\\.");
        return parts.length == 3 ? Language.fromCode(parts[1]) : Language.RU;
    }
}
