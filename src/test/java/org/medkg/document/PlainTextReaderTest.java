package org.medkg.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.medkg.text.TextNormalizer;

class PlainTextReaderTest {

    private static final PlainTextReader READER = new PlainTextReader(new MarkdownReader());
    private static final Path SEED_000 = Path.of("data/000_be1d552f40914512.txt");

    @Test
    void pdfTextIsUnwrappedAndDehyphenated() throws Exception {
        // The seed has no-break spaces after short words; the normalizer makes them spaces after reading.
        String text = TextNormalizer.standard().normalize(READER.read(SEED_000.toString(), Files.readAllBytes(SEED_000)).text());
        assertTrue(text.contains("«Аллергология и иммунология: достижения и перспективы»"));
        assertTrue(text.contains("НАО «КазНМУ им. С.Д. Асфендиярова» (Алматы, Казахстан)"));
        assertTrue(text.contains("Казахстан» состоялось заседание"), "joined across the page break");
    }

    @Test
    void headingGivesTitleAndDate() throws Exception {
        DocumentContent content = READER.read(SEED_000.toString(), Files.readAllBytes(SEED_000));
        assertEquals("РЕЗОЛЮЦИЯ Заседания Международного объединенного совета экспертов по вторичным иммунодефицитам",
                TextNormalizer.standard().normalize(content.title()));
        assertEquals(LocalDate.of(2024, 9, 19), content.published());
    }

    @Test
    void markdownSavedAsTextIsReadAsMarkdown() throws Exception {
        Path seed = Path.of("data/002_d6f503734638d6f4.txt");
        DocumentContent content = READER.read(seed.toString(), Files.readAllBytes(seed));
        assertEquals("«Гематопатологиядағы мультидисциплинарлық тәсіл»: дәрігерлер мен пациенттер үшін қызықты, "
                + "маңызды, пайдалы!", content.title());
        assertEquals(LocalDate.of(2023, 1, 9), content.published());
        assertTrue(content.text().startsWith("Бірнеше сөзбен айтқанда, бұл — Гематология орталығы"));
    }
}
