package org.medkg.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.medkg.lang.Language;

/**
 * The places medkg knows, read from a commented data file (format in the header of
 * {@code org/medkg/gazetteer/places.txt}). {@link #standard()} loads the shipped file once.
 */
public final class Gazetteer {

    static final String STANDARD_RESOURCE = "/org/medkg/gazetteer/places.txt";
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*\\|\\s*");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern WIKIDATA = Pattern.compile("Q[1-9][0-9]*");
    private static final Pattern GEONAMES = Pattern.compile("[1-9][0-9]*");

    private final List<Place> places;
    private final Map<String, Place> byId;

    private Gazetteer(List<Place> places) {
        this.places = List.copyOf(places);
        Map<String, Place> index = new LinkedHashMap<>();
        places.forEach(place -> index.put(place.id(), place));
        this.byId = Map.copyOf(index);
    }

    private static final class Standard {
        static final Gazetteer INSTANCE = fromResource(STANDARD_RESOURCE);
    }

    /** The gazetteer shipped with medkg. */
    public static Gazetteer standard() {
        return Standard.INSTANCE;
    }

    /** Reads a gazetteer from the class path; a missing or malformed file is an error naming it. */
    public static Gazetteer fromResource(String resource) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer missing from the class path: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer " + resource, e);
        }
    }

    /** Parses gazetteer text; {@code source} names it in error messages ("places.txt:12: …"). */
    public static Gazetteer parse(String text, String source) {
        List<Place> places = new ArrayList<>();
        BlockReader block = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = source + ":" + (i + 1);
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (block != null) {
                    places.add(block.build());
                    block = null;
                }
                continue;
            }
            if (block == null) {
                block = new BlockReader(where);
            }
            block.read(line, where);
        }
        if (block != null) {
            places.add(block.build());
        }
        check(places, source);
        return new Gazetteer(places);
    }

    private static void check(List<Place> places, String source) {
        Map<String, Place> byId = new HashMap<>();
        for (Place place : places) {
            if (byId.put(place.id(), place) != null) {
                throw new IllegalStateException(source + ": place id used twice: " + place.id());
            }
        }
        for (Place place : places) {
            if (place.kind() == PlaceKind.CITY) {
                String country = place.countryId().orElseThrow(() ->
                        new IllegalStateException(source + ": city " + place.id() + " has no country"));
                Place target = byId.get(country);
                if (target == null || target.kind() != PlaceKind.COUNTRY) {
                    throw new IllegalStateException(source + ": city " + place.id() + " names an unknown country: " + country);
                }
            } else if (place.countryId().isPresent()) {
                throw new IllegalStateException(source + ": country " + place.id() + " must not have a country");
            }
        }
    }

    public List<Place> places() {
        return places;
    }

    public Optional<Place> place(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Collects the fields of one block and turns them into a checked {@link Place}. */
    private static final class BlockReader {
        private final String start;
        private final Map<String, String> fields = new LinkedHashMap<>();

        BlockReader(String start) {
            this.start = start;
        }

        void read(String line, String where) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(where + ": expected `field: value`, got: " + line);
            }
            String field = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!FIELDS.contains(field)) {
                throw new IllegalStateException(where + ": unknown field '" + field + "'");
            }
            if (value.isEmpty()) {
                throw new IllegalStateException(where + ": field '" + field + "' is empty");
            }
            if (fields.put(field, value) != null) {
                throw new IllegalStateException(where + ": field '" + field + "' given twice");
            }
        }

        Place build() {
            String id = required("id");
            if (!SLUG.matcher(id).matches()) {
                throw problem("id is not a lower-case slug: " + id);
            }
            PlaceKind kind;
            try {
                kind = PlaceKind.valueOf(required("kind").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem("kind must be city or country: " + fields.get("kind"));
            }
            Map<String, Caution> cautions = new HashMap<>();
            Map<Language, List<String>> names = new EnumMap<>(Language.class);
            Map<Language, List<String>> former = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                names.put(language, names(language.code(), cautions));
                former.put(language, names("former-" + language.code(), cautions));
            }
            if (names.get(Language.RU).isEmpty()) {
                throw problem("place " + id + " has no `ru:` name");
            }
            List<String> adjectives = list("ru-adj");
            if (kind == PlaceKind.COUNTRY && !(adjectives.isEmpty() && list("kk-adj").isEmpty())) {
                throw problem("country " + id + " has adjectives: adjectives do not mention a country");
            }
            return new Place(id, kind, Optional.ofNullable(fields.get("country")), names, former,
                    list("abbr"), adjectives, list("kk-adj"), cautions,
                    coordinate("lat", 90), coordinate("lon", 180),
                    optional("geonames", GEONAMES), optional("wikidata", WIKIDATA));
        }

        private List<String> list(String field) {
            String value = fields.get(field);
            return value == null ? List.of() : List.of(LIST_SEPARATOR.split(value));
        }

        private List<String> names(String field, Map<String, Caution> cautions) {
            List<String> names = new ArrayList<>();
            for (String item : list(field)) {
                Caution caution = Caution.NONE;
                for (Caution candidate : Caution.values()) {
                    if (candidate != Caution.NONE && item.endsWith(candidate.marker())) {
                        caution = candidate;
                        item = item.substring(0, item.length() - 1).strip();
                    }
                }
                if (caution != Caution.NONE) {
                    cautions.put(item, caution);
                }
                names.add(item);
            }
            return names;
        }

        private double coordinate(String field, double limit) {
            String value = required(field);
            try {
                double degrees = Double.parseDouble(value);
                if (Math.abs(degrees) > limit) {
                    throw problem(field + " out of range: " + value);
                }
                return degrees;
            } catch (NumberFormatException e) {
                throw problem(field + " is not a number: " + value);
            }
        }

        private Optional<String> optional(String field, Pattern shape) {
            String value = fields.get(field);
            if (value != null && !shape.matcher(value).matches()) {
                throw problem(field + " is malformed: " + value);
            }
            return Optional.ofNullable(value);
        }

        private String required(String field) {
            String value = fields.get(field);
            if (value == null) {
                throw problem("missing field '" + field + "'");
            }
            return value;
        }

        private IllegalStateException problem(String message) {
            String id = fields.getOrDefault("id", "?");
            return new IllegalStateException(start + " (place " + id + "): " + message);
        }
    }

    private static final List<String> FIELDS = List.of("id", "kind", "country", "ru", "kk", "en",
            "former-ru", "former-kk", "former-en", "abbr", "ru-adj", "kk-adj", "lat", "lon",
            "geonames", "wikidata", "note");
}
