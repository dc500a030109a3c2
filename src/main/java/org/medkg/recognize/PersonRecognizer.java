package org.medkg.recognize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.medkg.lang.Language;
import org.medkg.lang.NameLexicon;
import org.medkg.lang.NameLexicon.ContextKind;
import org.medkg.lang.kk.KazakhLatin;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.lang.ru.NameAgreement;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.lang.ru.RussianNames;
import org.medkg.text.DataLines;
import org.medkg.text.Token;
import org.medkg.text.Tokenizer;

/**
 * Personal names in Cyrillic or Latin script, in the orders documents use:
 * <ul>
 *   <li>{@code GIVEN PATRONYMIC SURNAME} — Антон Анатольевич Клодзинский, Vadim Valentinovich Baykov</li>
 *   <li>{@code SURNAME GIVEN PATRONYMIC} — Клодзинский Антон Анатольевич, Tsoi Gilen Vasilievich</li>
 *   <li>{@code SURNAME INITIALS}, {@code INITIALS SURNAME} — Нестерова И.В., Н.В. Макаревич, Batyrova G.A.,
 *       Sh.M. Chyngyshpayev; an initial written close to the next word is that word's (Приаралья Б.Матмуратов)</li>
 *   <li>{@code SURNAME GIVEN INITIAL} — Клодзинский Антон А.</li>
 *   <li>{@code GIVEN SURNAME}, {@code SURNAME GIVEN} with a known given name — Nino Sharashenidze, Ерлан ҚОШАНОВ</li>
 *   <li>{@code GIVEN SURNAME} with a given name the lexicon lacks, when the surname has a surname's ending in any
 *       case (Назгуль Абдыразакова, Дәурен Тілеумбетовпен) or a title or position stands before the two words
 *       (Prof. Eglė Ereminienė, орынбасары Бақтияр Мәкен)</li>
 *   <li>{@code GIVEN PARTICLE SURNAME} — Жан де Месенер, Ludwig van Beethoven</li>
 *   <li>{@code GIVEN PATRONYMIC} alone — Елена Витальевна (resolved to a full name by the document analysis)</li>
 * </ul>
 * A name glued to a word before it by a hyphen is read on its own (Rector of ISM-Akhunbaev Stalbek Mederovich).
 * The canonical form is {@code Фамилия Имя Отчество} in the nominative; the case of a Russian name comes from its
 * own words and, where they leave it open, from the words around it ({@link NameAgreement}). Fields: family,
 * given, patronymic, givenInitial, patronymicInitial, gender, and evidence = ending for a name known only by its
 * surname's ending (a place may be such a "given name": the document analysis lets a place win over it).
 */
public final class PersonRecognizer implements Recognizer {

    /** The field that marks names found only by a surname's ending beside an unknown word. */
    public static final String EVIDENCE = "evidence";

    private final NameLexicon lexicon;
    private final RussianMorphology morphology;
    private final RussianNames russianNames;
    private final NameAgreement agreement;
    private final Map<String, String> addressWords = new HashMap<>();
    private final Set<String> notNames = Set.copyOf(DataLines.entries(PersonRecognizer.class, "not-names.txt"));
    /** The language of the text being read, for the steps that differ by language. */
    private final ThreadLocal<Language> language = new ThreadLocal<>();

    public PersonRecognizer(NameLexicon lexicon, RussianMorphology morphology) {
        this.lexicon = lexicon;
        this.morphology = morphology;
        this.russianNames = new RussianNames(morphology, lexicon::looksLikeSurname, lexicon::isGivenName);
        this.agreement = new NameAgreement(morphology);
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
        return kazakhStem(word).orElse(word);
    }

    /**
     * The stem of a Kazakh word form that is a surname or a known given name (Тілеумбетовпен → Тілеумбетов), also in
     * Latin letters (Sharmanovty → Sharmanov).
     */
    private Optional<String> kazakhStem(String word) {
        boolean latin = Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.LATIN;
        String cyrillic = latin ? KazakhLatin.toCyrillic(word) : word;
        List<String> stems = KazakhMorphology.get().stems(cyrillic);
        for (String stem : stems.subList(Math.min(1, stems.size()), stems.size())) {
            if (stem.length() >= 3 && stem.length() <= cyrillic.length() - 2
                    && (lexicon.looksLikeSurname(stem) || lexicon.isGivenName(stem))) {
                return latin ? Optional.ofNullable(KazakhLatin.latinPrefixFor(word, stem)) : Optional.of(stem);
            }
        }
        return Optional.empty();
    }

    @Override
    public void recognize(String text, Language language, Consumer<Mention> sink) {
        this.language.set(language);
        List<Token> tokens = Tokenizer.tokenize(text);
        int i = 0;
        while (i < tokens.size()) {
            int consumed = match(text, tokens, i, sink);
            if (consumed == 0) {
                consumed = matchAfterHyphen(text, tokens, i, sink);
            }
            i += Math.max(consumed, 1);
        }
    }

    /**
     * Rector of ISM-Akhunbaev Stalbek Mederovich, Deputy Minister-Karatayev Madaminzhan Musaevich: a full name glued
     * by a hyphen to the word before it (an acronym or a Latin word) is read from the hyphen on.
     */
    private int matchAfterHyphen(String text, List<Token> tokens, int i, Consumer<Mention> sink) {
        Token token = tokens.get(i);
        int hyphen = token.text().lastIndexOf('-');
        if (!token.isWord() || hyphen <= 0 || hyphen == token.text().length() - 1
                || !Character.isUpperCase(token.text().charAt(hyphen + 1))) {
            return 0;
        }
        String head = token.text().substring(0, hyphen);
        if (!token.isLatin() && !head.equals(head.toUpperCase(Locale.ROOT))) {
            return 0;
        }
        List<Token> split = new ArrayList<>(tokens);
        split.set(i, new Token(token.text().substring(hyphen + 1), token.start() + hyphen + 1, token.end(), i));
        List<Mention> found = new ArrayList<>();
        int consumed = match(text, split, i, found::add);
        if (consumed < 2) {
            return 0;
        }
        found.forEach(sink);
        return consumed;
    }

    /** What one token could be in a name. */
    private record Shape(boolean initial, boolean patronymic, boolean knownGiven, boolean knownSurname,
                         boolean unknown, boolean nameShaped, boolean surnameForm, boolean typicalSurname) {
        static final Shape NONE = new Shape(false, false, false, false, false, false, false, false);

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

        /** A word that may be a given name the lexicon lacks: Назгуль, Дәурен, Rimantas. */
        boolean givenCandidate() {
            return nameShaped && !patronymic && (knownGiven || unknown && !knownSurname);
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
        ContextKind introduced = introduction(text, tokens, i);
        Emitter out = new Emitter(text, tokens, i, sink);

        // Latin text puts the surname last more often: Healthcare Alyona Vasilievna Zinchenko is not Healthcare's.
        if (s0.surname() && s1.givenBesidePatronymic() && s2.patronymic() && (cyrillic
                || (s0.surnameForm() || introduced != null) && !nameAt(text, tokens, i + 3))) {
            return out.emit(3, new Name(w0, w1, w2));
        }
        if (s0.givenBesidePatronymic() && s1.patronymic() && (s2.surnameAfterInitials() || s2.given())) {
            return out.emit(3, new Name(w2, w0, w1));
        }
        if (s0.givenBesidePatronymic() && s1.patronymic()) {
            return out.emit(2, new Name(null, w0, w1));
        }
        if (!cyrillic && s0.given() && s1.initial() && s2.surnameAfterInitials()) {
            return out.emit(3, new Name(w2, w0, null, null, initial(w1)));
        }
        if (s0.surname() && s1.given() && s2.initial()) {
            return out.emit(3, new Name(w0, w1, null, null, initial(w2)));
        }
        if (s0.surname() && s1.initial() && (cyrillic || s2.initial() || s0.surnameForm())) {
            boolean two = s2.initial();
            // Приаралья Б.Матмуратов: an initial written close to the next word belongs to that word.
            if (!gluedToNextWord(tokens, two ? i + 2 : i + 1)) {
                return out.emit(two ? 3 : 2, new Name(w0, null, null, initial(w1), two ? initial(w2) : null));
            }
        }
        if (s0.initial()) {
            if (s1.initial() && s2.surnameAfterInitials()) {
                return out.emit(3, new Name(w2, null, null, initial(w0), initial(w1)));
            }
            if (s1.surnameAfterInitials()) {
                return out.emit(2, new Name(w1, null, null, initial(w0), null));
            }
            return 0;
        }
        Token after = i + 1 < tokens.size() && adjacent(text, tokens, i + 1) ? tokens.get(i + 1) : null;
        if (s0.given() && after != null && after.isUpperCase() && lexicon.looksLikeSurname(titleCase(after.text()))) {
            return out.emit(2, new Name(titleCase(after.text()), w0, null)); // Ерлан ҚОШАНОВ
        }
        if (s0.given() && s1.surname() && (s1.knownSurname() || lexicon.looksLikeSurname(w1) || !cyrillic)) {
            return out.emit(2, new Name(w1, w0, null));
        }
        if (cyrillic && s0.surname() && (s0.knownSurname() || lexicon.looksLikeSurname(w0)) && s1.given()) {
            return out.emit(2, new Name(w0, w1, null));
        }
        if ((s0.given() || introduced != null) && particleBeforeSurname(text, tokens, i + 1)) {
            String family = tokens.get(i + 1).text() + " " + tokens.get(i + 2).text();
            return out.emit(3, new Name(family, w0, null));
        }
        if (introduced != null && s0.givenCandidate() && s1.givenCandidate()
                && (!cyrillic || s0.given() || s1.given() || s0.surnameForm() || s1.surnameForm())
                && (cyrillic || introduced != ContextKind.POSITION || lowerCaseIntroduction(text, tokens, i))) {
            boolean surnameFirst = s1.given() && !s0.given() || s0.surnameForm() && !s1.surnameForm() && !s0.given();
            return out.emit(2, surnameFirst ? new Name(w0, w1, null) : new Name(w1, w0, null));
        }
        // Назгуль Абдыразакова, Ажар Шомбиной, Liza Lvova; an English sentence's first word is no given name, and
        // initials after the surname are its own (Diagnostics Batyrova G.A.).
        if (s0.givenCandidate() && !w0.contains("-") && !w0.contains("’") && !w0.contains("'") && s1.surname()
                && s1.typicalSurname() && !s1.given() && !s2.initial() && (cyrillic || !sentenceStart(text, tokens, i))) {
            return out.emit(2, new Name(w1, w0, null).byEnding());
        }
        // Dr. Klodzinsky, профессор Клодзинский: a title before a surname alone.
        if (introduced == ContextKind.TITLE || introduced == ContextKind.HONORIFIC) {
            boolean surnameAlone = cyrillic ? s0.knownSurname() || s0.typicalSurname() : s0.surname() && !s0.given();
            if (surnameAlone && !s0.patronymic() && !nameAt(text, tokens, i + 1)) {
                return out.emit(1, new Name(w0, null, null));
            }
        }
        return 0;
    }

    /** The parts of a name as written; the Emitter puts them in the nominative. */
    private record Name(String family, String given, String patronymic, String givenInitial, String patronymicInitial,
                        boolean onlyByEnding) {
        Name(String family, String given, String patronymic) {
            this(family, given, patronymic, null, null, false);
        }

        Name(String family, String given, String patronymic, String givenInitial, String patronymicInitial) {
            this(family, given, patronymic, givenInitial, patronymicInitial, false);
        }

        Name byEnding() {
            return new Name(family, given, patronymic, givenInitial, patronymicInitial, true);
        }
    }

    /** Makes the mention of a name found at token i. */
    private final class Emitter {
        private final String text;
        private final List<Token> tokens;
        private final int i;
        private final Consumer<Mention> sink;

        Emitter(String text, List<Token> tokens, int i, Consumer<Mention> sink) {
            this.text = text;
            this.tokens = tokens;
            this.i = i;
            this.sink = sink;
        }

        int emit(int length, Name name) {
            if (isAddress(tokens, i, length)) {
                return length;
            }
            String family = name.family();
            String given = name.given();
            String particle = null;
            if (family != null && family.contains(" ")) {
                particle = family.substring(0, family.lastIndexOf(' '));
                family = family.substring(family.lastIndexOf(' ') + 1);
            }
            if (language.get() == Language.KK) {
                family = withoutKazakhSuffix(family);
                given = withoutKazakhSuffix(given);
            }
            boolean cyrillic = tokens.get(i).isCyrillic() || tokens.get(i + length - 1).isCyrillic();
            // Kazakh text writes names in the nominative with Kazakh endings (cut above), not in Russian cases.
            RussianNames.Parts parts = cyrillic && language.get() != Language.KK
                    ? russianNames.nominative(family, given, name.patronymic(), context(length))
                    : new RussianNames.Parts(family, given, name.patronymic(), null);
            Map<String, String> fields = new HashMap<>();
            put(fields, "family", parts.family() == null || particle == null ? parts.family() : particle + " " + parts.family());
            put(fields, "given", parts.given());
            put(fields, "patronymic", parts.patronymic());
            put(fields, "givenInitial", parts.given() != null ? parts.given().substring(0, 1) : name.givenInitial());
            put(fields, "patronymicInitial", parts.patronymic() != null ? parts.patronymic().substring(0, 1)
                    : name.patronymicInitial());
            put(fields, "gender", parts.gender());
            put(fields, EVIDENCE, name.onlyByEnding() ? "ending" : null);
            int start = tokens.get(i).start();
            int end = tokens.get(i + length - 1).end();
            sink.accept(new Mention(EntityKind.PERSON, start, end, text.substring(start, end), canonical(fields), fields));
            return length;
        }

        /** What the words around the name say of its case and gender (Russian only). */
        private NameAgreement.Agreement context(int length) {
            List<String> before = new ArrayList<>();
            for (int j = i - 1; j >= 0 && before.size() < 12; j--) {
                Token t = tokens.get(j);
                boolean abbreviation = t.is(".") && j > 0 && tokens.get(j - 1).end() == t.start()
                        && tokens.get(j - 1).isWord() && tokens.get(j - 1).text().length() <= 4;
                if (abbreviation) {
                    before.add(tokens.get(--j).text() + ".");
                } else {
                    before.add(t.text());
                }
            }
            NameAgreement.Agreement found = agreement.before(before);
            int next = i + length;
            return found.isNone() && next < tokens.size() ? agreement.after(tokens.get(next).text()) : found;
        }
    }

    /**
     * The title, degree, position or form of address written right before token i (Prof., профессор,
     * орынбасары, ISM-Professor), or null.
     */
    private ContextKind introduction(String text, List<Token> tokens, int i) {
        String word = wordBefore(text, tokens, i);
        if (word == null) {
            return null;
        }
        Optional<ContextKind> kind = lexicon.nameContextKind(word);
        if (kind.isEmpty() && word.contains("-")) {
            kind = lexicon.nameContextKind(word.substring(word.lastIndexOf('-') + 1));
        }
        return kind.orElse(null);
    }

    private boolean lowerCaseIntroduction(String text, List<Token> tokens, int i) {
        String word = wordBefore(text, tokens, i);
        return word != null && Character.isLowerCase(word.charAt(0));
    }

    /** The whitespace-separated word right before token i, with its dot if it has one (Prof.), or null. */
    private static String wordBefore(String text, List<Token> tokens, int i) {
        int end = tokens.get(i).start();
        int k = end;
        while (k > 0 && (text.charAt(k - 1) == ' ' || text.charAt(k - 1) == '\u00a0')) {
            k--;
        }
        if (k == end || k == 0) {
            return null;
        }
        int start = k;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, k);
        return word.isEmpty() || !Character.isLetter(word.charAt(0)) ? null : word;
    }

    /** Whether token i opens a sentence or a line. */
    private static boolean sentenceStart(String text, List<Token> tokens, int i) {
        if (i == 0) {
            return true;
        }
        Token previous = tokens.get(i - 1);
        return previous.is(".") || previous.is("!") || previous.is("?")
                || text.substring(previous.end(), tokens.get(i).start()).contains("\n");
    }

    /** Whether a word that may end a name follows token j - 1 closely. */
    private boolean nameAt(String text, List<Token> tokens, int j) {
        return adjacent(text, tokens, j) && shape(tokens, j).surnameAfterInitials();
    }

    /** Жан де Месенером: token j is a particle of the surname right after it. */
    private boolean particleBeforeSurname(String text, List<Token> tokens, int j) {
        return adjacent(text, tokens, j) && adjacent(text, tokens, j + 1)
                && lexicon.isSurnameParticle(tokens.get(j).text()) && shape(tokens, j + 1).surname();
    }

    /** An initial with the next word right after its dot, no space between: К.Сариев. */
    private static boolean gluedToNextWord(List<Token> tokens, int j) {
        if (j + 1 >= tokens.size()) {
            return false;
        }
        Token next = tokens.get(j + 1);
        return next.start() == tokens.get(j).end() && next.isWord() && next.isCapitalized();
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

    /** ҚОШАНОВ → Қошанов. */
    private static String titleCase(String word) {
        return word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
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
            return new Shape(true, false, false, false, false, false, false, false);
        }
        if (!token.isWord() || !token.isCapitalized() || word.length() < 2 || token.isUpperCase()
                || word.chars().filter(Character::isUpperCase).count() > 1 && !hyphenedName(token)
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
        Optional<String> surname = surnameBase(token);
        return new Shape(false, patronymic, knownGiven, knownSurname, unknown, true, surname.isPresent(),
                surname.filter(lexicon::hasTypicalSurnameEnding).isPresent());
    }

    /**
     * Петров-Водкин, Jean-Pierre: a hyphen inside a name. Latin words whose second part is capitalized too are
     * names only when the first part is a given name (ISM-Professor, Medicine-Akhunbayev are not).
     */
    private boolean hyphenedName(Token token) {
        String word = token.text();
        if (!word.contains("-")) {
            return false;
        }
        String head = word.substring(0, word.indexOf('-'));
        if (head.length() < 2 || head.equals(head.toUpperCase(Locale.ROOT)) || lexicon.isNameContext(head)
                || notNames.contains(head)) {
            return false;
        }
        return token.isCyrillic() || lexicon.isGivenName(head);
    }

    /**
     * The surname a word is when it has a surname's ending in some case: Абдыразакова, Шомбиной (Шомбина),
     * Месенером (Месенер), and in Kazakh text Тілеумбетовпен (Тілеумбетов); empty when it has none.
     */
    private Optional<String> surnameBase(Token token) {
        String word = token.text();
        boolean kazakh = language.get() == Language.KK;
        if (kazakh && kazakhWordForm(word)) {
            return Optional.empty();
        }
        if (lexicon.surnameGender(word).isPresent() && lexicon.hasSurnameEnding(word)) {
            return Optional.of(word);
        }
        if (!token.isCyrillic()) {
            return Optional.empty();
        }
        if (kazakh) {
            return kazakhStem(word).filter(lexicon::hasSurnameEnding);
        }
        Optional<String> lemma = morphology.analyze(word).stream().filter(a -> a.has("Fam")).map(a -> a.lemma())
                .findFirst(); // Кошанову: the dictionary's surname Кошанов
        return lemma.isPresent() ? lemma : russianNames.obliqueSurnameNominative(word);
    }

    /**
     * Республикасына, Университетіне: a Kazakh case form of a dictionary word, whatever its ending looks like.
     */
    private boolean kazakhWordForm(String word) {
        List<String> stems = KazakhMorphology.get().stems(word);
        return stems.stream().skip(1).anyMatch(stem -> !morphology.analyze(stem).isEmpty()
                && morphology.analyze(stem).stream().noneMatch(a -> a.has("Fam") || a.has("Name")));
    }
}
