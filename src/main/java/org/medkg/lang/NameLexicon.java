package org.medkg.lang;

import java.util.regex.Pattern;

/** Temporary: replaced by the name lexicon branch. */
public final class NameLexicon {
    private static final NameLexicon STANDARD = new NameLexicon();
    private static final Pattern PATRONYMIC = Pattern.compile(
            "(?iu).*(ович|евич|ьич|овна|евна|ична|ұлы|улы|қызы|кызы|ovich|evich|ovna|evna|ichna|yevich|yevna)");
    private static final Pattern SURNAME = Pattern.compile(
            "(?iu).*(ов|ова|ев|ева|ин|ина|ский|ская|цкий|цкая|енко|дзе|швили|ян|ova|ov|ev|eva|in|ina|sky|skaya|enko|dze|shvili|yan)");

    public static NameLexicon standard() {
        return STANDARD;
    }

    public boolean isGivenName(String word) {
        return word.equals("Nino") || word.equals("Anton");
    }

    public boolean isNotAName(String word) {
        return java.util.Set.of("Director", "Head", "President", "Chief", "Prof", "Doctor", "Center", "Hospital",
                "University", "Ministry", "Hematology", "Department", "General", "Medical", "The").contains(word);
    }

    public boolean looksLikePatronymic(String word) {
        return PATRONYMIC.matcher(word).matches();
    }

    public boolean looksLikeSurname(String word) {
        return SURNAME.matcher(word).matches();
    }
}
