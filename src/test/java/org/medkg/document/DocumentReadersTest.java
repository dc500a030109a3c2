package org.medkg.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.lang.Language;

class DocumentReadersTest {

    private static final DocumentReaders READERS = DocumentReaders.standard();
    private static final String SENTENCE =
            "Наше отделение с ознакомительным визитом посетила главный врач областной клинической больницы.";

    @TempDir
    Path folder;

    @Test
    void readsASeedIntoASourceDocument() throws Exception {
        Path seed = Path.of("data/001_d9529d5f736d3bf0.txt");
        SourceDocument document = READERS.read(seed);
        assertEquals("data/001_d9529d5f736d3bf0.txt", document.sourceFile(), "the path exactly as given");
        assertEquals(DocumentReaders.sha256(Files.readAllBytes(seed)), document.sha256());
        assertEquals(64, document.sha256().length());
        assertEquals(Language.RU, document.language());
        assertEquals("О проведении программы по обмену опытом «Острый миелобластный лейкоз. От теории к практике»",
                document.title());
        assertEquals(LocalDate.of(2024, 5, 25), document.published());
    }

    @Test
    void normalizesTheTextOfEveryReader() throws Exception {
        SourceDocument document = READERS.read(Path.of("data/000_be1d552f40914512.txt"));
        assertTrue(document.text().contains("«Аллергология и иммунология: достижения и перспективы»"));
        assertFalse(document.text().contains("\u00A0"), "no-break spaces are gone");
        assertEquals("РЕЗОЛЮЦИЯ Заседания Международного объединенного совета экспертов по вторичным иммунодефицитам",
                document.title());
    }

    @Test
    void detectsKazakh() throws Exception {
        assertEquals(Language.KK, READERS.read(Path.of("data/002_d6f503734638d6f4.txt")).language());
    }

    @Test
    void formatsAreChosenByExtension() {
        assertTrue(READERS.isSupported(Path.of("news/item.ru.md")));
        assertTrue(READERS.isSupported(Path.of("news/page.MARKDOWN")));
        assertTrue(READERS.isSupported(Path.of("resolution.PDF")));
        assertTrue(READERS.isSupported(Path.of("page.htm")));
        assertFalse(READERS.isSupported(Path.of("report.docx")));
        assertFalse(READERS.isSupported(Path.of("README")));
        assertEquals(DocumentFormat.HTML, READERS.formatOf(Path.of("page.html")).orElseThrow());
    }

    @Test
    void anExtensionCanBeRegisteredOnlyOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentReaders.standardBuilder()
                .register(new DocumentFormat("Grav page", List.of("md")), new MarkdownReader()));
        assertEquals("extension 'md' of Grav page is already registered for Markdown", e.getMessage());
    }

    @Test
    void unknownExtensionIsRefused() throws IOException {
        Path file = write("report.docx", SENTENCE.getBytes(StandardCharsets.UTF_8));
        assertRefused(file, "unknown document format (extension 'docx')");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        assertRefused(write("empty.md", new byte[0]), "empty file");
    }

    @Test
    void binaryFileIsRefused() throws IOException {
        assertRefused(write("image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}),
                "binary file, not text (NUL byte at offset 4)");
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        byte[] latin1 = "Gäste der Abteilung: ½ Tag".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(write("guests.md", latin1), "not valid UTF-8 (byte 0xE4 at offset 1)");
    }

    @Test
    void windows1251IsDecoded() throws Exception {
        Path file = write("guests.txt", SENTENCE.getBytes(Charset.forName("windows-1251")));
        assertEquals(SENTENCE, READERS.read(file).text());
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws Exception {
        Path file = write("guests.txt", SENTENCE.getBytes(StandardCharsets.UTF_16));
        assertEquals(SENTENCE, READERS.read(file).text());
    }

    @Test
    void brokenFrontMatterIsRefused() throws IOException {
        Path file = write("guests.md", "---\ntitle: 'Гости отделения'\n\n%s\n".formatted(SENTENCE)
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(file, "front matter is not terminated: no closing '---' line");
    }

    @Test
    void missingFileAndFolderAreRefused() {
        assertRefused(folder.resolve("missing.md"), "cannot read: no such file");
        Path directory = folder.resolve("folder.md");
        assertTrue(directory.toFile().mkdir());
        assertRefused(directory, "cannot read: is a folder, not a file");
    }

    @Test
    void aGalleryPageWithATitleAndNoBodyIsReadAsItsTitle() throws Exception {
        Path file = write("gallery.md", """
                ---
                title: 'Гости отделения'
                date: '10-05-2017 10:00'
                ---
                [owl-carousel class="gallery-owl" items=1]
                ![](2017-05-10-1.jpg "Гости отделения")
                [/owl-carousel]
                """.getBytes(StandardCharsets.UTF_8));
        SourceDocument gallery = READERS.read(file);
        assertEquals("Гости отделения", gallery.title());
        assertEquals("", gallery.text());
        assertEquals(LocalDate.of(2017, 5, 10), gallery.published());
        assertEquals(Language.RU, gallery.language());
    }

    @Test
    void aPageWithNeitherTitleNorBodyIsRefused() throws IOException {
        Path file = write("gallery.md", """
                ---
                date: '10-05-2017 10:00'
                ---
                ![](2017-05-10-1.jpg "Гости отделения")
                """.getBytes(StandardCharsets.UTF_8));
        assertRefused(file, "no text in the document (Markdown)");
        assertRefused(write("blank.txt", " \n\n ".getBytes(StandardCharsets.UTF_8)), "no text in the document (plain text)");
    }

    @Test
    void aFileOverTheByteLimitIsRefusedBeforeItIsRead() throws IOException {
        ReadingLimits oneMegabyte = new ReadingLimits(ReadingLimits.megabytes(1), ReadingLimits.megabytes(1),
                ReadingLimits.DEFAULT_MAX_TEXT_LENGTH, Duration.ofSeconds(60));
        Path line = write("line.txt", SENTENCE.repeat(8_000).getBytes(StandardCharsets.UTF_8));
        BadDocumentException e = assertThrows(BadDocumentException.class, () -> READERS.read(line, oneMegabyte));
        assertEquals(line + ": too large: 1.4 MB, more than the limit of 1 MB for plain text files (--max-file-size)",
                e.getMessage());
    }

    @Test
    void textOverTheLengthLimitIsRefused() throws Exception {
        Path seed = Path.of("data/001_d9529d5f736d3bf0.txt");
        int length = READERS.read(seed).text().length();
        ReadingLimits shorter = new ReadingLimits(ReadingLimits.megabytes(1), ReadingLimits.megabytes(1), 1_000,
                Duration.ofSeconds(60));
        assertTrue(length > 1_000, "the seed is longer than the limit: " + length);
        BadDocumentException e = assertThrows(BadDocumentException.class, () -> READERS.read(seed, shorter));
        assertEquals(seed + ": too much text: more than 1,000 characters (--max-text-length)", e.getMessage());
    }

    @Test
    void aPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = folder.resolve("news.txt");
        assumeTrue(HostileFiles.makeFifo(fifo), "mkfifo is not available");
        assertRefused(fifo, "cannot read: not a regular file (a device, pipe or socket)");
    }

    @Test
    void aLinkToADeviceIsRefusedAndALinkToADocumentIsRead() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero");
        Path toZero = Files.createSymbolicLink(folder.resolve("endless.md"), zero);
        assertRefused(toZero, "cannot read: not a regular file (a device, pipe or socket)");

        Path seed = Path.of("data/001_d9529d5f736d3bf0.txt").toAbsolutePath();
        Path toSeed = Files.createSymbolicLink(folder.resolve("seed.txt"), seed);
        assertEquals(READERS.read(seed).text(), READERS.read(toSeed).text());

        Path broken = Files.createSymbolicLink(folder.resolve("gone.md"), folder.resolve("missing.md"));
        assertRefused(broken, "cannot read: broken symbolic link");
    }

    @Test
    void everyCorpusFileHasTextAndEveryPageOfTheSiteATitleAndDate() throws IOException {
        Path corpus = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus");
        assumeTrue(Files.isDirectory(corpus), "shared corpus absent");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                SourceDocument document = READERS.read(file);
                // articles copied from other sites (external2) are bare text, often without a date
                boolean sitePage = file.startsWith(corpus.resolve("hemcenter"));
                if (document.text().isBlank()
                        || sitePage && (document.title() == null || document.published() == null)) {
                    problems.add(file + ": text, title or date missing");
                }
            } catch (BadDocumentException e) {
                problems.add(e.getMessage());
            }
        }
        assertTrue(files.size() > 100, "the corpus has its 133 files");
        assertEquals(List.of(), problems);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static void assertRefused(Path file, String problem) {
        BadDocumentException e = assertThrows(BadDocumentException.class, () -> READERS.read(file));
        assertTrue(e.getMessage().startsWith(file + ": " + problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
