package org.medkg.query;

/** A parameter value given to a saved query that it does not declare or that does not fit its type. */
public class BadParameterException extends Exception {
    public BadParameterException(String query, String problem) {
        super(query + ": " + problem);
    }
}
