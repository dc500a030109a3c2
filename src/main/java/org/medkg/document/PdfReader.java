package org.medkg.document;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Calendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.medkg.text.LineUnwrapper;

/**
 * PDF files: the text PDFBox extracts, unwrapped like plain text ({@link LineUnwrapper}); title and date from the
 * document information (creation date, else modification date).
 */
final class PdfReader implements DocumentReader {

    @Override
    public DocumentContent read(String file, byte[] bytes) throws BadDocumentException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n");
            String text = LineUnwrapper.standard().unwrap(stripper.getText(pdf));
            PDDocumentInformation info = pdf.getDocumentInformation();
            String title = info.getTitle() == null || info.getTitle().isBlank() ? null : info.getTitle().strip();
            Calendar date = info.getCreationDate() != null ? info.getCreationDate() : info.getModificationDate();
            return new DocumentContent(title, date == null ? null : day(date), text);
        } catch (InvalidPasswordException e) {
            throw new BadDocumentException(file, "PDF is encrypted with a password", e);
        } catch (IOException e) {
            throw new BadDocumentException(file, "not a readable PDF: " + e.getMessage(), e);
        }
    }

    private static LocalDate day(Calendar calendar) {
        return calendar.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDate();
    }
}
