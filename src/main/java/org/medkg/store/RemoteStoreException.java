package org.medkg.store;

/**
 * The remote SPARQL store a server reads could not answer: it is down, unreachable, refused the credentials or
 * failed. Its message names the store and says what went wrong in words a reader can act on.
 */
public final class RemoteStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RemoteStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public RemoteStoreException(String message) {
        super(message);
    }
}
