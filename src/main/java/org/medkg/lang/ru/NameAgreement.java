package org.medkg.lang.ru;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medkg.text.DataLines;

/**
 * The case and gender that the words around a Russian name give it, for names whose own form does not tell:
 * {@code Демидова Л.В.} is she in the nominative or he in the genitive, and only the context decides —
 * {@code у Демидова Л.В.}, {@code доклад Демидова Л.В.} (his), {@code выступила Демидова Л.В.} (hers).
 * <ul>
 *   <li>a preposition or a governing noun or verb right before the name gives its case
 *       ({@code name-case-governors.tsv});</li>
 *   <li>a person noun the name stands beside gives its own case ({@code гематолога страны Вадима Кемайкина}:
 *       genitive), reading leftwards over its genitive and instrumental complements to the head of the phrase
 *       ({@code заместитель министра здравоохранения … Мадамин Каратаев}: nominative); a feminine noun
 *       ({@code заведующая}, {@code медсестра}) or a noun that is an adjective or participle by origin
 *       ({@code заведующий}, {@code учёный}) gives its gender too, while {@code профессор} says nothing of it;</li>
 *   <li>a past-tense verb right before the name makes it the subject, and gives its gender ({@code выступила
 *       Демидова Л.В.}); one right after it gives only its gender ({@code Демидова Л.В. отметила}).</li>
 * </ul>
 * Case and gender of these words come from the dictionary; only the governing words are data.
 */
public final class NameAgreement {

    /** Cases (LanguageTool tags: Nom, R, D, V, T, P) a name may be in, empty when nothing tells; gender or null. */
    public record Agreement(Set<String> cases, String gender) {
        public static final Agreement NONE = new Agreement(Set.of(), null);

        public boolean allows(RussianMorphology.Analysis reading) {
            return (cases.isEmpty() || cases.stream().anyMatch(reading::has)) && (gender == null || reading.has(gender));
        }

        public boolean isNone() {
            return cases.isEmpty() && gender == null;
        }
    }

    private static final List<String> CASES = List.of("Nom", "R", "D", "V", "T", "P");
    /** How many words before the name are read. */
    private static final int REACH = 8;

    private final RussianMorphology morphology;
    private final Map<String, Set<String>> governors = new HashMap<>();

    public NameAgreement(RussianMorphology morphology) {
        this.morphology = morphology;
        for (String[] row : DataLines.rows(NameAgreement.class, "name-case-governors.tsv")) {
            governors.put(row[0], Set.of(row[1].split(",")));
        }
    }

    /**
     * What the words before a name tell, read from the nearest: words as written, punctuation as tokens of its
     * own, abbreviations with their dot ({@code проф.}).
     */
    public Agreement before(List<String> words) {
        Agreement head = null;
        boolean chain = false; // nouns passed between the name and the word being read
        for (String word : words.subList(0, Math.min(REACH, words.size()))) {
            if (word.endsWith(".") && word.length() > 1) {
                continue; // проф., д.м.н.: titles between a governing word and the name
            }
            if (!Character.isLetter(word.charAt(0))) {
                if (word.equals("—") || word.equals("–")) {
                    continue;
                }
                break;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            List<RussianMorphology.Analysis> readings = morphology.analyze(lower);
            Set<String> governed = governed(lower, readings);
            if (readings.isEmpty()) {
                if (!Character.isUpperCase(word.charAt(0))) {
                    break;
                }
                chain = true; // a proper name inside the phrase: Республики Каракалпакстан
                continue;
            }
            if (governed != null || readings.stream().anyMatch(r -> r.tags().startsWith("VB"))) {
                if (head != null || chain) {
                    return head != null ? head : Agreement.NONE;
                }
                return governed != null ? new Agreement(governed, null) : subject(readings);
            }
            Agreement person = personNoun(readings);
            if (person != null) {
                head = person;
                if (!person.cases().contains("R")) {
                    return head; // not a genitive complement of a noun further left: the head of the phrase
                }
                chain = true;
                continue;
            }
            if (readings.stream().allMatch(r -> r.tags().startsWith("ADJ") || r.tags().startsWith("PT")
                    || r.tags().startsWith("NUM"))) {
                continue; // главного внештатного: modifiers
            }
            if (readings.stream().anyMatch(r -> r.tags().startsWith("NN") && (r.has("R") || r.has("T")))) {
                chain = true; // страны, здравоохранения, кафедрой: complements of a person noun further left
                continue;
            }
            break;
        }
        return head != null ? head : Agreement.NONE;
    }

    /**
     * What the word right after a name tells: the gender of a past-tense verb ({@code Демидова Л.В. выступила}).
     * Not the case: the verb may belong to a subject before the name (за рисунок Лизы Львовой проголосовало).
     */
    public Agreement after(String word) {
        if (word == null || !Character.isLetter(word.charAt(0))) {
            return Agreement.NONE;
        }
        List<RussianMorphology.Analysis> readings = morphology.analyze(word);
        if (readings.stream().noneMatch(r -> r.tags().startsWith("VB:Past"))) {
            return Agreement.NONE;
        }
        return new Agreement(Set.of(), subject(readings).gender());
    }

    /** The cases a governing word gives, by its written form or any lemma; null when it governs none. */
    private Set<String> governed(String lower, List<RussianMorphology.Analysis> readings) {
        Set<String> cases = governors.get(lower);
        if (cases != null) {
            return cases;
        }
        for (RussianMorphology.Analysis reading : readings) {
            cases = governors.get(reading.lemma());
            if (cases != null) {
                return cases;
            }
        }
        return null;
    }

    /** A past-tense verb's subject: nominative, of the verb's gender when it has one (not in the plural). */
    private static Agreement subject(List<RussianMorphology.Analysis> readings) {
        Set<String> genders = new LinkedHashSet<>();
        for (RussianMorphology.Analysis r : readings) {
            if (r.tags().startsWith("VB:Past")) {
                genders.add(r.has("Fem") ? "Fem" : r.has("Masc") ? "Masc" : "");
            }
        }
        String gender = genders.size() == 1 && !genders.contains("") ? genders.iterator().next() : null;
        return new Agreement(Set.of("Nom"), gender);
    }

    /** A singular animate noun's cases and the gender it gives its person; null when the word is none. */
    private static Agreement personNoun(List<RussianMorphology.Analysis> readings) {
        Set<String> cases = new LinkedHashSet<>();
        Set<String> genders = new LinkedHashSet<>();
        for (RussianMorphology.Analysis r : readings) {
            if (r.tags().startsWith("NN") && r.has("Anim") && r.has("Sin")) {
                CASES.stream().filter(r::has).forEach(cases::add);
                genders.add(r.has("Fem") ? "Fem" : "Masc");
            }
        }
        if (cases.isEmpty()) {
            return null;
        }
        boolean adjectival = readings.stream().anyMatch(r -> r.tags().startsWith("ADJ") || r.tags().startsWith("PT"));
        String gender = genders.size() != 1 ? null
                : genders.contains("Fem") || adjectival ? genders.iterator().next() : null;
        return new Agreement(Set.copyOf(cases), gender);
    }
}
