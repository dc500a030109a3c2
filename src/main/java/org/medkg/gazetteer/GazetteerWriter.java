package org.medkg.gazetteer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkg.lang.Language;

/** Writes places in the block format of {@code places.txt}, which {@link Gazetteer} reads back. */
final class GazetteerWriter {

    private GazetteerWriter() {
    }

    /** The text of a gazetteer file: the header's lines as comments, then one block per place with its note. */
    static String write(List<String> header, List<Place> places, Map<String, String> notes) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        for (Place place : places) {
            out.append('\n');
            field(out, "id", place.id());
            field(out, "kind", place.kind().name().toLowerCase(Locale.ROOT));
            place.countryId().ifPresent(country -> field(out, "country", country));
            for (Language language : Language.values()) {
                names(out, language.code(), place.names(language), place);
                names(out, "former-" + language.code(), place.formerNames(language), place);
            }
            list(out, "abbr", place.abbreviations());
            list(out, "ru-adj", place.russianAdjectives());
            list(out, "kk-adj", place.kazakhDerived());
            place.centre().ifPresent(centre -> {
                field(out, "lat", String.format(Locale.ROOT, "%.4f", centre.latitude()));
                field(out, "lon", String.format(Locale.ROOT, "%.4f", centre.longitude()));
            });
            place.geonamesId().ifPresent(id -> field(out, "geonames", id));
            place.wikidataId().ifPresent(id -> field(out, "wikidata", id));
            String note = notes.get(place.id());
            if (note != null) {
                field(out, "note", note);
            }
        }
        return out.toString();
    }

    private static void names(StringBuilder out, String field, List<String> names, Place place) {
        list(out, field, names.stream().map(name -> name + place.caution(name).marker()).toList());
    }

    private static void list(StringBuilder out, String field, List<String> values) {
        if (!values.isEmpty()) {
            field(out, field, String.join(" | ", values));
        }
    }

    private static void field(StringBuilder out, String field, String value) {
        out.append(field).append(": ").append(value).append('\n');
    }
}
