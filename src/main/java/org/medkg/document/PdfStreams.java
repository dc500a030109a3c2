package org.medkg.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Refuses a compression bomb in a PDF before PDFBox meets it. PDFBox decodes a stream (a font, a form, an object
 * stream) into memory whole, and keeps a whole content token in memory, so a small stream that inflates to
 * gigabytes exhausts the heap. Here every stream is decoded once with PDFBox's own filters into a sink that
 * counts the bytes and keeps none (a chain of filters keeps the stages between, each within the limit), and a
 * stream that decodes to more than the limit refuses the document. Streams of image codecs (JPEG, JPEG 2000,
 * JBIG2, fax) are skipped: they decode to pictures, which text extraction never asks for.
 */
final class PdfStreams {

    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE,
            COSName.CCITTFAX_DECODE_ABBREVIATION);

    private PdfStreams() {
    }

    /** Checks every stream listed in the cross-reference table; object streams first. */
    static void checkDecodedSizes(String file, COSDocument document, long limit) throws BadDocumentException {
        Map<COSObjectKey, Long> xref = document.getXrefTable();
        // An object inside an object stream is listed with minus the number of its object stream; reading that
        // object decodes its object stream whole, so object streams are checked before anything else is read.
        Set<Long> objectStreams = xref.values().stream().filter(offset -> offset != null && offset < 0)
                .map(offset -> -offset).collect(Collectors.toSet());
        List<COSObjectKey> topLevel = xref.entrySet().stream()
                .filter(entry -> entry.getValue() != null && entry.getValue() > 0)
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing((COSObjectKey key) -> !objectStreams.contains(key.getNumber()))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (COSObjectKey key : topLevel) {
            // streams are never inside object streams, so the top-level objects hold them all
            if (document.getObjectFromPool(key).getObject() instanceof COSStream stream) {
                check(file, stream, limit);
            }
        }
    }

    private static void check(String file, COSStream stream, long limit) throws BadDocumentException {
        if (Thread.currentThread().isInterrupted()) {
            throw new BadDocumentException(file, "reading was interrupted");
        }
        List<COSName> filters = filters(stream);
        if (filters.isEmpty() || filters.stream().anyMatch(IMAGE_CODECS::contains)) {
            return;
        }
        try {
            InputStream encoded = stream.createRawInputStream();
            for (int i = 0; i < filters.size(); i++) {
                boolean last = i == filters.size() - 1;
                CountingSink decoded = new CountingSink(limit, !last);
                try {
                    Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                    filter.decode(encoded, decoded, stream, i);
                } catch (IOException e) {
                    if (!decoded.overLimit) {
                        throw e;
                    }
                }
                if (decoded.overLimit) {
                    throw new BadDocumentException(file, "a compressed stream decodes to more than "
                            + ReadingLimits.size(limit) + ", four times the PDF size limit (--max-pdf-size)");
                }
                encoded = decoded.kept();
            }
        } catch (InterruptedIOException e) {
            throw new BadDocumentException(file, "reading was interrupted", e);
        } catch (IOException damaged) {
            // a damaged stream is no bomb: PDFBox copes with it, or refuses it, when it reads it
        }
    }

    private static List<COSName> filters(COSStream stream) {
        COSBase filters = stream.getFilters();
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        if (filters instanceof COSArray array) {
            return array.toList().stream().filter(COSName.class::isInstance).map(COSName.class::cast).toList();
        }
        return List.of();
    }

    /** Counts decoded bytes and stops the filter past the limit; keeps them only between two filters of a chain. */
    private static final class CountingSink extends OutputStream {
        private final long limit;
        private final ByteArrayOutputStream kept;
        private long count;
        private boolean overLimit;

        CountingSink(long limit, boolean keep) {
            this.limit = limit;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted");
            }
            count += length;
            if (count > limit) {
                overLimit = true;
                throw new IOException("decoded stream over the limit");
            }
            if (kept != null) {
                kept.write(bytes, offset, length);
            }
        }

        InputStream kept() {
            return kept == null ? InputStream.nullInputStream() : new ByteArrayInputStream(kept.toByteArray());
        }
    }
}
