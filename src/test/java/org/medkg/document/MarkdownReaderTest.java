package org.medkg.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MarkdownReaderTest {

    private static final MarkdownReader READER = new MarkdownReader();
    private static final Path SEED_001 = Path.of("data/001_d9529d5f736d3bf0.txt");
    private static final Path SEED_002 = Path.of("data/002_d6f503734638d6f4.txt");

    private static DocumentContent read(String page) throws BadDocumentException {
        return READER.read("page.md", page.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTitleAndDayFirstDateFromFrontMatter() throws Exception {
        DocumentContent page = READER.read(SEED_001.toString(), Files.readAllBytes(SEED_001));
        assertEquals("О проведении программы по обмену опытом «Острый миелобластный лейкоз. От теории к практике»",
                page.title());
        assertEquals(LocalDate.of(2024, 5, 25), page.published());
        assertFalse(page.text().contains("hide_page_title"), "front matter is not text");
    }

    @Test
    void keepsParagraphsAndLinesOfTheBody() throws Exception {
        String text = READER.read(SEED_001.toString(), Files.readAllBytes(SEED_001)).text();
        assertTrue(text.startsWith("С 22 по 24 мая 2024 года в Центре гематологии прошла образовательная программа"));
        assertTrue(text.contains("г. Караганда, пр. Сакена Сейфуллина, 17.\n\nВ программе приняли участие 12 докторов"),
                "the === summary separator is gone and paragraphs stay apart");
        assertTrue(text.contains("\nСтратификация генетического риска по ELN 2022.\n"
                + "Интерпретация результатов проточной цитометрии"), "enumerated lines stay separate lines");
    }

    @Test
    void dropsImagesAndShortcodes() throws Exception {
        String text = READER.read(SEED_002.toString(), Files.readAllBytes(SEED_002)).text();
        assertFalse(text.contains("owl-carousel"));
        assertFalse(text.contains(".jpg"));
        assertFalse(text.contains("==="));
        assertTrue(text.contains("Пивоварова және медициналық директор Антон Анатольевич Клодзинский болды.\n\n"
                + "Бұл РҚБ ұйымдастырған онкогематологиялық ауруларды"), "the paragraphs around the gallery join up");
    }

    @Test
    void linksKeepTheirTextAndPluginEmbedsDisappear() throws Exception {
        DocumentContent page = read("""
                ---
                title: 'Бөлімшенің қонақтары'
                date: '02-03-2019 10:00'
                ---
                Ізгілік пен әділеттің перісі, көрікті [Аружан Саин](https://www.instagram.com/aruzhan_sain/) Өскеменге сапары аясында біздің бөлімшеге келді.

                [plugin:youtube](https://youtu.be/TvF1rKuCeCE)
                """);
        assertEquals("Ізгілік пен әділеттің перісі, көрікті Аружан Саин Өскеменге сапары аясында біздің бөлімшеге келді.",
                page.text());
    }

    @Test
    void listItemsAreLines() throws Exception {
        DocumentContent page = read("""
                ---
                title: 'Ресей'
                date: 2022-05-12
                ---
                * Р.М. Горбачева атындағы Балалар онкологиясы, гематологиясы және трансплантологиясы ғылыми-зерттеу институты,
                * И.П. Павлов атындағы Бірінші Санкт-Петербург мемлекеттік медицина университеті,
                """);
        assertEquals("• Р.М. Горбачева атындағы Балалар онкологиясы, гематологиясы және трансплантологиясы ғылыми-зерттеу "
                + "институты,\n• И.П. Павлов атындағы Бірінші Санкт-Петербург мемлекеттік медицина университеті,", page.text());
        assertEquals(LocalDate.of(2022, 5, 12), page.published(), "ISO dates are read too");
    }

    @Test
    void numberedItemsKeepTheirNumbersAndALabelItsList() throws Exception {
        // the lecturers of the hemcenter article 2021-08-16-hemostasis-school, as a numbered list
        DocumentContent page = read("""
                Лекции проводят:

                3. И.А. Пивоварова, MD, врач-гематолог высшей категории, генеральный директор ТОО «Центр гематологии»;
                4. А.А. Клодзинский, к.м.н., врач-гематолог высшей категории, медицинский директор ТОО «Центр гематологии».
                """);
        assertEquals("""
                Лекции проводят:

                3. И.А. Пивоварова, MD, врач-гематолог высшей категории, генеральный директор ТОО «Центр гематологии»;
                4. А.А. Клодзинский, к.м.н., врач-гематолог высшей категории, медицинский директор ТОО «Центр гематологии».""",
                page.text());
    }

    @Test
    void anItemWrappedInTheSourceIsOneLine() throws Exception {
        DocumentContent page = read("""
                * И.А. Пивоварова, MD, врач-гематолог высшей категории,
                  генеральный директор ТОО «Центр гематологии»;
                * А.А. Клодзинский, к.м.н., врач-гематолог высшей категории
                """);
        assertEquals("• И.А. Пивоварова, MD, врач-гематолог высшей категории, генеральный директор ТОО «Центр гематологии»;\n"
                + "• А.А. Клодзинский, к.м.н., врач-гематолог высшей категории", page.text());
    }

    @Test
    void tableRowsAreLinesOfCells() throws Exception {
        // A programme table, a shape the corpus lacks, built from the facts of the hemcenter article
        // 2022-11-29-two-patient-schools (its speakers and their positions).
        DocumentContent page = read("""
                Миеломаға арналған мектептің спикерлері:

                | Аты-жөні | Лауазымы |
                |---|---|
                | А.А. Клодзинский | медициналық директор, м.ғ.к. |
                | И.Г. Баландинская | Қарағанды филиалының **директоры** |
                |  | Пациенттерді қолдау қызметінің жетекшісі |
                """);
        assertEquals("""
                Миеломаға арналған мектептің спикерлері:

                | Аты-жөні | Лауазымы
                | А.А. Клодзинский | медициналық директор, м.ғ.к.
                | И.Г. Баландинская | Қарағанды филиалының директоры
                |  | Пациенттерді қолдау қызметінің жетекшісі""", page.text());
    }

    @Test
    void htmlTablesInsideMarkdownKeepTheirRows() throws Exception {
        DocumentContent page = read("""
                <table><tr><td>А.А. Клодзинский</td><td>медициналық директор</td></tr>
                <tr><td>И.Г. Баландинская</td><td>Қарағанды филиалының директоры</td></tr></table>
                """);
        assertEquals("| А.А. Клодзинский | медициналық директор\n| И.Г. Баландинская | Қарағанды филиалының директоры",
                page.text());
    }

    @Test
    void htmlTagsAreDroppedAndTheirTextKept() throws Exception {
        DocumentContent page = read("""
                ---
                title: 'Гости отделения'
                date: '10-05-2017 10:00'
                ---
                <div class="note"><p>Наше отделение с ознакомительным визитом посетила главный врач</p></div>

                областной клинической больницы <b>г. Белгорода</b> (Россия)<br>Чефранова Ж.Ю.
                """);
        assertEquals("Наше отделение с ознакомительным визитом посетила главный врач\n\n"
                + "областной клинической больницы г. Белгорода (Россия)\nЧефранова Ж.Ю.", page.text());
    }

    @Test
    void yamlBooleanWordsStayText() throws Exception {
        DocumentContent page = read("---\ntitle: No\ndate: '2024-05-25T10:00:00+05:00'\n---\nТекст.\n");
        assertEquals("No", page.title());
        assertEquals(LocalDate.of(2024, 5, 25), page.published());
    }

    @Test
    void bracketedTextThatIsNoShortcodeSurvives() {
        assertEquals("Конференция [sic] өтті.\nгалерея\n", MarkdownReader.removeShortcodes(
                "Конференция [sic] өтті.\n[gallery-owl items=1]галерея[/gallery-owl]\n"));
    }

    @Test
    void unterminatedFrontMatterIsRefused() {
        BadDocumentException e = assertThrows(BadDocumentException.class,
                () -> read("---\ntitle: 'Гости отделения'\ndate: '10-05-2017 10:00'\nНаше отделение посетила..."));
        assertEquals("page.md: front matter is not terminated: no closing '---' line", e.getMessage());
    }

    @Test
    void invalidYamlIsRefusedWithItsLine() {
        BadDocumentException e = assertThrows(BadDocumentException.class,
                () -> read("---\ntitle: 'Гости отделения'\ndate: '10-05-2017 10:00\n---\nНаше отделение посетила.\n"));
        assertTrue(e.getMessage().startsWith("page.md: front matter is not valid YAML (line "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void wrongDateIsRefused() {
        BadDocumentException e = assertThrows(BadDocumentException.class,
                () -> read("---\ntitle: 'Гости'\ndate: 'май 2017'\n---\nНаше отделение посетила.\n"));
        assertTrue(e.getMessage().contains("date 'май 2017' is not a date"), e.getMessage());
    }

    @Test
    void pageWithoutFrontMatterHasNoMetadata() throws Exception {
        DocumentContent page = read("Наше отделение с ознакомительным визитом посетила главный врач.\n");
        assertNull(page.title());
        assertNull(page.published());
    }

    @Test
    void quotesNestedTenThousandDeepAreRead() throws Exception {
        DocumentContent page = read(">".repeat(10_000) + " Наше отделение посетила главный врач.\n");
        assertEquals("Наше отделение посетила главный врач.", page.text());
    }

    @Test
    void listsNestedThreeThousandDeepAreRead() throws Exception {
        // "- - - пункт" is a list in a list in a list: one line nests as deep as a staircase of indented lines
        DocumentContent page = read("- ".repeat(3_000) + "Наше отделение посетила главный врач.\n- пункт\n");
        assertEquals("• Наше отделение посетила главный врач.\n• пункт", page.text(), "an item holding only a list has no marker");
    }

    @Test
    void everyCorpusPageHasTitleDateAndCleanText() throws IOException, BadDocumentException {
        Path hemcenter = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus", "hemcenter");
        assumeTrue(Files.isDirectory(hemcenter), "shared corpus absent");
        try (var pages = Files.walk(hemcenter)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                DocumentContent content = READER.read(page.toString(), Files.readAllBytes(page));
                assertFalse(content.text().matches("(?s).*(\\[/?owl-carousel|\\.jpg|!\\[|<[a-z]+[ >]|\\n===\\n).*"),
                        page + " still has markup");
            }
        }
    }
}
