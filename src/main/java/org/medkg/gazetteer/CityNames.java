package org.medkg.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.text.DataLines;

/**
 * The Russian, Kazakh and English names of a GeoNames city, chosen among its untagged alternate names by the
 * spelling rules of {@code geonames-spelling.txt}.
 *
 * <ul>
 *   <li>Russian: a Cyrillic spelling without letters or letter groups Russian does not write. Among several, the
 *       one whose Latin form (BGN/PCGN) is the city's GeoNames name weighs most, then one the Russian dictionary
 *       knows, then one whose Latin form is among the Latin alternate names; ties go to the first listed.</li>
 *   <li>Kazakh, for Kazakhstan's cities only: the spellings with a Kazakh letter (Өскемен); else the Russian
 *       one, as Kazakh texts write most names.</li>
 *   <li>English: GeoNames' name and ASCII name, and the Latin alternates that spell the Russian name letter for
 *       letter (Homyel' also as Gomel).</li>
 * </ul>
 */
final class CityNames {

    /** The names found for one city; {@code russian} is empty when no alternate name is Russian. */
    record Names(Optional<String> russian, List<String> kazakh, List<String> english) {
    }

    private static final String RESOURCE = "/org/medkg/gazetteer/geonames-spelling.txt";
    private static final String KAZAKHSTAN = "KZ";
    /** English spellings beside GeoNames' own name: plain letters, no accents or apostrophes (Gomel, Kharkov). */
    private static final Pattern PLAIN_LATIN = Pattern.compile("[A-Z][a-z]+([ -][A-Za-z][a-z]+)*");
    private static final String VOWELS_AND_SIGNS = "аеёиоуыэюяйьъ";
    private static final int NAME_MATCH = 4;
    private static final int KNOWN_WORD = 2;
    private static final int ALTERNATE_MATCH = 1;

    private final RussianMorphology morphology;
    private final Set<Integer> notRussianLetters = new HashSet<>();
    private final List<String> notRussianParts = new ArrayList<>();
    private final Set<String> notRussianWords = new HashSet<>();
    private final Set<Integer> kazakhLetters = new HashSet<>();
    private final Map<Integer, String> latin = new HashMap<>();
    private final Map<Integer, String> latinInitial = new HashMap<>();
    /** Name ending → adjective ending, longest name ending first; "" is any other consonant. */
    private final Map<String, String> adjectiveEndings = new TreeMap<>(
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    CityNames(RussianMorphology morphology) {
        this.morphology = morphology;
        for (DataLines.Line line : DataLines.read(CityNames.class, RESOURCE)) {
            String[] columns = line.text().split("\\s+");
            List<String> values = List.of(columns).subList(1, columns.length);
            switch (columns[0]) {
                case "not-russian" -> values.forEach(letter -> notRussianLetters.add(letter.codePointAt(0)));
                case "not-russian-part" -> notRussianParts.addAll(values);
                case "not-russian-word" -> notRussianWords.addAll(values);
                case "kazakh" -> values.forEach(letter -> kazakhLetters.add(letter.codePointAt(0)));
                case "latin" -> {
                    if (values.size() < 2 || values.size() > 3) {
                        throw line.error("expected `latin CYRILLIC LATIN [INITIAL]`");
                    }
                    int letter = values.get(0).codePointAt(0);
                    latin.put(letter, values.get(1).equals("-") ? "" : values.get(1));
                    latinInitial.put(letter, values.size() == 3 ? values.get(2) : latin.get(letter));
                }
                case "adjective" -> {
                    if (values.size() != 2) {
                        throw line.error("expected `adjective ENDING ADJECTIVE-ENDING`");
                    }
                    adjectiveEndings.put(values.get(0).equals("-") ? "" : values.get(0), values.get(1));
                }
                default -> throw line.error("unknown kind of line");
            }
        }
    }

    Names of(GeoNamesDump.City city) {
        Set<String> latinSkeletons = new HashSet<>();
        for (String alternate : city.alternateNames()) {
            if (isLatinName(alternate)) {
                latinSkeletons.add(skeleton(alternate));
            }
        }
        Set<String> ownName = new HashSet<>(List.of(skeleton(city.name()), skeleton(city.asciiName())));
        String russian = null;
        int best = -1;
        List<String> kazakh = new ArrayList<>();
        for (String alternate : city.alternateNames()) {
            String name = alternate.strip();
            if (!isCyrillicName(name)) {
                continue;
            }
            if (isKazakh(name)) {
                kazakh.add(name);
            }
            if (!isRussian(name)) {
                continue;
            }
            String inLatin = skeleton(toLatin(name));
            int score = (ownName.contains(inLatin) ? NAME_MATCH : 0) + (isKnownWord(name) ? KNOWN_WORD : 0)
                    + (latinSkeletons.contains(inLatin) ? ALTERNATE_MATCH : 0);
            if (score > best) {
                best = score;
                russian = name;
            }
        }
        Set<String> english = new LinkedHashSet<>(List.of(city.name().strip(), city.asciiName().strip()));
        if (russian != null) {
            String inLatin = skeleton(toLatin(russian));
            for (String alternate : city.alternateNames()) {
                if (PLAIN_LATIN.matcher(alternate.strip()).matches() && skeleton(alternate).equals(inLatin)) {
                    english.add(alternate.strip());
                }
            }
        }
        english.removeIf(String::isEmpty);
        List<String> kazakhNames = !city.countryCode().equals(KAZAKHSTAN) || kazakh.isEmpty()
                ? (russian == null ? List.of() : List.of(russian)) : List.copyOf(new LinkedHashSet<>(kazakh));
        return new Names(Optional.ofNullable(russian), kazakhNames, List.copyOf(english));
    }

    /**
     * The Russian adjective of a one-word Russian name, where it is safe (see {@code geonames-spelling.txt}):
     * Смоленск → смоленский; none for Братск, whose братский is a common word.
     */
    Optional<String> adjective(String russian) {
        String name = RussianPlaceForms.normalize(russian);
        if (!name.matches("\\p{IsCyrillic}+")) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> rule : adjectiveEndings.entrySet()) {
            String ending = rule.getKey();
            boolean fits = ending.isEmpty() ? !VOWELS_AND_SIGNS.contains(name.substring(name.length() - 1))
                    : name.endsWith(ending);
            if (!fits) {
                continue;
            }
            String stem = name.substring(0, name.length() - ending.length());
            String adjective = stem + rule.getValue();
            List<RussianMorphology.Analysis> readings = morphology.analyze(adjective);
            // Toponymic adjectives are surnames too (Смоленский): the person recognizer wins those overlaps.
            boolean onlyAdjective = !readings.isEmpty() && readings.stream()
                    .allMatch(reading -> reading.tags().startsWith("ADJ") || reading.has("Fam"));
            boolean stemIsNoun = morphology.analyze(stem).stream().anyMatch(reading -> reading.tags().startsWith("NN")
                    && !reading.has("Fam") && !reading.has("Name") && !reading.has("Patr")
                    && !RussianPlaceForms.normalize(reading.lemma()).equals(name)); // the city itself (Воронеж)
            return onlyAdjective && !stemIsNoun ? Optional.of(adjective) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Capitalized Cyrillic words joined by spaces or hyphens, not all in capitals (ГОМЕЛЬ is a heading). */
    private static boolean isCyrillicName(String name) {
        return isName(name, Character.UnicodeScript.CYRILLIC);
    }

    private static boolean isLatinName(String name) {
        return isName(name.strip(), Character.UnicodeScript.LATIN);
    }

    private static boolean isName(String name, Character.UnicodeScript script) {
        if (name.isEmpty() || !Character.isUpperCase(name.codePointAt(0)) || name.equals(name.toUpperCase(Locale.ROOT))
                || name.contains(" -") || name.contains("- ")) {
            return false; // ГОМЕЛЬ is a heading; Талды - Курган is no spelling
        }
        return name.codePoints().allMatch(c -> c == ' ' || c == '-' || c == '\'' || c == '’'
                || Character.isLetter(c) && Character.UnicodeScript.of(c) == script);
    }

    private boolean isRussian(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.codePoints().anyMatch(notRussianLetters::contains) || lower.contains("'") || lower.contains("’")) {
            return false;
        }
        for (String part : notRussianParts) {
            if (lower.contains(part)) {
                return false;
            }
        }
        for (String word : lower.split("[ -]")) {
            if (notRussianWords.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** A Kazakh spelling: at least one Kazakh letter, and no letter foreign to Kazakh. */
    private boolean isKazakh(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.codePoints().anyMatch(kazakhLetters::contains)
                && lower.codePoints().allMatch(c -> !Character.isLetter(c) || kazakhLetters.contains(c)
                        || !notRussianLetters.contains(c));
    }

    /** Whether the Russian dictionary knows the name as a whole (Пекин; not Улан Уде for its two words). */
    private boolean isKnownWord(String name) {
        return !morphology.analyze(name).isEmpty();
    }

    /** The Russian spelling in Latin letters by the table of {@code geonames-spelling.txt}. */
    String toLatin(String russian) {
        StringBuilder out = new StringBuilder();
        String lower = russian.toLowerCase(Locale.ROOT);
        int previous = ' ';
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            boolean initial = !Character.isLetter(previous) || "аеёиоуыэюяьъ".indexOf(previous) >= 0;
            String letters = (initial ? latinInitial : latin).get(c);
            out.append(letters != null ? letters : Character.toString(c));
            previous = c;
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** Letters only, lower case, accents dropped: Rostov-na-Donu and Rostov na Donu meet. */
    static String skeleton(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        plain.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
        return out.toString();
    }
}
