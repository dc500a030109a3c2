package org.medkg.lang.ru;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.medkg.lang.ru.NameAgreement.Agreement;

/**
 * The nominative form of a Russian personal name written in any case: {@code Елены Витальевны Бабенко} →
 * {@code Бабенко Елена Витальевна}. The patronymic (or else the given name) tells the gender and the case; the
 * dictionary gives the nominative of parts it knows, and surname ending rules cover rare surnames it does not.
 * Where the name's own form leaves the case open ({@code Демидова Л.В.}, {@code Вадима Кемайкина}), the words around
 * it decide ({@link NameAgreement}).
 */
public final class RussianNames {

    /** A name's parts in the nominative; any part may be null. */
    public record Parts(String family, String given, String patronymic, String gender) {
    }

    private static final List<String> CASES = List.of("Nom", "R", "D", "V", "T", "P");
    private static final Pattern MASCULINE_PATRONYMIC = Pattern.compile("(?iu).*(ович|евич|ьич)(а|у|ем|е)?");
    private static final Pattern FEMININE_OBLIQUE = Pattern.compile("(?iu).*(ов|ев|ин|ын|ск|цк)ой");
    private static final Pattern FEMININE_PATRONYMIC = Pattern.compile("(?iu).*(овн|евн|ичн)(а|ы|е|у|ой)");

    private final RussianMorphology morphology;
    private final Predicate<String> surnameShaped;
    private final Predicate<String> knownGivenName;

    /**
     * @param surnameShaped  whether a word has the shape of a surname; a nominative made by ending rules must have
     *                       it (Шарашенидзе is no prepositional case of a Шарашенидз)
     * @param knownGivenName whether a word is a given name of the lexicon, for names the dictionary lacks
     *                       (Нурислама → Нурислам)
     */
    public RussianNames(RussianMorphology morphology, Predicate<String> surnameShaped, Predicate<String> knownGivenName) {
        this.morphology = morphology;
        this.surnameShaped = surnameShaped;
        this.knownGivenName = knownGivenName;
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
        return nominative(family, given, patronymic, Agreement.NONE);
    }

    /** The nominative, where the context's case and gender choose among the readings the name's form allows. */
    public Parts nominative(String family, String given, String patronymic, Agreement context) {
        if (given == null && patronymic == null && family != null) {
            return surnameAlone(family, context);
        }
        String gender = genderOf(given, patronymic, family, context);
        String grammaticalCase = caseOf(given, patronymic, gender, context);
        if (patronymic == null && family != null && (!isKnownName(given, context) || !agree(given, family)
                || feminineOblique(family) && morphology.analyze(family).isEmpty())) {
            // Акмарал Жусуповой, Ажар Шомбиной, учёным Жан де Месенером: a given name the dictionary reads otherwise
            // (or not at all, or not in the context's case), or a surname whose ending shows its case; the surname's
            // own endings tell its case and gender.
            Parts surname = surnameAlone(family, context);
            if (surname.family().equals(family) && context.cases().isEmpty()) {
                Optional<Parts> byGiven = byGivenNameEnding(family, given);
                if (byGiven.isPresent()) {
                    return byGiven.get();
                }
            }
            String genderOfBoth = surname.gender() != null ? surname.gender() : gender;
            return new Parts(surname.family(), givenNominative(given, genderOfBoth, context, !surname.family().equals(family)),
                    null, genderOfBoth);
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

    /** A surname with initials only (Горбачевой Р.М.): its own endings, and the context, tell the case and gender. */
    private Parts surnameAlone(String family, Agreement context) {
        List<RussianMorphology.Analysis> readings = morphology.analyze(family).stream()
                .filter(a -> a.has("Fam") && a.has("Sin")).toList();
        List<RussianMorphology.Analysis> fitting = readings.stream().filter(context::allows).toList();
        if (!fitting.isEmpty()) {
            readings = fitting;
        }
        String gender = null;
        String oblique = null;
        for (RussianMorphology.Analysis a : readings) {
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
        if (gender != null) {
            return new Parts(nominativeSurname(family, gender, oblique), null, null, gender);
        }
        // Not in the dictionary: an oblique case the context tells (у Ахунбаева, с Сариевым), or else a feminine
        // -овой/-ской, the one ending that shows an oblique case alone.
        for (String g : context.gender() != null ? List.of(context.gender()) : List.of("Fem", "Masc")) {
            for (String c : context.cases()) {
                Optional<String> nominative = c.equals("Nom") ? Optional.empty() : byEndings(family, g, c);
                if (nominative.isPresent()) {
                    return new Parts(nominative.get(), null, null, g);
                }
            }
        }
        return feminineOblique(family) ? new Parts(NameEndings.SURNAMES.nominative(family, "Fem", "R"), null, null, "Fem")
                : new Parts(family, null, null, context.gender());
    }

    /**
     * A given name the dictionary lacks, in the nominative when it is written in an oblique case (Ерлану Кошанову →
     * Ерлан): when the surname's form or the context shows such a case, the ending rules give candidates and the
     * lexicon says which is a name.
     */
    private String givenNominative(String given, String gender, Agreement context, boolean surnameOblique) {
        boolean oblique = surnameOblique || !context.cases().isEmpty() && !context.cases().contains("Nom");
        if (!oblique || knownGivenName.test(given) || !morphology.analyze(given).isEmpty()) {
            return given;
        }
        for (String g : gender != null ? List.of(gender) : List.of("Masc", "Fem")) {
            for (String c : CASES.subList(1, CASES.size())) {
                if (!context.cases().isEmpty() && !context.cases().contains(c)) {
                    continue;
                }
                for (String candidate : NameEndings.GIVEN_NAMES.candidates(given, g, c)) {
                    if (knownGivenName.test(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        return given;
    }

    /**
     * Ерлану Кошанову, Нурислама Далабай: neither part known to the dictionary, and the surname's ending alone leaves
     * the case open; a given name of the lexicon under a case ending tells it (Ерлану: Ерлан's dative).
     */
    private Optional<Parts> byGivenNameEnding(String family, String given) {
        if (knownGivenName.test(given) || !morphology.analyze(given).isEmpty()) {
            return Optional.empty();
        }
        for (String g : List.of("Masc", "Fem")) {
            for (String c : CASES.subList(1, CASES.size())) {
                for (String candidate : NameEndings.GIVEN_NAMES.candidates(given, g, c)) {
                    if (knownGivenName.test(candidate)) {
                        return Optional.of(new Parts(byEndings(family, g, c).orElse(family), candidate, null, g));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** -овой, -иной, -ской: the one surname ending that shows an oblique case (and the feminine) alone. */
    private static boolean feminineOblique(String family) {
        return FEMININE_OBLIQUE.matcher(family).matches();
    }

    /** The nominative the ending rules give for this gender and case, when one fits and looks like a surname. */
    private Optional<String> byEndings(String family, String gender, String grammaticalCase) {
        String nominative = NameEndings.SURNAMES.nominative(family, gender, grammaticalCase);
        return nominative.equals(family) || !surnameShaped.test(nominative) ? Optional.empty() : Optional.of(nominative);
    }

    /**
     * The nominative of a surname the dictionary does not know, written in an oblique case: the word some ending rule
     * turns into a word with the shape of a surname (Шомбиной → Шомбина, Месенером → Месенер); empty when none does.
     */
    public Optional<String> obliqueSurnameNominative(String word) {
        if (!morphology.analyze(word).isEmpty()) {
            return Optional.empty();
        }
        for (String gender : List.of("Fem", "Masc")) {
            for (String c : CASES.subList(1, CASES.size())) {
                Optional<String> nominative = byEndings(word, gender, c);
                if (nominative.isPresent()) {
                    return nominative;
                }
            }
        }
        return Optional.empty();
    }

    private boolean isKnownName(String given, Agreement context) {
        return morphology.analyze(given).stream().anyMatch(a -> a.has("Name") && a.has("Sin")
                && (context.cases().isEmpty() || context.cases().stream().anyMatch(a::has)));
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
    String genderOf(String given, String patronymic, String family, Agreement context) {
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
            List<RussianMorphology.Analysis> names = morphology.analyze(given).stream()
                    .filter(a -> a.has("Name") && a.has("Sin")).toList();
            // Вадима is a rare woman's name or Вадим's genitive: the context's case chooses.
            List<RussianMorphology.Analysis> fitting = names.stream().filter(context::allows).toList();
            boolean fem = false;
            boolean masc = false;
            for (RussianMorphology.Analysis a : fitting.isEmpty() ? names : fitting) {
                fem |= a.has("Fem");
                masc |= a.has("Masc");
            }
            if (fem != masc) {
                return fem ? "Fem" : "Masc";
            }
        }
        if (context.gender() != null) {
            return context.gender();
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

    private String caseOf(String given, String patronymic, String gender, Agreement context) {
        for (Agreement constraint : List.of(new Agreement(context.cases(), null), Agreement.NONE)) {
            for (String word : new String[] {patronymic, given}) {
                if (word == null) {
                    continue;
                }
                String tag = word == patronymic ? "Patr" : "Name";
                List<RussianMorphology.Analysis> analyses = morphology.analyze(word);
                for (String grammaticalCase : CASES) {
                    for (RussianMorphology.Analysis a : analyses) {
                        if (a.has(tag) && a.has("Sin") && a.has(grammaticalCase) && (gender == null || a.has(gender))
                                && constraint.allows(a)) {
                            return grammaticalCase;
                        }
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
        return NameEndings.SURNAMES.nominative(family, gender, grammaticalCase);
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
