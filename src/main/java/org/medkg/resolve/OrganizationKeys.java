package org.medkg.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.medkg.gazetteer.Caution;
import org.medkg.gazetteer.Gazetteer;
import org.medkg.gazetteer.Place;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.recognize.OrganizationRecognizer;
import org.medkg.text.DataLines;

/**
 * A language-neutral key for an organization's name: each word stands for its meaning
 * ({@code organization-words.tsv}), a place name for its gazetteer id, any other word (a proper name such as
 * Novartis or an acronym) for its spelling-neutral form; legal forms and connecting words are left out and the
 * rest sorted. Центр гематологии, Гематология орталығы and Hematology Center share the key
 * {@code center-hematology}.
 */
public final class OrganizationKeys {

    /** Place names are matched over this many words at most (Санкт-Петербургского, Saint Petersburg). */
    private static final int LONGEST_PLACE_NAME = 3;
    /** A word the dictionary lacks may be a prefix (онко-, нейро-) on a word it has. */
    private static final int LONGEST_GUESSED_PREFIX = 6;
    private static final int SHORTEST_GUESSED_REST = 5;
    /** How many letters an inflection changes at the end of a proper name (Павлову → Павлов). */
    private static final int ENDING_LENGTH = 2;
    /** A word cut to fewer letters would stand for too many words. */
    private static final int SHORTEST_STEM = 4;

    private final RussianMorphology russian;
    private final KazakhMorphology kazakh;
    private final Map<String, List<String>> meaningsOfForm = new HashMap<>();
    private final Map<String, String> placeOfName = new HashMap<>();
    /** Names that are also words or people's names (Семей, Павлово): a place only as written, not as a form (Павлова). */
    private final Map<String, String> placeOfWrittenName = new HashMap<>();
    private final Set<String> legalForms = new HashSet<>();
    /** Longest first. */
    private final List<String> endings = DataLines.entries(OrganizationKeys.class, "name-word-endings.txt").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    public OrganizationKeys(RussianMorphology russian, KazakhMorphology kazakh, Gazetteer gazetteer) {
        this.russian = russian;
        this.kazakh = kazakh;
        for (String[] row : DataLines.rows(OrganizationKeys.class, "organization-words.tsv")) {
            List<String> meanings = List.of(row[0].split(" "));
            for (int column = 1; column < row.length; column++) {
                for (String form : row[column].split(" ")) {
                    meaningsOfForm.put(form.toLowerCase(Locale.ROOT), meanings);
                }
            }
        }
        for (Place place : gazetteer.places()) {
            List<String> names = new ArrayList<>(place.allNames());
            names.addAll(place.russianAdjectives());
            names.addAll(place.kazakhDerived());
            for (String name : names) {
                (place.caution(name) == Caution.NONE ? placeOfName : placeOfWrittenName)
                        .put(String.join(" ", words(name)), place.id());
            }
        }
        for (String form : DataLines.entries(OrganizationRecognizer.class, "legal-forms.txt")) {
            legalForms.add(form.toLowerCase(Locale.ROOT));
        }
    }

    public String key(String name) {
        return key(name, Map.of());
    }

    /**
     * The key, where an acronym that some document spells out ({@code Первый … университет (ПСПбГМУ)}) stands for
     * the words of its full name, so that {@code ПСПбГМУ им. И.П.Павлова} and the full name meet.
     *
     * @param fullNames full names by acronym in lower case
     */
    public String key(String name, Map<String, String> fullNames) {
        return String.join("-", parts(name, fullNames));
    }

    private Set<String> parts(String name, Map<String, String> fullNames) {
        Set<String> parts = new TreeSet<>();
        List<String> words = words(name);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String fullName = fullNames.get(word);
            if (fullName != null && !words(fullName).contains(word)) {
                parts.addAll(parts(fullName, Map.of()));
                continue;
            }
            // Names of several words first (Санкт-Петербург), then the lexicon (германский, неміс = german), then
            // one-word place names.
            int placeLength = placeAt(words, i, 2, parts);
            List<String> known = placeLength > 0 ? null : known(word);
            if (placeLength == 0 && known == null) {
                placeLength = placeAt(words, i, 1, parts);
            }
            if (placeLength > 0) {
                i += placeLength - 1;
            } else if (word.length() >= 2 && !legalForms.contains(word)) {
                (known != null ? known : guessed(word)).stream().filter(part -> !part.equals("-")).forEach(parts::add);
            }
        }
        return parts;
    }

    private static List<String> words(String name) {
        return List.of(name.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}\\p{N}]+")).stream()
                .filter(word -> !word.isEmpty()).toList();
    }

    /**
     * How many words from {@code i}, at least {@code shortest}, name a place, whose id is then added to the parts;
     * 0 if none do.
     */
    private int placeAt(List<String> words, int i, int shortest, Set<String> parts) {
        for (int length = Math.min(LONGEST_PLACE_NAME, words.size() - i); length >= shortest; length--) {
            String written = placeOfWrittenName.get(String.join(" ", words.subList(i, i + length)));
            if (written != null) {
                parts.add(written);
                return length;
            }
            for (String phrase : phrases(words.subList(i, i + length))) {
                String place = placeOfName.get(phrase);
                if (place != null) {
                    parts.add(place);
                    return length;
                }
            }
        }
        return 0;
    }

    /** Every phrase the words make with each word in any of its {@link #forms} (Республики Узбекистан → Республика). */
    private List<String> phrases(List<String> words) {
        List<String> phrases = List.of("");
        for (String word : words) {
            List<String> longer = new ArrayList<>();
            for (String phrase : phrases) {
                for (String form : forms(word)) {
                    longer.add(phrase.isEmpty() ? form : phrase + " " + form);
                }
            }
            phrases = longer;
        }
        return phrases;
    }

    /** The word as written, its Russian lemmas and its Kazakh stems. */
    private List<String> forms(String word) {
        List<String> forms = new ArrayList<>();
        forms.add(word);
        russian.analyze(word).forEach(a -> forms.add(a.lemma().toLowerCase(Locale.ROOT)));
        kazakh.stems(word).forEach(stem -> forms.add(stem.toLowerCase(Locale.ROOT)));
        if (word.endsWith("s") && word.length() > 3) {
            forms.add(word.substring(0, word.length() - 1));
        }
        return forms;
    }

    /** The meaning the lexicon gives the word in any of its forms, or null. */
    private List<String> known(String word) {
        for (String form : forms(word)) {
            List<String> known = meaningsOfForm.get(form);
            if (known != null) {
                return known;
            }
        }
        return null;
    }

    /** A word the lexicon lacks: a known word behind a prefix, else a proper name (Павлова, Novartis). */
    private List<String> guessed(String word) {
        List<String> withPrefix = withGuessedPrefix(word);
        if (withPrefix != null) {
            return withPrefix;
        }
        // The lemma that only changes the ending — an adjective's when the word may be one (детской → детский, not
        // the noun детская), else the shortest, so that a surname in any case gives one key (Павлова → Павлов, but
        // not Павлов → Павел).
        String lemma = russian.analyze(word).stream()
                .filter(a -> a.lemma().length() <= word.length()
                        && sharedStart(a.lemma().toLowerCase(Locale.ROOT), word) >= word.length() - ENDING_LENGTH)
                .min(Comparator.comparing((RussianMorphology.Analysis a) -> !a.tags().startsWith("ADJ"))
                        .thenComparingInt(a -> a.lemma().length()).thenComparing(RussianMorphology.Analysis::lemma))
                .map(a -> a.lemma().toLowerCase(Locale.ROOT)).orElse(word);
        return List.of(Transliteration.key(withoutEnding(lemma)));
    }

    /** A Cyrillic word without its case or gender ending (name-word-endings.txt), keeping at least a stem. */
    private String withoutEnding(String word) {
        for (String ending : endings) {
            if (word.endsWith(ending) && word.length() - ending.length() >= SHORTEST_STEM) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private static int sharedStart(String one, String other) {
        int n = 0;
        while (n < one.length() && n < other.length() && one.charAt(n) == other.charAt(n)) {
            n++;
        }
        return n;
    }

    /** онкогематологов → онко + гематолог: the meaning of a known word behind a prefix, with the prefix. */
    private List<String> withGuessedPrefix(String word) {
        if (!russian.analyze(word).isEmpty()) {
            return null;
        }
        for (int cut = 2; cut <= LONGEST_GUESSED_PREFIX && word.length() - cut >= SHORTEST_GUESSED_REST; cut++) {
            for (RussianMorphology.Analysis a : russian.analyze(word.substring(cut))) {
                List<String> known = meaningsOfForm.get(word.substring(0, cut) + a.lemma().toLowerCase(Locale.ROOT));
                if (known != null) {
                    return known;
                }
            }
        }
        return null;
    }
}
