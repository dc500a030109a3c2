package org.medkg.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final Map<String, Place> byGeonamesId;
    private final Map<String, Place> byKindCountryAndName;

    private Gazetteer(List<Place> places) {
        this.places = List.copyOf(places);
        Map<String, Place> ids = new HashMap<>();
        Map<String, Place> geonames = new HashMap<>();
        Map<String, Place> names = new HashMap<>();
        for (Place place : places) {
            ids.put(place.id(), place);
            place.geonamesId().ifPresent(id -> geonames.putIfAbsent(id, place));
            names.putIfAbsent(nameKey(place), place);
        }
        this.byId = Map.copyOf(ids);
        this.byGeonamesId = Map.copyOf(geonames);
        this.byKindCountryAndName = Map.copyOf(names);
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
        List<Place> places = read(text, source);
        check(places, Map.of(), source);
        return new Gazetteer(places);
    }

    /**
     * This gazetteer with the places of a gazetteer file beside it (one written by {@code medkg gazetteer build}).
     * A place of the file that this gazetteer already has — the same GeoNames id, or the same kind, country and
     * Russian name — is left out, and the file's references to it lead to this gazetteer's entry, so a city in
     * both keeps this gazetteer's id. The file's cities may lie in this gazetteer's countries. An unreadable or
     * malformed file, or one that uses an id of this gazetteer for another place, is an error naming the file.
     */
    public Gazetteer with(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": cannot read the gazetteer: " + e.getMessage(), e);
        }
        return with(read(text, file.toString()), file.toString());
    }

    Gazetteer with(List<Place> extra, String source) {
        Map<String, String> sameAs = new HashMap<>();
        List<Place> added = new ArrayList<>();
        // Countries first, so that the cities' countries can be led to this gazetteer's entries.
        for (PlaceKind kind : List.of(PlaceKind.COUNTRY, PlaceKind.CITY)) {
            for (Place place : extra) {
                if (place.kind() != kind) {
                    continue;
                }
                Place led = place.countryId().map(country -> sameAs.getOrDefault(country, country))
                        .map(place::inCountry).orElse(place);
                Optional<Place> same = samePlace(led);
                if (same.isPresent()) {
                    sameAs.put(place.id(), same.get().id());
                } else if (byId.containsKey(place.id())) {
                    throw new IllegalStateException(source + ": place id " + place.id()
                            + " is the built-in gazetteer's id of another place");
                } else {
                    added.add(led);
                }
            }
        }
        check(added, byId, source);
        List<Place> all = new ArrayList<>(places);
        all.addAll(added);
        return new Gazetteer(all);
    }

    /**
     * The entry of this gazetteer for the same place: the same GeoNames id, or else the same kind, country and
     * canonical Russian name (for entries without a checked GeoNames id: Казалинск).
     */
    public Optional<Place> samePlace(Place other) {
        if (other.geonamesId().isPresent()) {
            Place same = byGeonamesId.get(other.geonamesId().get());
            if (same != null) {
                return Optional.of(same);
            }
        }
        return Optional.ofNullable(byKindCountryAndName.get(nameKey(other)));
    }

    private static String nameKey(Place place) {
        return place.kind() + "|" + place.countryId().orElse("") + "|"
                + RussianPlaceForms.normalize(place.canonicalName(Language.RU));
    }

    private static List<Place> read(String text, String source) {
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
        if (places.isEmpty()) {
            throw new IllegalStateException(source + ": holds no place");
        }
        return places;
    }

    /** Ids are unique and every city lies in a country of {@code places} or of {@code known}. */
    private static void check(List<Place> places, Map<String, Place> known, String source) {
        Map<String, Place> byId = new HashMap<>(known);
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
                    list("abbr"), adjectives, list("kk-adj"), cautions, centre(kind),
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

        /** Both coordinates, required for a city; a country may leave both out. */
        private Optional<Place.Coordinates> centre(PlaceKind kind) {
            if (kind == PlaceKind.COUNTRY && !fields.containsKey("lat") && !fields.containsKey("lon")) {
                return Optional.empty();
            }
            return Optional.of(new Place.Coordinates(coordinate("lat", 90), coordinate("lon", 180)));
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
