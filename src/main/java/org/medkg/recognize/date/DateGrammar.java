package org.medkg.recognize.date;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.medkg.text.DataLines;

/** The date rules of {@code date-grammar.txt}, compiled once, in the order the file lists them. */
public final class DateGrammar {

    /** One named rule and the names of the groups its pattern has. */
    public record Rule(String name, Pattern pattern, Set<String> groups) {
        public Rule {
            groups = Set.copyOf(groups);
        }

        /** The text of a named group, or null when the rule has no such group or it did not take part. */
        public String group(Matcher match, String group) {
            return groups.contains(group) ? match.group(group) : null;
        }

        /** Whether the rule reads no date of its own, only one relative to the reference (вчера, в пятницу). */
        public boolean relative() {
            return groups.stream().noneMatch(ABSOLUTE_GROUPS::contains);
        }
    }

    private static final Pattern DEFINITION = Pattern.compile("(rule\\s+)?([A-Z][A-Z0-9_]*)\\s*=\\s*(.+)");
    private static final Pattern GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final Pattern REFERENCE = Pattern.compile("@([A-Z][A-Z0-9_]*)(?::([a-z][a-z0-9]*))?");
    // A date neither starts nor ends inside a word or a number; it starts with a letter or digit, which the
    // lookahead checks first, cheaply, at every position of the text.
    private static final String BEFORE = "(?=[\\p{L}\\p{N}])(?<![\\p{L}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern WORD_START = Pattern.compile(BEFORE, FLAGS);

    /** Groups that read a date from the text itself; a rule with none of them dates only relative to the reference. */
    private static final Set<String> ABSOLUTE_GROUPS = Set.of("y0", "d1", "m1", "mon1", "y1", "d2", "m2", "mon2", "y2");

    private static final DateGrammar STANDARD = load(CalendarNames.months(), CalendarNames.weekdays(),
            RelativeWords.standard());

    private final List<Rule> rules;

    /** How far from an anchor a date's rules are tried: longer than any date expression. */
    public static final int ANCHOR_REACH = 80;

    private final Pattern anchor;
    private final StartCharacters ruleStarts;
    private final StartCharacters anchorStarts;

    private DateGrammar(List<Rule> rules, Pattern anchor) {
        this.rules = List.copyOf(rules);
        this.anchor = anchor;
        this.ruleStarts = new StartCharacters(rules.stream().map(Rule::pattern).toList());
        this.anchorStarts = new StartCharacters(List.of(anchor));
    }

    /** Where every rule's and the anchor's match begins: a letter or digit with none before it. */
    public static Pattern wordStart() {
        return WORD_START;
    }

    /**
     * The indexes in {@link #rules()} of the rules whose match may begin with {@code c}: at most words none, so a
     * rule need only be tried where a word begins with one of its possible first letters.
     */
    public int[] rulesStartingWith(char c) {
        return ruleStarts.patternsStartingWith(c);
    }

    /** Whether the anchor's match may begin with {@code c}. */
    public boolean anchorMayStartWith(char c) {
        return anchorStarts.patternsStartingWith(c).length > 0;
    }

    /**
     * What every date holds (the fragment ANCHOR: a digit, a month or weekday name, a relative word): rules need only
     * be tried within {@link #ANCHOR_REACH} characters of one, which spares most of a text.
     */
    public Pattern anchor() {
        return anchor;
    }

    public static DateGrammar standard() {
        return STANDARD;
    }

    public List<Rule> rules() {
        return rules;
    }

    private static DateGrammar load(CalendarNames months, CalendarNames weekdays, RelativeWords relative) {
        Map<String, String> fragments = new LinkedHashMap<>();
        fragments.put("MONTH", months.anyPattern());
        fragments.put("EN_MONTH", months.englishPattern());
        fragments.put("WEEKDAY", weekdays.anyPattern());
        fragments.put("REL_DAY", relative.pattern(RelativeWords.Unit.DAY, RelativeWords.Position.ALONE));
        fragments.put("REL_MONTH", relative.pattern(RelativeWords.Unit.MONTH, RelativeWords.Position.ALONE));
        fragments.put("REL_YEAR", relative.pattern(RelativeWords.Unit.YEAR, RelativeWords.Position.ALONE));
        fragments.put("REL_YEAR_AFTER", relative.pattern(RelativeWords.Unit.YEAR, RelativeWords.Position.AFTER));
        fragments.put("REL_YEAR_BEFORE", relative.pattern(RelativeWords.Unit.YEAR, RelativeWords.Position.BEFORE));
        fragments.put("WEEK_QUALIFIER", relative.pattern(RelativeWords.Unit.WEEK, RelativeWords.Position.BEFORE));
        List<Rule> rules = new ArrayList<>();
        for (DataLines.Line line : DataLines.read(DateGrammar.class, "date-grammar.txt")) {
            Matcher definition = DEFINITION.matcher(line.text());
            if (!definition.matches()) {
                throw line.error("expected NAME = regex or rule NAME = regex");
            }
            String name = definition.group(2);
            String regex = expand(definition.group(3), fragments, line);
            if (regex.contains("(?<=")) {
                // rules are tried only at words whose first letter can begin them, which StartCharacters finds
                // by trying each letter alone: a positive lookbehind would fail there and hide a rule
                throw line.error("no positive lookbehind (?<=...) allowed");
            }
            if (definition.group(1) == null) {
                if (fragments.putIfAbsent(name, regex) != null) {
                    throw line.error("fragment defined twice");
                }
                continue;
            }
            if (rules.stream().anyMatch(rule -> rule.name().equals(name))) {
                throw line.error("rule defined twice");
            }
            try {
                Pattern pattern = Pattern.compile(BEFORE + "(?:" + regex + ")" + AFTER, FLAGS);
                rules.add(new Rule(name, pattern, GROUP.matcher(regex).results().map(g -> g.group(1))
                        .collect(Collectors.toSet())));
            } catch (PatternSyntaxException e) {
                throw line.error("bad regular expression (" + e.getDescription() + ")");
            }
        }
        String anchor = fragments.get("ANCHOR");
        if (anchor == null) {
            throw new IllegalStateException("date-grammar.txt defines no ANCHOR");
        }
        return new DateGrammar(rules, Pattern.compile(BEFORE + "(?:" + anchor + ")", FLAGS));
    }

    private static String expand(String template, Map<String, String> fragments, DataLines.Line line) {
        Matcher reference = REFERENCE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String fragment = fragments.get(reference.group(1));
            if (fragment == null) {
                throw line.error("unknown fragment @" + reference.group(1));
            }
            String group = reference.group(2);
            String replacement = group == null ? "(?:" + fragment + ")" : "(?<" + group + ">" + fragment + ")";
            reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(out);
        return out.toString();
    }
}
