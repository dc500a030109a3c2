package org.medkg.document;

/** Turns the bytes of one document of one format into text and metadata. */
public interface DocumentReader {

    /**
     * @param file   the file's name as the user gave it, for error messages
     * @param bytes  the whole file
     * @param limits what reading it may cost; a reader whose output can outgrow its input (PDF) keeps to them
     */
    DocumentContent read(String file, byte[] bytes, ReadingLimits limits) throws BadDocumentException;

    /** Reads under the default limits. */
    default DocumentContent read(String file, byte[] bytes) throws BadDocumentException {
        return read(file, bytes, ReadingLimits.DEFAULT);
    }
}
