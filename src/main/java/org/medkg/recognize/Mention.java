package org.medkg.recognize;

import java.util.Map;

/**
 * A span of a document's text that names something.
 *
 * @param kind      what it names
 * @param start     offset of the first character in the document text
 * @param end       offset after the last character
 * @param surface   the text as written
 * @param canonical the normal form: nominative, full, as an analyst would search for it
 * @param fields    kind-specific facts, e.g. {@code placeId} for places, {@code start}/{@code end} (ISO) for dates,
 *                  {@code family}/{@code given}/{@code patronymic} for persons
 */
public record Mention(EntityKind kind, int start, int end, String surface, String canonical,
                      Map<String, String> fields) {

    public Mention {
        fields = Map.copyOf(fields);
    }

    public String field(String name) {
        return fields.get(name);
    }
}
