package org.medkg.document;

/** A document that cannot be read; the message names the file and says what is wrong with it. */
public class BadDocumentException extends Exception {
    public BadDocumentException(String file, String problem) {
        super(file + ": " + problem);
    }

    public BadDocumentException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
