package org.medkg.lang;

import java.util.Locale;

/** The languages medkg reads; the code is the BCP 47 tag used on literals and in mkg:language. */
public enum Language {
    RU("ru"), KK("kk"), EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code.toLowerCase(Locale.ROOT))) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language code: " + code);
    }
}
