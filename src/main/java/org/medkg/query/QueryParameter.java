package org.medkg.query;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.jena.graph.Node;

/**
 * One parameter of a saved query, declared grlc-style by a variable: {@code ?_name} is required,
 * {@code ?__name} optional, and a suffix gives the type ({@code ?_year_xsd_integer}, {@code ?_city_iri}).
 *
 * @param name         what users call it ({@code year})
 * @param variable     the variable it binds, without the question mark ({@code _year_xsd_integer})
 * @param type         the RDF term a value becomes
 * @param required     whether the query needs a value (a default counts as one)
 * @param defaultValue the value from the {@code #+ defaults:} decorator, or null
 * @param allowed      the values from the {@code #+ enumerate:} decorator; empty when any value is allowed
 * @param example      a value to show users: from the {@code #+ examples:} decorator, else the default, else the
 *                     first allowed value; null when there is none
 */
public record QueryParameter(String name, String variable, ParameterType type, boolean required,
                             String defaultValue, List<String> allowed, String example) {

    public QueryParameter {
        requireNonNull(name, "name");
        requireNonNull(variable, "variable");
        requireNonNull(type, "type");
        allowed = List.copyOf(requireNonNull(allowed, "allowed"));
    }

    /**
     * The term for a value given by a user.
     *
     * @throws IllegalArgumentException (with a message for the user) when the value is not allowed or
     *                                  does not fit the type
     */
    public Node toNode(String value) {
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + String.join(", ", allowed));
        }
        return type.toNode(value);
    }

    /** What the parameter is, for API descriptions: {@code xsd:integer, bound to ?_year_xsd_integer}. */
    public String description() {
        return (required ? "Required" : "Optional") + " " + type.label() + ", bound as an RDF term to ?" + variable
                + (defaultValue == null ? "" : "; default " + defaultValue)
                + (allowed.isEmpty() ? "" : "; one of " + String.join(", ", allowed));
    }

    /** One line for listings: {@code year (xsd:integer, required)}. */
    public String describe() {
        return name + " (" + type.label() + (required ? ", required" : ", optional")
                + (defaultValue == null ? "" : ", default " + defaultValue)
                + (allowed.isEmpty() ? "" : ", one of " + String.join("|", allowed)) + ")";
    }
}
