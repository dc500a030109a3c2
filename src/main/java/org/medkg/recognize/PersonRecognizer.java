package org.medkg.recognize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.medkg.lang.Language;
import org.medkg.lang.NameLexicon;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.lang.ru.RussianNames;
import org.medkg.text.DataLines;
import org.medkg.text.Token;
import org.medkg.text.Tokenizer;

/**
 * Personal names in Cyrillic or Latin script, in the orders documents use:
 * <ul>
 *   <li>{@code GIVEN PATRONYMIC SURNAME} — Антон Анатольевич Клодзинский, Vadim Valentinovich Baykov</li>
 *   <li>{@code SURNAME GIVEN PATRONYMIC} — Клодзинский Антон Анатольевич</li>
 *   <li>{@code SURNAME INITIALS}, {@code INITIALS SURNAME} — Нестерова И.В., Н.В. Макаревич</li>
 *   <li>{@code SURNAME GIVEN INITIAL} — Клодзинский Антон А.</li>
 *   <li>{@code GIVEN SURNAME}, {@code SURNAME GIVEN} with a known given name — Nino Sharashenidze</li>
 *   <li>{@code GIVEN PATRONYMIC} alone — Елена Витальевна (resolved to a full name by the document analysis)</li>
 * </ul>
 * The canonical form is {@code Фамилия Имя Отчество} in the nominative. Fields: family, given, patronymic,
 * givenInitial, patronymicInitial, gender.
 */
public final class PersonRecognizer implements Recognizer {

    private final NameLexicon lexicon;
    private final RussianMorphology morphology;
    private final RussianNames russianNames;
    private final Map<String, String> addressWords = new HashMap<>();
    private final Set<String> notNames = Set.copyOf(DataLines.entries(PersonRecognizer.class, "not-names.txt"));
    /** The language of the text being read, for the steps that differ by language. */
    private final ThreadLocal<Language> language = new ThreadLocal<>();

    public PersonRecognizer(NameLexicon lexicon, RussianMorphology morphology) {
        this.lexicon = lexicon;
        this.morphology = morphology;
        this.russianNames = new RussianNames(morphology);
        for (String[] row : DataLines.rows(PersonRecognizer.class, "name-part-of-place-words.txt")) {
            addressWords.put(row[0], row[1]);
        }
    }

    /** пр. Сакена Сейфуллина, Saken Seifullin Avenue: a name that is part of an address. */
    private boolean isAddress(List<Token> tokens, int i, int length) {
        String before = i >= 2 && tokens.get(i - 1).is(".") ? tokens.get(i - 2).text().toLowerCase() + "."
                : i >= 1 ? tokens.get(i - 1).text().toLowerCase() : "";
        String after = i + length < tokens.size() ? tokens.get(i + length).text().toLowerCase() : "";
        return "before".equals(addressWords.get(before)) || "after".equals(addressWords.get(after));
    }

    /** Рамазанованың → Рамазанова: Kazakh case endings on the last word of a name. */
    private String withoutKazakhSuffix(String word) {
        if (word == null) {
            return null;
        }
        if (lexicon.looksLikeSurname(word) || lexicon.isGivenName(word)) {
            return word;
        }
        List<String> stems = KazakhMorphology.get().stems(word);
        for (String stem : stems.subList(Math.min(1, stems.size()), stems.size())) {
            if (stem.length() >= 3 && stem.length() <= word.length() - 2
                    && (lexicon.looksLikeSurname(stem) || lexicon.isGivenName(stem))) {
                return stem;
            }
        }
        return word;
    }

    @Override
    public void recognize(String text, Language language, Consumer<Mention> sink) {
        this.language.set(language);
        List<Token> tokens = Tokenizer.tokenize(text);
        int i = 0;
        while (i < tokens.size()) {
            int consumed = match(text, tokens, i, sink);
            i += Math.max(consumed, 1);
        }
    }

    /** What one token could be in a name. */
    private record Shape(boolean initial, boolean patronymic, boolean knownGiven, boolean knownSurname,
                         boolean unknown, boolean nameShaped) {
        static final Shape NONE = new Shape(false, false, false, false, false, false);

        boolean surname() {
            return nameShaped && !patronymic && (knownSurname || unknown);
        }

        /** After initials, -вич is a surname (Макаревич), not a patronymic. */
        boolean surnameAfterInitials() {
            return nameShaped && (knownSurname || unknown || patronymic && !knownGiven);
        }

        boolean given() {
            return nameShaped && !patronymic && knownGiven;
        }

        boolean givenBesidePatronymic() {
            return nameShaped && !patronymic && (knownGiven || unknown);
        }
    }

    /** Tries the name orders at token i, longest first; returns how many tokens the name took, or 0. */
    private int match(String text, List<Token> tokens, int i, Consumer<Mention> sink) {
        Shape s0 = shape(tokens, i);
        if (s0 == Shape.NONE || followsNamedAfter(tokens, i)) {
            return 0;
        }
        Shape s1 = adjacent(text, tokens, i + 1) ? shape(tokens, i + 1) : Shape.NONE;
        Shape s2 = s1 != Shape.NONE && adjacent(text, tokens, i + 2) ? shape(tokens, i + 2) : Shape.NONE;
        String w0 = tokens.get(i).text();
        String w1 = s1 == Shape.NONE ? null : tokens.get(i + 1).text();
        String w2 = s2 == Shape.NONE ? null : tokens.get(i + 2).text();
        boolean cyrillic = tokens.get(i).isCyrillic();

        if (cyrillic && s0.surname() && s1.givenBesidePatronymic() && s2.patronymic()) {
            return emit(text, tokens, i, 3, w0, w1, w2, null, null, sink);
        }
        if (s0.givenBesidePatronymic() && s1.patronymic() && s2.surnameAfterInitials()) {
            return emit(text, tokens, i, 3, w2, w0, w1, null, null, sink);
        }
        if (s0.givenBesidePatronymic() && s1.patronymic()) {
            return emit(text, tokens, i, 2, null, w0, w1, null, null, sink);
        }
        if (!cyrillic && s0.given() && s1.initial() && s2.surnameAfterInitials()) {
            return emit(text, tokens, i, 3, w2, w0, null, null, initial(w1), sink);
        }
        if (s0.surname() && s1.given() && s2.initial()) {
            return emit(text, tokens, i, 3, w0, w1, null, null, initial(w2), sink);
        }
        if (cyrillic && s0.surname() && s1.initial()) {
            boolean two = s2.initial();
            return emit(text, tokens, i, two ? 3 : 2, w0, null, null, initial(w1), two ? initial(w2) : null, sink);
        }
        if (s0.initial()) {
            if (s1.initial() && s2.surnameAfterInitials()) {
                return emit(text, tokens, i, 3, w2, null, null, initial(w0), initial(w1), sink);
            }
            if (s1.surnameAfterInitials()) {
                return emit(text, tokens, i, 2, w1, null, null, initial(w0), null, sink);
            }
            return 0;
        }
        if (s0.given() && s1.surname() && (s1.knownSurname() || lexicon.looksLikeSurname(w1) || !cyrillic)) {
            return emit(text, tokens, i, 2, w1, w0, null, null, null, sink);
        }
        if (cyrillic && s0.surname() && (s0.knownSurname() || lexicon.looksLikeSurname(w0)) && s1.given()) {
            return emit(text, tokens, i, 2, w0, w1, null, null, null, sink);
        }
        return 0;
    }

    /** A name after {@code им.} / {@code имени} / {@code named after} is part of an organization's name. */
    private boolean followsNamedAfter(List<Token> tokens, int i) {
        int j = i - 1;
        while (j >= 0 && tokens.get(j).text().length() <= 3 && tokens.get(j).text().endsWith(".")
                && Character.isUpperCase(tokens.get(j).text().charAt(0))) {
            j--; // initials before the surname
        }
        if (j >= 1 && tokens.get(j).is(".") && tokens.get(j - 1).text().equalsIgnoreCase("им")) {
            return true;
        }
        return j >= 0 && (tokens.get(j).text().equalsIgnoreCase("имени") || tokens.get(j).text().equalsIgnoreCase("after"));
    }

    private int emit(String text, List<Token> tokens, int i, int length, String family, String given,
                     String patronymic, String givenInitial, String patronymicInitial, Consumer<Mention> sink) {
        if (isAddress(tokens, i, length)) {
            return length;
        }
        if (language.get() == Language.KK) {
            family = withoutKazakhSuffix(family);
            given = withoutKazakhSuffix(given);
        }
        boolean cyrillic = tokens.get(i).isCyrillic() || tokens.get(i + length - 1).isCyrillic();
        // Kazakh text writes names in the nominative with Kazakh endings (cut above), not in Russian cases.
        RussianNames.Parts parts = cyrillic && language.get() != Language.KK
                ? russianNames.nominative(family, given, patronymic)
                : new RussianNames.Parts(family, given, patronymic, null);
        Map<String, String> fields = new HashMap<>();
        put(fields, "family", parts.family());
        put(fields, "given", parts.given());
        put(fields, "patronymic", parts.patronymic());
        put(fields, "givenInitial", parts.given() != null ? parts.given().substring(0, 1) : givenInitial);
        put(fields, "patronymicInitial", parts.patronymic() != null ? parts.patronymic().substring(0, 1) : patronymicInitial);
        put(fields, "gender", parts.gender());
        int start = tokens.get(i).start();
        int end = tokens.get(i + length - 1).end();
        sink.accept(new Mention(EntityKind.PERSON, start, end, text.substring(start, end), canonical(fields), fields));
        return length;
    }

    /** Фамилия Имя Отчество, or Фамилия И.О. as far as the initials go. */
    static String canonical(Map<String, String> f) {
        StringBuilder name = new StringBuilder();
        if (f.containsKey("family")) {
            name.append(f.get("family"));
        }
        if (f.containsKey("given")) {
            name.append(name.isEmpty() ? "" : " ").append(f.get("given"));
            if (f.containsKey("patronymic")) {
                name.append(' ').append(f.get("patronymic"));
            } else if (f.containsKey("patronymicInitial")) {
                name.append(' ').append(f.get("patronymicInitial")).append('.');
            }
        } else if (f.containsKey("givenInitial")) {
            name.append(' ').append(f.get("givenInitial")).append('.');
            if (f.containsKey("patronymicInitial")) {
                name.append(f.get("patronymicInitial")).append('.');
            }
        }
        return name.toString();
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    /** И. → И; Zh. → Zh (a Latin digraph stands for one Cyrillic letter). */
    private static String initial(String token) {
        return token.substring(0, token.length() - 1);
    }

    /** Next token follows with only spaces between (a line break is fine, punctuation is not). */
    private static boolean adjacent(String text, List<Token> tokens, int j) {
        if (j >= tokens.size()) {
            return false;
        }
        Token previous = tokens.get(j - 1);
        Token next = tokens.get(j);
        if (previous.isCyrillic() != next.isCyrillic() && next.isWord() && previous.isWord()) {
            return false;
        }
        return text.substring(previous.end(), next.start()).isBlank();
    }

    private Shape shape(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return Shape.NONE;
        }
        Token token = tokens.get(i);
        String word = token.text();
        if (word.endsWith(".") && word.length() <= 3 && Character.isUpperCase(word.charAt(0))) {
            return new Shape(true, false, false, false, false, false);
        }
        if (!token.isWord() || !token.isCapitalized() || word.length() < 2 || token.isUpperCase()
                || word.chars().filter(Character::isUpperCase).count() > 1 && !word.contains("-") // ПСПбГМУ, КазНМУ
                || lexicon.isNameContext(word) || notNames.contains(word)) {
            return Shape.NONE;
        }
        boolean patronymic = word.length() >= 6 && (lexicon.looksLikePatronymic(word)
                || token.isCyrillic() && russianNames.isPatronymic(word));
        boolean knownGiven = lexicon.isGivenName(word);
        boolean knownSurname = false;
        boolean unknown;
        if (token.isCyrillic()) {
            List<RussianMorphology.Analysis> analyses = morphology.analyze(word);
            for (RussianMorphology.Analysis a : analyses) {
                knownGiven |= a.has("Name") && a.has("Sin");
                knownSurname |= a.has("Fam");
            }
            unknown = analyses.isEmpty();
        } else {
            unknown = !knownGiven;
        }
        return new Shape(false, patronymic, knownGiven, knownSurname, unknown, true);
    }



}
