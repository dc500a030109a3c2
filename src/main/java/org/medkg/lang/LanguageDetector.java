package org.medkg.lang;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkg.lang.kk.KazakhLatin;
import org.medkg.text.DataLines;

/**
 * Tells whether a document is Russian, Kazakh or English. English when Latin letters outnumber Cyrillic ones or
 * English function words outnumber the others, unless it is Kazakh in Latin letters: words with a letter of that
 * alphabet ({@link KazakhLatin}: Densaýlyq, Qazaqstannyń) or Kazakh function words in it (jáne, men) outnumber the
 * English function words; otherwise each word votes: a Kazakh function word or a word with
 * a letter only Kazakh has ({@value #KAZAKH_ONLY_LETTERS}) votes Kazakh, a Russian function word votes Russian.
 * Kazakh names in a Russian text get outvoted by Russian function words, which make up a fifth of Russian text.
 * The word lists are the data files {@code stopwords-ru.txt}, {@code stopwords-kk.txt}, {@code stopwords-en.txt}.
 */
public final class LanguageDetector {

    static final String KAZAKH_ONLY_LETTERS = "әғқңөұүһі";

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+(?:-[\\p{L}]+)*");
    private static final LanguageDetector STANDARD = new LanguageDetector();

    private final Set<String> russianStopWords = load("stopwords-ru.txt");
    private final Set<String> kazakhStopWords = load("stopwords-kk.txt");
    private final Set<String> englishStopWords = load("stopwords-en.txt");
    /** A Latin word longer than this is no Kazakh function word, whatever its Cyrillic reading. */
    private final int longestKazakhStopWord = kazakhStopWords.stream().mapToInt(String::length).max().orElse(0);
    /** Each word's vote, remembered by the word as written: every document asks about the same function words. */
    private final WordCache<Vote> votes = new WordCache<>(this::voteOf, 100_000);

    /** What one word says: the language it votes for (null for none), and whether it is Kazakh in Latin letters. */
    private record Vote(Language language, boolean kazakhLatin) {
    }

    public static LanguageDetector standard() {
        return STANDARD;
    }

    /** The language of {@code text}; Russian when there is nothing to go by. */
    public Language detect(String text) {
        int latinLetters = 0;
        int cyrillicLetters = 0;
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            if (Character.isLetter(text.charAt(i))) {
                latinLetters += script == Character.UnicodeScript.LATIN ? 1 : 0;
                cyrillicLetters += script == Character.UnicodeScript.CYRILLIC ? 1 : 0;
            }
        }
        int russian = 0;
        int kazakh = 0;
        int english = 0;
        int kazakhLatin = 0;
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            Vote vote = votes.get(words.group());
            if (vote.language() == Language.KK) {
                kazakh++;
            } else if (vote.language() == Language.RU) {
                russian++;
            } else if (vote.language() == Language.EN) {
                english++;
            }
            if (vote.kazakhLatin()) {
                kazakhLatin++;
            }
        }
        if (latinLetters > cyrillicLetters) {
            return kazakhLatin > english ? Language.KK : Language.EN;
        }
        if (english > russian + kazakh) {
            return Language.EN;
        }
        return kazakh > russian ? Language.KK : Language.RU;
    }

    private Vote voteOf(String written) {
        String word = written.toLowerCase(Locale.ROOT);
        Language language = kazakhStopWords.contains(word) || hasKazakhOnlyLetter(word) ? Language.KK
                : russianStopWords.contains(word) ? Language.RU
                : englishStopWords.contains(word) ? Language.EN
                : null;
        boolean kazakhLatin = Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.LATIN
                && (KazakhLatin.hasOwnLetter(word) || word.length() <= longestKazakhStopWord
                && kazakhStopWords.contains(KazakhLatin.toCyrillic(word)));
        return new Vote(language, kazakhLatin);
    }

    private static boolean hasKazakhOnlyLetter(String word) {
        return word.chars().anyMatch(c -> KAZAKH_ONLY_LETTERS.indexOf(c) >= 0);
    }

    private static Set<String> load(String name) {
        return Set.copyOf(DataLines.entries(LanguageDetector.class, name));
    }
}
