package org.medkg.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.medkg.gazetteer.Gazetteer;
import org.medkg.gazetteer.Place;
import org.medkg.gazetteer.PlaceKind;
import org.medkg.lang.Language;

/**
 * Cities swapped between copies of the scaled corpus: each city of the built-in gazetteer is replaced, in every
 * language, by another city of the same country whose names end alike — the same last letter in Russian and in
 * Kazakh, the same kind of last Kazakh vowel — so that the case ending or suffix the sentence gave the first fits
 * the second (в Караганде → в Кызылорде, Қарағандыда → Қызылордада would need the same endings; only such pairs
 * are swapped). A city with no such partner stays as it is. Countries are never swapped.
 */
final class CitySwaps {
    /** What a Russian name loses before its case endings (Караганда → Караганд|е); others take suffixes whole. */
    private static final Pattern RUSSIAN_ENDING = Pattern.compile("[аяоеиыуьй]$");
    private static final String KAZAKH_BACK_VOWELS = "аоұыя";
    private static final String KAZAKH_VOWELS = "аоұыяәөүіеиуэ";
    /**
     * The longest case ending kept after a stem: Russian -ом, Kazakh -дағы, -ларда. In the languages' order, since a
     * stem two languages share (Талгар, Талғар's Russian stem) goes to the first: Map.of's order changes from one
     * JVM to the next, and so did the copies.
     */
    private static final Map<Language, Integer> MAX_ENDING =
            new EnumMap<>(Map.of(Language.RU, 3, Language.KK, 6, Language.EN, 0));

    private record Name(Place place, Language language) {
    }

    private final Map<String, Name> byStem;
    private final List<List<Place>> groups;
    private final long seed;

    private CitySwaps(Map<String, Name> byStem, List<List<Place>> groups, long seed) {
        this.byStem = byStem;
        this.groups = groups;
        this.seed = seed;
    }

    static CitySwaps of(Gazetteer gazetteer, long seed) {
        Map<String, List<Place>> byEnding = new TreeMap<>();
        for (Place place : gazetteer.places()) {
            if (place.kind() == PlaceKind.CITY && place.countryId().isPresent()
                    && !place.names(Language.KK).isEmpty() && !place.names(Language.EN).isEmpty()) {
                byEnding.computeIfAbsent(endingKey(place), key -> new ArrayList<>()).add(place);
            }
        }
        List<List<Place>> groups = byEnding.values().stream().filter(group -> group.size() > 1).toList();
        Map<String, Name> byStem = new HashMap<>();
        for (List<Place> group : groups) {
            for (Place place : group) {
                for (Language language : MAX_ENDING.keySet()) {
                    place.names(language).forEach(name -> byStem.putIfAbsent(stem(name, language),
                            new Name(place, language)));
                }
            }
        }
        return new CitySwaps(Map.copyOf(byStem), groups, seed);
    }

    /** For copy {@code copy}: each stem of a swappable city's name → the stem of its replacement's name. */
    Map<String, String> forCopy(int copy) {
        Map<String, Place> replacement = new HashMap<>();
        Random random = new Random(seed * 1_000_003L + copy);
        for (List<Place> group : groups) {
            List<Place> shuffled = new ArrayList<>(group);
            if (copy > 0) {
                Collections.shuffle(shuffled, random);
            }
            for (int i = 0; i < group.size(); i++) {
                replacement.put(group.get(i).id(), shuffled.get(i));
            }
        }
        Map<String, String> stems = new HashMap<>();
        byStem.forEach((stem, name) -> stems.put(stem,
                stem(replacement.get(name.place().id()).canonicalName(name.language()), name.language())));
        return stems;
    }

    /** The longest case ending that may follow {@code stem}, or -1 when it is no city's stem. */
    int maxEnding(String stem) {
        Name name = byStem.get(stem);
        return name == null ? -1 : MAX_ENDING.get(name.language());
    }

    private static String stem(String name, Language language) {
        return language == Language.RU ? RUSSIAN_ENDING.matcher(name).replaceFirst("") : name;
    }

    private static String endingKey(Place place) {
        String russian = place.canonicalName(Language.RU);
        String kazakh = place.canonicalName(Language.KK).toLowerCase();
        String vowels = kazakh.replaceAll("[^" + KAZAKH_VOWELS + "]", "");
        String harmony = vowels.isEmpty() ? "" : KAZAKH_BACK_VOWELS.indexOf(vowels.charAt(vowels.length() - 1)) >= 0
                ? "back" : "front";
        return place.countryId().orElseThrow() + " " + russian.charAt(russian.length() - 1) + " "
                + kazakh.charAt(kazakh.length() - 1) + " " + harmony;
    }
}
