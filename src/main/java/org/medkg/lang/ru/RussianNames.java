package org.medkg.lang.ru;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The nominative form of a Russian personal name written in any case: {@code Елены Витальевны Бабенко} →
 * {@code Бабенко Елена Витальевна}. The patronymic (or else the given name) tells the gender and the case; the
 * dictionary gives the nominative of parts it knows, and surname ending rules cover rare surnames it does not.
 */
public final class RussianNames {

    /** A name's parts in the nominative; any part may be null. */
    public record Parts(String family, String given, String patronymic, String gender) {
    }

    private static final List<String> CASES = List.of("Nom", "R", "D", "V", "T", "P");
    private static final Pattern MASCULINE_PATRONYMIC = Pattern.compile("(?iu).*(ович|евич|ьич)(а|у|ем|е)?");
    private static final Pattern FEMININE_PATRONYMIC = Pattern.compile("(?iu).*(овн|евн|ичн)(а|ы|е|у|ой)");

    private final RussianMorphology morphology;

    public RussianNames(RussianMorphology morphology) {
        this.morphology = morphology;
    }

    /** A Russian patronymic in any case: Анатольевич, Витальевны, Валентиновичем. */
    public boolean isPatronymic(String word) {
        if (MASCULINE_PATRONYMIC.matcher(word).matches() || FEMININE_PATRONYMIC.matcher(word).matches()) {
            return true;
        }
        for (RussianMorphology.Analysis a : morphology.analyze(word)) {
            if (a.has("Patr")) {
                return true;
            }
        }
        return false;
    }

    public Parts nominative(String family, String given, String patronymic) {
        if (given == null && patronymic == null && family != null) {
            return surnameAlone(family);
        }
        String gender = genderOf(given, patronymic, family);
        String grammaticalCase = caseOf(given, patronymic, gender);
        if (patronymic == null && family != null && !agree(given, family)) {
            // Акмарал Жусуповой: a given name the dictionary reads otherwise (or not at all); the surname's own
            // endings tell its case and gender.
            Parts surname = surnameAlone(family);
            return new Parts(surname.family(), given, null, surname.gender() != null ? surname.gender() : gender);
        }
        if (grammaticalCase.equals("Nom")) {
            return new Parts(family, given, patronymic, gender);
        }
        return new Parts(
                family == null ? null : nominativeSurname(family, gender, grammaticalCase),
                given == null ? null : nominativeOf(given, "NN:Name", gender, grammaticalCase),
                patronymic == null ? null : nominativeOf(patronymic, "NN:Patr", gender, grammaticalCase),
                gender);
    }

    /** A surname with initials only (Горбачевой Р.М.): its own endings tell the case and gender. */
    private Parts surnameAlone(String family) {
        String gender = null;
        String oblique = null;
        for (RussianMorphology.Analysis a : morphology.analyze(family)) {
            if (!a.has("Fam") || !a.has("Sin")) {
                continue;
            }
            if (a.has("Nom")) {
                return new Parts(family, null, null, a.has("Fem") ? "Fem" : a.has("Masc") ? "Masc" : null);
            }
            String g = a.has("Fem") ? "Fem" : "Masc";
            if (gender != null && !gender.equals(g)) {
                return new Parts(family, null, null, null);
            }
            gender = g;
            oblique = a.tags().substring(a.tags().lastIndexOf(':') + 1);
        }
        if (gender == null) {
            // Not in the dictionary: a feminine -овой/-ской is the one ending that shows an oblique case alone.
            boolean feminineOblique = family.toLowerCase(Locale.ROOT).matches(".*(ов|ев|ин|ын|ск|цк)ой");
            return feminineOblique ? new Parts(SurnameEndings.nominative(family, "Fem", "R"), null, null, "Fem")
                    : new Parts(family, null, null, null);
        }
        return new Parts(nominativeSurname(family, gender, oblique), null, null, gender);
    }

    /** Whether some reading of the given name and some reading of the surname share gender and case. */
    private boolean agree(String given, String family) {
        List<RussianMorphology.Analysis> surnames = morphology.analyze(family).stream()
                .filter(a -> a.has("Fam") && a.has("Sin")).toList();
        if (surnames.isEmpty()) {
            return true; // a surname the dictionary lacks says nothing against the given name
        }
        for (RussianMorphology.Analysis name : morphology.analyze(given)) {
            for (RussianMorphology.Analysis surname : surnames) {
                if (name.has("Name") && name.has("Sin") && CASES.stream().anyMatch(c -> name.has(c) && surname.has(c))
                        && (name.has("Fem") && surname.has("Fem") || name.has("Masc") && surname.has("Masc"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Masc, Fem or null when nothing tells. */
    String genderOf(String given, String patronymic, String family) {
        if (patronymic != null) {
            if (FEMININE_PATRONYMIC.matcher(patronymic).matches() || patronymic.toLowerCase(Locale.ROOT).endsWith("қызы")
                    || patronymic.toLowerCase(Locale.ROOT).endsWith("кызы")) {
                return "Fem";
            }
            if (MASCULINE_PATRONYMIC.matcher(patronymic).matches()) {
                return "Masc";
            }
        }
        if (given != null) {
            boolean fem = false;
            boolean masc = false;
            for (RussianMorphology.Analysis a : morphology.analyze(given)) {
                if (a.has("Name") && a.has("Sin")) {
                    fem |= a.has("Fem");
                    masc |= a.has("Masc");
                }
            }
            if (fem != masc) {
                return fem ? "Fem" : "Masc";
            }
        }
        if (family != null) {
            String f = family.toLowerCase(Locale.ROOT);
            if (f.matches(".*(ова|ева|ина|ская|цкая|ая)")) {
                return "Fem";
            }
            if (f.matches(".*(ов|ев|ин|ский|цкий|ий)")) {
                return "Masc";
            }
        }
        return null;
    }

    private String caseOf(String given, String patronymic, String gender) {
        for (String word : new String[] {patronymic, given}) {
            if (word == null) {
                continue;
            }
            String tag = word == patronymic ? "Patr" : "Name";
            List<RussianMorphology.Analysis> analyses = morphology.analyze(word);
            for (String grammaticalCase : CASES) {
                for (RussianMorphology.Analysis a : analyses) {
                    if (a.has(tag) && a.has("Sin") && a.has(grammaticalCase) && (gender == null || a.has(gender))) {
                        return grammaticalCase;
                    }
                }
            }
        }
        return "Nom";
    }

    private String nominativeOf(String word, String tag, String gender, String grammaticalCase) {
        String kind = tag.substring(3);
        for (RussianMorphology.Analysis a : morphology.analyze(word)) {
            if (a.has(kind) && a.has("Sin") && a.has(grammaticalCase) && (gender == null || a.has(gender))) {
                if (kind.equals("Name")) {
                    return capitalize(a.lemma());
                }
                for (String form : morphology.synthesize(a.lemma(), tag + ":" + gender + ":Sin:Nom")) {
                    return capitalize(form);
                }
            }
        }
        return word;
    }

    private String nominativeSurname(String family, String gender, String grammaticalCase) {
        if (gender != null) {
            for (RussianMorphology.Analysis a : morphology.analyze(family)) {
                if (a.has("Fam") && a.has("Sin") && a.has(grammaticalCase) && a.has(gender)) {
                    for (String form : morphology.synthesize(a.lemma(), "NN:Fam:" + gender + ":Sin:Nom")) {
                        return capitalize(form);
                    }
                }
            }
        }
        return SurnameEndings.nominative(family, gender, grammaticalCase);
    }

    static String capitalize(String word) {
        StringBuilder out = new StringBuilder(word.length());
        boolean start = true;
        for (char c : word.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return out.toString();
    }
}
