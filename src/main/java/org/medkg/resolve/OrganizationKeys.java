package org.medkg.resolve;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.medkg.gazetteer.Gazetteer;
import org.medkg.gazetteer.Place;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.recognize.OrganizationRecognizer;
import org.medkg.text.DataLines;

/**
 * A language-neutral key for an organization's name: each word stands for its meaning
 * ({@code organization-words.tsv}), a place name for its gazetteer id, any other word (a proper name such as
 * Novartis or an acronym) for its spelling-neutral form; legal forms and connecting words are left out and the
 * rest sorted. Центр гематологии, Гематология орталығы and Hematology Center share the key
 * {@code center-hematology}.
 */
public final class OrganizationKeys {

    private final RussianMorphology russian;
    private final KazakhMorphology kazakh;
    private final Map<String, String> meaningOfForm = new HashMap<>();
    private final Map<String, String> placeOfName = new HashMap<>();
    private final Set<String> legalForms = new HashSet<>();

    public OrganizationKeys(RussianMorphology russian, KazakhMorphology kazakh, Gazetteer gazetteer) {
        this.russian = russian;
        this.kazakh = kazakh;
        for (String[] row : DataLines.rows(OrganizationKeys.class, "organization-words.tsv")) {
            for (int column = 1; column < row.length; column++) {
                for (String form : row[column].split(" ")) {
                    meaningOfForm.put(form.toLowerCase(Locale.ROOT), row[0]);
                }
            }
        }
        for (Place place : gazetteer.places()) {
            for (String name : place.allNames()) {
                placeOfName.put(name.toLowerCase(Locale.ROOT), place.id());
            }
        }
        for (String form : DataLines.entries(OrganizationRecognizer.class, "legal-forms.txt")) {
            legalForms.add(form.toLowerCase(Locale.ROOT));
        }
    }

    public String key(String name) {
        Set<String> parts = new TreeSet<>();
        for (String word : name.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 2 || legalForms.contains(word)) {
                continue;
            }
            String part = meaning(word);
            if (!part.equals("-")) {
                parts.add(part);
            }
        }
        return String.join("-", parts);
    }

    private String meaning(String word) {
        String known = known(word);
        if (known != null) {
            return known;
        }
        for (RussianMorphology.Analysis a : russian.analyze(word)) {
            known = known(a.lemma());
            if (known != null) {
                return known;
            }
        }
        for (String stem : kazakh.stems(word)) {
            known = known(stem.toLowerCase(Locale.ROOT));
            if (known != null) {
                return known;
            }
        }
        if (word.endsWith("s") && word.length() > 3) {
            known = known(word.substring(0, word.length() - 1));
            if (known != null) {
                return known;
            }
        }
        return Transliteration.key(word);
    }

    private String known(String form) {
        String meaning = meaningOfForm.get(form);
        return meaning != null ? meaning : placeOfName.get(form);
    }

}
