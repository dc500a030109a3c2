package org.medkg.document;

/** Turns the bytes of one document of one format into text and metadata. */
public interface DocumentReader {

    /**
     * @param file  the file's name as the user gave it, for error messages
     * @param bytes the whole file
     */
    DocumentContent read(String file, byte[] bytes) throws BadDocumentException;
}
