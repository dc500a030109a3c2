package org.medkg.recognize;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkg.gazetteer.Caution;
import org.medkg.gazetteer.Gazetteer;
import org.medkg.gazetteer.Place;
import org.medkg.gazetteer.PlaceKind;
import org.medkg.gazetteer.RussianPlaceForms;
import org.medkg.lang.Language;
import org.medkg.lang.kk.KazakhLatin;
import org.medkg.lang.WordCache;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.text.DataLines;

/**
 * Finds cities and countries of the {@link Gazetteer} in Russian, Kazakh and English text, in any case:
 * Russian names in all their case forms (в Караганде, Республики Казахстан), Russian adjectives made from city
 * names (Карагандинский филиал), Kazakh names with case, possessive and plural suffixes (Қарағандыда,
 * Қазақстан Республикасының), English names with 's, and abbreviations (РК, РФ, СПб) as whole tokens.
 *
 * <p>Rules, in the order they are checked:
 * <ol>
 *   <li>Names are taken only when written with a capital letter (every word of the name that has one);
 *       adjectives too, which keeps {@code карагандинские врачи} of running text out. A word of two or three
 *       capitals is an acronym, not a name ({@code ОШ} is a school, {@code Ош} the city). Abbreviations must
 *       match letter for letter.</li>
 *   <li>The longest name wins: {@code Республики Казахстан} is one mention, not two.</li>
 *   <li>A name followed by a region word ({@code области}, {@code облысы}, {@code Region}) names a region,
 *       not a city, and gives no mention; so does a country name after a compass word
 *       ({@code Солтүстік Қазақстан}, {@code East Kazakhstan}). Names of countries that start with a compass
 *       word ({@code South Korea}) are matched whole first, as the longest name.</li>
 *   <li>Spellings marked in the gazetteer as also being common words (Семей, Орал) are not taken at the
 *       start of a sentence, and those marked as person names (Гурьев, Конаев) only right after a cue word
 *       ({@code г.}, {@code город}, {@code в}, {@code city}…), unless that cue is there.</li>
 * </ol>
 * Country adjectives are not in the gazetteer, so {@code казахстанские} and {@code Западно-Казахстанский}
 * (one hyphenated token) give nothing. Each mention's canonical form is the Russian canonical name and its
 * field {@code placeId} the gazetteer id.
 */
public final class PlaceRecognizer implements Recognizer {

    public static final String PLACE_ID = "placeId";
    private static final String CONTEXT_RESOURCE = "/org/medkg/gazetteer/context-words.txt";
    /** Letters and digits, joined by hyphens or apostrophes, or by a hyphen at a line break (Ка-\nзахстан). */
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{M}\\d]+(?:(?:[-'’]|-[ \\t]*\\r?\\n[ \\t]*)[\\p{L}\\p{M}\\d]+)*");
    private static final int SHORT_ACRONYM = 3;
    private static final Pattern LINE_BREAK_HYPHEN = Pattern.compile("-[ \\t]*\\r?\\n[ \\t]*");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /** One way of writing one place, as a sequence of token positions with the forms allowed at each. */
    /** One way a place's name is written; {@code onlyIn} is the one language whose texts write it so, or null. */
    private record Variant(Place place, List<Set<String>> forms, List<Boolean> capitalized, List<String> gaps,
                           Caution caution, boolean exactCase, Language onlyIn) {
        int length() {
            return forms.size();
        }
    }

    private record Token(int start, int end, String surface, String key) {
        boolean capitalized() {
            return Character.isUpperCase(surface.codePointAt(0));
        }

        /** Two or three capitals are an acronym (ОШ = общеобразовательная школа, МИР), not a short name. */
        boolean isShortAcronym() {
            return surface.length() >= 2 && surface.length() <= SHORT_ACRONYM
                    && surface.codePoints().allMatch(Character::isUpperCase);
        }
    }

    private final Map<String, List<Variant>> byFirstForm;
    private final Map<String, List<Variant>> byAbbreviation;
    private final Set<String> cueWords;
    private final Set<String> regionWords;
    private final Set<String> compassWords;
    private final KazakhMorphology kazakh;
    /** The keys of a word's Kazakh stems, remembered by the word: the same words come back in every Kazakh text. */
    private final WordCache<List<String>> kazakhKeys = new WordCache<>(this::kazakhStemKeys, 100_000);

    private PlaceRecognizer(Gazetteer gazetteer) {
        Map<String, Set<String>> context = loadContextWords();
        this.cueWords = Set.copyOf(context.getOrDefault("cue", Set.of()));
        this.regionWords = Set.copyOf(context.getOrDefault("region", Set.of()));
        this.compassWords = Set.copyOf(context.getOrDefault("compass", Set.of()));
        this.kazakh = KazakhMorphology.get();
        Map<String, List<Variant>> byFirst = new HashMap<>();
        Map<String, List<Variant>> byAbbr = new HashMap<>();
        RussianPlaceForms russian = RussianPlaceForms.get();
        for (Place place : gazetteer.places()) {
            List<String> russianNames = new ArrayList<>(place.names(Language.RU));
            russianNames.addAll(place.formerNames(Language.RU));
            for (String name : russianNames) {
                index(byFirst, variant(place, name, russian::nounForms, false));
            }
            for (Language language : List.of(Language.KK, Language.EN)) {
                List<String> names = new ArrayList<>(place.names(language));
                names.addAll(place.formerNames(language));
                if (language == Language.KK) {
                    names.addAll(place.kazakhDerived());
                }
                for (String name : names) {
                    index(byFirst, variant(place, name, word -> Set.of(RussianPlaceForms.normalize(word)), false));
                    if (language == Language.KK) {
                        // the same name as a Kazakh text in the Latin alphabet of 2018 writes it (Lıtva, Ázerbaıjan)
                        Variant cyrillic = variant(place, name, word -> Set.of(), false);
                        Variant latin = variant(place, KazakhLatin.toLatin(name), word -> Set.of(), false);
                        index(byFirst, new Variant(place, latin.forms(), cyrillic.capitalized(), latin.gaps(),
                                cyrillic.caution(), false, Language.KK));
                    }
                }
            }
            for (String adjective : place.russianAdjectives()) {
                index(byFirst, variant(place, adjective, russian::adjectiveForms, true));
            }
            for (String abbreviation : place.abbreviations()) {
                Variant variant = new Variant(place, List.of(Set.of(abbreviation)), List.of(true), List.of(),
                        Caution.NONE, true, null);
                byAbbr.computeIfAbsent(abbreviation, key -> new ArrayList<>()).add(variant);
            }
        }
        this.byFirstForm = freeze(byFirst);
        this.byAbbreviation = freeze(byAbbr);
    }

    public static PlaceRecognizer create(Gazetteer gazetteer) {
        return new PlaceRecognizer(requireNonNull(gazetteer, "gazetteer"));
    }

    private static final class Standard {
        static final PlaceRecognizer INSTANCE = new PlaceRecognizer(Gazetteer.standard());
    }

    /** A recognizer over the shipped gazetteer, built once. */
    public static PlaceRecognizer standard() {
        return Standard.INSTANCE;
    }

    private interface FormsOfWord {
        Set<String> forms(String word);
    }

    private static Variant variant(Place place, String name, FormsOfWord formsOfWord, boolean adjective) {
        List<Token> tokens = tokenize(name);
        if (tokens.isEmpty()) {
            throw new IllegalStateException("place " + place.id() + " has a name without letters: " + name);
        }
        List<Set<String>> forms = new ArrayList<>();
        List<Boolean> capitalized = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Set<String> allowed = new LinkedHashSet<>();
            allowed.add(token.key());
            formsOfWord.forms(token.surface()).forEach(form -> allowed.add(key(form)));
            forms.add(Set.copyOf(allowed));
            capitalized.add(adjective || token.capitalized());
            if (i > 0) {
                gaps.add(gap(name, tokens.get(i - 1), token));
            }
        }
        return new Variant(place, List.copyOf(forms), List.copyOf(capitalized), List.copyOf(gaps),
                place.caution(name), false, null);
    }

    private static void index(Map<String, List<Variant>> index, Variant variant) {
        for (String form : variant.forms().get(0)) {
            index.computeIfAbsent(form, key -> new ArrayList<>()).add(variant);
        }
    }

    private static Map<String, List<Variant>> freeze(Map<String, List<Variant>> index) {
        Map<String, List<Variant>> frozen = new HashMap<>();
        index.forEach((key, list) -> frozen.put(key, List.copyOf(list)));
        return Map.copyOf(frozen);
    }

    @Override
    public void recognize(String text, Language language, Consumer<Mention> sink) {
        List<Token> tokens = tokenize(text);
        List<List<String>> keys = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            keys.add(candidateKeys(token, language));
        }
        int i = 0;
        while (i < tokens.size()) {
            Variant best = null;
            for (Variant variant : candidates(tokens.get(i), keys.get(i))) {
                if (variant.onlyIn() != null && variant.onlyIn() != language) {
                    continue;
                }
                if ((best == null || variant.length() > best.length()) && matches(variant, text, tokens, keys, i)) {
                    best = variant;
                }
            }
            if (best != null && acceptable(best, text, tokens, i)) {
                Token first = tokens.get(i);
                Token last = tokens.get(i + best.length() - 1);
                Place place = best.place();
                sink.accept(new Mention(place.kind().entityKind(), first.start(), last.end(),
                        text.substring(first.start(), last.end()), place.canonicalName(Language.RU),
                        Map.of(PLACE_ID, place.id())));
                i += best.length();
            } else {
                i++;
            }
        }
    }

    private List<String> kazakhStemKeys(String word) {
        Set<String> keys = new LinkedHashSet<>();
        kazakh.stems(word).forEach(stem -> keys.add(key(stem)));
        if (KazakhLatin.isLatin(word)) {
            // Grýzııanyń: its Kazakh stems, read through Cyrillic and written back in Latin
            kazakh.stems(KazakhLatin.toCyrillic(word)).forEach(stem -> keys.add(key(KazakhLatin.toLatin(stem))));
        }
        return List.copyOf(keys);
    }

    private List<Variant> candidates(Token token, List<String> keys) {
        List<Variant> candidates = new ArrayList<>(byAbbreviation.getOrDefault(token.surface(), List.of()));
        for (String key : keys) {
            candidates.addAll(byFirstForm.getOrDefault(key, List.of()));
        }
        return candidates;
    }

    /** The token's own key, its Kazakh stems in Kazakh text, and the word without an English 's. */
    private List<String> candidateKeys(Token token, Language language) {
        if (language != Language.KK && !token.key().endsWith("'") && !token.key().endsWith("'s")) {
            return List.of(token.key());  // most tokens: no stems, no possessive
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(token.key());
        if (language == Language.KK) {
            keys.addAll(kazakhKeys.get(token.surface()));
        }
        for (String possessive : List.of("'s", "'")) {
            if (token.key().endsWith(possessive) && token.key().length() > possessive.length()) {
                keys.add(token.key().substring(0, token.key().length() - possessive.length()));
            }
        }
        return List.copyOf(keys);
    }

    private static boolean matches(Variant variant, String text, List<Token> tokens, List<List<String>> keys, int at) {
        if (at + variant.length() > tokens.size()) {
            return false;
        }
        for (int j = 0; j < variant.length(); j++) {
            Token token = tokens.get(at + j);
            if (variant.exactCase()) {
                if (!variant.forms().get(j).contains(token.surface())) {
                    return false;
                }
                continue;
            }
            if (variant.capitalized().get(j) && !token.capitalized() || token.isShortAcronym()) {
                return false;
            }
            if (keys.get(at + j).stream().noneMatch(variant.forms().get(j)::contains)) {
                return false;
            }
            if (j > 0 && !gap(text, tokens.get(at + j - 1), token).equals(variant.gaps().get(j - 1))) {
                return false;
            }
        }
        return true;
    }

    private boolean acceptable(Variant variant, String text, List<Token> tokens, int at) {
        int after = at + variant.length();
        if (after < tokens.size() && regionWords.contains(tokens.get(after).key())
                && gap(text, tokens.get(after - 1), tokens.get(after)).isEmpty()) {
            return false;
        }
        if (variant.place().kind() == PlaceKind.COUNTRY && at > 0 && compassWords.contains(tokens.get(at - 1).key())
                && gap(text, tokens.get(at - 1), tokens.get(at)).isEmpty()) {
            return false;
        }
        boolean cued = at > 0 && cueWords.contains(tokens.get(at - 1).key())
                && gap(text, tokens.get(at - 1), tokens.get(at)).replace(".", "").isEmpty();
        return switch (variant.caution()) {
            case NONE -> true;
            case COMMON_WORD -> cued || !startsSentence(text, tokens.get(at).start());
            case PERSON_NAME -> cued;
        };
    }

    private static boolean startsSentence(String text, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '.' || c == '!' || c == '?' || c == '…') {
                return true;
            }
            if (!Character.isWhitespace(c) && "«\"“„'(*#-–—".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** What stands between two tokens, without white space ("" for a plain space, "." for St. Petersburg). */
    private static String gap(String text, Token left, Token right) {
        return WHITE_SPACE.matcher(text.substring(left.end(), right.start())).replaceAll("");
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(new Token(matcher.start(), matcher.end(), matcher.group(), key(matcher.group())));
        }
        return tokens;
    }

    /**
     * The lookup key of a word: lower case, ё as е, typographic apostrophe as ', and a word broken at a line end
     * joined again (Ка-\nзахстан → казахстан; Усть-\nКаменогорск keeps its hyphen).
     */
    private static String key(String word) {
        if (word.indexOf('\n') < 0) {
            return RussianPlaceForms.normalize(word).replace('’', '\'');
        }
        Matcher breaks = LINE_BREAK_HYPHEN.matcher(word);
        StringBuilder joined = new StringBuilder();
        while (breaks.find()) {
            boolean lowerAfter = breaks.end() < word.length() && Character.isLowerCase(word.charAt(breaks.end()));
            breaks.appendReplacement(joined, lowerAfter ? "" : "-");
        }
        breaks.appendTail(joined);
        return RussianPlaceForms.normalize(joined.toString()).replace('’', '\'');
    }

    private static Map<String, Set<String>> loadContextWords() {
        Map<String, Set<String>> words = new HashMap<>();
        for (DataLines.Line line : DataLines.read(PlaceRecognizer.class, CONTEXT_RESOURCE)) {
            String[] columns = line.text().split("\\s+");
            if (columns.length != 2 || !List.of("cue", "region", "compass").contains(columns[0])) {
                throw line.error("expected `cue|region|compass WORD`");
            }
            words.computeIfAbsent(columns[0], kind -> new HashSet<>()).add(key(columns[1]));
        }
        return words;
    }
}
