package org.medkg.lang.ru;

import java.util.List;
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

    /** A word the dictionary reads as a noun, or does not know (мастер-класс): not a verb such as встречались. */
    public boolean canBeNoun(Token token) {
        var analyses = morphology.analyze(token.text());
        return analyses.isEmpty() || analyses.stream().anyMatch(a -> a.tags().startsWith("NN"));
    }

    /** A word that may be a verb form (были, стали): it ends a name even when it may also be a noun. */
    public boolean canBeVerb(Token token) {
        return token.isWord() && token.isCyrillic()
                && morphology.analyze(token.text()).stream().anyMatch(a -> a.tags().startsWith("VB"));
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

    /** по вторичным иммунодефицитам: a dative word belongs to a name only in a по-phrase, by word k. */
    public static boolean followsPo(List<Token> tokens, int k) {
        for (int j = k - 1; j >= 0 && j >= k - 4; j--) {
            if (tokens.get(j).is("по")) {
                return true;
            }
            if (!tokens.get(j).isWord()) {
                return false;
            }
        }
        return false;
    }

    private static boolean unknownInCase(Token token, String... cases) {
        // A capitalized unknown word is a name; one in capitals is a word of a headline (МИЕЛОМОЙ).
        if (token.text().length() <= 4 || token.isCapitalized() && !token.isUpperCase()) {
            return false;
        }
        String lower = token.text().toLowerCase(Locale.ROOT);
        for (String c : cases) {
            String endings = switch (c) {
                case "R" -> ".*(ии|ов|ев|ей|ой|ого|их|ых|ки|ги|за|са|та|ра|ла|на|да)";
                case "D" -> ".*(ам|ям|ым|им|ию|[^и]е)";
                case "T" -> ".*(ом|ем|ой|ами|ями|ым|им)";
                default -> "(?!)";
            };
            if (lower.matches(endings)) {
                return true;
            }
        }
        return false;
    }

    /** The head and its adjectives in the nominative singular, the tail as written. */
    public String nominative(String text, List<Token> tokens, int first, int head, int end) {
        String gender = "Masc";
        String headNominative = tokens.get(head).text();
        for (RussianMorphology.Analysis a : morphology.analyze(headNominative)) {
            if (a.tags().startsWith("NN")) {
                gender = a.has("Fem") ? "Fem" : a.has("Neut") ? "Neut" : "Masc";
                headNominative = matchCase(tokens.get(head).text(), a.lemma());
                break;
            }
        }
        StringBuilder name = new StringBuilder();
        for (int k = first; k < head; k++) {
            name.append(adjectiveNominative(tokens.get(k).text(), gender)).append(' ');
        }
        name.append(headNominative);
        if (end > head + 1) {
            name.append(text, tokens.get(head).end(), tokens.get(end - 1).end());
        }
        return name.toString().replaceAll("\\s+", " ");
    }

    private String adjectiveNominative(String word, String gender) {
        for (RussianMorphology.Analysis a : morphology.analyze(word)) {
            if (a.tags().startsWith("ADJ") || a.tags().startsWith("PT")) {
                String tags = a.tags().startsWith("ADJ") ? "ADJ:Posit:" + gender + ":Nom" : null;
                if (tags != null) {
                    for (String form : morphology.synthesize(a.lemma(), tags)) {
                        return matchCase(word, form);
                    }
                }
                if (a.tags().startsWith("PT")) {
                    String pt = a.tags().replaceAll(":(Masc|Fem|Neut|PL)?:?(Nom|R|D|V|T|P)$", "") + ":" + gender + ":Nom";
                    for (String form : morphology.synthesize(a.lemma(), pt)) {
                        return matchCase(word, form);
                    }
                }
            }
        }
        return hyphenatedAdjectiveNominative(word, gender);
    }

    /** Западно-Казахстанского → Западно-Казахстанский: the dictionary does not know most compound adjectives. */
    private static String hyphenatedAdjectiveNominative(String word, String gender) {
        String stem = word.replaceAll("(?iu)(ого|ому|ым|ом|ой|ую|ая|ий|ый|ое|ые|ых)$", "");
        if (stem.equals(word)) {
            return word;
        }
        boolean soft = stem.toLowerCase(Locale.ROOT).matches(".*[кгхжшчщ]");
        return stem + switch (gender) {
            case "Fem" -> "ая";
            case "Neut" -> "ое";
            default -> soft ? "ий" : "ый";
        };
    }

    private static String matchCase(String original, String form) {
        if (original.isEmpty() || form.isEmpty()) {
            return form;
        }
        StringBuilder out = new StringBuilder(form);
        for (int k = 0; k < Math.min(original.length(), form.length()); k++) {
            if (Character.isUpperCase(original.charAt(k))) {
                out.setCharAt(k, Character.toUpperCase(form.charAt(k)));
            }
        }
        return out.toString();
    }
}
