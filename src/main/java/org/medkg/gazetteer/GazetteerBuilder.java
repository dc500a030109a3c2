package org.medkg.gazetteer;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medkg.lang.Language;
import org.medkg.lang.NameLexicon;
import org.medkg.lang.ru.RussianMorphology;

/**
 * Makes a gazetteer file out of GeoNames' dump: the selected cities that the built-in gazetteer lacks, with their
 * Russian, Kazakh and English names ({@link CityNames}), the cautions their names need ({@link NameCautions}),
 * coordinates and GeoNames ids, in the built-in gazetteer's countries. The file is written to be read with
 * {@link Gazetteer#with(java.nio.file.Path)} beside the built-in one.
 */
public final class GazetteerBuilder {

    /**
     * Which cities to take: those of the region's countries with at least {@code regionMinPopulation} people,
     * every capital, and elsewhere those with at least {@code worldMinPopulation}.
     */
    public record Selection(Set<String> regionCountries, long regionMinPopulation, long worldMinPopulation) {
        /** Central Asia, the Caucasus, Russia, Belarus, Ukraine, Mongolia and China. */
        public static final Set<String> REGION = Set.of("KZ", "UZ", "KG", "TJ", "TM", "RU", "BY", "UA", "AZ", "GE",
                "AM", "MN", "CN");
        public static final long REGION_MIN_POPULATION = 15_000;
        public static final long WORLD_MIN_POPULATION = 1_000_000;

        public Selection {
            regionCountries = Set.copyOf(regionCountries);
        }

        public static Selection standard() {
            return new Selection(REGION, REGION_MIN_POPULATION, WORLD_MIN_POPULATION);
        }

        boolean takes(GeoNamesDump.City city) {
            return city.featureCode().equals(CAPITAL)
                    || city.population() >= (regionCountries.contains(city.countryCode()) ? regionMinPopulation
                    : worldMinPopulation);
        }
    }

    /** What was written and why the other selected cities were left out, in the order the reasons first came up. */
    public record Result(String text, int cities, Map<String, Integer> leftOut) {
        public Result {
            leftOut = Collections.unmodifiableMap(new LinkedHashMap<>(leftOut));
        }
    }

    private static final String CAPITAL = "PPLC";
    private static final long ADJECTIVE_MIN_POPULATION = 100_000;
    /** Parts of a city, historical, abandoned and destroyed places: no settlement a document names today. */
    private static final Set<String> NOT_SETTLEMENTS = Set.of("PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH");

    private final Gazetteer builtIn;
    private final CityNames cityNames;
    private final NameCautions cautions;
    private final Set<String> builtInNames;

    public GazetteerBuilder(Gazetteer builtIn, RussianMorphology morphology, NameLexicon names) {
        this.builtIn = requireNonNull(builtIn, "builtIn");
        this.cityNames = new CityNames(morphology);
        this.cautions = new NameCautions(morphology, names);
        Set<String> known = new HashSet<>();
        builtIn.places().forEach(place -> place.allNames().forEach(name -> known.add(RussianPlaceForms.normalize(name))));
        this.builtInNames = Set.copyOf(known);
    }

    public static GazetteerBuilder standard() {
        return new GazetteerBuilder(Gazetteer.standard(), RussianMorphology.get(), NameLexicon.get());
    }

    /** @param source how the dump was named on the command line, for the file's header */
    public Result build(GeoNamesDump dump, Selection selection, String source) {
        Map<String, String> countryIds = countryIds(dump);
        Map<String, String> slugs = slugs(dump.cities());
        Map<String, Integer> leftOut = new LinkedHashMap<>();
        List<Place> places = new ArrayList<>();
        Map<String, String> notes = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (GeoNamesDump.City city : byPopulation(dump.cities())) {
            if (NOT_SETTLEMENTS.contains(city.featureCode()) || !selection.takes(city)) {
                continue;
            }
            String country = countryIds.get(city.countryCode());
            if (country == null) {
                leftOut.merge("its country is not in the built-in gazetteer", 1, Integer::sum);
                continue;
            }
            CityNames.Names names = cityNames.of(city);
            if (names.russian().isEmpty()) {
                leftOut.merge("no Russian spelling among its names", 1, Integer::sum);
                continue;
            }
            String id = slugs.get(city.geonameId());
            if (builtIn.samePlace(place(city, id, country, names)).isPresent()) {
                leftOut.merge("the built-in gazetteer has it", 1, Integer::sum);
                continue;
            }
            names = withoutBuiltInNames(names);
            if (names.russian().isEmpty()) {
                leftOut.merge("its Russian name is a built-in place's (Бразилия, Сингапур)", 1, Integer::sum);
                continue;
            }
            Place place = place(city, id, country, names);
            if (!taken.add(country + "|" + RussianPlaceForms.normalize(names.russian().get()))) {
                leftOut.merge("a larger city of its country has the same Russian name", 1, Integer::sum);
                continue;
            }
            places.add(place);
            notes.put(place.id(), "GeoNames population " + city.population() + ", " + city.featureCode());
        }
        List<String> header = List.of(
                "Cities for medkg, beside its built-in gazetteer (`--gazetteer FILE` or $MEDKG_GAZETTEER).",
                "Generated by `medkg gazetteer build --from " + source + "` from GeoNames (https://www.geonames.org/),",
                "licensed CC BY 4.0: credit \"GeoNames\" wherever this data is shown or shipped. Do not edit by hand:",
                "rebuild, or correct the built-in gazetteer (places.txt), whose entries win over these.",
                "",
                "Selection: the cities of " + String.join(" ", selection.regionCountries().stream().sorted().toList())
                        + " with at least " + selection.regionMinPopulation() + " people, every capital, and "
                        + "elsewhere cities of at least " + selection.worldMinPopulation() + ".",
                "Names: Russian and Kazakh spellings chosen among GeoNames' alternate names, English from its name and",
                "ASCII name (rules in org/medkg/gazetteer/geonames-spelling.txt); markers ? and * as in places.txt",
                "(rules in org/medkg/gazetteer/name-cautions.txt). Countries are the built-in gazetteer's.",
                "",
                places.size() + " cities; left out: " + (leftOut.isEmpty() ? "none" : leftOut.toString()),
                "",
                "The format is that of places.txt (see its header).");
        return new Result(GazetteerWriter.write(header, places, notes), places.size(), leftOut);
    }

    /**
     * The names without those of the built-in gazetteer's places, which keep them: Бразилия is the country, not
     * Brasília; Сингапур the country, not its city.
     */
    private CityNames.Names withoutBuiltInNames(CityNames.Names names) {
        Optional<String> russian = names.russian().filter(name -> !builtInNames.contains(RussianPlaceForms.normalize(name)));
        List<String> kazakh = names.kazakh().stream().filter(name -> !builtInNames.contains(RussianPlaceForms.normalize(name))).toList();
        List<String> english = names.english().stream().filter(name -> !builtInNames.contains(RussianPlaceForms.normalize(name))).toList();
        return new CityNames.Names(russian, kazakh.isEmpty() ? russian.stream().toList() : kazakh, english);
    }

    private Place place(GeoNamesDump.City city, String id, String country, CityNames.Names names) {
        Map<Language, List<String>> byLanguage = new EnumMap<>(Language.class);
        byLanguage.put(Language.RU, List.of(names.russian().get()));
        byLanguage.put(Language.KK, names.kazakh());
        byLanguage.put(Language.EN, names.english());
        Map<String, Caution> marked = new HashMap<>();
        byLanguage.values().forEach(list -> list.forEach(name -> {
            Caution caution = cautions.of(name);
            if (caution != Caution.NONE) {
                marked.put(name, caution);
            }
        }));
        // Adjectives name organizations (Смоленский государственный медицинский университет): of cities large
        // enough to have them, and only of names that are no word or surname (кировский names streets everywhere).
        List<String> adjectives = city.population() >= ADJECTIVE_MIN_POPULATION && !marked.containsKey(names.russian().get())
                ? cityNames.adjective(names.russian().get()).stream().toList() : List.of();
        return new Place(id, PlaceKind.CITY, Optional.of(country), byLanguage, Map.of(), List.of(), adjectives,
                List.of(), marked, Optional.of(new Place.Coordinates(city.latitude(), city.longitude())),
                Optional.of(city.geonameId()), Optional.empty());
    }

    /** The built-in gazetteer's country id for each ISO code, matched by the country's GeoNames id. */
    private Map<String, String> countryIds(GeoNamesDump dump) {
        Map<String, String> ids = new HashMap<>();
        for (GeoNamesDump.Country country : dump.countries()) {
            for (Place place : builtIn.places()) {
                if (place.kind() == PlaceKind.COUNTRY && place.geonamesId().equals(Optional.of(country.geonameId()))) {
                    ids.put(country.isoCode(), place.id());
                }
            }
        }
        return ids;
    }

    /**
     * A slug for every city of the dump, from its ASCII name: the most populous city of a name gets the bare slug
     * unless the built-in gazetteer uses it; the next ones get their country code added, then their GeoNames id.
     * Slugs come from the whole dump, not the selection, so that choosing other cities changes no city's id.
     */
    private Map<String, String> slugs(List<GeoNamesDump.City> cities) {
        Set<String> used = new HashSet<>();
        builtIn.places().forEach(place -> used.add(place.id()));
        Map<String, String> slugs = new HashMap<>();
        for (GeoNamesDump.City city : byPopulation(cities)) {
            String base = slug(city.asciiName().isBlank() ? city.name() : city.asciiName());
            if (!base.matches("[a-z].*")) {
                base = "city-" + base; // ids start with a letter (6th of October → city-6th-of-october)
            }
            String slug = base;
            if (!used.add(slug)) {
                slug = base + "-" + city.countryCode().toLowerCase(Locale.ROOT);
                if (!used.add(slug)) {
                    slug = base + "-" + city.geonameId();
                    used.add(slug);
                }
            }
            slugs.put(city.geonameId(), slug);
        }
        return slugs;
    }

    static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[\\p{M}'’ʼ]+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private static List<GeoNamesDump.City> byPopulation(List<GeoNamesDump.City> cities) {
        return cities.stream().sorted(Comparator.comparingLong(GeoNamesDump.City::population).reversed()
                .thenComparing(GeoNamesDump.City::geonameId)).toList();
    }
}
