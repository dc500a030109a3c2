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
            kk | Konferensııaǵa elimizdiń Memlekettik hatshysy Q.Kósherbaev, Densaýlyq saqtaý mınıstri A.Soı qatysady.
            en | The following persons delivered the presentations: Prof. Eglė Ereminienė, Prof. Edmundas Širvinskas and Dr. Loreta Jankauskienė.
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

    /** The other sites' pages are named by their language: kk-…, ru-…, en-… (one kk page is in Latin letters). */
    @Test
    void detectsThePagesOfOtherSites() throws IOException {
        Path external = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus", "external2");
        assumeTrue(Files.isDirectory(external), "shared corpus absent");
        List<Path> pages;
        try (Stream<Path> files = Files.list(external)) {
            pages = files.filter(f -> f.getFileName().toString().matches("(ru|kk|en)-.*\\.txt")).sorted().toList();
        }
        assumeTrue(!pages.isEmpty(), "no pages");
        for (Path page : pages) {
            String code = page.getFileName().toString().substring(0, 2);
            assertEquals(Language.fromCode(code), DETECTOR.detect(Files.readString(page)), page.toString());
        }
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
