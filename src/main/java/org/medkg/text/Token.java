package org.medkg.text;

/** A word, number or punctuation mark with its offsets in the document text. */
public record Token(String text, int start, int end, int index) {

    public boolean isWord() {
        return Character.isLetter(text.charAt(0));
    }

    public boolean isCapitalized() {
        return Character.isUpperCase(text.charAt(0));
    }

    /** All letters upper case and at least two of them: an acronym such as ВОЗ or КазНМУ's first part. */
    public boolean isUpperCase() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    public boolean is(String s) {
        return text.equals(s);
    }

    public boolean isCyrillic() {
        return Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
    }

    public boolean isLatin() {
        return Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.LATIN;
    }
}
