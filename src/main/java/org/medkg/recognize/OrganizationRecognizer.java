package org.medkg.recognize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkg.lang.Language;
import org.medkg.lang.NameLexicon;
import org.medkg.lang.kk.KazakhLatin;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.lang.ru.RussianPhrases;
import org.medkg.text.DataLines;
import org.medkg.text.Quotes;
import org.medkg.text.Token;
import org.medkg.text.Tokenizer;

/**
 * Organization names, read by a small grammar per language around a head noun ({@code organization-heads.tsv}):
 * <ul>
 *   <li>a quoted name with a legal form: {@code ТОО «Центр гематологии»}, {@code «Гематология орталығы» ЖШС};</li>
 *   <li>Russian: adjectives, the head, then a tail of genitive words, {@code по}-phrases, {@code им. И.О. Фамилия},
 *       acronyms and Latin names — {@code Научный центр педиатрии и детской хирургии}; the head and its adjectives
 *       are put in the nominative;</li>
 *   <li>Kazakh: capitalized words ending in the head — {@code Санкт-Петербург мемлекеттік медицина университетінің};
 *       the head loses its case suffix;</li>
 *   <li>English: capitalized words with {@code of, and, for} holding a head — {@code Ministry of Health of Uzbekistan};</li>
 *   <li>acronyms that are not on the list of other acronyms: {@code ОАИИР}, {@code КазНМУ}, {@code UMC}.</li>
 * </ul>
 * Fields: {@code quoted} when the name came from quotes, {@code legalForm} when one stood beside it.
 */
public final class OrganizationRecognizer implements Recognizer {

    private static final int MAX_TAIL = 9;
    private static final int NAME_REACH = 25;
    private static final int MAX_ADJECTIVES = 6;

    private final RussianMorphology morphology;
    private final RussianPhrases phrases;
    /** What a head noun does in a name (see organization-heads.tsv). */
    private enum Use { NAME, ALONE, OF, POST, NOT }

    /** A head noun: the stem its forms start with, what it does, and for a post its organization's head. */
    private record Head(String stem, Use use, String organizationHead) {
    }

    private final Map<Language, List<Head>> heads = new HashMap<>();
    private final Set<String> legalForms;
    private final Set<String> otherAcronyms;
    private final Set<String> otherNames;
    private final Set<String> kazakhFunctionWords;
    /** Kazakh words that join the word before them to a name ({@code kazakh-name-links.txt}), in both alphabets. */
    private final Set<String> kazakhNameLinks;
    private final List<String> branchWords;
    /** The line patterns of {@code source-credit-words.txt}, compiled once: group 1 is the credited outlet. */
    private final List<Pattern> sourceCredits;
    private final PlaceRecognizer places;

    public OrganizationRecognizer(RussianMorphology morphology, PlaceRecognizer places) {
        this.places = places;
        this.branchWords = DataLines.entries(OrganizationRecognizer.class, "branch-words.txt");
        this.sourceCredits = DataLines.rows(OrganizationRecognizer.class, "source-credit-words.txt").stream()
                .map(OrganizationRecognizer::sourceCreditPattern).toList();
        this.morphology = morphology;
        this.phrases = new RussianPhrases(morphology);
        for (DataLines.Line line : DataLines.read(OrganizationRecognizer.class, "organization-heads.tsv")) {
            String[] row = line.text().split("\t");
            if (row.length < 3 || row[2].equals("post") != (row.length == 4)) {
                throw line.error("expected language, stem, name|alone|post and, for a post, its organization's head");
            }
            heads.computeIfAbsent(Language.fromCode(row[0]), k -> new ArrayList<>())
                    .add(new Head(row[1], Use.valueOf(row[2].toUpperCase(Locale.ROOT)), row.length == 4 ? row[3] : null));
        }
        // академик before академи: a word that begins like a head but names none is tried first
        heads.values().forEach(list -> list.sort(Comparator.comparing((Head head) -> head.use() != Use.NOT)));
        legalForms = Set.copyOf(DataLines.entries(OrganizationRecognizer.class, "legal-forms.txt"));
        otherAcronyms = Set.copyOf(DataLines.entries(OrganizationRecognizer.class, "non-organization-acronyms.txt"));
        otherNames = DataLines.entries(OrganizationRecognizer.class, "non-organization-names.txt").stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        kazakhFunctionWords = Set.copyOf(DataLines.entries(OrganizationRecognizer.class, "/org/medkg/lang/stopwords-kk.txt"));
        kazakhNameLinks = DataLines.entries(OrganizationRecognizer.class, "kazakh-name-links.txt").stream()
                .flatMap(word -> java.util.stream.Stream.of(word, KazakhLatin.toLatin(word)))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public void recognize(String text, Language language, Consumer<Mention> all) {
        Consumer<Mention> sink = m -> {
            if (!isPlaceItself(m, language) && !otherNames.contains(m.canonical().toLowerCase(Locale.ROOT))) {
                all.accept(isBareBranch(m, language) ? refersBack(m, "parent") : withoutCity(m));
            }
        };
        List<Token> tokens = Tokenizer.tokenize(text);
        boolean[] taken = new boolean[tokens.size()];
        quotedWithLegalForm(text, tokens, language, taken, sink);
        for (int i = 0; i < tokens.size(); i++) {
            if (taken[i]) {
                continue;
            }
            int end = switch (scriptOf(tokens.get(i))) {
                case "cyrillic" -> language == Language.KK ? kazakh(text, tokens, i, taken, sink) : russian(text, tokens, i, taken, sink);
                // Kazakh in Latin letters has heads of its own (ortalyǵy), whatever the document's language is taken for.
                case "latin" -> headOf(tokens.get(i), Language.KK) != null
                        ? kazakh(text, tokens, i, taken, sink) : english(text, tokens, i, taken, sink);
                default -> i;
            };
            if (end > i) {
                i = end - 1;
            }
        }
        acronyms(text, tokens, taken, sink);
        sourceCredits(text, sink);
    }

    /** Источник: Казинформ; Казинформ, подробнее: the outlet a news text credits as its source. */
    private void sourceCredits(String text, Consumer<Mention> sink) {
        for (Pattern pattern : sourceCredits) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                int start = matcher.start(1);
                int end = matcher.end(1);
                sink.accept(new Mention(EntityKind.ORGANIZATION, start, end, matcher.group(1), matcher.group(1),
                        Map.of("sourceCredit", "true")));
            }
        }
    }

    /** A row of {@code source-credit-words.txt} (the words, and whether they stand before or after the name). */
    private static Pattern sourceCreditPattern(String[] credit) {
        String words = Pattern.quote(credit[0]);
        String name = "(\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)?)";
        return credit[1].equals("before")
                ? Pattern.compile("(?im)^\\s*" + words + "\\s*" + name + "(?=\\s*(?:[,.]|$))")
                : Pattern.compile("(?im)^\\s*" + name + ",\\s*(?:source:\\s*)?" + words + "\\b");
    }

    private static final Pattern CITY_AFTER =
            Pattern.compile("(\\p{Lu}.*?)\\s+(?:города|г\\.)\\s+\\p{Lu}[\\p{L}-]*");
    private static final Pattern CITY_BEFORE =
            Pattern.compile("\\p{Lu}[\\p{L}-]*\\s+қаласының\\s+(\\p{Lu}.*)");
    /** The English possessive of a name's last word (Sechenov's University): not part of the name. */
    private static final Pattern POSSESSIVE_S = Pattern.compile("['’]s$");
    // The patterns below are tried on most words of a text, so they are compiled once, not by String.matches.
    /** After a Kazakh head's stem: a suffix that makes another word of it. */
    private static final Pattern DERIVING_SUFFIX = Pattern.compile("(лық|лік|лы|лі|ландыр|лан|дастыр|дас).*");
    private static final Pattern NOT_IN_NAME_ENDING =
            Pattern.compile(".*(дағы|дегі|тағы|тегі|daǵy|degi|taǵy|tegi|мен|бен|пен|ға|ге|қа|ке)");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    /** A Roman number in Latin or Cyrillic capitals (ІІ, ХІ): no acronym. */
    private static final Pattern ROMAN_NUMBER = Pattern.compile("[IVXLCІХ]+");

    /**
     * Центр гематологии города Караганды, Қарағанды қаласының Гематология орталығы: a proper name with the city of
     * one of its branches is the organization itself (the city stays in the mention's span). A common name keeps its
     * city: областная клиническая больница г. Белгорода.
     */
    private static Mention withoutCity(Mention m) {
        for (Pattern pattern : List.of(CITY_AFTER, CITY_BEFORE)) {
            Matcher matcher = pattern.matcher(m.canonical());
            if (matcher.matches()) {
                return new Mention(m.kind(), m.start(), m.end(), m.surface(), matcher.group(1), m.fields());
            }
        }
        return m;
    }

    private static Mention mention(String text, int start, int end, String canonical) {
        return new Mention(EntityKind.ORGANIZATION, start, end, text.substring(start, end), canonical, Map.of());
    }

    /** A mention that names no organization of its own but one named elsewhere: its parent, or the one of its head. */
    private static Mention refersBack(Mention m, String how) {
        Map<String, String> fields = new HashMap<>(m.fields());
        fields.put("refersTo", how);
        return new Mention(m.kind(), m.start(), m.end(), m.surface(), m.canonical(), fields);
    }

    /** A capital at a sentence's or line's start says nothing about the word being a name. */
    private boolean isBranchWord(Token token) {
        String lower = token.text().toLowerCase(Locale.ROOT);
        return branchWords.stream().anyMatch(lower::startsWith) && !lower.startsWith("город") && !lower.startsWith("қала");
    }

    /** A branch stands for its parent organization, any other bare head for the organization of that head. */
    private String headOrParent(Token head) {
        return isBranchWord(head) ? "parent" : "head";
    }

    private static boolean isSentenceStart(String text, List<Token> tokens, int i) {
        String previous = tokens.get(i - 1).text();
        return previous.equals(".") || previous.equals("!") || previous.equals("?")
                || text.substring(tokens.get(i - 1).end(), tokens.get(i).start()).contains("\n");
    }

    /** Russian Federation: a country's name with a head word in it names the country, not an organization. */
    private boolean isPlaceItself(Mention m, Language language) {
        List<Mention> found = new ArrayList<>();
        places.recognize(m.canonical(), language, found::add);
        return found.stream().anyMatch(p -> p.start() == 0 && p.end() == m.canonical().length());
    }

    /** Карагандинский филиал ТОО, Karaganda Branch: only places, a branch word and a legal form. */
    private boolean isBareBranch(Mention m, Language language) {
        String name = m.canonical();
        List<Mention> places = new ArrayList<>();
        this.places.recognize(name, language, places::add);
        boolean branch = false;
        for (Token word : Tokenizer.tokenize(name)) {
            if (!word.isWord() || legalForms.contains(word.text())
                    || places.stream().anyMatch(p -> word.start() >= p.start() && word.end() <= p.end())) {
                continue;
            }
            String lower = word.text().toLowerCase(Locale.ROOT);
            if (branchWords.stream().noneMatch(lower::startsWith)) {
                return false;
            }
            branch |= !lower.startsWith("город") && !lower.startsWith("қала");
        }
        return branch;
    }

    private static String scriptOf(Token token) {
        return token.isCyrillic() ? "cyrillic" : token.isLatin() ? "latin" : "other";
    }

    // ---------------------------------------------------------------- quoted names

    /**
     * The name in quotes as a name: without the punctuation English puts inside the quotes (“Center of Hematology,”)
     * and with a Kazakh head back in the nominative («Гематология орталығына» → Гематология орталығы).
     */
    private String quotedName(String text, List<Token> tokens, int first, int close, Language language) {
        int last = lastWord(tokens, first, close);
        Head head = language == Language.KK ? headOf(tokens.get(last), Language.KK) : null;
        return text.substring(tokens.get(first).start(), tokens.get(last).start())
                + (head != null ? kazakhNominative(tokens.get(last), head) : tokens.get(last).text());
    }

    /**
     * A Russian name in quotes with no legal form beside it takes the case of its sentence, its head first
     * (Врачи «Центра гематологии»): adjectives and head back in the nominative, the rest as written.
     */
    private String russianQuotedName(String text, List<Token> tokens, int first, int close) {
        int head = first;
        while (head < close && phrases.isAdjective(tokens.get(head)) && headOf(tokens.get(head), Language.RU) == null) {
            head++;
        }
        if (head == close || headOf(tokens.get(head), Language.RU) == null) {
            return quotedName(text, tokens, first, close, Language.RU);
        }
        return phrases.nominative(text, tokens, first, head, Math.max(head, lastWord(tokens, first, close)) + 1);
    }

    /** The last word before a closing quote, past the punctuation English puts inside it. */
    private static int lastWord(List<Token> tokens, int first, int close) {
        int last = close - 1;
        while (last > first && !tokens.get(last).isWord()) {
            last--;
        }
        return last;
    }

    private static boolean sameLine(String text, Token first, Token second) {
        return text.indexOf('\n', first.end()) < 0 || text.indexOf('\n', first.end()) >= second.start();
    }

    private static boolean quotesInside(List<Token> tokens, int from, int to) {
        return tokens.subList(from, to).stream().anyMatch(Quotes::isOpening);
    }

    private void quotedWithLegalForm(String text, List<Token> tokens, Language language, boolean[] taken,
            Consumer<Mention> sink) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!Quotes.isOpening(tokens.get(i))) {
                continue;
            }
            int close = Quotes.closing(tokens, i, NAME_REACH);
            if (close < 0 || close == i + 1) {
                continue;
            }
            // A legal form belongs to the quoted name only on its line (a title's «…» is not the next line's ТОО).
            String before = i > 0 && sameLine(text, tokens.get(i - 1), tokens.get(i)) ? tokens.get(i - 1).text() : "";
            String after = close + 1 < tokens.size() && sameLine(text, tokens.get(close), tokens.get(close + 1))
                    ? tokens.get(close + 1).text() : "";
            String legalForm = legalForms.contains(before) ? before : legalForms.contains(after) ? after : null;
            String inner = legalForm == null && language == Language.RU ? russianQuotedName(text, tokens, i + 1, close)
                    : quotedName(text, tokens, i + 1, close, language);
            boolean innerHasHead = containsHead(tokens, i + 1, close);
            if (legalForm == null && !innerHasHead) {
                continue;
            }
            if (legalForm == null && (!Character.isUpperCase(inner.charAt(0)) || quotesInside(tokens, i + 1, close))) {
                continue; // «Благодарим сотрудников ТОО «Центр гематологии» за …»: a quotation, the name is inside
            }
            int first = legalForm != null && legalForm.equals(before) ? i - 1 : i;
            int last = legalForm != null && legalForm.equals(after) && !legalForm.equals(before) ? close + 1 : close;
            for (int k = first; k <= last; k++) {
                taken[k] = true;
            }
            Map<String, String> fields = new HashMap<>();
            fields.put("quoted", "true");
            if (legalForm != null) {
                fields.put("legalForm", legalForm);
            }
            int start = tokens.get(first).start();
            int end = tokens.get(last).end();
            sink.accept(new Mention(EntityKind.ORGANIZATION, start, end, text.substring(start, end), inner, fields));
            i = close;
        }
    }



    /** Whether the tokens hold the head of a name (a post, министр, names none by itself). */
    private boolean containsHead(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            Token token = tokens.get(k);
            for (Language language : heads.keySet()) {
                Head head = headOf(token, language);
                if (head != null && head.use() != Use.POST) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The head the word is a form of, or null. */
    private Head headOf(Token token, Language language) {
        if (!token.isWord()) {
            return null;
        }
        String lower = POSSESSIVE_S.matcher(token.text().toLowerCase(Locale.ROOT)).replaceFirst("");
        for (Head head : heads.getOrDefault(language, List.of())) {
            boolean matches = switch (language) {
                case EN -> lower.equals(head.stem()) || lower.equals(head.stem() + "s") || lower.equals(head.stem() + "es");
                case KK -> isKazakhForm(token.text(), lower, head);
                default -> isRussianForm(lower, head);
            };
            if (matches) {
                return head.use() == Use.NOT ? null : head;
            }
        }
        return null;
    }

    /** Letters a case ending adds to a Russian head the dictionary lacks (Кенеша, Мажилисом). */
    private static final int UNKNOWN_HEAD_ENDING = 2;

    /**
     * A state body or a post is that very word (Сената, Кенеша, министра), not a longer one made from it (сенатор,
     * Кенесары); a head of names also begins the words made from it (центра, обществом), except those listed as
     * {@code not} (центральный, академик).
     */
    private boolean isRussianForm(String lower, Head head) {
        if (!lower.startsWith(head.stem())) {
            return false;
        }
        if (head.use() == Use.NAME || head.use() == Use.NOT) {
            return true;
        }
        List<RussianMorphology.Analysis> readings = morphology.analyze(lower);
        return readings.isEmpty() ? lower.length() - head.stem().length() <= UNKNOWN_HEAD_ENDING
                : readings.stream().anyMatch(a -> a.tags().startsWith("NN") && a.lemma().equalsIgnoreCase(head.stem()));
    }

    /**
     * A Kazakh head with a case suffix, not an adjective made from it (клиникалық); a state body or a post only when
     * its suffixes come off to leave the stem (Мәжілісінің, министрінің, not сенатор).
     */
    private boolean isKazakhForm(String word, String lower, Head head) {
        if (!lower.startsWith(head.stem())) {
            return false;
        }
        if (head.use() != Use.NAME) {
            return KazakhMorphology.get().stems(word).stream().anyMatch(stem -> stem.equalsIgnoreCase(head.stem()));
        }
        return !DERIVING_SUFFIX.matcher(lower.substring(head.stem().length())).matches()
                && KazakhMorphology.get().withoutCase(word, head.stem().length()).length()
                        <= head.stem().length() + KAZAKH_HEAD_SUFFIX;
    }

    // ---------------------------------------------------------------- Russian

    private int russian(String text, List<Token> tokens, int i, boolean[] taken, Consumer<Mention> sink) {
        Token first = tokens.get(i);
        if (!first.isWord()) {
            return i;
        }
        int head = i;
        int foreign = 0;
        while (head < tokens.size() && head - i < MAX_ADJECTIVES && headOf(tokens.get(head), Language.RU) == null) {
            boolean adjective = phrases.isAdjective(tokens.get(head));
            if (!adjective && !isForeignWord(tokens.get(head)) || !adjacent(text, tokens, head + 1)) {
                return i;
            }
            foreign += adjective ? 0 : 1;
            head++;
        }
        Head row = head < tokens.size() ? headOf(tokens.get(head), Language.RU) : null;
        for (int k = i + 1; k <= head && k < tokens.size() && !first.isCapitalized(); k++) {
            if (tokens.get(k).isCapitalized()) {
                return i; // организованный Кыргызским государственным …: the name starts at its capital
            }
        }
        // Words of another language stand before a state body's name (Жогорку Кенеш, Жокаргы Кенес), before no other.
        if (row == null || foreign > 0 && (row.use() != Use.ALONE || foreign < head - i)
                || row.use() == Use.POST && head > i || isPlural(tokens.get(head))) {
            return i; // гематологических центров России: many organizations, none named
        }
        int end = russianTail(text, tokens, head + 1);
        if (row.use() == Use.POST) {
            if (end == head + 1) {
                return i; // министр alone: a person's post, no organization named
            }
            String domain = text.substring(tokens.get(head).end(), tokens.get(end - 1).end());
            return take(text, tokens, i, end, taken, sink, capitalized(row.organizationHead()) + domain);
        }
        boolean proper = first.isCapitalized() || hasProperName(tokens, head + 1, end);
        if (end == head + 1 && head == i) {
            if (row.use() == Use.ALONE && first.isCapitalized()) {
                return take(text, tokens, i, end, taken, sink, russianName(text, tokens, i, head, end, row));
            }
            if (isBranchWord(first) || first.isCapitalized() && i > 0 && !isSentenceStart(text, tokens, i)) {
                sink.accept(refersBack(mention(text, first.start(), first.end(),
                        phrases.nominative(text, tokens, i, head, end)), headOrParent(first)));
            }
            return i; // a bare head noun (Центра) names an organization only by referring back to it
        }
        if (!proper && isCityQualifier(tokens, end)) {
            end += 3; // областной клинической больницы г. Белгорода: the city makes a common name a proper one
            proper = true;
        }
        if (!proper) {
            return i;
        }
        if (!first.isCapitalized() && !tokens.get(head).isCapitalized() && i > 0 && tokens.get(i - 1).isCapitalized()
                && tokens.get(i - 1).isWord()) {
            return i;
        }
        return take(text, tokens, i, end, taken, sink, russianName(text, tokens, i, head, end, row));
    }

    private boolean isPlural(Token t) {
        List<RussianMorphology.Analysis> readings = morphology.analyze(t.text()).stream()
                .filter(a -> a.tags().startsWith("NN") && !a.has("Fam") && !a.has("Name") && !a.has("Patr")).toList();
        return !readings.isEmpty() && readings.stream().allMatch(a -> a.has("PL"));
    }

    /** Marks the tokens of a name taken and gives its mention; returns where the name ends. */
    private static int take(String text, List<Token> tokens, int from, int end, boolean[] taken, Consumer<Mention> sink,
            String canonical) {
        for (int k = from; k < end; k++) {
            taken[k] = true;
        }
        int start = tokens.get(from).start();
        int stop = tokens.get(end - 1).end();
        sink.accept(new Mention(EntityKind.ORGANIZATION, start, stop, text.substring(start, stop), canonical, Map.of()));
        return end;
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * A capitalized word that is no Russian adjective or noun: a word of another language (Жогорку) or one the
     * dictionary knows only as a person's name (Олий).
     */
    private boolean isForeignWord(Token t) {
        return t.isWord() && t.isCyrillic() && t.isCapitalized() && !t.isUpperCase()
                && morphology.analyze(t.text()).stream().allMatch(a -> a.has("Name") || a.has("Fam") || a.has("Patr"));
    }

    /**
     * The name in the nominative: adjectives and head put in it, words of another language and the tail as written;
     * a head the dictionary lacks is its stem (Жогорку Кенеша → Жогорку Кенеш).
     */
    private String russianName(String text, List<Token> tokens, int first, int head, int end, Head row) {
        boolean foreign = first < head && isForeignWord(tokens.get(first)) && !phrases.isAdjective(tokens.get(first));
        String name = phrases.nominative(text, tokens, foreign ? head : first, head, end);
        String headText = tokens.get(head).text();
        if (morphology.analyze(headText).isEmpty() && row.use() != Use.NAME) {
            name = headText.substring(0, row.stem().length()) + name.substring(headText.length());
        }
        return foreign ? text.substring(tokens.get(first).start(), tokens.get(head).start()) + name : name;
    }

    /** Қазақстан, Өзбекстан: a place's own name, which may end like a case (-тан). */
    private boolean isPlaceNamed(Token t) {
        List<Mention> found = new ArrayList<>();
        places.recognize(t.text(), Language.KK, found::add);
        return found.stream().anyMatch(p -> p.start() == 0 && p.end() == t.text().length());
    }

    private boolean isPlaceName(Token t, Language language) {
        List<Mention> found = new ArrayList<>();
        places.recognize(t.text(), language, found::add);
        return !found.isEmpty();
    }

    private static boolean isCityQualifier(List<Token> tokens, int k) {
        return k + 2 < tokens.size() && tokens.get(k).is("г") && tokens.get(k + 1).is(".") && tokens.get(k + 2).isCapitalized();
    }

    /**
     * Whether the tail names something proper: a Latin name, an acronym, им., or a capitalized Russian word in the
     * genitive that heads no name of its own (посольства Швейцарии, министерства … Кыргызской Республики; not
     * филиал Центра, nor журнал Улагатты).
     */
    private boolean hasProperName(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (t.isWord() && (t.isLatin() && t.isCapitalized() || t.isUpperCase() || t.is("им")
                    || t.isCyrillic() && t.isCapitalized() && headOf(t, Language.RU) == null
                            && !morphology.analyze(t.text()).isEmpty() && phrases.inCase(t, "R"))) {
                return true;
            }
        }
        return false;
    }

    /** Where the words that belong to the name after its head end. */
    /**
     * Lower-case genitive words after a comma that go on to an и and another genitive before any other punctuation:
     * the rest of a coordinated tail (гематологии и трансплантологии), not a new clause or the next name of a list.
     */
    private boolean listedModifiers(List<Token> tokens, int k) {
        if (k >= tokens.size() || tokens.get(k).isCapitalized() || !phrases.inCase(tokens.get(k), "R")) {
            return false;
        }
        for (int j = k + 1; j + 1 < tokens.size() && j < k + MAX_TAIL; j++) {
            Token t = tokens.get(j);
            if (t.is("и")) {
                return phrases.inCase(tokens.get(j + 1), "R");
            }
            if (!t.isWord()) {
                return false;
            }
        }
        return false;
    }

    private int russianTail(String text, List<Token> tokens, int from) {
        int end = from;
        int k = from;
        int words = 0;
        while (k < tokens.size() && words < MAX_TAIL && adjacent(text, tokens, k)) {
            Token t = tokens.get(k);
            int person = namedAfterEnd(tokens, k);
            if (person > k) {
                end = k = person;
                words++;
                continue;
            }
            // Modifiers join with и (педиатрии и детской хирургии); two heads do not (Кенеса и правительства).
            if (t.is("и") && k + 1 < tokens.size() && phrases.inCase(tokens.get(k + 1), "R") && end == k && k > from) {
                k++;
                continue;
            }
            // and with commas before the и (НИИ детской онкологии, гематологии и трансплантологии), not with a
            // capitalized word, which starts the next name of a list
            if (t.is(",") && end == k && k > from && listedModifiers(tokens, k + 1)) {
                k++;
                continue;
            }
            if (t.is("№") && k + 1 < tokens.size() && tokens.get(k + 1).text().matches("\\d+")) {
                k += 2; // ГКБ № 52, больница № 2
                end = k;
                continue;
            }
            if (t.is("по") && k + 1 < tokens.size() && (phrases.isPluralOrAdjectivalDative(tokens.get(k + 1))
                    || tokens.get(k + 1).isUpperCase())) {
                k++;
                continue;
            }
            if (isPersonalName(t) || t.isCapitalized() && NameLexicon.get().isGivenName(t.text())
                    || isProperNameWord(t) && k + 1 < tokens.size() && tokens.get(k + 1).isCapitalized()
                            && NameLexicon.get().looksLikeSurname(tokens.get(k + 1).text())) {
                break; // университета Вадим Валентинович Байков, Республики Мадамин Каратаев: a person follows
            }
            if (t.isCapitalized() && end == k && k > from && tokens.get(k - 1).isCapitalized() && isPlaceName(t, Language.RU)) {
                k++; // Республики Узбекистан: a place named after a word of the name, in any case
                end = k;
                words++;
                continue;
            }
            if (!t.isCapitalized() && phrases.canBeVerb(t)) {
                break; // совета по вторичным иммунодефицитам были сделаны: the verb, not быль
            }
            if (t.isWord() && (phrases.inCase(t, "R") || isProperNameWord(t) || phrases.isPluralOrAdjectivalDative(t) && RussianPhrases.followsPo(tokens, k)
                    || t.isUpperCase() && (!otherAcronyms.contains(t.text()) || tokens.get(k - 1).is("по"))
                    || t.isLatin() && t.isCapitalized())) {
                if (phrases.isPluralOrAdjectivalDative(t) && !phrases.inCase(t, "R") && !RussianPhrases.followsPo(tokens, k)) {
                    break;
                }
                k++;
                end = k;
                words++;
                continue;
            }
            break;
        }
        return end;
    }

    /** A capitalized word the dictionary does not know, such as a company's name: Филиал Новартис Фарма Сервисэз АГ. */
    private boolean isProperNameWord(Token t) {
        return t.isCapitalized() && t.isCyrillic() && !t.text().endsWith(".") && morphology.analyze(t.text()).isEmpty();
    }

    /** A person's name in the singular: Олий (a plural of Олия) in Олий Мажлис is none. */
    private boolean isPersonalName(Token t) {
        if (!t.isWord() || !t.isCapitalized() || !t.isCyrillic()) {
            return false;
        }
        for (RussianMorphology.Analysis a : morphology.analyze(t.text())) {
            if ((a.has("Name") || a.has("Fam") || a.has("Patr")) && !a.has("PL")) {
                return true;
            }
        }
        return false;
    }







    // ---------------------------------------------------------------- Kazakh

    /** How many words a Kazakh name reaches back from its head. */
    private static final int KAZAKH_REACH = 8;
    /** Letters a Kazakh head takes between its stem and its case ending (қауымдаст-ығы, орталы-ғы). */
    private static final int KAZAKH_HEAD_SUFFIX = 3;

    /**
     * Kazakh names end in their head; they start at the capitalized words nearest before it, after any
     * {@code -дағы/-дегі} word ({@code Тбилиси қаласындағы High Technology медициналық орталығы}: located in Tbilisi)
     * but a link word, which takes the word before it in ({@code МСАК жөніндегі Еуропалық орталығы}), or at a quoted
     * name ({@code «Шипагер» дәрігерлік амбулаториясы}). A head before another head is a word of the name
     * ({@code ҚР Парламенті Мәжілісі}); in a line of capitals every word is in capitals.
     */
    private int kazakh(String text, List<Token> tokens, int i, boolean[] taken, Consumer<Mention> sink) {
        Token headToken = tokens.get(i);
        Head row = headOf(headToken, Language.KK);
        if (row == null || i + 1 < tokens.size() && adjacent(text, tokens, i + 1)
                && headOf(tokens.get(i + 1), Language.KK) != null) {
            return i;
        }
        boolean capitals = headToken.isUpperCase();
        int start = i;
        boolean linked = false;
        for (int k = i - 1; k >= 0 && k >= i - KAZAKH_REACH && adjacent(text, tokens, k + 1) && !taken[k]
                && !text.substring(tokens.get(k).end(), tokens.get(k + 1).start()).contains("\n"); k--) {
            Token word = tokens.get(k);
            if (Quotes.isClosing(word)) {
                int open = Quotes.opening(tokens, k, NAME_REACH);
                if (open >= 0 && open < k - 1 && !taken[open] && tokens.get(open + 1).isCapitalized()) {
                    start = open;
                }
                break;
            }
            String lower = word.text().toLowerCase(Locale.ROOT);
            if (linked && word.isWord()) {
                start = k; // МСАК жөніндегі: the word a link joins is in the name, whatever its case
                linked = false;
                continue;
            }
            if (start < i && kazakhNameLinks.contains(lower)) {
                linked = true;
                continue;
            }
            // Besides the adverbial cases, a name's words carry no dative, instrumental or locative adjective.
            if (!word.isWord() || KazakhMorphology.isInAdverbialCase(lower) && !isPlaceNamed(word)
                    || NOT_IN_NAME_ENDING.matcher(lower).matches()
                    || isPersonalName(word) || NameLexicon.get().isGivenName(word.text())
                    || NameLexicon.get().looksLikePatronymic(word.text()) || kazakhFunctionWords.contains(lower)
                    || start < i && !scriptOf(word).equals(scriptOf(tokens.get(start)))
                    || word.isUpperCase() && word.isCyrillic() && !capitals && !isPlaceName(word, Language.KK)) {
                break;
            }
            if (word.isCapitalized()) {
                start = k;
            } else if (start < i) {
                break;
            }
        }
        String head = kazakhNominative(headToken, row);
        if (start == i) {
            if (row.use() == Use.ALONE && headToken.isCapitalized()) {
                return take(text, tokens, i, i + 1, taken, sink, headToken.text().substring(0, row.stem().length()));
            }
            // At a sentence's start only the genitive says the capital is a name's (Орталықтың медициналық директоры).
            if (row.use() == Use.NAME && (isBranchWord(headToken) || headToken.isCapitalized()
                    && (i > 0 && !isSentenceStart(text, tokens, i) || KazakhMorphology.isGenitive(headToken.text())))) {
                sink.accept(refersBack(mention(text, headToken.start(), headToken.end(), head), headOrParent(headToken)));
            }
            return i; // Орталықтың медициналық директоры: the center named before
        }
        boolean nounBefore = false;
        for (int k = start; k < i; k++) {
            nounBefore |= tokens.get(k).isWord() && !KazakhMorphology.get().isAdjective(tokens.get(k).text());
        }
        if (nounBefore && row.use() != Use.POST && !KazakhMorphology.hasPossessive(head)) {
            head = KazakhMorphology.withPossessive(head);
        }
        return take(text, tokens, start, i + 1, taken, sink,
                text.substring(tokens.get(start).start(), headToken.start()) + head);
    }

    /** The head as the name ends in it: without its case ending, or for a post its organization's head. */
    private static String kazakhNominative(Token headToken, Head row) {
        if (row.use() == Use.POST) {
            return headToken.isUpperCase() ? row.organizationHead().toUpperCase(Locale.ROOT)
                    : headToken.isCapitalized() ? capitalized(row.organizationHead()) : row.organizationHead();
        }
        return KazakhMorphology.get().withoutCase(headToken.text(), row.stem().length());
    }

    // ---------------------------------------------------------------- English

    private static final Set<String> ENGLISH_JOINERS = Set.of("of", "and", "for", "&", "with");
    /** How many words a person's name after named after, им. or имени has: a given name and a surname. */
    private static final int NAMED_AFTER_WORDS = 2;

    /**
     * Capitalized words holding a head; after the head only {@code of/and/for} phrases ({@code of the Kyrgyz
     * Republic}), a number ({@code No. 2}), the person it is named after ({@code named after B. N. Yeltsin}) and legal
     * forms go on, so that a name written right after the organization (Society of Oncohematologists Raigul …) stays
     * out of it. {@code and} before capitals that hold a head of their own starts another name ({@code Osh State
     * University and International School of Medicine}); before the head a word that is also a given name is a word
     * of the name (the German Hospital). An acronym followed by the person it is named after is a name too
     * ({@code ZKMU named after. Marat Ospanova}). A post's name stands for its organization: {@code Minister of
     * Health} → {@code Ministry of Health}.
     */
    private int english(String text, List<Token> tokens, int i, boolean[] taken, Consumer<Mention> sink) {
        Token first = tokens.get(i);
        if (!first.isWord() || !first.isCapitalized() || first.is("The")
                || NameLexicon.get().isNameContext(first.text()) && headOf(first, Language.EN) == null) {
            return i; // Rector of International School of Medicine: the post stays out of the name
        }
        if (isPossessive(first)) {
            if (headOf(first, Language.EN) != null && i > 0 && tokens.get(i - 1).is("the")) {
                sink.accept(refersBack(mention(text, first.start(), first.end(),
                        POSSESSIVE_S.matcher(first.text()).replaceFirst("")), "head"));
            }
            return i; // the Center’s Medical Director: the organization named before
        }
        int k = i;
        int end = -1;
        int headAt = -1;
        int cut = -1;
        boolean named = false;
        boolean joined = false;
        boolean ofPhrase = false;
        while (k < tokens.size()) {
            Token t = tokens.get(k);
            boolean dotAfterSt = t.is(".") && k > i && tokens.get(k - 1).is("St");
            if (k > i && !adjacent(text, tokens, k) && !dotAfterSt) {
                break;
            }
            int after = headAt >= 0 || k == i + 1 && isAcronym(first) ? namedAfterEnd(tokens, k) : k;
            if (after == k && headAt >= 0) {
                after = numberEnd(tokens, k);
            }
            if (after > k) {
                named |= headAt < 0;
                end = k = after;
                joined = false;
                continue;
            }
            boolean capital = t.isWord() && t.isLatin() && (t.isCapitalized() || t.isUpperCase());
            boolean joiner = ENGLISH_JOINERS.contains(t.text()) && k > i
                    || t.is("the") && headAt >= 0 && tokens.get(k - 1).is("of")
                    || t.is(",") && ofPhrase && fieldListGoesOn(tokens, k + 1);
            if (!(capital || joiner || dotAfterSt)) {
                break;
            }
            boolean started = headAt >= 0 || named;
            if (t.is("of") && !started) {
                return i; // Professor Aisha Karimova of Tashkent Medical Academy: the name starts after of
            }
            if (started && (t.is("and") || t.is("&") || t.is("of")) && holdsHead(tokens, k + 1, t.is("of"))) {
                break; // two names joined by and; … for Hematology of the Ministry of Health: the one it belongs to
            }
            if (capital && started && !joined && headOf(t, Language.EN) == null && !legalForms.contains(t.text())
                    || capital && started && (NameLexicon.get().isGivenName(t.text())
                            || NameLexicon.get().isNameContext(t.text()))) {
                break;
            }
            int hyphen = t.text().indexOf('-');
            if (capital && hyphen > 0 && isPersonWord(t.text().substring(hyphen + 1))) {
                // School of Medicine-Akhunbayev Stalbek, Minister-Karatayev: a dash without spaces before a person
                Token part = new Token(t.text().substring(0, hyphen), t.start(), t.start() + hyphen, t.index());
                headAt = headAt < 0 && headOf(part, Language.EN) != null ? k : headAt;
                cut = part.end();
                end = k + 1;
                break;
            }
            ofPhrase |= joiner && headAt >= 0 && t.is("of");
            joined = joiner || joined && capital;
            if (capital) {
                end = k + 1;
                if (headAt < 0 && headOf(t, Language.EN) != null) {
                    headAt = k;
                }
                if (isPossessive(t)) {
                    break;
                }
            }
            k++;
        }
        Token headToken = headAt < 0 ? null : cut >= 0 && headAt == end - 1
                ? new Token(tokens.get(headAt).text().substring(0, cut - tokens.get(headAt).start()), tokens.get(headAt).start(),
                        cut, headAt) : tokens.get(headAt);
        Head head = headToken != null ? headOf(headToken, Language.EN) : null;
        boolean alone = head != null && head.use() == Use.ALONE;
        if (head != null && end == i + 1 && !alone && i > 0 && tokens.get(i - 1).is("the")) {
            sink.accept(refersBack(mention(text, first.start(), first.end(), first.text()), "head"));
            return i; // Medical Director of the Center: the organization named before
        }
        if (head == null && !named || end <= i + (alone || named ? 0 : 1) || end < 0
                || head != null && (head.use() == Use.OF || head.use() == Use.POST) && !ofPhrase) {
            return i;
        }
        if (end < tokens.size() && Quotes.isOpening(tokens.get(end))) {
            return i; // Public Association «Association of …»: a description of the quoted organization
        }
        int stop = cut >= 0 ? cut : tokens.get(end - 1).end();
        String canonical = POSSESSIVE_S.matcher(text.substring(first.start(), stop)).replaceFirst("");
        if (head != null && head.use() == Use.POST) {
            canonical = text.substring(first.start(), headToken.start()) + capitalized(head.organizationHead())
                    + text.substring(headToken.end(), stop);
        }
        for (int j = i; j < end; j++) {
            taken[j] = true;
        }
        sink.accept(new Mention(EntityKind.ORGANIZATION, first.start(), stop, text.substring(first.start(), stop),
                canonical, Map.of()));
        return end;
    }

    /** A word that begins or qualifies a person's name: Akhunbayev, Professor. */
    private static boolean isPersonWord(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && (NameLexicon.get().isNameContext(word)
                || NameLexicon.get().looksLikeSurname(word) || NameLexicon.get().isGivenName(word));
    }

    /** Whether the capitals from {@code k} (with of, for, the between them) hold a head of a name. */
    /**
     * After a comma inside a name's of-phrase, the fields it lists go on to the last one after and, each in
     * capitals and none an organization's head: Research Institute of Pediatric Oncology, Hematology and
     * Transplantation. A list of organizations, or what follows the name, does not.
     */
    private boolean fieldListGoesOn(List<Token> tokens, int k) {
        boolean field = false;
        for (int j = k; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.isWord() && t.isLatin() && t.isCapitalized() && headOf(t, Language.EN) == null
                    && !NameLexicon.get().isGivenName(t.text())) {
                field = true;
            } else if (field && t.is(",")) {
                field = false;
            } else {
                return field && t.is("and") && j + 1 < tokens.size() && tokens.get(j + 1).isCapitalized()
                        && headOf(tokens.get(j + 1), Language.EN) == null;
            }
        }
        return false;
    }

    /**
     * The capitals from {@code k} on hold an organization's head: after and, before any of-phrase (Osh State
     * University and International School of Medicine; not Institute of Hematology and Transfusiology of the
     * Federal … Agency); after of, anywhere (… for Hematology of the Ministry of Health).
     */
    private boolean holdsHead(List<Token> tokens, int k, boolean acrossOf) {
        for (int j = k; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.isWord() && t.isLatin() && t.isCapitalized()) {
                Head head = headOf(t, Language.EN);
                if (head != null && head.use() != Use.POST) {
                    return true;
                }
            } else if (!(t.is("of") && acrossOf) && !t.is("for") && !t.is("the")) {
                return false;
            }
        }
        return false;
    }

    /**
     * Where the person a name is named after ends, when {@code named after}, {@code им.} or {@code имени} stands at
     * {@code k}: initials and capitalized words, the last a word (B. N. Yeltsin, С.Д. Асфендиярова); else {@code k}.
     */
    private static int namedAfterEnd(List<Token> tokens, int k) {
        int j;
        if (k + 1 < tokens.size() && tokens.get(k).is("named") && tokens.get(k + 1).is("after")) {
            j = k + 2 < tokens.size() && tokens.get(k + 2).is(".") ? k + 3 : k + 2;
        } else if (k + 1 < tokens.size() && tokens.get(k).is("им") && tokens.get(k + 1).is(".")) {
            j = k + 2;
        } else if (tokens.get(k).is("имени") || tokens.get(k).is("им.")) {
            j = k + 1;
        } else {
            return k;
        }
        // Initials and a surname (С.Д. Асфендиярова), or a given name and a surname (Marat Ospanova); a next person's
        // initials stay out (им. И.П. Павлова Н.В. Макаревич).
        boolean initials = false;
        int end = k;
        for (int words = 0; j < tokens.size() && words < NAMED_AFTER_WORDS; j++) {
            Token t = tokens.get(j);
            if (t.text().matches("\\p{Lu}\\.") && end == k) {
                initials = true;
                continue;
            }
            if (!t.isWord() || !t.isCapitalized() || t.text().endsWith(".")) {
                break;
            }
            end = j + 1;
            words = initials ? NAMED_AFTER_WORDS : words + 1;
        }
        return end;
    }

    /** Where a number after a head ends: No. 2, № 2; else {@code k}. */
    private static int numberEnd(List<Token> tokens, int k) {
        int j = k + 1 < tokens.size() && tokens.get(k).is("No") && tokens.get(k + 1).is(".") ? k + 2
                : tokens.get(k).is("№") || tokens.get(k).is("No") ? k + 1 : k;
        return j > k && j < tokens.size() && tokens.get(j).text().matches("\\d+") ? j + 1 : k;
    }

    private static boolean isPossessive(Token t) {
        return t.text().endsWith("’s") || t.text().endsWith("'s");
    }

    // ---------------------------------------------------------------- acronyms

    private void acronyms(String text, List<Token> tokens, boolean[] taken, Consumer<Mention> sink) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean qualified = qualifierLength(text, tokens, i + 1) > 0;
            if (taken[i] || !t.isWord() || !(isAcronym(t) || qualified && isTwoLetterAcronym(t)) || inCapitalLine(tokens, i)
                    || isSurnameInCapitals(tokens, i)
                    || i + 1 < tokens.size() && YEAR.matcher(tokens.get(i + 1).text()).matches()
                    || i > 0 && YEAR.matcher(tokens.get(i - 1).text()).matches()) {
                continue; // ВОЗ 2022, the 2022 WHO classification: a classification named after the organization
            }
            int end = i + 1 + qualifierLength(text, tokens, i + 1);
            end = end < tokens.size() ? namedAfterEnd(tokens, end) : end;
            int start = t.start();
            int stop = tokens.get(end - 1).end();
            sink.accept(new Mention(EntityKind.ORGANIZATION, start, stop, text.substring(start, stop),
                    text.substring(start, stop), Map.of("acronym", t.text())));
            i = end - 1;
        }
    }

    /** ВОЗ, ОАИИР, КазНМУ, ПСПбГМУ, UMC: short, mostly capitals, not an ordinary word written in capitals. */
    /**
     * What an acronym serves, written after it: a region (УЗ Актюбинской области) or a country's abbreviation
     * (МЗ РУз, МЗ РК). Returns how many tokens it takes, 0 when there is none.
     */
    private int qualifierLength(String text, List<Token> tokens, int k) {
        if (k + 1 < tokens.size() && tokens.get(k).isCapitalized() && phrases.isAdjective(tokens.get(k))
                && phrases.inCase(tokens.get(k), "R") && phrases.inCase(tokens.get(k + 1), "R")
                && adjacent(text, tokens, k) && adjacent(text, tokens, k + 1)) {
            return 2;
        }
        if (k < tokens.size() && adjacent(text, tokens, k) && tokens.get(k).isWord()) {
            List<Mention> country = new ArrayList<>();
            places.recognize(tokens.get(k).text(), Language.RU, country::add);
            if (!country.isEmpty() && country.get(0).kind() == EntityKind.COUNTRY && tokens.get(k).text().length() <= 4) {
                return 1;
            }
        }
        return 0;
    }

    /** МЗ, УЗ: two capitals count as an acronym only with what they serve after them. */
    private static boolean isTwoLetterAcronym(Token t) {
        return t.text().length() == 2 && t.isCyrillic() && t.isUpperCase();
    }

    private boolean isAcronym(Token t) {
        String word = t.text();
        if (word.length() < 3 || word.length() > 8 || otherAcronyms.contains(word) || legalForms.contains(word)
                || word.contains("-") || ROMAN_NUMBER.matcher(word).matches()) {
            return false;
        }
        int upper = 0;
        for (char c : word.toCharArray()) {
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (!Character.isLetter(c)) {
                return false;
            }
        }
        if (upper < 2 || upper * 2 < word.length() || !Character.isUpperCase(word.charAt(word.length() - 1))) {
            return false;
        }
        // Short capitals are acronyms even when they spell a word (ВОЗ); longer ones must not be a word in capitals.
        return word.length() <= 4 || !t.isCyrillic() || morphology.analyze(word).isEmpty();
    }

    /** A line of capitals (a headline) holds words in capitals, not acronyms. */
    /** Ерлан ҚОШАНОВ: a surname in capitals, after a given name or shaped like one, is no acronym. */
    private static boolean isSurnameInCapitals(List<Token> tokens, int i) {
        String word = tokens.get(i).text();
        if (!tokens.get(i).isUpperCase() || word.length() < SHORTEST_SURNAME_IN_CAPITALS) {
            return false;
        }
        return i > 0 && NameLexicon.get().isGivenName(tokens.get(i - 1).text())
                || NameLexicon.get().looksLikeSurname(word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT));
    }

    /** Shorter words in capitals are acronyms whatever their ending (ВОЗ, ОАИИР). */
    private static final int SHORTEST_SURNAME_IN_CAPITALS = 6;

    private static boolean inCapitalLine(List<Token> tokens, int i) {
        int capitals = 0;
        for (int k = Math.max(0, i - 2); k <= Math.min(tokens.size() - 1, i + 2); k++) {
            if (k != i && tokens.get(k).isWord() && tokens.get(k).isUpperCase() && tokens.get(k).text().length() > 3) {
                capitals++;
            }
        }
        return capitals > 0;
    }

    private static boolean adjacent(String text, List<Token> tokens, int j) {
        if (j <= 0 || j >= tokens.size()) {
            return false;
        }
        String between = text.substring(tokens.get(j - 1).end(), tokens.get(j).start());
        return between.isBlank() && !between.contains("\n\n");
    }
}
