package org.medkg.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Hostile inputs made at test time: PDFs written with PDFBox, named pipes. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** Writes the uncompressed content of a page. */
    public interface ContentWriter {
        void write(OutputStream contents) throws IOException;
    }

    /** A one-page PDF whose content stream, Flate-compressed, is what the writer writes; font F1 is Helvetica. */
    public static byte[] pdfWithContent(ContentWriter writer) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            page.setResources(resources);
            COSStream contents = document.getDocument().createCOSStream();
            try (OutputStream raw = contents.createRawOutputStream();
                 OutputStream deflated = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION))) {
                writer.write(deflated);
            }
            contents.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            page.getCOSObject().setItem(COSName.CONTENTS, contents);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A PDF whose page content is {@code megabytes} of spaces, which deflate to a few kilobytes. */
    public static byte[] compressionBomb(int megabytes) throws IOException {
        return pdfWithContent(contents -> {
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                contents.write(spaces);
            }
        });
    }

    /** Makes a named pipe with mkfifo(1); false where there is none. */
    public static boolean makeFifo(Path fifo) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException noMkfifo) {
            return false;
        }
    }
}
