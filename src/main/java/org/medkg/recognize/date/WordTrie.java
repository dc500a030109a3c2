package org.medkg.recognize.date;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A regular expression that matches any of a set of words, factored by their common beginnings
 * ({@code ма(?:й|я|е|рт(?:а|е)?)}): a flat alternation of hundreds of month forms is tried word by word at every
 * position of a text, the factored one fails at the first letter that no word has. Longer words are preferred,
 * as greedy optional endings are. A space in a word matches any run of spaces.
 */
final class WordTrie {

    private final Map<Character, WordTrie> next = new TreeMap<>();
    private boolean word;

    private WordTrie() {
    }

    static String pattern(Collection<String> words) {
        WordTrie root = new WordTrie();
        for (String w : words) {
            WordTrie node = root;
            for (char c : w.toCharArray()) {
                node = node.next.computeIfAbsent(c, k -> new WordTrie());
            }
            node.word = true;
        }
        return root.next.isEmpty() ? "(?!)" : "(?:" + root.regex() + ")";
    }

    private String regex() {
        if (next.isEmpty()) {
            return "";
        }
        StringBuilder alternatives = new StringBuilder();
        for (Map.Entry<Character, WordTrie> branch : next.entrySet()) {
            if (alternatives.length() > 0) {
                alternatives.append('|');
            }
            alternatives.append(literal(branch.getKey())).append(branch.getValue().regex());
        }
        boolean single = next.size() == 1;
        if (single && !word) {
            return alternatives.toString();
        }
        return "(?:" + alternatives + ")" + (word ? "?" : "");
    }

    private static String literal(char c) {
        if (c == ' ') {
            return "\\s+";
        }
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c));
    }
}
