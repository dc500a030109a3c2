package org.medkg.gazetteer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.text.DataLines;

/**
 * The case forms of Russian place names and of adjectives made from them, lower case with ё as е.
 * Nouns come from the LanguageTool dictionary where it knows the name (Караганда → караганды, караганде…),
 * else from ending rules ({@code russian-noun-endings.txt}); adjectives follow the regular paradigm.
 */
public final class RussianPlaceForms {

    private static final String ENDINGS_RESOURCE = "/org/medkg/gazetteer/russian-noun-endings.txt";
    /** The joint of names like Ростов-на-Дону, whose first part alone declines. */
    private static final String ON_A_RIVER = "-на-";
    private static final List<String> OBLIQUE_CASES = List.of("R", "D", "V", "T", "P");
    private static final Set<String> ALL_CASES = Set.of("Nom", "R", "D", "V", "T", "P");
    private static final Set<String> PERSON_NAME_TAGS = Set.of("Name", "Fam", "Patr");
    private static final List<String> ADJECTIVE_ENDINGS = List.of("ий", "ый", "ой", "ого", "его", "ому", "ему",
            "им", "ым", "ом", "ем", "ая", "яя", "ей", "ую", "юю", "ое", "ее", "ие", "ые", "их", "ых", "ими", "ыми");

    private record EndingRule(String nominative, List<String> oblique) {
    }

    private static final RussianPlaceForms INSTANCE = new RussianPlaceForms(RussianMorphology.get(), loadRules());

    private final RussianMorphology morphology;
    private final List<EndingRule> rules;

    private RussianPlaceForms(RussianMorphology morphology, List<EndingRule> rules) {
        this.morphology = morphology;
        this.rules = rules;
    }

    public static RussianPlaceForms get() {
        return INSTANCE;
    }

    public static String normalize(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** The word and its forms in every case (singular, or plural for plural names like Штаты). */
    public Set<String> nounForms(String word) {
        String lower = normalize(word);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(lower);
        int on = lower.indexOf(ON_A_RIVER);
        if (on > 0) {
            // Ростов-на-Дону, Комсомольск-на-Амуре: only the town declines (из Ростова-на-Дону)
            String river = lower.substring(on);
            nounForms(lower.substring(0, on)).forEach(form -> forms.add(form + river));
            return forms;
        }
        boolean known = false;
        for (RussianMorphology.Analysis analysis : morphology.analyze(lower)) {
            List<String> tags = Arrays.asList(analysis.tags().split(":"));
            boolean nounOrAdjective = tags.get(0).equals("NN") || tags.get(0).equals("ADJ") || tags.get(0).equals("PT");
            if (!nounOrAdjective || tags.stream().anyMatch(PERSON_NAME_TAGS::contains)) {
                continue;
            }
            String last = tags.get(tags.size() - 1);
            if (last.equals("Nom")) {
                known = true;
                String prefix = String.join(":", tags.subList(0, tags.size() - 1));
                for (String grammaticalCase : OBLIQUE_CASES) {
                    morphology.synthesize(analysis.lemma(), prefix + ":" + grammaticalCase)
                            .forEach(form -> forms.add(normalize(form)));
                }
            } else if (tags.stream().noneMatch(ALL_CASES::contains) && analysis.lemma().equals(lower)) {
                known = true;  // indeclinable: Алматы, Тбилиси
            }
        }
        if (!known) {
            forms.addAll(byEndingRule(lower));
        }
        return forms;
    }

    /** Every form of an adjective given in the masculine nominative (карагандинский → карагандинского, …). */
    public Set<String> adjectiveForms(String adjective) {
        String lower = normalize(adjective);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(lower);
        for (String ending : List.of("ий", "ый", "ой")) {
            if (lower.endsWith(ending)) {
                String stem = lower.substring(0, lower.length() - ending.length());
                ADJECTIVE_ENDINGS.forEach(form -> forms.add(stem + form));
                return forms;
            }
        }
        throw new IllegalArgumentException("not a masculine adjective: " + adjective);
    }

    private List<String> byEndingRule(String lower) {
        for (EndingRule rule : rules) {
            if (lower.endsWith(rule.nominative())) {
                String stem = lower.substring(0, lower.length() - rule.nominative().length());
                return rule.oblique().stream().map(ending -> stem + ending).toList();
            }
        }
        return List.of();
    }

    private static List<EndingRule> loadRules() {
        List<EndingRule> rules = new ArrayList<>();
        for (DataLines.Line line : DataLines.read(RussianPlaceForms.class, ENDINGS_RESOURCE)) {
            int bar = line.text().indexOf('|');
            if (bar < 0) {
                throw line.error("expected `ending | endings`");
            }
            String nominative = line.text().substring(0, bar).strip();
            String rest = line.text().substring(bar + 1).strip();
            List<String> oblique = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
            rules.add(new EndingRule(nominative.equals("-") ? "" : nominative, oblique));
        }
        rules.sort(Comparator.comparingInt((EndingRule rule) -> rule.nominative().length()).reversed());
        return List.copyOf(rules);
    }
}
