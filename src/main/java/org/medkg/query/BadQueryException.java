package org.medkg.query;

/** A saved query file that cannot be used; the message names the file and says what is wrong with it. */
public class BadQueryException extends Exception {
    public BadQueryException(String file, String problem) {
        super(file + ": " + problem);
    }

    public BadQueryException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
