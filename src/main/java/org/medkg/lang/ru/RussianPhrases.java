package org.medkg.lang.ru;

import java.util.Locale;
import org.medkg.text.Token;

/**
 * Grammatical tests on the words of Russian noun phrases, shared by the recognizers that read names of
 * organizations and events: is a word an adjective, is it in one of these cases. A rare medical term the
 * dictionary does not know (гемостаза, иммунодефицитам) is judged by its ending.
 */
public final class RussianPhrases {

    private final RussianMorphology morphology;

    public RussianPhrases(RussianMorphology morphology) {
        this.morphology = morphology;
    }

    public boolean isAdjective(Token token) {
        if (!token.isWord() || !token.isCyrillic()) {
            return false;
        }
        var analyses = morphology.analyze(token.text());
        for (RussianMorphology.Analysis a : analyses) {
            if ((a.tags().startsWith("ADJ") || a.tags().startsWith("PT")) && !a.has("Short")) {
                return true;
            }
        }
        return analyses.isEmpty() && token.text().contains("-")
                && token.text().toLowerCase(Locale.ROOT).matches(".*(ий|ый|ой|ая|ое|ого|ому|ом|ую|ых|ые)");
    }

    /** A noun, adjective or participle in one of the cases (LanguageTool tags: R genitive, D dative, T instrumental). */
    public boolean inCase(Token token, String... cases) {
        if (!token.isWord() || !token.isCyrillic()) {
            return false;
        }
        var analyses = morphology.analyze(token.text());
        if (analyses.isEmpty()) {
            return unknownInCase(token, cases);
        }
        for (RussianMorphology.Analysis a : analyses) {
            if (a.tags().startsWith("NN") || a.tags().startsWith("ADJ") || a.tags().startsWith("PT")) {
                for (String c : cases) {
                    if (a.has(c)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A plural noun or an adjective in the dative: по вторичным иммунодефицитам, not по адресу. */
    public boolean isPluralOrAdjectivalDative(Token token) {
        if (!token.isWord() || !token.isCyrillic()) {
            return false;
        }
        var analyses = morphology.analyze(token.text());
        if (analyses.isEmpty()) {
            return unknownInCase(token, "D");
        }
        for (RussianMorphology.Analysis a : analyses) {
            if (a.has("D") && (a.has("PL") && a.tags().startsWith("NN") || a.tags().startsWith("ADJ")
                    || a.tags().startsWith("PT"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unknownInCase(Token token, String... cases) {
        if (token.text().length() <= 4 || token.isCapitalized()) {
            return false;
        }
        String lower = token.text().toLowerCase(Locale.ROOT);
        for (String c : cases) {
            String endings = switch (c) {
                case "R" -> ".*(ии|ов|ев|ей|ой|ого|их|ых|ки|ги|за|са|та|ра|ла|на|да)";
                case "D" -> ".*(ам|ям|ым|им)";
                case "T" -> ".*(ом|ем|ой|ами|ями|ым|им)";
                default -> "(?!)";
            };
            if (lower.matches(endings)) {
                return true;
            }
        }
        return false;
    }
}
