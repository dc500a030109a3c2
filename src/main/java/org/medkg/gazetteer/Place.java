package org.medkg.gazetteer;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medkg.lang.Language;

/**
 * A city or a country of the gazetteer.
 *
 * @param id                stable slug (karaganda, kazakhstan), used in IRIs
 * @param kind              city or country
 * @param countryId         the country's id, for cities
 * @param names             current names by language; the first of each list is the canonical one
 * @param formerNames       former names by language (Алма-Ата, Нур-Султан, Семипалатинск)
 * @param abbreviations     abbreviations matched as whole tokens with exact letter case (РК, РФ, СПб)
 * @param russianAdjectives Russian adjectives (masculine nominative) that name a city (карагандинский)
 * @param kazakhDerived     Kazakh derived forms that name a city (Қарағандылық)
 * @param cautions          spellings that are also common words or person names; the others are {@link Caution#NONE}
 * @param centre            WGS84 degrees of the centre; required for cities, left out for countries where unknown
 * @param geonamesId        GeoNames id, only where checked
 * @param wikidataId        Wikidata item (Q…), only where certain
 */
public record Place(String id, PlaceKind kind, Optional<String> countryId,
                    Map<Language, List<String>> names, Map<Language, List<String>> formerNames,
                    List<String> abbreviations, List<String> russianAdjectives, List<String> kazakhDerived,
                    Map<String, Caution> cautions, Optional<Coordinates> centre,
                    Optional<String> geonamesId, Optional<String> wikidataId) {

    public Place {
        requireNonNull(id, "id");
        requireNonNull(kind, "kind");
        requireNonNull(countryId, "countryId");
        names = copy(requireNonNull(names, "names"));
        formerNames = copy(requireNonNull(formerNames, "formerNames"));
        abbreviations = List.copyOf(abbreviations);
        russianAdjectives = List.copyOf(russianAdjectives);
        kazakhDerived = List.copyOf(kazakhDerived);
        cautions = Map.copyOf(cautions);
        requireNonNull(centre, "centre");
        requireNonNull(geonamesId, "geonamesId");
        requireNonNull(wikidataId, "wikidataId");
        if (names.getOrDefault(Language.RU, List.of()).isEmpty()) {
            throw new IllegalArgumentException("place " + id + " has no Russian name");
        }
        if (kind == PlaceKind.CITY && centre.isEmpty()) {
            throw new IllegalArgumentException("city " + id + " has no coordinates");
        }
    }

    /** WGS84 degrees. */
    public record Coordinates(double latitude, double longitude) {
    }

    private static Map<Language, List<String>> copy(Map<Language, List<String>> byLanguage) {
        Map<Language, List<String>> copy = new EnumMap<>(Language.class);
        byLanguage.forEach((language, list) -> copy.put(language, List.copyOf(list)));
        return Map.copyOf(copy);
    }

    /** Current names in one language, canonical first; empty when the gazetteer has none. */
    public List<String> names(Language language) {
        return names.getOrDefault(language, List.of());
    }

    /** Former names in one language. */
    public List<String> formerNames(Language language) {
        return formerNames.getOrDefault(language, List.of());
    }

    /** The name an analyst searches for in that language; falls back to the Russian one. */
    public String canonicalName(Language language) {
        List<String> inLanguage = names(language);
        return inLanguage.isEmpty() ? names(Language.RU).get(0) : inLanguage.get(0);
    }

    /** Every current and former name and abbreviation in every language, canonical Russian first. */
    public List<String> allNames() {
        List<String> all = new ArrayList<>();
        for (Language language : Language.values()) {
            for (String name : names(language)) {
                addOnce(all, name);
            }
        }
        for (Language language : Language.values()) {
            for (String name : formerNames(language)) {
                addOnce(all, name);
            }
        }
        abbreviations.forEach(name -> addOnce(all, name));
        return List.copyOf(all);
    }

    private static void addOnce(List<String> all, String name) {
        if (!all.contains(name)) {
            all.add(name);
        }
    }

    /** This place as lying in the country with that id (a gazetteer file's country that another gazetteer also has). */
    Place inCountry(String country) {
        return new Place(id, kind, Optional.of(country), names, formerNames, abbreviations, russianAdjectives,
                kazakhDerived, cautions, centre, geonamesId, wikidataId);
    }

    public Caution caution(String spelling) {
        return cautions.getOrDefault(spelling, Caution.NONE);
    }
}
