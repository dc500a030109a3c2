package org.medkg.text;

import java.text.Normalizer;

/** Unicode NFC: {@code и} + combining breve becomes {@code й}, {@code е} + diaeresis becomes {@code ё}. */
public final class UnicodeCompositionFilter implements TextFilter {

    @Override
    public String name() {
        return "nfc";
    }

    @Override
    public String apply(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
