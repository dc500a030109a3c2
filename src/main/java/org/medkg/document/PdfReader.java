package org.medkg.document;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.medkg.text.LineUnwrapper;

/**
 * PDF files: the text PDFBox extracts, unwrapped like plain text ({@link LineUnwrapper}); title and date from the
 * document information (creation date, else modification date). Under the {@link ReadingLimits}: PDFBox's own
 * buffers are held in memory up to a maximum, a compression bomb is refused before PDFBox decodes it
 * ({@link PdfStreams}), extraction stops as soon as the glyphs shown outnumber the text limit, and an interrupted
 * reading stops at the next page or glyph.
 */
final class PdfReader implements DocumentReader {

    @Override
    public DocumentContent read(String file, byte[] bytes, ReadingLimits limits) throws BadDocumentException {
        long maxDecoded = limits.maxPdfDecodedBytes();
        try (PDDocument pdf = Loader.loadPDF(bytes, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(maxDecoded).streamCache)) {
            PdfStreams.checkDecodedSizes(file, pdf.getDocument(), maxDecoded);
            BoundedTextStripper stripper = new BoundedTextStripper(file, limits);
            StringWriter text = new StringWriter();
            stripper.writeText(pdf, text);
            PDDocumentInformation info = pdf.getDocumentInformation();
            String title = info.getTitle() == null || info.getTitle().isBlank() ? null : info.getTitle().strip();
            Calendar date = info.getCreationDate() != null ? info.getCreationDate() : info.getModificationDate();
            return new DocumentContent(title, date == null ? null : day(date),
                    LineUnwrapper.standard().unwrap(text.toString()));
        } catch (Refused refused) {
            throw refused.reason;
        } catch (InvalidPasswordException e) {
            throw new BadDocumentException(file, "PDF is encrypted with a password", e);
        } catch (IOException e) {
            throw new BadDocumentException(file, "not a readable PDF: " + e.getMessage(), e);
        }
    }

    private static LocalDate day(Calendar calendar) {
        return calendar.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDate();
    }

    /** Stops PDFBox from inside a callback that may not throw a checked exception. */
    private static final class Refused extends RuntimeException {
        private final BadDocumentException reason;

        Refused(BadDocumentException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }

    /**
     * PDFBox keeps every glyph of a page until the page ends, so a page that shows millions of glyphs fills the
     * memory before any text comes out: the glyphs are counted as they come.
     */
    private static final class BoundedTextStripper extends PDFTextStripper {
        private final String file;
        private final ReadingLimits limits;
        private long glyphs;

        BoundedTextStripper(String file, ReadingLimits limits) {
            this.file = file;
            this.limits = limits;
            setLineSeparator("\n");
            setParagraphEnd("\n");
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            stopIfInterrupted();
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            glyphs++;
            try {
                limits.checkTextLength(file, glyphs);
            } catch (BadDocumentException e) {
                throw new Refused(e);
            }
            stopIfInterrupted();
            super.processTextPosition(text);
        }

        private void stopIfInterrupted() {
            if (Thread.currentThread().isInterrupted()) {
                throw new Refused(new BadDocumentException(file, "reading was interrupted"));
            }
        }
    }
}
