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
import org.medkg.lang.kk.KazakhLatin;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.lang.ru.RussianPhrases;
import org.medkg.text.DataLines;
import org.medkg.text.Quotes;
import org.medkg.text.Segment;
import org.medkg.text.Segmenter;
import org.medkg.text.Token;
import org.medkg.text.Tokenizer;

/**
 * Words that name events ({@code event-types.tsv}) and the name that goes with them: a quoted title next to the
 * word ({@code конференции «Аллергология и иммунология: достижения и перспективы»},
 * {@code «Гематопатологиядағы мультидисциплинарлық тәсіл» … конференцияны}), or else the phrase the word heads
 * ({@code Школа пациентов с множественной миеломой}). Fields: {@code type} (a class of the contract, or
 * {@code Event} for a competition or another event of no finer class), {@code refersBack} for a word
 * such as мероприятие that names no event of its own, {@code quoted} when the name is a title
 * in quotes (then {@code phraseName} is the name its phrase would give), {@code phrase} the words around the event
 * word, {@code reported} when a verb reported the event and
 * its sentence stands for its name.
 */
public final class EventRecognizer implements Recognizer {

    private static final int QUOTE_REACH = 5;
    private static final int MAX_TAIL = 9;
    private static final int TITLE_REACH = 40;
    // Tried at most tokens, so compiled once rather than by String.matches.
    private static final Pattern BLANK_LINE = Pattern.compile("(?s).*\\n\\s*\\n.*");
    private static final Pattern ROMAN_NUMBER = Pattern.compile("[IVXLC]+");

    /**
     * An event word: its words (the last one a stem), its class, whether it only refers to an event, whether its
     * class yields to another event word in its name (a programme of a master class), and the words one of which
     * must stand right before it, if any (өткен кеңесте: кеңес is also a council, advice, the Soviet).
     */
    private record EventWord(String[] words, String type, boolean refers, boolean container, Set<String> onlyAfter) {
    }

    /** A verb of {@code event-verbs.tsv}: its language, where it stands as a word, the class it reports. */
    private record Verb(Language language, Pattern word, String type) {
    }

    /** The option of {@code event-types.tsv} that lists the words one of which must stand before the word. */
    private static final String ONLY_AFTER = "after:";

    private final RussianPhrases phrases;
    /** By language, then by first letter: each token is tried against the few words that begin as it does. */
    private final Map<Language, Map<Character, List<EventWord>>> eventWords = new HashMap<>();
    private final List<String[]> exceptions = DataLines.rows(EventRecognizer.class, "event-word-exceptions.txt");
    private final List<Verb> verbs = DataLines.rows(EventRecognizer.class, "event-verbs.tsv").stream()
            .map(row -> new Verb(Language.fromCode(row[0]),
                    Pattern.compile("(?<!\\p{L})" + Pattern.quote(row[1]) + "(?!\\p{L})"), row[2]))
            .toList();
    /** By language, what follows an event word's stem in its plural ({@code event-plural-endings.tsv}). */
    private final Map<Language, Pattern> pluralEndings = new HashMap<>();
    /** What each word of {@code event-phrase-words.tsv} does to a name: stop, opens or joins; by language. */
    private final Map<Language, Map<String, String>> phraseWords = new HashMap<>();

    public EventRecognizer(RussianMorphology morphology) {
        this.phrases = new RussianPhrases(morphology);
        for (String[] row : DataLines.rows(EventRecognizer.class, "event-types.tsv")) {
            Language language = Language.fromCode(row[0]);
            for (String spelling : spellings(row[1], language)) {
                String option = row.length > 3 ? row[3] : "";
                EventWord word = new EventWord(spelling.split(" "), row[2], option.equals("refers"),
                        option.equals("container"), option.startsWith(ONLY_AFTER)
                                ? Set.of(option.substring(ONLY_AFTER.length()).split("\\|")) : Set.of());
                eventWords.computeIfAbsent(language, k -> new HashMap<>())
                        .computeIfAbsent(word.words[0].charAt(0), k -> new ArrayList<>()).add(word);
            }
        }
        for (String[] row : DataLines.rows(EventRecognizer.class, "event-plural-endings.tsv")) {
            pluralEndings.put(Language.fromCode(row[0]), Pattern.compile(row[1]));
        }
        for (String[] row : DataLines.rows(EventRecognizer.class, "event-phrase-words.tsv")) {
            Language language = Language.fromCode(row[0]);
            for (String spelling : spellings(row[1], language)) {
                phraseWords.computeIfAbsent(language, k -> new HashMap<>()).put(spelling, row[2]);
            }
        }
        eventWords.values().forEach(byLetter -> byLetter.values().forEach(list -> list.sort(
                Comparator.comparingInt((EventWord w) -> -w.words.length).thenComparingInt(w -> -w.words[0].length()))));
    }

    /** A word of a data file as Kazakh is also written in the Latin alphabet of 2018: конференц, konferens. */
    private static List<String> spellings(String word, Language language) {
        return language == Language.KK ? List.of(word, KazakhLatin.toLatin(word)) : List.of(word);
    }

    @Override
    public void recognize(String text, Language textLanguage, Consumer<Mention> sink) {
        eventVerbs(text, textLanguage, sink);
        List<Token> tokens = Tokenizer.tokenize(text);
        for (int i = 0; i < tokens.size(); i++) {
            Language language = textLanguage;
            EventWord word = eventWordAt(tokens, i, language);
            if (word == null && isEnglishNameIn(tokens.get(i), textLanguage)) {
                language = Language.EN;
                word = eventWordAt(tokens, i, language);
            }
            if (word == null) {
                continue;
            }
            int headEnd = i + word.words.length;
            Map<String, String> fields = new HashMap<>();
            fields.put("type", word.type);
            if (word.refers) {
                fields.put("refersBack", "true");
            }
            if (isPlural(tokens.get(headEnd - 1), word, language)) {
                fields.put("plural", "true");
            }
            int[] quote = quoteNear(text, tokens, i, headEnd, language);
            int phraseStart = switch (language) {
                case RU -> adjectivesBefore(text, tokens, i);
                case EN -> modifiersBefore(text, tokens, i, word.container);
                case KK -> wordsBefore(text, tokens, i);
            };
            int phraseEnd = switch (language) {
                case RU -> tailAfter(text, tokens, headEnd);
                case EN -> englishTailAfter(text, tokens, headEnd);
                case KK -> headEnd;
            };
            if (language != textLanguage) {
                // a name kept in English is its Latin words: первый … Tutorial в Казахстане
                while (!KazakhLatin.isLatin(tokens.get(phraseStart).text())) {
                    phraseStart++;
                }
                while (!KazakhLatin.isLatin(tokens.get(phraseEnd - 1).text())) {
                    phraseEnd--;
                }
            }
            String series = word.container ? containedType(tokens, language, phraseStart, i, headEnd, phraseEnd)
                    : seriesType(tokens, language, phraseStart, i, headEnd, phraseEnd);
            if (series != null) {
                fields.put("type", series);
            }
            int start = tokens.get(phraseStart).start();
            int end = tokens.get(phraseEnd - 1).end();
            String phrase = text.substring(start, end).replaceAll("\\s+", " ");
            fields.put("phrase", phrase);
            String canonical = language == Language.RU
                    ? capitalize(phrases.nominative(text, tokens, phraseStart, i, phraseEnd)) : phrase;
            if (quote != null) {
                fields.put("phraseName", canonical);
                canonical = text.substring(tokens.get(quote[0] + 1).start(), tokens.get(quote[1] - 1).end())
                        .replaceAll("\\s+", " ");
                fields.put("quoted", "true");
                start = Math.min(start, tokens.get(quote[0]).start());
                end = Math.max(end, tokens.get(quote[1]).end());
            }
            sink.accept(new Mention(EntityKind.EVENT, start, end, text.substring(start, end), canonical, fields));
            i = Math.max(i, phraseEnd - 1);
        }
    }

    /**
     * Whether a word of Russian or Kazakh text may head an event's name kept in English, read by the English rules:
     * a capitalized Latin word that is no event word of the text's language (первый European Hematology Association
     * Tutorial в Казахстане).
     */
    private static boolean isEnglishNameIn(Token token, Language textLanguage) {
        return textLanguage != Language.EN && token.isCapitalized() && KazakhLatin.isLatin(token.text());
    }

    /**
     * A session of a series belongs to the series, whose type it takes: виртуальный семинар Школы пациентов (the
     * series named after the session word, capitalized), a virtual seminar of the School for Patients, пациенттер
     * мектебінің виртуалды семинары (the series in the words before it: Kazakh puts the head last).
     */
    private String seriesType(List<Token> tokens, Language language, int phraseStart, int head, int headEnd,
                              int phraseEnd) {
        int from = headEnd;
        int until = phraseEnd;
        boolean capitalized = true;
        switch (language) {
            case EN -> {
                from = skip(tokens, headEnd, "of");
                from = skip(tokens, from, "the");
                until = from == headEnd ? headEnd : Math.min(from + 1, tokens.size());
            }
            case KK -> {
                from = phraseStart;
                until = head;
                capitalized = false;
            }
            case RU -> {
            }
        }
        String series = null;
        for (int k = from; k < until; k++) {
            EventWord inner = eventWordAt(tokens, k, language);
            if (inner != null && !inner.refers && (!capitalized || tokens.get(k).isCapitalized())) {
                series = inner.type;
            }
        }
        return series;
    }

    /** The class of the first other event word in a container's name (программа мастер-класса), or null. */
    private String containedType(List<Token> tokens, Language language, int phraseStart, int head, int headEnd,
                                 int phraseEnd) {
        for (int k = phraseStart; k < phraseEnd; k++) {
            EventWord inner = k >= head && k < headEnd ? null : eventWordAt(tokens, k, language);
            if (inner != null && !inner.refers && !inner.container) {
                return inner.type;
            }
        }
        return null;
    }

    private static int skip(List<Token> tokens, int k, String word) {
        return k < tokens.size() && tokens.get(k).text().equalsIgnoreCase(word) ? k + 1 : k;
    }

    /** ТОО «Центр гематологии» посетил эксперт … Макаревич: the sentence of a verb that reports a visit names it. */
    private void eventVerbs(String text, Language language, Consumer<Mention> sink) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Segment> segments = null;
        for (Verb verb : verbs) {
            if (verb.language() != language) {
                continue;
            }
            Matcher m = verb.word().matcher(lower);
            while (m.find()) {
                int at = m.start();
                segments = segments != null ? segments : Segmenter.segment(text);
                Segment segment = segments.stream().filter(g -> g.contains(at)).findFirst().orElse(null);
                if (segment == null) {
                    continue;
                }
                int start = segment.start();
                int end = segment.end();
                String sentence = text.substring(start, end).replaceAll("\\s+", " ").strip();
                sink.accept(new Mention(EntityKind.EVENT, start, end, text.substring(start, end), sentence,
                        Map.of("type", verb.type(), "phrase", sentence, "reported", "true")));
            }
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private EventWord eventWordAt(List<Token> tokens, int i, Language language) {
        String first = tokens.get(i).text().toLowerCase(Locale.ROOT);
        if (first.isEmpty()) {
            return null;
        }
        for (EventWord word : eventWords.getOrDefault(language, Map.of()).getOrDefault(first.charAt(0), List.of())) {
            boolean matches = i + word.words.length <= tokens.size();
            for (int k = 0; matches && k < word.words.length; k++) {
                String lower = tokens.get(i + k).text().toLowerCase(Locale.ROOT);
                matches = k == word.words.length - 1 ? lower.startsWith(word.words[k]) : lower.equals(word.words[k]);
            }
            if (matches && !word.onlyAfter.isEmpty()) {
                matches = i > 0 && word.onlyAfter.contains(tokens.get(i - 1).text().toLowerCase(Locale.ROOT));
            }
            if (matches && !isException(tokens, i, language)
                    && (language != Language.RU || phrases.canBeNoun(tokens.get(i)))) {
                return word;
            }
        }
        return null;
    }


    /** conferences, конференциялар: the event word's last word in its plural. */
    private boolean isPlural(Token last, EventWord word, Language language) {
        Pattern ending = pluralEndings.get(language);
        return ending != null && ending.matcher(last.text().toLowerCase(Locale.ROOT)
                .substring(word.words[word.words.length - 1].length())).matches();
    }

    /** конференц-зал, visited, of course: words that start like an event word but name none (data file). */
    private boolean isException(List<Token> tokens, int i, Language language) {
        String lower = tokens.get(i).text().toLowerCase(Locale.ROOT);
        String before = i > 0 ? tokens.get(i - 1).text().toLowerCase(Locale.ROOT) : "";
        String after = i + 1 < tokens.size() ? "+" + tokens.get(i + 1).text().toLowerCase(Locale.ROOT) : "";
        for (String[] row : exceptions) {
            if (Language.fromCode(row[0]) == language && lower.startsWith(row[1])
                    && (row.length < 3 || row[2].equals(before) || row[2].equals(after))) {
                return true;
            }
        }
        return false;
    }

    /** A quoted title right after the event word (or, in Kazakh and after a dash, right before it). */
    private int[] quoteNear(String text, List<Token> tokens, int head, int headEnd, Language language) {
        // Kazakh puts a title before its event word; elsewhere a title before the word needs a dash between.
        if (language == Language.KK) {
            int[] before = quoteBefore(tokens, head, language);
            return before != null ? before : quoteAfter(text, tokens, headEnd, language);
        }
        int[] after = quoteAfter(text, tokens, headEnd, language);
        return after != null ? after : quoteBefore(tokens, head, language);
    }

    private int[] quoteAfter(String text, List<Token> tokens, int headEnd, Language language) {
        for (int k = headEnd; k < tokens.size() && k < headEnd + QUOTE_REACH; k++) {
            Token t = tokens.get(k);
            if (BLANK_LINE.matcher(text.substring(tokens.get(k - 1).end(), t.start())).matches()) {
                return null; // a title in the next paragraph is not this word's
            }
            if (Quotes.isOpening(t)) {
                int close = Quotes.closing(tokens, k, TITLE_REACH);
                // кездесулер «сұрақ-жауап» үлгісінде: Kazakh says the format after the quote
                boolean format = language == Language.KK && close > 0 && close + 1 < tokens.size()
                        && is(tokens.get(close + 1), language, "untitles");
                return close > k + 1 && !format ? new int[] {k, close} : null;
            }
            if (!t.isWord() && !t.is(":") && !t.is("–") && !t.is("—") || is(t, language, "untitles")) {
                // a colon or dash may announce the title (a conference: «Selected issues», конгресіне – «…»), a
                // format may not
                return null;
            }
        }
        return null;
    }

    private int[] quoteBefore(List<Token> tokens, int head, Language language) {
        for (int k = head - 1; k >= 0 && k >= head - 10; k--) {
            Token t = tokens.get(k);
            if (Quotes.isClosing(t)) {
                int open = Quotes.opening(tokens, k, TITLE_REACH);
                boolean dashBetween = false;
                for (int j = k + 1; j < head; j++) {
                    dashBetween |= tokens.get(j).is("—") || tokens.get(j).is("–");
                }
                // «…» атты өңірлік ғылыми-практикалық конференция: a naming word after the quote reaches further
                boolean named = k + 1 < head && is(tokens.get(k + 1), language, "names");
                if (open >= 0 && open < k - 1 && (language == Language.KK && (k >= head - 3 || named) || dashBetween)) {
                    return new int[] {open, k};
                }
                return null;
            }
            if (t.is(".") || t.is("!") || t.is("?")) {
                return null;
            }
        }
        return null;
    }





    /** Ordinals and adjectives before the event word: VIII Международной научно-практической конференции. */
    private int adjectivesBefore(String text, List<Token> tokens, int head) {
        int start = head;
        for (int k = head - 1; k >= 0 && k >= head - 5 && adjacent(text, tokens, k + 1); k--) {
            Token t = tokens.get(k);
            if (!is(t, Language.RU, "stop") && (ROMAN_NUMBER.matcher(t.text()).matches() || phrases.isAdjective(t))) {
                start = k;
            } else {
                break;
            }
        }
        return start;
    }

    /** Whether the word does this ({@code stop}, {@code opens}, {@code joins}) to a name in the language. */
    private boolean is(Token t, Language language, String what) {
        return what.equals(phraseWords.getOrDefault(language, Map.of()).get(t.text().toLowerCase(Locale.ROOT)));
    }

    /**
     * The words before an English event word that say what it is: Multiple Myeloma Patient School, an international
     * student Olympiad, the International Scientific and Practical Conference; up to a stop word (the, was, in…) or
     * another event word, which only a container takes (master-class program).
     */
    private int modifiersBefore(String text, List<Token> tokens, int head, boolean container) {
        int start = head;
        for (int k = head - 1; k >= 0 && k >= head - 6 && adjacent(text, tokens, k + 1); k--) {
            Token t = tokens.get(k);
            boolean joinsCapitalized = is(t, Language.EN, "joins") && k > 0 && tokens.get(k - 1).isCapitalized()
                    && tokens.get(k + 1).isCapitalized();
            if (!t.isWord() || is(t, Language.EN, "stop") || is(t, Language.EN, "opens")
                    || is(t, Language.EN, "counts") && !t.isCapitalized()
                    || is(t, Language.EN, "joins") && !joinsCapitalized
                    || !container && eventWordAt(tokens, k, Language.EN) != null) {
                break;
            }
            start = k;
        }
        return start;
    }

    /**
     * What follows an English event word and still names it: a preposition that opens a tail and the words after
     * it, an article right after a preposition, conjunctions and further prepositions between words (an Olympiad on
     * anatomy and operative surgery, the Annual Congress of the European Hematology Association, a seminar of the
     * School for Patients with Multiple Myeloma), up to a stop word or punctuation.
     */
    private int englishTailAfter(String text, List<Token> tokens, int from) {
        if (from >= tokens.size() || !adjacent(text, tokens, from) || !is(tokens.get(from), Language.EN, "opens")) {
            return from;
        }
        int k = from + 1;
        if (k < tokens.size() && adjacent(text, tokens, k) && tokens.get(k).text().equalsIgnoreCase("the")) {
            k++;
        }
        int end = from;
        while (k < tokens.size() && k - from < MAX_TAIL && adjacent(text, tokens, k)) {
            Token t = tokens.get(k);
            if ((is(t, Language.EN, "joins") || is(t, Language.EN, "opens")) && end == k) {
                k++; // the School for Patients with Multiple Myeloma: prepositions chain on
                if (is(t, Language.EN, "opens") && k < tokens.size() && tokens.get(k).text().equalsIgnoreCase("the")) {
                    k++;
                }
                continue;
            }
            if (!t.isWord() || is(t, Language.EN, "stop") || is(t, Language.EN, "opens")) {
                break;
            }
            k++;
            end = k;
        }
        return end;
    }

    /** Kazakh puts what an event is about before its word: Көптік миеломамен ауыратын пациенттер мектебі. */
    private int wordsBefore(String text, List<Token> tokens, int head) {
        int start = head;
        for (int k = head - 1; k >= 0 && k >= head - 4 && adjacent(text, tokens, k + 1); k--) {
            if (!tokens.get(k).isWord() || is(tokens.get(k), Language.KK, "stop")
                    || KazakhMorphology.isInAdverbialCase(tokens.get(k).text())) {
                break;
            }
            start = k;
        }
        return start;
    }

    /** Genitive and instrumental words, with для/с/по, after the event word: Школа пациентов с множественной миеломой. */
    private int tailAfter(String text, List<Token> tokens, int from) {
        int end = from;
        int k = from;
        while (k < tokens.size() && k - from < MAX_TAIL && adjacent(text, tokens, k)) {
            Token t = tokens.get(k);
            String lower = t.text().toLowerCase(Locale.ROOT);
            if (is(t, Language.RU, "opens") && k + 1 < tokens.size()
                    && phrases.inCase(tokens.get(k + 1), "T", "R", "D")) {
                k++;
                continue;
            }
            if (is(t, Language.RU, "joins") && end == k && k + 1 < tokens.size()
                    && phrases.inCase(tokens.get(k + 1), "R", "T")) {
                k++;
                continue;
            }
            boolean dativeAfterPo = phrases.inCase(t, "D") && RussianPhrases.followsPo(tokens, k);
            if ((phrases.inCase(t, "R", "T") || dativeAfterPo) && !phrases.canBeVerb(t)) {
                k++;
                end = k;
                continue;
            }
            break;
        }
        return end;
    }



    private static boolean adjacent(String text, List<Token> tokens, int j) {
        if (j <= 0 || j >= tokens.size()) {
            return false;
        }
        String between = text.substring(tokens.get(j - 1).end(), tokens.get(j).start());
        return between.isBlank() && !between.contains("\n");
    }
}
