package org.medkg.query;

import java.util.Optional;

/** A parameter value given to a saved query that it does not declare or that does not fit its type. */
public class BadParameterException extends Exception {
    private final String parameter;

    public BadParameterException(String query, String problem) {
        this(query, null, problem);
    }

    /**
     * @param parameter the parameter at fault (so that a form or an API client can point at it), or null
     */
    public BadParameterException(String query, String parameter, String problem) {
        super(query + ": " + problem);
        this.parameter = parameter;
    }

    /** The parameter at fault, when the problem is with one parameter. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }
}
