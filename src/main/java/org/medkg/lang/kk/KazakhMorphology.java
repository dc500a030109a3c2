package org.medkg.lang.kk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.medkg.lang.WordCache;
import org.medkg.text.DataLines;

/**
 * Kazakh noun suffix stripping: {@code Қарағандыда} → {@code Қарағанды}, {@code университетінің} →
 * {@code университет}. The suffixes are data ({@code org/medkg/lang/kk/suffixes.txt}): case endings and the
 * {@code -дағы} locative adjective, then possessive, then plural endings, each with its vowel-harmony variants.
 * There is no dictionary, so the answer is a list of candidates for the caller to look up.
 */
public final class KazakhMorphology {

    private static final String RESOURCE = "/org/medkg/lang/kk/suffixes.txt";
    private static final String BACK_VOWELS = "аоұы";
    private static final String FRONT_VOWELS = "әеөүі";
    private static final String ALL_VOWELS = "аоұыәеөүіуиюяёэ";
    /** Shorter remainders are not stems (strips the -а of "Ана" to "Ан" no more). */
    private static final int MIN_STEM_LENGTH = 3;

    private enum Harmony { BACK, FRONT, ANY }

    private record Suffix(String form, Harmony harmony) {
    }

    private static final KazakhMorphology INSTANCE = new KazakhMorphology(load());

    /** The slot of case endings written in Latin letters, cut only from names' heads. */
    private static final String LATIN_CASE = "latin-case";
    /** The slot of the endings that make adjectives, which are never stripped. */
    private static final String ADJECTIVE = "adjective";
    private static final String LATIN_BACK_VOWELS = "aouy";
    private static final String LATIN_FRONT_VOWELS = "áeóúi";

    /** Suffixes per slot, in stripping order; each slot's list longest first. */
    private final List<List<Suffix>> slots;
    private final WordCache<List<String>> stems = new WordCache<>(this::findStems, 100_000);
    /** Case endings in either script, longest first. */
    private final List<Suffix> caseEndings;
    private final List<Suffix> adjectiveEndings;

    private KazakhMorphology(Map<String, List<Suffix>> slots) {
        this.slots = slots.entrySet().stream().filter(slot -> !slot.getKey().equals(LATIN_CASE)
                && !slot.getKey().equals(ADJECTIVE)).map(Map.Entry::getValue).toList();
        this.adjectiveEndings = slots.getOrDefault(ADJECTIVE, List.of());
        List<Suffix> endings = new ArrayList<>(slots.getOrDefault("case", List.of()));
        endings.addAll(slots.getOrDefault(LATIN_CASE, List.of()));
        endings.sort(Comparator.comparingInt((Suffix s) -> s.form().length()).reversed());
        this.caseEndings = List.copyOf(endings);
    }

    /** Whether the word ends like an adjective (облыстық, мемлекеттік, ғылыми, memlekettik). */
    public boolean isAdjective(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return adjectiveEndings.stream().anyMatch(ending -> lower.endsWith(ending.form())
                && lower.length() - ending.form().length() >= MIN_STEM_LENGTH);
    }

    /** Whether the word ends in the third person possessive (орталығы, басқармасы, qory). */
    public static boolean hasPossessive(String word) {
        return word.toLowerCase(Locale.ROOT).matches(".*[ыіyi]");
    }

    /**
     * The word with the third person possessive that a noun takes after a noun modifier (дәрігерлік амбулатория →
     * «Шипагер» дәрігерлік амбулаториясы, орталық → орталығы): -сы/-сі after a vowel, -ы/-і after a consonant, with
     * к and қ voiced; in the word's script and letter case.
     */
    public static String withPossessive(String word) {
        if (word.isEmpty()) {
            return word;
        }
        boolean latin = Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.LATIN;
        String lower = word.toLowerCase(Locale.ROOT);
        boolean front = false;
        for (int i = lower.length() - 1; i >= 0; i--) {
            char c = lower.charAt(i);
            if (BACK_VOWELS.indexOf(c) >= 0 || latin && LATIN_BACK_VOWELS.indexOf(c) >= 0) {
                break;
            }
            if (FRONT_VOWELS.indexOf(c) >= 0 || latin && LATIN_FRONT_VOWELS.indexOf(c) >= 0) {
                front = true;
                break;
            }
        }
        char last = lower.charAt(lower.length() - 1);
        boolean vowel = ALL_VOWELS.indexOf(last) >= 0 || latin && "aáeıoóuúyiý".indexOf(last) >= 0;
        String stem = word.substring(0, word.length() - 1) + switch (last) {
            case 'қ' -> 'ғ';
            case 'к' -> 'г';
            case 'q' -> 'ǵ';
            case 'k' -> 'g';
            default -> word.charAt(word.length() - 1);
        };
        String suffix = latin ? (vowel ? "s" : "") + (front ? "i" : "y") : (vowel ? "с" : "") + (front ? "і" : "ы");
        boolean upper = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
        return (vowel ? word : stem) + (upper ? suffix.toUpperCase(Locale.ROOT) : suffix);
    }

    /**
     * The word without its case ending, keeping at least {@code shortest} letters: a name's head in the nominative as
     * written, with its possessive if it has one (орталығының → орталығы, мәслихаттың → мәслихат, ortalyǵynyń →
     * ortalyǵy).
     */
    public String withoutCase(String word, int shortest) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (Suffix ending : caseEndings) {
            if (lower.endsWith(ending.form()) && lower.length() - ending.form().length() >= shortest) {
                return trimJoiner(word.substring(0, word.length() - ending.form().length()));
            }
        }
        return word;
    }

    /** Ablative, locative and accusative endings (орталығынан, Мәжілісінде, Дәрістерді, Трансплантацияны). */
    private static final Pattern GENITIVE = Pattern.compile("(?iu)(ның|нің|дың|дің|тың|тің)$");
    private static final Pattern ADVERBIAL_CASE = Pattern.compile(
            "(?iu).*(дан|ден|тан|тен|нан|нен|нда|нде|(лар|лер|дар|дер|тар|тер)(ды|ді)|\\p{L}{3}(ны|ні))");

    /**
     * Whether the word ends in a case that a modifier inside a noun phrase does not take, so that reading a name
     * leftwards from its head (Kazakh puts the head last) stops there: {@code … орталығынан бағдарламаға}. The
     * dative is not among them: {@code полицитемияға арналған мектеп} (a school for polycythemia).
     */
    public static boolean isInAdverbialCase(String word) {
        return ADVERBIAL_CASE.matcher(word).matches();
    }

    /** The genitive, the case of an owner: Орталықтың (the Center's). */
    public static boolean isGenitive(String word) {
        return GENITIVE.matcher(word).find();
    }

    public static KazakhMorphology get() {
        return INSTANCE;
    }

    /**
     * The word itself and every stem it may have once case, possessive and plural suffixes are taken off,
     * longest first, in the word's own letter case: {@code Қазақстанның} → [Қазақстанның, Қазақстан, …].
     */
    public List<String> stems(String word) {
        return stems.get(word);
    }

    private List<String> findStems(String word) {
        Set<String> found = new LinkedHashSet<>();
        found.add(word);
        List<String> frontier = List.of(word);
        for (List<Suffix> slot : slots) {
            List<String> next = new ArrayList<>(frontier);
            for (String candidate : frontier) {
                String lower = candidate.toLowerCase(Locale.ROOT);
                for (Suffix suffix : slot) {
                    if (!lower.endsWith(suffix.form())) {
                        continue;
                    }
                    String stem = trimJoiner(candidate.substring(0, candidate.length() - suffix.form().length()));
                    if (isStem(stem) && agrees(stem, suffix.harmony()) && found.add(stem)) {
                        next.add(stem);
                    }
                }
            }
            frontier = next;
        }
        List<String> stems = new ArrayList<>(found);
        stems.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(stems);
    }

    /** Suffixes are sometimes written after a hyphen or apostrophe: Львова-ның, COVID-тың. */
    private static String trimJoiner(String stem) {
        if (!stem.isEmpty() && "-'’".indexOf(stem.charAt(stem.length() - 1)) >= 0) {
            return stem.substring(0, stem.length() - 1);
        }
        return stem;
    }

    private static boolean isStem(String stem) {
        if (stem.length() < MIN_STEM_LENGTH) {
            return false;
        }
        String lower = stem.toLowerCase(Locale.ROOT);
        return lower.chars().anyMatch(c -> ALL_VOWELS.indexOf(c) >= 0);
    }

    private static boolean agrees(String stem, Harmony harmony) {
        if (harmony == Harmony.ANY) {
            return true;
        }
        String lower = stem.toLowerCase(Locale.ROOT);
        for (int i = lower.length() - 1; i >= 0; i--) {
            char c = lower.charAt(i);
            if (BACK_VOWELS.indexOf(c) >= 0) {
                return harmony == Harmony.BACK;
            }
            if (FRONT_VOWELS.indexOf(c) >= 0) {
                return harmony == Harmony.FRONT;
            }
            if (ALL_VOWELS.indexOf(c) >= 0) {
                return true;  // у, и, ю, я…: Russian loans take either series (Петербургте, Мәскеудің)
            }
        }
        return true;
    }

    private static Map<String, List<Suffix>> load() {
        Map<String, List<Suffix>> slots = new LinkedHashMap<>();
        for (DataLines.Line line : DataLines.read(KazakhMorphology.class, RESOURCE)) {
            String[] columns = line.text().split("\\s+");
            if (columns.length < 3) {
                throw line.error("expected slot, harmony and suffixes");
            }
            Harmony harmony;
            try {
                harmony = Harmony.valueOf(columns[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw line.error("harmony must be back, front or any");
            }
            List<Suffix> slot = slots.computeIfAbsent(columns[0], name -> new ArrayList<>());
            for (int j = 2; j < columns.length; j++) {
                slot.add(new Suffix(columns[j].toLowerCase(Locale.ROOT), harmony));
            }
        }
        Map<String, List<Suffix>> ordered = new LinkedHashMap<>();
        slots.forEach((name, slot) -> {
            slot.sort(Comparator.comparingInt((Suffix s) -> s.form().length()).reversed());
            ordered.put(name, List.copyOf(slot));
        });
        return ordered;
    }
}
