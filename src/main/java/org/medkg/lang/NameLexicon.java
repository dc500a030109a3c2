package org.medkg.lang;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.medkg.lang.kk.KazakhLatin;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.text.DataLines;

/**
 * What the person recognizer knows about names, from the data files in {@code names/}: given names with their
 * gender (Russian, Kazakh, Uzbek, Kyrgyz, Tatar, Georgian, Armenian, Western; Cyrillic and Latin spellings),
 * patronymic endings ({@code -ович}, {@code -қызы}, {@code -ovna}), surname endings ({@code -ова}, {@code -дзе},
 * {@code -енко}), the particles some surnames begin with ({@code де}, {@code van}) and the words that introduce a
 * person ({@code профессор}, {@code д.м.н.}, {@code Dr.}, {@code меңгерушісі}). Words are taken in their dictionary form (nominative); inflection is the caller's job.
 * Lookups ignore case and accents on Latin letters, and read ё as е.
 */
public final class NameLexicon {

    public enum Gender { MALE, FEMALE, UNKNOWN }

    /** How a context word qualifies the person it introduces (the graph keeps degrees, titles, positions apart). */
    public enum ContextKind { DEGREE, TITLE, POSITION, HONORIFIC }

    private static final String DIRECTORY = "names/";
    // An ending must leave a stem: Ов is no surname, Ильич's stem is "Ил".
    private static final int PATRONYMIC_STEM = 3;
    private static final int SURNAME_STEM = 2;
    private static final Pattern LATIN_ACCENT = Pattern.compile("(?<=\\p{IsLatin})\\p{M}+");
    /** How many words each answer cache below remembers (see {@link WordCache}). */
    private static final int CACHED_WORDS = 100_000;
    private static final NameLexicon INSTANCE = new NameLexicon();

    private final Map<String, Gender> givenNames;
    private final List<Ending> patronymicEndings;
    private final List<Ending> surnameEndings;
    private final Map<String, ContextKind> contextWords;
    private final Set<String> surnameParticles;
    // The recognizers ask about the same words in every sentence and every document, and a key costs two Unicode
    // normalizations and an accent search: each answer is remembered by the word asked about.
    private final WordCache<String> keys = new WordCache<>(NameLexicon::key, CACHED_WORDS);
    private final WordCache<Optional<Ending>> patronymicEnding;
    private final WordCache<Optional<Ending>> surnameEnding;
    private final WordCache<Optional<ContextKind>> contextKinds = new WordCache<>(this::findContextKind, CACHED_WORDS);

    /** An ending, the gender it tells, and whether it marks a surname even beside an unknown given name. */
    private record Ending(String text, Gender gender, boolean typical) {
    }

    private NameLexicon() {
        givenNames = loadGivenNames();
        patronymicEndings = loadEndings("patronymic-endings.txt");
        surnameEndings = loadEndings("surname-endings.txt");
        patronymicEnding = new WordCache<>(word -> endingOf(word, patronymicEndings, PATRONYMIC_STEM), CACHED_WORDS);
        surnameEnding = new WordCache<>(word -> endingOf(word, surnameEndings, SURNAME_STEM), CACHED_WORDS);
        contextWords = loadContextWords();
        surnameParticles = Set.copyOf(DataLines.entries(NameLexicon.class, DIRECTORY + "surname-particles.txt"));
    }

    public static NameLexicon get() {
        return INSTANCE;
    }

    public boolean isGivenName(String word) {
        return givenNames.containsKey(keys.get(word));
    }

    /** The gender of a given name; empty when the word is not one. */
    public Optional<Gender> givenNameGender(String word) {
        return Optional.ofNullable(givenNames.get(keys.get(word)));
    }

    public boolean looksLikePatronymic(String word) {
        return patronymicGender(word).isPresent();
    }

    /** The gender a patronymic's ending tells ({@code -овна}, {@code -қызы} female); empty when it is none. */
    public Optional<Gender> patronymicGender(String word) {
        return patronymicEnding.get(word).map(Ending::gender);
    }

    /**
     * Whether the word has the shape of a surname: the Russian dictionary knows it as one, or it is unknown to the
     * dictionary and ends like one. Words the dictionary knows only as ordinary words (Медицина) are not.
     */
    public boolean looksLikeSurname(String word) {
        return surnameGender(word).isPresent();
    }

    /** The gender a surname tells ({@code -ова} female, {@code -дзе} either); empty when the word looks like none. */
    public Optional<Gender> surnameGender(String word) {
        if (!isWord(word)) {
            return Optional.empty();
        }
        List<RussianMorphology.Analysis> readings = RussianMorphology.get().analyze(word);
        Optional<Ending> ending = surnameEnding.get(word);
        boolean dictionarySurname = readings.stream().anyMatch(reading -> reading.has("Fam"));
        if (!readings.isEmpty() && !dictionarySurname) {
            return Optional.empty();
        }
        if (ending.isPresent()) {
            return Optional.of(ending.get().gender());
        }
        return dictionarySurname ? Optional.of(Gender.UNKNOWN) : Optional.empty();
    }

    /** Whether the word ends like a surname ({@code -ова}, {@code -баев}, {@code -дзе}), whatever else it may be. */
    public boolean hasSurnameEnding(String word) {
        return surnameEnding.get(word).isPresent();
    }

    /**
     * Whether the word ends in one of the endings that mark a surname on their own ({@code -ов}, {@code -ева},
     * {@code -баев}, {@code -бекова}, {@code -улы}, {@code -кызы}), so that it makes a name with an unknown word
     * before it (Назгуль Абдыразакова).
     */
    public boolean hasTypicalSurnameEnding(String word) {
        return surnameEnding.get(word).filter(Ending::typical).isPresent();
    }

    /** A word written before a surname as part of it: {@code де}, {@code van}, {@code ибн} (as written). */
    public boolean isSurnameParticle(String word) {
        return surnameParticles.contains(word);
    }

    /** Whether the word introduces a person's name: a degree, title, position or form of address. */
    public boolean isNameContext(String word) {
        return nameContextKind(word).isPresent();
    }

    /** The kind of a context word; a Latin word is also read as Kazakh in Latin letters (basshysy = басшысы). */
    public Optional<ContextKind> nameContextKind(String word) {
        return contextKinds.get(word);
    }

    private Optional<ContextKind> findContextKind(String word) {
        ContextKind kind = contextWords.get(key(word));
        if (kind == null && !word.isEmpty() && Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.LATIN) {
            kind = contextWords.get(key(KazakhLatin.toCyrillic(word)));
        }
        return Optional.ofNullable(kind);
    }

    private static Optional<Ending> endingOf(String word, List<Ending> endings, int stem) {
        if (!isWord(word)) {
            return Optional.empty();
        }
        String key = key(word);
        // Endings are sorted longest first, so -бекова wins over -ова.
        return endings.stream()
                .filter(ending -> key.endsWith(ending.text()) && key.length() - ending.text().length() >= stem)
                .findFirst();
    }

    private static boolean isWord(String word) {
        return !word.isEmpty() && word.codePoints().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'');
    }

    private static String key(String word) {
        String lower = word.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        // Žilvinas = Zilvinas; Cyrillic й keeps its breve.
        return Normalizer.normalize(LATIN_ACCENT.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll(""),
                Normalizer.Form.NFC);
    }

    private static Gender gender(DataLines.Line line, String code) {
        return switch (code) {
            case "M" -> Gender.MALE;
            case "F" -> Gender.FEMALE;
            case "U" -> Gender.UNKNOWN;
            default -> throw line.error("gender must be M, F or U");
        };
    }

    private static Map<String, Gender> loadGivenNames() {
        Map<String, Gender> names = new HashMap<>();
        for (DataLines.Line line : DataLines.read(NameLexicon.class, DIRECTORY + "given-names.txt")) {
            String[] columns = line.text().split("\\s+");
            if (columns.length < 3) {
                throw line.error("expected: gender origin spelling...");
            }
            Gender gender = gender(line, columns[0]);
            for (int i = 2; i < columns.length; i++) {
                Gender earlier = names.putIfAbsent(key(columns[i]), gender);
                if (earlier != null && earlier != gender) {
                    throw line.error(columns[i] + " is listed with another gender already");
                }
            }
        }
        return Map.copyOf(names);
    }

    private static List<Ending> loadEndings(String file) {
        Map<String, Ending> endings = new HashMap<>();
        for (DataLines.Line line : DataLines.read(NameLexicon.class, DIRECTORY + file)) {
            String[] columns = line.text().split("\\s+");
            if (columns.length < 2 || columns.length > 3 || columns.length == 3 && !columns[2].equals("typical")) {
                throw line.error("expected: gender ending [typical]");
            }
            Ending ending = new Ending(key(columns[1]), gender(line, columns[0]), columns.length == 3);
            if (endings.putIfAbsent(ending.text(), ending) != null) {
                throw line.error("ending listed twice");
            }
        }
        return endings.values().stream()
                .sorted(Comparator.comparingInt((Ending e) -> e.text().length()).reversed()
                        .thenComparing(Ending::text))
                .toList();
    }

    private static Map<String, ContextKind> loadContextWords() {
        Map<String, ContextKind> words = new HashMap<>();
        for (DataLines.Line line : DataLines.read(NameLexicon.class, DIRECTORY + "person-context-words.txt")) {
            String[] columns = line.text().split("\\s+");
            if (columns.length != 3) {
                throw line.error("expected: kind language word");
            }
            ContextKind kind;
            try {
                kind = ContextKind.valueOf(columns[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw line.error("unknown kind " + columns[0]);
            }
            ContextKind earlier = words.putIfAbsent(key(columns[2]), kind);
            if (earlier != null && earlier != kind) {
                throw line.error(columns[2] + " is listed with another kind already");
            }
        }
        return Map.copyOf(words);
    }
}
