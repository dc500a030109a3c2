package org.medkg.recognize;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medkg.lang.Language;

/**
 * Regression over the gold: for every event with a start date, each language version of its article must hold a
 * DATE mention with that start and end (an end the gold leaves null may be open or the start). The reference date
 * is the article's front matter {@code date}, as the pipeline will pass it. Read from the dev gold and, when present,
 * from the hand annotations of more articles of the same site ({@code ../gold-extra/hemcenter}).
 */
class DateRecognizerCorpusTest {

    private static final Pattern FRONT_MATTER_DATE = Pattern.compile("(?m)^date:\\s*'(\\d\\d)-(\\d\\d)-(\\d{4})");
    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile("\\.(ru|kk|en)\\.[a-z]+$");
    /** Measured on the dev gold: 29 of 32; the 3 misses are one year that stands only inside an event's name. */
    private static final double MINIMUM_DEV_HIT_RATE = 0.90;
    /**
     * Measured on the 29 more articles: 42 of 43; the miss is a «Бүгін» whose sentence, in the raw Markdown read
     * here, a link's URL (…?t=2680) cuts short of its verb.
     */
    private static final double MINIMUM_EXTRA_HIT_RATE = 0.90;

    @Test
    void everyDevGoldEventDateIsFoundInEveryLanguage() throws IOException {
        Path shared = Path.of(System.getProperty("medkg.shared", "../shared"));
        assertHitRate(shared.resolve("gold/dev"), shared, MINIMUM_DEV_HIT_RATE);
    }

    @Test
    void everyEventDateOfTheMoreAnnotatedArticlesIsFound() throws IOException {
        Path shared = Path.of(System.getProperty("medkg.shared", "../shared"));
        Path extra = Path.of(System.getProperty("medkg.goldExtra", "../gold-extra/hemcenter"));
        assertHitRate(extra, shared, MINIMUM_EXTRA_HIT_RATE);
    }

    private static void assertHitRate(Path goldDirectory, Path shared, double minimum) throws IOException {
        assumeTrue(Files.isDirectory(goldDirectory), "no gold at " + goldDirectory);
        ObjectMapper json = new ObjectMapper();
        int expected = 0;
        List<String> misses = new ArrayList<>();
        List<Path> goldFiles;
        try (Stream<Path> files = Files.list(goldDirectory)) {
            goldFiles = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        for (Path goldFile : goldFiles) {
            JsonNode gold = json.readTree(goldFile.toFile());
            Path article = shared.resolve("corpus").resolve(gold.get("article").asText());
            for (JsonNode document : gold.get("documents")) {
                Path file = Files.isDirectory(article) ? article.resolve(document.asText()) : article;
                if (!Files.exists(file)) {
                    continue;
                }
                String language = language(file);
                String text = Files.readString(file);
                List<Mention> dates = new ArrayList<>();
                recognizerFor(text).recognize(text, Language.fromCode(language), dates::add);
                for (JsonNode event : gold.get("events")) {
                    if (event.path("start").isNull() || event.path("start").isMissingNode() || !appliesTo(event, language)) {
                        continue;
                    }
                    String start = event.get("start").asText();
                    String end = event.path("end").isNull() ? null : event.get("end").asText();
                    expected++;
                    boolean found = dates.stream().anyMatch(m -> m.field("start").equals(start)
                            && (end == null ? m.field("end") == null || m.field("end").equals(start)
                            : end.equals(m.field("end"))));
                    if (!found) {
                        misses.add(file + ": " + event.get("id").asText() + " " + start + "/" + end + ", found "
                                + dates.stream().map(Mention::canonical).toList());
                    }
                }
            }
        }
        misses.forEach(miss -> System.out.println("date miss: " + miss));
        double rate = (expected - misses.size()) / (double) expected;
        System.out.printf("event dates found in %s: %d of %d (%.2f)%n", goldDirectory, expected - misses.size(),
                expected, rate);
        assertTrue(expected > 0, "the gold has event dates");
        assertTrue(rate >= minimum, "event date hit rate " + rate);
    }

    private static DateRecognizer recognizerFor(String text) {
        Matcher date = FRONT_MATTER_DATE.matcher(text);
        DateRecognizer recognizer = new DateRecognizer();
        return date.find() ? recognizer.withReferenceDate(LocalDate.of(
                Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)), Integer.parseInt(date.group(1))))
                : recognizer;
    }

    private static String language(Path file) {
        Matcher suffix = LANGUAGE_SUFFIX.matcher(file.getFileName().toString());
        return suffix.find() ? suffix.group(1) : "ru";
    }

    private static boolean appliesTo(JsonNode entity, String language) {
        JsonNode only = entity.get("only");
        if (only == null) {
            return true;
        }
        for (JsonNode code : only) {
            if (code.asText().equals(language)) {
                return true;
            }
        }
        return false;
    }
}
