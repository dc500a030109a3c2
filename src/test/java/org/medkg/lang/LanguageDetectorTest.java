package org.medkg.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medkg.document.BadDocumentException;
import org.medkg.document.DocumentReaders;
import org.medkg.document.SourceDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = LanguageDetector.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ru | С 22 по 24 мая 2024 года в Центре гематологии прошла образовательная программа по обмену опытом.
            kk | Бірнеше сөзбен айтқанда, бұл — Гематология орталығы қызметкерлері қатысқан ауқымды ғылыми-тәжірибелік конференция.
            en | From August 16 to 25, 2021, the Center’s staff conducted an online Hemostasis School for the doctors of Balkhash.
            ru | Прием будет вести Марғұлан Т.М. по адресу: г. Балхаш, ул. Казбековой 25, поликлиника № 1.
            kk | Бөлімшенің қонақтары
            """)
    void detectsTheLanguageOfASentence(String code, String sentence) {
        assertEquals(Language.fromCode(code), DETECTOR.detect(sentence));
    }

    @Test
    void detectsTheSeeds() throws IOException {
        assertEquals(Language.RU, DETECTOR.detect(Files.readString(Path.of("data/000_be1d552f40914512.txt"))));
        assertEquals(Language.RU, DETECTOR.detect(withoutFrontMatter(Files.readString(Path.of("data/001_d9529d5f736d3bf0.txt")))));
        assertEquals(Language.KK, DETECTOR.detect(withoutFrontMatter(Files.readString(Path.of("data/002_d6f503734638d6f4.txt")))));
    }

    /** The page as the pipeline sees it: Markdown links, images and shortcodes are not text. */
    private static String readText(Path article) {
        try {
            SourceDocument document = DocumentReaders.standard().read(article);
            return document.title() + "\n" + document.text();
        } catch (BadDocumentException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The YAML keys (title, published, true…) are English whatever the page's language. */
    private static String withoutFrontMatter(String page) {
        return page.replaceFirst("(?s)^---\n.*?\n---\n", "");
    }

    @Test
    void detectsEachLanguageVersionOfEveryCorpusArticle() throws IOException {
        Path hemcenter = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus", "hemcenter");
        assumeTrue(Files.isDirectory(hemcenter), "shared corpus absent");
        List<Path> articles;
        try (Stream<Path> files = Files.walk(hemcenter)) {
            articles = files.filter(f -> f.getFileName().toString().matches("item\\.(ru|kk|en)\\.md")).sorted().toList();
        }
        assumeTrue(!articles.isEmpty(), "no articles");
        for (Path article : articles) {
            String code = article.getFileName().toString().split("\\.")[1];
            assertEquals(Language.fromCode(code), DETECTOR.detect(readText(article)), article.toString());
        }
    }
}
