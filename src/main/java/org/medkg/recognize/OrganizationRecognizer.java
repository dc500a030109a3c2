package org.medkg.recognize;

import java.util.ArrayList;
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
    private final Map<Language, List<String[]>> heads = new HashMap<>();
    private final Set<String> legalForms;
    private final Set<String> otherAcronyms;
    private final Set<String> kazakhFunctionWords;
    private final List<String> branchWords;
    private final List<String[]> sourceCreditWords;
    private final PlaceRecognizer places;

    public OrganizationRecognizer(RussianMorphology morphology, PlaceRecognizer places) {
        this.places = places;
        this.branchWords = DataLines.entries(OrganizationRecognizer.class, "branch-words.txt");
        this.sourceCreditWords = DataLines.rows(OrganizationRecognizer.class, "source-credit-words.txt");
        this.morphology = morphology;
        this.phrases = new RussianPhrases(morphology);
        for (String[] row : DataLines.rows(OrganizationRecognizer.class, "organization-heads.tsv")) {
            heads.computeIfAbsent(Language.fromCode(row[0]), k -> new ArrayList<>()).add(row);
        }
        legalForms = Set.copyOf(DataLines.entries(OrganizationRecognizer.class, "legal-forms.txt"));
        otherAcronyms = Set.copyOf(DataLines.entries(OrganizationRecognizer.class, "non-organization-acronyms.txt"));
        kazakhFunctionWords = Set.copyOf(DataLines.entries(OrganizationRecognizer.class, "/org/medkg/lang/stopwords-kk.txt"));
    }

    @Override
    public void recognize(String text, Language language, Consumer<Mention> all) {
        Consumer<Mention> sink = m -> all.accept(isBareBranch(m, language) ? refersBack(m, "parent") : withoutCity(m));
        List<Token> tokens = Tokenizer.tokenize(text);
        boolean[] taken = new boolean[tokens.size()];
        quotedWithLegalForm(text, tokens, taken, sink);
        for (int i = 0; i < tokens.size(); i++) {
            if (taken[i]) {
                continue;
            }
            int end = switch (scriptOf(tokens.get(i))) {
                case "cyrillic" -> language == Language.KK ? kazakh(text, tokens, i, taken, sink) : russian(text, tokens, i, taken, sink);
                case "latin" -> english(text, tokens, i, taken, sink);
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
        for (String[] credit : sourceCreditWords) {
            String words = Pattern.quote(credit[0]);
            String name = "(\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)?)";
            Pattern pattern = credit[1].equals("before")
                    ? Pattern.compile("(?im)^\\s*" + words + "\\s*" + name + "(?=\\s*(?:[,.]|$))")
                    : Pattern.compile("(?im)^\\s*" + name + ",\\s*(?:source:\\s*)?" + words + "\\b");
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                int start = matcher.start(1);
                int end = matcher.end(1);
                sink.accept(new Mention(EntityKind.ORGANIZATION, start, end, matcher.group(1), matcher.group(1),
                        Map.of("sourceCredit", "true")));
            }
        }
    }

    private static final Pattern CITY_AFTER =
            Pattern.compile("(\\p{Lu}.*?)\\s+(?:города|г\\.)\\s+\\p{Lu}[\\p{L}-]*");
    private static final Pattern CITY_BEFORE =
            Pattern.compile("\\p{Lu}[\\p{L}-]*\\s+қаласының\\s+(\\p{Lu}.*)");

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
    private String quotedName(String text, List<Token> tokens, int first, int close) {
        int last = close - 1;
        while (last > first && !tokens.get(last).isWord()) {
            last--;
        }
        String[] head = kazakhHead(tokens.get(last));
        return text.substring(tokens.get(first).start(), head != null ? tokens.get(last).start() : tokens.get(last).end())
                + (head != null ? head[2] : "");
    }

    private static boolean sameLine(String text, Token first, Token second) {
        return text.indexOf('\n', first.end()) < 0 || text.indexOf('\n', first.end()) >= second.start();
    }

    private static boolean quotesInside(List<Token> tokens, int from, int to) {
        return tokens.subList(from, to).stream().anyMatch(Quotes::isOpening);
    }

    private void quotedWithLegalForm(String text, List<Token> tokens, boolean[] taken, Consumer<Mention> sink) {
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
            String inner = quotedName(text, tokens, i + 1, close);
            boolean innerHasHead = containsHead(tokens, i + 1, close);
            String legalForm = legalForms.contains(before) ? before : legalForms.contains(after) ? after : null;
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



    private boolean containsHead(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            Token token = tokens.get(k);
            if (heads.keySet().stream().anyMatch(language -> isHead(token, language))) {
                return true;
            }
        }
        return false;
    }


    private boolean isHead(Token token, Language language) {
        if (!token.isWord()) {
            return false;
        }
        String lower = token.text().toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
        for (String[] row : heads.getOrDefault(language, List.of())) {
            boolean matches = language == Language.EN
                    ? lower.equals(row[1]) || lower.equals(row[1] + "s") || lower.equals(row[1] + "es")
                    : lower.startsWith(row[1]) && !lower.startsWith("центральн");
            if (matches) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- Russian

    private int russian(String text, List<Token> tokens, int i, boolean[] taken, Consumer<Mention> sink) {
        Token first = tokens.get(i);
        if (!first.isWord()) {
            return i;
        }
        int head = i;
        while (head < tokens.size() && head - i < MAX_ADJECTIVES && !isHead(tokens.get(head), Language.RU)) {
            if (!phrases.isAdjective(tokens.get(head)) || !adjacent(text, tokens, head + 1)) {
                return i;
            }
            head++;
        }
        if (head >= tokens.size() || !isHead(tokens.get(head), Language.RU)) {
            return i;
        }
        int end = russianTail(text, tokens, head + 1);
        boolean proper = first.isCapitalized() || hasProperName(tokens, head + 1, end);
        if (end == head + 1 && head == i) {
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
        for (int k = i; k < end; k++) {
            taken[k] = true;
        }
        int start = first.start();
        int stop = tokens.get(end - 1).end();
        String canonical = phrases.nominative(text, tokens, i, head, end);
        sink.accept(new Mention(EntityKind.ORGANIZATION, start, stop, text.substring(start, stop), canonical, Map.of()));
        return end;
    }

    private static boolean isCityQualifier(List<Token> tokens, int k) {
        return k + 2 < tokens.size() && tokens.get(k).is("г") && tokens.get(k + 1).is(".") && tokens.get(k + 2).isCapitalized();
    }

    private boolean hasProperName(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (t.isWord() && (t.isLatin() && t.isCapitalized() || t.isUpperCase() || t.is("им"))) {
                return true;
            }
        }
        return false;
    }

    /** Where the words that belong to the name after its head end. */
    private int russianTail(String text, List<Token> tokens, int from) {
        int end = from;
        int k = from;
        int words = 0;
        while (k < tokens.size() && words < MAX_TAIL && adjacent(text, tokens, k)) {
            Token t = tokens.get(k);
            if (t.is("им") && k + 1 < tokens.size() && tokens.get(k + 1).is(".") || t.is("имени")) {
                int j = t.is("им") ? k + 2 : k + 1;
                while (j < tokens.size() && tokens.get(j).text().matches("\\p{Lu}\\.")) {
                    j++;
                }
                if (j < tokens.size() && tokens.get(j).isCapitalized()) {
                    end = k = j + 1;
                    words++;
                    continue;
                }
                break;
            }
            if (t.is("и") && k + 1 < tokens.size() && phrases.inCase(tokens.get(k + 1), "R") && end == k) {
                k++;
                continue;
            }
            if (t.is("по") && k + 1 < tokens.size() && phrases.isPluralOrAdjectivalDative(tokens.get(k + 1))) {
                k++;
                continue;
            }
            if (isPersonalName(t)) {
                break; // университета Вадим Валентинович Байков: a person follows the organization
            }
            if (!t.isCapitalized() && phrases.canBeVerb(t)) {
                break; // совета по вторичным иммунодефицитам были сделаны: the verb, not быль
            }
            if (t.isWord() && (phrases.inCase(t, "R") || isProperNameWord(t) || phrases.isPluralOrAdjectivalDative(t) && RussianPhrases.followsPo(tokens, k)
                    || t.isUpperCase() && !otherAcronyms.contains(t.text()) || t.isLatin() && t.isCapitalized())) {
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

    private boolean isPersonalName(Token t) {
        if (!t.isWord() || !t.isCapitalized() || !t.isCyrillic()) {
            return false;
        }
        for (RussianMorphology.Analysis a : morphology.analyze(t.text())) {
            if (a.has("Name") || a.has("Fam") || a.has("Patr")) {
                return true;
            }
        }
        return false;
    }







    // ---------------------------------------------------------------- Kazakh

    /**
     * Kazakh names end in their head; they start at the capitalized words nearest before it, after any
     * {@code -дағы/-дегі} word ({@code Тбилиси қаласындағы High Technology медициналық орталығы}: located in Tbilisi).
     */
    private int kazakh(String text, List<Token> tokens, int i, boolean[] taken, Consumer<Mention> sink) {
        Token headToken = tokens.get(i);
        String[] row = kazakhHead(headToken);
        if (row == null) {
            return i;
        }
        int start = i;
        for (int k = i - 1; k >= 0 && k >= i - 6 && adjacent(text, tokens, k + 1) && tokens.get(k).isWord() && !taken[k]
                && !text.substring(tokens.get(k).end(), tokens.get(k + 1).start()).contains("\n"); k--) {
            String lower = tokens.get(k).text().toLowerCase(Locale.ROOT);
            // Besides the adverbial cases, a name's words carry no dative, instrumental or locative adjective.
            if (KazakhMorphology.isInAdverbialCase(lower) || lower.matches(".*(дағы|дегі|тағы|тегі|мен|бен|пен|ға|ге|қа|ке)")
                    || isPersonalName(tokens.get(k)) || NameLexicon.get().isGivenName(tokens.get(k).text())
                    || kazakhFunctionWords.contains(lower) || tokens.get(k).isUpperCase() && tokens.get(k).isCyrillic()) {
                break;
            }
            if (tokens.get(k).isCapitalized()) {
                start = k;
            } else if (start < i) {
                break;
            }
        }
        if (start == i) {
            if (isBranchWord(headToken) || headToken.isCapitalized() && i > 0 && !isSentenceStart(text, tokens, i)) {
                sink.accept(refersBack(mention(text, headToken.start(), headToken.end(), row[2]), headOrParent(headToken)));
            }
            return i; // Орталықтың медициналық директоры: the center named before
        }
        for (int j = start; j <= i; j++) {
            taken[j] = true;
        }
        int from = tokens.get(start).start();
        int end = headToken.end();
        String canonical = text.substring(from, headToken.start()) + row[2];
        sink.accept(new Mention(EntityKind.ORGANIZATION, from, end, text.substring(from, end), canonical, Map.of()));
        return i + 1;
    }

    /** The head row when the word is that head with a case suffix, not an adjective made from it (клиникалық). */
    private String[] kazakhHead(Token token) {
        if (!token.isWord()) {
            return null;
        }
        String lower = token.text().toLowerCase(Locale.ROOT);
        for (String[] row : heads.getOrDefault(Language.KK, List.of())) {
            if (lower.startsWith(row[1])) {
                String rest = lower.substring(row[1].length());
                return rest.matches("(лық|лік|лы|лі|ландыр|лан|дастыр|дас).*") ? null : row;
            }
        }
        return null;
    }


    // ---------------------------------------------------------------- English

    private static final Set<String> ENGLISH_JOINERS = Set.of("of", "and", "for", "&", "with");

    /**
     * Capitalized words holding a head; after the head only {@code of/and/for} phrases and legal forms go on, so
     * that a name written right after the organization (Society of Oncohematologists Raigul …) stays out of it.
     * Before the head a word that is also a given name is a word of the name (the German Hospital).
     */
    private int english(String text, List<Token> tokens, int i, boolean[] taken, Consumer<Mention> sink) {
        Token first = tokens.get(i);
        if (!first.isWord() || !first.isCapitalized() || first.is("The")) {
            return i;
        }
        if (isPossessive(first)) {
            if (isHead(first, Language.EN) && i > 0 && tokens.get(i - 1).is("the")) {
                sink.accept(refersBack(mention(text, first.start(), first.end(),
                        first.text().replaceAll("['’]s$", "")), "head"));
            }
            return i; // the Center’s Medical Director: the organization named before
        }
        int k = i;
        int lastCapital = -1;
        boolean afterHead = false;
        boolean joined = false;
        while (k < tokens.size()) {
            Token t = tokens.get(k);
            boolean capital = t.isWord() && t.isLatin() && (t.isCapitalized() || t.isUpperCase());
            boolean joiner = ENGLISH_JOINERS.contains(t.text()) && k > i;
            boolean dotAfterSt = t.is(".") && k > i && tokens.get(k - 1).is("St");
            if (!(capital || joiner || dotAfterSt) || k > i && !adjacent(text, tokens, k) && !dotAfterSt) {
                break;
            }
            if (capital && afterHead && !joined && !isHead(t, Language.EN) && !legalForms.contains(t.text())
                    || capital && afterHead && NameLexicon.get().isGivenName(t.text())) {
                break;
            }
            joined = joiner || joined && capital;
            if (capital) {
                lastCapital = k;
                afterHead |= isHead(t, Language.EN);
                if (isPossessive(t)) {
                    break;
                }
            }
            k++;
        }
        if (!afterHead || lastCapital <= i) {
            return i;
        }
        int end = lastCapital + 1;
        if (end < tokens.size() && Quotes.isOpening(tokens.get(end))) {
            return i; // Public Association «Association of …»: a description of the quoted organization
        }
        for (int j = i; j < end; j++) {
            taken[j] = true;
        }
        int start = first.start();
        int stop = tokens.get(lastCapital).end();
        String surface = text.substring(start, stop);
        String canonical = surface.replaceAll("['’]s$", "");
        sink.accept(new Mention(EntityKind.ORGANIZATION, start, stop, surface, canonical, Map.of()));
        return end;
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
                    || i + 1 < tokens.size() && tokens.get(i + 1).text().matches("(19|20)\\d\\d")
                    || i > 0 && tokens.get(i - 1).text().matches("(19|20)\\d\\d")) {
                continue; // ВОЗ 2022, the 2022 WHO classification: a classification named after the organization
            }
            int end = i + 1 + qualifierLength(text, tokens, i + 1);
            if (end + 1 < tokens.size() && tokens.get(end).is("им") && tokens.get(end + 1).is(".")) {
                int j = end + 2;
                while (j < tokens.size() && tokens.get(j).text().matches("\\p{Lu}\\.")) {
                    j++;
                }
                if (j < tokens.size() && tokens.get(j).isCapitalized()) {
                    end = j + 1;
                }
            }
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
                || word.contains("-") || word.matches("[IVXLCІХ]+")) {
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
