package org.medkg.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/** PDFs made by the test with PDFBox, with lines of seed 000 hyphenated as the original layout did. */
class PdfReaderTest {

    private static final Path CYRILLIC_FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final List<String> SEED_LINES = List.of(
            "В рамках прошедшей с 19.09.24 г. по 21.09.24 г. VIII Международной",
            "научно-практической конференции «Ал-",
            "лергология и иммунология: достижения и перспективы», а также Между-",
            "народного образовательного проекта «Клиническая иммунология в меж-",
            "дисциплинарной практике. Международный опыт. Казахстан» состоя-",
            "лось заседание Международного объединенного совета экспертов.");

    @Test
    void readsTextTitleAndDateOfAPdf() throws Exception {
        assumeTrue(Files.isReadable(CYRILLIC_FONT), "no Cyrillic TrueType font (apt-get install fonts-dejavu-core)");
        byte[] pdf = makePdf(SEED_LINES);

        DocumentContent content = new PdfReader().read("resolution.pdf", pdf);

        assertEquals("В рамках прошедшей с 19.09.24 г. по 21.09.24 г. VIII Международной научно-практической "
                + "конференции «Аллергология и иммунология: достижения и перспективы», а также Международного "
                + "образовательного проекта «Клиническая иммунология в междисциплинарной практике. Международный "
                + "опыт. Казахстан» состоялось заседание Международного объединенного совета экспертов.",
                content.text());
        assertEquals("Резолюция заседания Международного объединенного совета экспертов", content.title());
        assertEquals(LocalDate.of(2024, 9, 19), content.published());
    }

    @Test
    void notAPdfIsRefused() {
        BadDocumentException e = assertThrows(BadDocumentException.class, () -> new PdfReader()
                .read("resolution.pdf", "В рамках прошедшей конференции".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("resolution.pdf: not a readable PDF"), e.getMessage());
    }

    @Test
    void aCompressionBombIsRefusedBeforeItIsDecoded() throws Exception {
        // a 1 MB PDF limit lets its streams decode to 4 MB
        byte[] bomb = HostileFiles.compressionBomb(16);
        assertTrue(bomb.length < 100_000, "the bomb is small: " + bomb.length);

        BadDocumentException e = assertThrows(BadDocumentException.class,
                () -> new PdfReader().read("bomb.pdf", bomb, limits(1_000)));
        assertEquals("bomb.pdf: a compressed stream decodes to more than 4 MB, four times the PDF size limit "
                + "(--max-pdf-size)", e.getMessage());
    }

    @Test
    void aPageShowingMoreGlyphsThanTheTextLimitIsRefused() throws Exception {
        byte[] pdf = HostileFiles.pdfWithContent(contents -> {
            contents.write("BT /F1 12 Tf 40 700 Td ".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 200; i++) {
                contents.write("(Karaganda clinic) Tj ".getBytes(StandardCharsets.US_ASCII));
            }
            contents.write("ET".getBytes(StandardCharsets.US_ASCII));
        });

        BadDocumentException e = assertThrows(BadDocumentException.class,
                () -> new PdfReader().read("glyphs.pdf", pdf, limits(1_000)));
        assertEquals("glyphs.pdf: too much text: more than 1,000 characters (--max-text-length)", e.getMessage());
        assertTrue(new PdfReader().read("glyphs.pdf", pdf, limits(10_000)).text().startsWith("Karaganda clinic"));
    }

    private static ReadingLimits limits(int maxTextLength) {
        return new ReadingLimits(ReadingLimits.megabytes(1), ReadingLimits.megabytes(1), maxTextLength,
                Duration.ofSeconds(60));
    }

    private static byte[] makePdf(List<String> lines) throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, CYRILLIC_FONT.toFile());
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(font, 11);
                stream.setLeading(14);
                stream.newLineAtOffset(40, 740);
                for (String line : lines) {
                    stream.showText(line);
                    stream.newLine();
                }
                stream.endText();
            }
            document.getDocumentInformation().setTitle("Резолюция заседания Международного объединенного совета экспертов");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.ofHours(5)));
            created.clear();
            created.set(2024, Calendar.SEPTEMBER, 19, 18, 0);
            document.getDocumentInformation().setCreationDate(created);
            document.save(out);
            return out.toByteArray();
        }
    }
}
