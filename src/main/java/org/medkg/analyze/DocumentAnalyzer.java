package org.medkg.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkg.document.SourceDocument;
import org.medkg.lang.Language;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.recognize.EntityKind;
import org.medkg.recognize.Mention;
import org.medkg.recognize.Recognizer;
import org.medkg.text.DataLines;
import org.medkg.text.LineShapes;
import org.medkg.text.Segment;
import org.medkg.text.Segmenter;

/**
 * Turns one document's mentions into its entities and relations. Mentions of one entity are merged (an initials
 * form with the full name, a repeated title with the first); relations are read inside a sentence or list item:
 * an event's date, city, organizers and sponsors, the people who spoke at or attended it, and each person's
 * affiliations, degrees, titles and positions. Role words ({@code role-cues.tsv}) decide the role.
 */
public final class DocumentAnalyzer {

    /** The recognizers to run on one document (some need the document's own date). */
    private final Function<SourceDocument, List<Recognizer>> recognizers;
    private final RoleCues cues = new RoleCues();
    private final PersonAttributes attributes = new PersonAttributes();
    private final StructuredLines structuredLines = new StructuredLines(cues, attributes);
    /** Kind (before, after, label) → words that make a city a venue ({@code venue-cues.txt}). */
    private final Map<String, List<String>> venueCues = new HashMap<>();
    private final Map<Language, Map<String, List<String>>> sequelCues = new HashMap<>();
    private final Map<Language, List<String[]>> frameCues = new HashMap<>();
    /** Classes of events that go to a host, during which others are held ({@code hosting-event-classes.txt}). */
    private final Set<String> hostingClasses = Set.copyOf(DataLines.entries(Recognizer.class,
            "hosting-event-classes.txt"));

    public DocumentAnalyzer(Function<SourceDocument, List<Recognizer>> recognizers) {
        this.recognizers = Objects.requireNonNull(recognizers, "recognizers");
        for (String[] row : DataLines.rows(Recognizer.class, "venue-cues.txt")) {
            venueCues.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
        }
        for (String[] row : DataLines.rows(Recognizer.class, "event-frame-cues.tsv")) {
            frameCues.computeIfAbsent(Language.fromCode(row[0]), k -> new ArrayList<>()).add(row);
        }
        for (String[] row : DataLines.rows(Recognizer.class, "sequel-cues.tsv")) {
            sequelCues.computeIfAbsent(Language.fromCode(row[0]), k -> new HashMap<>())
                    .computeIfAbsent(row[1], k -> new ArrayList<>()).add(row[2]);
        }
    }

    /** The text recognizers read: the title, then the body. */
    public static String textOf(SourceDocument document) {
        return document.title() == null ? document.text() : document.title() + "\n\n" + document.text();
    }

    public DocumentAnalysis analyze(SourceDocument document) {
        String text = textOf(document);
        Language language = document.language();
        List<Mention> mentions = new ArrayList<>();
        for (Recognizer recognizer : recognizers.apply(document)) {
            recognizer.recognize(text, language, mentions::add);
        }
        mentions = new ArrayList<>(MentionOverlaps.resolve(mentions));
        List<Segment> segments = Segmenter.segment(text);
        Entities entities = new Entities();
        List<Relation> relations = new ArrayList<>();
        int titleEnd = document.title() == null ? 0 : document.title().length();
        new Reading(text, titleEnd, language, segments, mentions, entities, relations).read();
        return new DocumentAnalysis(document, entities.all(), relations);
    }

    /** Words inside an event's name that make what follows its audience or topic, not its organizer. */
    private static final Pattern EVENT_NAME_PURPOSE = Pattern.compile("(?iu)(?<!\\p{L})(для|с|со|по|for|on|with|about)(?!\\p{L})");
    /** How far before or after an event's name its frame cue may start (в рамках, аясында). */
    private static final int FRAME_CUE_REACH = 40;
    /** How far after a title or position the person it introduces may be named (its organization between). */
    private static final int INTRODUCED_REACH = 80;
    /** A line's label (Date and place:, Место проведения:) is this short; a longer text before a colon is a sentence. */
    private static final int VENUE_LABEL_LENGTH = 40;
    /** A word this short (of, the, г, по) does not end a position. */
    private static final int SHORT_WORD = 3;
    /** At most this many words stand between a cue and the organization it governs (Организаторами выступили X). */
    private static final int GOVERNED_WORDS = 2;
    /** What opens the next item of a list after an organization: the organization closed the item before. */
    private static final Pattern NEXT_IN_LIST = Pattern.compile("(?iu)\\s*,?\\s*(and|и|және)\\s");
    private static final String CONJUNCTION = "(and|и|мен|пен|бен|және)";
    /** What joins two items of a list: a comma, and, и, Kazakh мен/пен/бен, және. */
    private static final Pattern LIST_JOINT = Pattern.compile("(?iu)\\s*,?\\s*" + CONJUNCTION + "?\\s*(the\\s+)?");
    /** Only a conjunction between two event words: the conference and practical courses. */
    private static final Pattern AND_BETWEEN = Pattern.compile("(?iu)\\s+" + CONJUNCTION + "\\s+");
    /** What may stand between an event's name and its organizer after it: nothing, or {@code of (the)}. */
    private static final Pattern HELD_BY_AFTER = Pattern.compile("(?iu)\\s*(of\\s+(the\\s+)?)?");
    /** What may stand between an organizer and the event's name after it: nothing, or a possessive. */
    private static final Pattern HELD_BY_BEFORE = Pattern.compile("\\s*([’']s\\s*)?");
    /**
     * After a Kazakh genitive, its acronym in brackets if given, up to two modifiers and the event word it owns
     * (дәстүрлі Пациент мектебі; қауымдастығының (EHA) жыл сайынғы конференциясына).
     */
    private static final Pattern KAZAKH_OWNED = Pattern.compile("\\s+(\\([^()\\s]+\\)\\s+)?(\\S+\\s+){0,2}\\S+");

    private static final Pattern TITLE_YEAR = Pattern.compile("(?<!\\d)(19|20)\\d\\d(?!\\d)");
    /** The length of an ISO date known to the day (2024-05-22), against 2024-05 and 2024. */
    private static final int FULL_DATE = 10;

    /** Two words, the first maybe announcing a next session (see {@code sequel-cues.tsv}). */
    /** A word and the next one, or a word before a comma (Вторая, посвященная …). */
    private static final Pattern SEQUEL = Pattern.compile("(?<![\\p{L}-])(\\p{L}+)(?=\\s+(\\p{L}+)|\\s*,)");

    /** The start of a schedule line: any bullet or emoji, a short preposition (В), a time of day, a dash. */
    private static final Pattern SCHEDULE_TIME = Pattern.compile(
            "[^\\p{L}\\d\\n]*(\\p{L}{1,2}\\s+)?\\d{1,2}[.:]\\d\\d\\.?\\s*[—–-]\\s*(?=\\p{L})");

    /**
     * Events one schedule announced (see {@code splitSchedules}), with the names its lines gave them. A text goes
     * to the event whose name alone has the most of its topic words (six-letter stems, so that cases and Kazakh
     * endings agree: миеломой, миеломаға); to none when no event's name has more than another's.
     */
    private record Schedule(List<LocalEntity> events, List<String> names) {
        LocalEntity byTopic(String words) {
            if (words == null) {
                return null;
            }
            List<Set<String>> stems = names.stream().map(DocumentAnalyzer::topicStems).toList();
            Set<String> seen = topicStems(words);
            LocalEntity best = null;
            long bestCount = 0;
            boolean tie = false;
            for (int k = 0; k < events.size(); k++) {
                final int own = k;
                long count = stems.get(k).stream().filter(seen::contains)
                        .filter(stem -> stems.stream().filter(other -> other != stems.get(own)).noneMatch(o -> o.contains(stem)))
                        .count();
                if (count > bestCount) {
                    best = events.get(k);
                    bestCount = count;
                    tie = false;
                } else if (count == bestCount && count > 0) {
                    tie = true;
                }
            }
            return tie ? null : best;
        }
    }

    static Set<String> topicStems(String words) {
        return new HashSet<>(crudeStems(words, TOPIC_WORD, TOPIC_STEM));
    }

    /**
     * The words of a text at least {@code shortestWord} letters long, lower case, cut to {@code stemLength}
     * letters: a stem crude but enough for case endings to agree (миеломой, миеломаға).
     */
    private static List<String> crudeStems(String text, int shortestWord, int stemLength) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).stream()
                .filter(word -> word.length() >= shortestWord)
                .map(word -> word.substring(0, Math.min(stemLength, word.length())))
                .toList();
    }

    /** Topic words of a schedule line: four letters or more, compared by six. */
    private static final int TOPIC_WORD = 4;
    private static final int TOPIC_STEM = 6;

    /** The person an organization is named after, at the end of its name. */
    private static final Pattern NAMED_AFTER = Pattern.compile("(?:named after|им\\.|имени)\\.?\\s*(.+)$");

    /** A short form of an organization's name has at least this many words. */
    private static final int SHORT_FORM_WORDS = 3;
    /** What a Kazakh city qualifies: its cue, up to three modifiers, the head, a post of two words, a name. */
    private static final int QUALIFIED_WORDS = 8;
    private static final int QUALIFIED_REACH = 120;
    private static final int POST_WORDS = 2;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{Pd}]*");
    private static final Pattern CLAUSE_END = Pattern.compile("[,;:()!?]|\\.\\s");
    /** Words of two names compared: three letters or more, by five, enough to ignore case endings. */
    private static final int NAME_WORD = 3;
    private static final int NAME_STEM = 5;

    /** The state of reading one document. */
    private final class Reading {
        private final String text;
        private final Language language;
        private final List<Segment> segments;
        private final List<Mention> mentions;
        /** Where the title ends in {@link #text} (0 without a title). */
        private final int titleEnd;
        private final Entities entities;
        private final List<Relation> relations;
        private final Map<Mention, LocalEntity> entityOf = new HashMap<>();
        private final Map<LocalEntity, Schedule> scheduleGroups = new HashMap<>();
        /** The event each sentence speaks of: the one it names, else the one named last before it. */
        private final Map<Segment, LocalEntity> eventInContext = new HashMap<>();
        /** Cities that lines give as where a person comes from ({@link StructuredLines}): no venue. */
        private final Set<Mention> personCities = new HashSet<>();
        /** Cities that say where an organization is (ТОО «Центр гематологии» г. Нур-Султан): no venue. */
        private final Set<Mention> organizationSeats = new HashSet<>();
        /** Each next session of a series, with the series. */
        private final Map<LocalEntity, LocalEntity> sequels = new LinkedHashMap<>();

        Reading(String text, int titleEnd, Language language, List<Segment> segments, List<Mention> mentions,
                Entities entities, List<Relation> relations) {
            this.text = text;
            this.titleEnd = titleEnd;
            this.language = language;
            this.segments = segments;
            this.mentions = mentions;
            this.entities = entities;
            this.relations = relations;
        }

        void read() {
            mergePersons();
            Mention lastOrganization = null;
            for (Mention m : mentions) {
                switch (m.kind()) {
                    case ORGANIZATION -> {
                        if (m.field("refersTo") == null) {
                            entityOf.put(m, lastOrganization != null && spellsOut(lastOrganization, m)
                                    ? entities.acronymOf(entityOf.get(lastOrganization), m)
                                    : entities.organization(m));
                            lastOrganization = m;
                        }
                    }
                    case CITY, COUNTRY -> entityOf.put(m, entities.place(m));
                    default -> {
                    }
                }
            }
            joinShortForms();
            resolveReferences();
            readEvents();
            organizationCities();
            readSegments();
        }

        /**
         * An organization's name and its acronym side by side, one in brackets: {@code Бірінші Санкт-Петербург
         * мемлекеттік медицина университетінің (ПСПбГМУ)}, or the acronym first and the name in brackets.
         */
        private boolean spellsOut(Mention previous, Mention m) {
            Mention acronym = isBareAcronym(m) ? m : isBareAcronym(previous) ? previous : null;
            if (acronym == null || acronym == previous && isBareAcronym(m) || previous.end() > m.start()) {
                return false;
            }
            return text.substring(previous.end(), m.start()).strip().equals("(")
                    && text.startsWith(")", skipSpaces(m.end()));
        }

        private static boolean isBareAcronym(Mention m) {
            return m.field("acronym") != null && m.field("acronym").equals(m.canonical());
        }

        private int skipSpaces(int from) {
            int i = from;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i;
        }

        /**
         * A shorter name made of the words of a longer one, starting alike, is that organization again in this
         * document: Международный объединённый совет по вторичным иммунодефицитам = Международный объединённый совет
         * экспертов по вторичным иммунодефицитам. Names starting with another word stay apart: the Научный совет …
         * Общества клинической адаптологии is not the Общество клинической адаптологии. An acronym is the
         * organization whose name quotes it (AMANAT, «AMANAT» партиясы) or that is named after the same person
         * (ZKMU named after. Marat Ospanova, West Kazakhstan Medical University named after Marat Ospanov).
         */
        private void joinShortForms() {
            List<LocalEntity> organizations = entities.ofKind(EntityKind.ORGANIZATION);
            for (LocalEntity shorter : organizations) {
                List<String> words = nameStems(shorter.label());
                for (LocalEntity longer : organizations) {
                    List<String> longerWords = nameStems(longer.label());
                    boolean shortForm = words.size() >= SHORT_FORM_WORDS && longerWords.size() > words.size()
                            && longerWords.get(0).equals(words.get(0)) && longerWords.containsAll(words);
                    if (longer != shorter && (shortForm || isAcronymOf(shorter.label(), longer.label())
                            || isUnqualified(shorter.label(), longer.label()))
                            && entities.all().contains(longer)) {
                        for (Mention m : List.copyOf(shorter.mentions())) {
                            shorter.moveTo(m, longer);
                            entityOf.put(m, longer);
                        }
                        entities.remove(shorter);
                        break;
                    }
                }
            }
        }

        /**
         * Министерство здравоохранения is the Министерство здравоохранения Республики Казахстан of the same document,
         * Денсаулық сақтау министрлігі the Қазақстан Республикасының Денсаулық сақтау министрлігі: the longer name only
         * adds capitalized words (whom it serves) after or before the same words.
         */
        private static boolean isUnqualified(String name, String qualified) {
            String shorter = Entities.normal(name);
            String longer = Entities.normal(qualified);
            String added = longer.startsWith(shorter + " ") ? qualified.substring(name.length())
                    : longer.endsWith(" " + shorter) ? qualified.substring(0, qualified.length() - name.length()) : null;
            return added != null && shorter.contains(" ")
                    && List.of(added.strip().split("\\s+")).stream().allMatch(w -> w.matches("\\p{Lu}.*|of|the"));
        }

        private static boolean isAcronymOf(String acronymName, String name) {
            String acronym = acronymName.split("\\s+")[0];
            if (acronymName.equals(acronym) && name.startsWith(acronym + " ")) {
                return true; // КГМА, КГМА имени И.К. Ахунбаева
            }
            if (!acronym.matches("\\p{Lu}{2,}") || name.split("\\s+")[0].matches("\\p{Lu}{2,}")) {
                return false;
            }
            if (acronymName.equals(acronym)) {
                return name.contains("«" + acronym + "»") || name.contains("\"" + acronym + "\"");
            }
            Matcher own = NAMED_AFTER.matcher(acronymName);
            Matcher other = NAMED_AFTER.matcher(name);
            return own.find() && other.find() && nameStems(own.group(1)).equals(nameStems(other.group(1)));
        }

        private static List<String> nameStems(String name) {
            return crudeStems(name.replace('ё', 'е').replace('Ё', 'Е'), NAME_WORD, NAME_STEM);
        }

        // ------------------------------------------------------------ persons

        /** Full names first, so that initials and given-name-plus-patronymic forms join them. */
        private void mergePersons() {
            List<Mention> persons = mentions.stream().filter(m -> m.kind() == EntityKind.PERSON)
                    .sorted(Comparator.comparingInt((Mention m) -> -completeness(m))).toList();
            for (Mention m : persons) {
                LocalEntity person = entities.findPerson(m);
                if (person == null) {
                    if (m.field("family") == null) {
                        continue; // Елена Витальевна with no full name in the document: nobody to resolve to
                    }
                    person = entities.newEntity(EntityKind.PERSON, m.canonical());
                }
                person.add(m);
                entityOf.put(m, person);
            }
        }

        private static int completeness(Mention m) {
            int score = 0;
            for (String f : new String[] {"family", "given", "patronymic"}) {
                score += m.field(f) != null ? 2 : 0;
            }
            return score + (m.field("patronymicInitial") != null ? 1 : 0);
        }

        /**
         * A branch (Карагандинский филиал) stands for the organization named last before it; a bare head
         * (Центра, the Center’s, Орталықтың) for the organization with that head that the document names most often
         * (the one it is about, not a guest's), else the nearest.
         */
        private void resolveReferences() {
            Map<LocalEntity, Integer> timesNamed = new HashMap<>();
            for (Mention named : mentions) {
                if (named.kind() == EntityKind.ORGANIZATION && entityOf.containsKey(named)) {
                    timesNamed.merge(entityOf.get(named), 1, Integer::sum);
                }
            }
            for (Mention m : mentions) {
                if (m.kind() != EntityKind.ORGANIZATION || m.field("refersTo") == null) {
                    continue;
                }
                String head = m.field("refersTo").equals("head") ? Entities.normal(m.canonical()) : null;
                LocalEntity target = null;
                int distance = Integer.MAX_VALUE;
                for (Mention named : mentions) {
                    LocalEntity org = named.kind() == EntityKind.ORGANIZATION ? entityOf.get(named) : null;
                    if (org == null || named.field("refersTo") != null) {
                        continue;
                    }
                    boolean fits = head == null ? named.end() <= m.start()
                            : Entities.normal(org.label()).contains(head.substring(0, Math.min(5, head.length())));
                    int d = named.end() <= m.start() ? m.start() - named.end() : 2 * (named.start() - m.end());
                    int salience = head == null ? 0 : Integer.compare(timesNamed.get(org),
                            target == null ? 0 : timesNamed.get(target));
                    if (fits && (target == null || salience > 0 || salience == 0 && d < distance)) {
                        target = org;
                        distance = d;
                    }
                }
                if (target != null) {
                    target.add(m, false);
                    entityOf.put(m, target);
                }
            }
        }

        /**
         * A city written right after an organization says where that organization is, not where something takes
         * place, when nothing but г. stands between them (ТОО «Центр гематологии» г. Нур-Султан), or when a person's
         * name follows it in a description of the person (руководитель подразделения ТОО «Центр гематологии» в
         * Астане Меруерт Сатаева). After в or in alone it may be where a visit goes (Визит … в Центр гематологии в
         * Астане). In Kazakh a city before a noun qualifies that noun (Орталықтың Қарағанды қаласындағы филиалы).
         */
        private boolean isOrganizationSeat(Mention org, Mention city) {
            if (language == Language.KK || city.start() < org.end() || city.start() - org.end() > 6) {
                return false;
            }
            String between = text.substring(org.end(), city.start()).replaceFirst("^[»”\"]", "");
            if (between.matches("\\s*(г\\.)?\\s*")) {
                return true;
            }
            int next = skipSpaces(city.end());
            return between.matches("\\s*(в|in)\\s*")
                    && mentions.stream().anyMatch(m -> m.kind() == EntityKind.PERSON && m.start() == next);
        }

        /** A city named inside an organization's name is its city: Карагандинский филиал, High Technology … г. Тбилиси. */
        private void organizationCities() {
            for (Mention org : mentions) {
                if (org.kind() != EntityKind.ORGANIZATION || !entityOf.containsKey(org)) {
                    continue;
                }
                for (Mention place : mentions) {
                    boolean inside = place.start() >= org.start() && place.end() <= org.end();
                    boolean rightAfter = place.start() >= org.end() && place.start() - org.end() <= 4
                            && text.substring(org.end(), place.start()).matches("\\s*(г\\.|in|\\()?\\s*");
                    if (place.kind() == EntityKind.CITY && (inside || rightAfter) && entityOf.containsKey(place)) {
                        relate(entityOf.get(org), "city", entityOf.get(place), text.substring(org.start(), place.end()));
                    }
                    if (place.kind() == EntityKind.CITY && isOrganizationSeat(org, place)) {
                        organizationSeats.add(place);
                    }
                }
            }
        }

        // ------------------------------------------------------------ events

        /**
         * Titled events first; then each other event word joins the titled event of its type (the conference …
         * «Title»), or an event of its type already read, or starts one when its phrase names something or a date
         * stands beside it; a word such as мероприятие joins the event last read. A document with event words
         * but no event gets one from its most descriptive phrase.
         */
        private void readEvents() {
            for (Mention m : mentions) {
                if (m.kind() == EntityKind.EVENT && m.field("quoted") != null) {
                    LocalEntity event = entities.namedEvent(m);
                    event.addAltLabel(m.field("phrase"));
                    event.add(m);
                    entityOf.put(m, event);
                }
            }
            LocalEntity last = null;
            for (Mention m : mentions) {
                if (m.kind() != EntityKind.EVENT) {
                    continue;
                }
                if (entityOf.containsKey(m)) {
                    last = entityOf.get(m);
                    continue;
                }
                String type = m.field("type");
                LocalEntity event;
                boolean refers = m.field("refersBack") != null;
                if (refers) {
                    event = last;
                } else {
                    event = entities.lastEventOfType(type);
                    Mention date = dateIn(segmentOf(m.start()));
                    // «В этом году … новые формы обучения»: a year said relative to the publication names no event.
                    boolean dated = date != null
                            && (date.field("relative") == null || date.field("start").length() == FULL_DATE);
                    boolean frame = namesSomething(m) && isFrame(m);
                    // практикум по проточной цитометрии during an expert's visit: an event of its own
                    boolean heldDuring = namesSomething(m) && m.field("plural") == null
                            && hostingClasses.stream().anyMatch(c -> entities.lastEventOfType(c) != null);
                    // the conference and practical courses: a second event named beside the first
                    boolean besideAnother = namesSomething(m) && joinsAnEvent(m);
                    if (event == null && !dated && last != null && !frame && !heldDuring && !besideAnother) {
                        event = last; // Конференцияның спикерлері … after the school was named: the same event
                    } else if (event == null && (namesSomething(m) && (m.field("plural") == null || besideAnother)
                            || dated)) {
                        // organize conferences, конференциялар өткізуге: a plural without a date is events in general
                        event = entities.newEntity(EntityKind.EVENT, m.canonical());
                        event.attributes().put("type", type);
                    }
                }
                if (event != null) {
                    event.add(m, namesSomething(m) && !refers);
                    entityOf.put(m, event);
                    last = event;
                }
            }
            if (entities.ofKind(EntityKind.EVENT).isEmpty()) {
                mentions.stream().filter(m -> m.kind() == EntityKind.EVENT && m.field("refersBack") == null
                                && m.field("plural") == null) // organize conferences: events in general
                        .max(Comparator.comparingInt((Mention m) -> m.field("phrase").split("\\s+").length)
                                .thenComparingInt(m -> -m.start()))
                        .ifPresent(m -> {
                            LocalEntity event = entities.newEntity(EntityKind.EVENT, m.canonical());
                            event.attributes().put("type", m.field("type"));
                            event.add(m);
                            entityOf.put(m, event);
                        });
            }
            splitSchedules();
            readSequels();
            for (LocalEntity event : entities.ofKind(EntityKind.EVENT)) {
                Mention date = dateFor(event);
                String year = date == null ? yearInTitle(event) : null;
                if (date != null) {
                    putDates(event, date.field("start"), date.field("end"));
                } else if (year != null) {
                    putDates(event, year, year);
                }
            }
            // A schedule's line with no date of its own is on the day the schedule was announced for.
            scheduleGroups.values().forEach(schedule -> schedule.events().forEach(e -> {
                LocalEntity first = schedule.events().get(0);
                if (e.attribute("start") == null && first.attribute("start") != null) {
                    putDates(e, first.attribute("start"), first.attribute("end"));
                }
            }));
        }

        /**
         * The event word follows another one and a conjunction: it names events of this document, not events in
         * general (during the conference and practical courses).
         */
        private boolean joinsAnEvent(Mention m) {
            return mentions.stream().anyMatch(other -> other.kind() == EntityKind.EVENT && joined(other, m));
        }

        /** Nothing but a conjunction between two mentions; the gap is read in place (a long text has many). */
        private boolean joined(Mention before, Mention after) {
            return before.end() <= after.start() && AND_BETWEEN.matcher(text).region(before.end(), after.start()).matches();
        }

        /**
         * An event named as the frame of another (мастер-класс в рамках менторской программы, менторлық бағдарлама
         * аясында): an event of its own ({@code event-frame-cues.tsv}).
         */
        private boolean isFrame(Mention m) {
            String before = text.substring(Math.max(0, m.start() - FRAME_CUE_REACH), m.start()).toLowerCase(Locale.ROOT)
                    .stripTrailing();
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + FRAME_CUE_REACH))
                    .toLowerCase(Locale.ROOT).stripLeading();
            for (String[] cue : frameCues.getOrDefault(language, List.of())) {
                boolean found = cue[1].equals("before") ? before.endsWith(cue[2]) && (before.length() == cue[2].length()
                        || !Character.isLetter(before.charAt(before.length() - cue[2].length() - 1)))
                        : wordStartIndex(after, cue[2]) == 0;
                if (found) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A schedule whose lines each give a time and an event of one type ("В 17.00. — Школа по множественной
         * миеломе" / "В 18.00. — Школа по миелофиброзу …") announces that many events, each named by its line. The
         * event they were read as keeps the first line; every other mention goes to the line whose own topic words
         * it shares, and stays with the first, without naming it, when it shares none (Обе школы).
         */
        private void splitSchedules() {
            for (LocalEntity event : entities.ofKind(EntityKind.EVENT)) {
                Map<String, Mention> lines = new LinkedHashMap<>();
                for (Mention m : event.mentions()) {
                    String line = scheduleLine(m);
                    if (line != null) {
                        lines.putIfAbsent(line, m);
                    }
                }
                if (lines.size() < 2) {
                    continue;
                }
                List<String> names = new ArrayList<>(lines.keySet());
                List<LocalEntity> group = new ArrayList<>(List.of(event));
                event.relabel(names.get(0));
                for (String name : names.subList(1, names.size())) {
                    LocalEntity sibling = entities.newEntity(EntityKind.EVENT, name);
                    sibling.attributes().put("type", event.attribute("type"));
                    group.add(sibling);
                }
                scheduleGroups.put(event, new Schedule(group, names));
                for (Mention m : List.copyOf(event.mentions())) {
                    LocalEntity target = scheduleGroups.get(event).byTopic(m.field("phrase"));
                    if (target != null && target != event) {
                        event.moveTo(m, target);
                        entityOf.put(m, target);
                    } else if (target == null) {
                        event.unname(m); // Обе школы, две Школы пациентов: it speaks of all of them, names none
                    }
                }
                for (int k = 1; k < group.size(); k++) {
                    scheduleGroups.put(group.get(k), scheduleGroups.get(event));
                }
            }
        }

        /**
         * A sentence that announces the next session of a series already named, with a full date of its own
         * ("Следующий выпуск запланирован на 9 июня", "The next session is scheduled for June 9"), names a second
         * event of the series' type, dated there; it keeps the series' organizers.
         */
        private void readSequels() {
            Map<String, List<String>> words = sequelCues.getOrDefault(language, Map.of());
            for (Segment segment : segments) {
                Mention date = dateIn(segment);
                if (date == null || date.field("start").length() < FULL_DATE) {
                    continue;
                }
                String sentence = text.substring(segment.start(), segment.end());
                Matcher cue = SEQUEL.matcher(sentence);
                while (cue.find()) {
                    String first = cue.group(1).toLowerCase(Locale.ROOT);
                    // Вторая, посвященная …: an ordinal before a comma stands for the session itself
                    boolean alone = cue.group(2) == null;
                    int word = alone ? 1 : 2;
                    String second = cue.group(word).toLowerCase(Locale.ROOT);
                    int at = segment.start() + cue.start(word);
                    Mention eventWord = alone ? null : mentions.stream()
                            .filter(m -> m.kind() == EntityKind.EVENT && m.start() <= at && at < m.end()).findFirst().orElse(null);
                    boolean ordinal = words.getOrDefault("ordinal", List.of()).stream().anyMatch(first::startsWith);
                    if (!ordinal && (alone || words.getOrDefault("next", List.of()).stream().noneMatch(first::startsWith))
                            || eventWord == null && !alone
                            && words.getOrDefault("instance", List.of()).stream().noneMatch(second::startsWith)) {
                        continue;
                    }
                    LocalEntity series = seriesBefore(segment.start() + cue.start());
                    if (series == null) {
                        break;
                    }
                    LocalEntity sequel = eventWord != null ? entityOf.get(eventWord) : null;
                    if (sequel == series) {
                        sequel = null;
                    }
                    if (sequel == null) {
                        int start = segment.start() + cue.start();
                        int end = segment.start() + cue.end(word);
                        String phrase = text.substring(start, end);
                        String name = alone ? series.label() + clauseAfter(end, segment.end()) : phrase;
                        Mention named = new Mention(EntityKind.EVENT, start, end, phrase, name,
                                Map.of("type", series.attribute("type"), "phrase", phrase));
                        sequel = entities.newEntity(EntityKind.EVENT, name);
                        sequel.add(named);
                        mentions.add(named);
                        mentions.sort(Comparator.comparingInt(Mention::start));
                        entityOf.put(named, sequel);
                    }
                    sequel.attributes().put("type", series.attribute("type"));
                    sequels.put(sequel, series);
                    // Виртуальная школа, Школа пациентов: the series' other names fit every session of it.
                    List.copyOf(series.mentions()).forEach(series::unname);
                    break;
                }
            }
        }

        /**
         * The clause between the first comma from an offset and the next one, with its first comma: what a session
         * standing for itself is about (Вторая, посвященная хроническому лимфолейкозу, состоялась …), or nothing.
         */
        private String clauseAfter(int from, int until) {
            int comma = text.indexOf(',', from);
            int next = text.indexOf(',', comma + 1);
            return next < 0 || next > until ? "" : text.substring(comma, next);
        }

        /** The event of a real type named last before an offset. */
        private LocalEntity seriesBefore(int offset) {
            LocalEntity series = null;
            for (Mention m : mentions) {
                LocalEntity event = m.kind() == EntityKind.EVENT && m.start() < offset ? entityOf.get(m) : null;
                if (event != null && !"Event".equals(event.attribute("type")) && !sequels.containsKey(event)) {
                    series = event;
                }
            }
            return series;
        }

        /**
         * The line's name of the event when the mention stands in a schedule line (a time, a dash, and the event's
         * name, headed by the event word: first in Russian and English, last in Kazakh); else null.
         */
        private String scheduleLine(Mention m) {
            int lineStart = text.lastIndexOf('\n', m.start()) + 1;
            int lineEnd = text.indexOf('\n', m.end());
            String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
            Matcher time = SCHEDULE_TIME.matcher(line);
            if (!time.lookingAt()) {
                return null;
            }
            String name = line.substring(time.end()).strip().replaceAll("[.;]$", "");
            int nameStart = lineStart + time.end();
            boolean headed = language == Language.KK ? m.end() >= lineStart + time.end() + name.length()
                    : m.start() == nameStart;
            return headed && !name.isEmpty() ? name : null;
        }

        /** An event titled with its year and given no date happens in that year (Excellence in Healthcare – 2025). */
        private static String yearInTitle(LocalEntity event) {
            for (Mention m : event.mentions()) {
                if (m.field("quoted") != null) {
                    Matcher year = TITLE_YEAR.matcher(m.canonical());
                    if (year.find()) {
                        return year.group();
                    }
                }
            }
            return null;
        }

        /** A phrase that is more than the bare event word: Школа пациентов с множественной миеломой. */
        private boolean namesSomething(Mention m) {
            String phrase = m.field("phrase");
            return phrase != null && phrase.split("\\s+").length >= 2;
        }

        /** An event's dates; no end when only its start is known (С 19 сентября будет организован цикл …). */
        private static void putDates(LocalEntity event, String start, String end) {
            event.attributes().put("start", start);
            if (end == null) {
                event.attributes().remove("end");
            } else {
                event.attributes().put("end", end);
            }
        }

        /**
         * The date of a sentence that names the event; of several such sentences the first, unless a later one says
         * more about the same time (see {@link #refines}). Else a date after the event is first named and before
         * another event is: a full date anywhere there (an announcement gives it lines below: "Date and Time: May
         * 22–24, 2024"), a month or a year only in the sentence right after one that names the event (Биыл …),
         * because farther away they mostly tell the history of something else (в 2018 г. вышел сборник). A month or
         * a year gives way to a full date inside it further on (С мая … Первая школа пройдет 19 мая).
         */
        private Mention dateFor(LocalEntity event) {
            Set<Integer> naming = new TreeSet<>();
            for (Mention m : event.mentions()) {
                Segment segment = segmentOf(m.start());
                if (segment != null) {
                    naming.add(segments.indexOf(segment));
                }
            }
            Mention found = null;
            for (int index : naming) {
                Mention date = dateIn(segments.get(index));
                if (date != null && (found == null || refines(date, found))) {
                    found = date;
                }
            }
            int from = event.firstOffset();
            int until = nextEventAfter(event, from);
            for (Mention m : mentions) {
                if (!isEventDate(m) || m.start() <= from || m.start() >= until) {
                    continue;
                }
                if (found == null && (m.field("start").length() == FULL_DATE
                        || naming.contains(segments.indexOf(segmentOf(m.start())) - 1))) {
                    return m;
                }
                if (found != null && refines(m, found)) {
                    return m;
                }
            }
            return found;
        }

        /**
         * Whether a later date says more about the time of an earlier one: a day or month inside an earlier year or
         * month (В этом году … 19 мая), or a range around a day that was only said relative to the publication
         * («Сегодня завершилась программа … прошла с 21 по 23 ноября»). A day written out stays: a meeting held on
         * 19.09.2024 during a conference of 19–21.09 was on that day.
         */
        private static boolean refines(Mention later, Mention earlier) {
            String start = earlier.field("start");
            String end = earlier.field("end");
            String laterStart = later.field("start");
            String laterEnd = later.field("end");
            if (start.length() < FULL_DATE && laterStart.length() > start.length() && laterStart.startsWith(start)) {
                return true;
            }
            return earlier.field("relative") != null && start.length() == FULL_DATE && start.equals(end)
                    && laterEnd != null && !laterStart.equals(laterEnd)
                    && laterStart.length() == FULL_DATE && laterEnd.length() == FULL_DATE
                    && laterStart.compareTo(start) <= 0 && start.compareTo(laterEnd) <= 0;
        }

        /** Where the next event after this one is first named, or the end of the text. */
        private int nextEventAfter(LocalEntity event, int from) {
            int next = text.length();
            for (LocalEntity other : entities.ofKind(EntityKind.EVENT)) {
                int first = other.firstOffset();
                if (other != event && first > from && first < next) {
                    next = first;
                }
            }
            return next;
        }

        /** The date a sentence gives its events: the first that can date an event, or one that says more later. */
        private Mention dateIn(Segment segment) {
            if (segment == null) {
                return null;
            }
            Mention found = null;
            for (Mention m : mentions) {
                if (isEventDate(m) && segment.contains(m.start()) && (found == null || refines(m, found))) {
                    found = m;
                }
            }
            return found;
        }

        /** A date that may be an event's: not a deadline's, a birth's, the publication's… (DateRecognizer's about). */
        private static boolean isEventDate(Mention m) {
            return m.kind() == EntityKind.DATE && m.field("about") == null;
        }

        private Segment segmentOf(int offset) {
            for (Segment s : segments) {
                if (s.contains(offset)) {
                    return s;
                }
            }
            return null;
        }

        // ------------------------------------------------------------ relations, sentence by sentence

        private void readSegments() {
            LocalEntity current = null;
            LocalEntity main = entities.ofKind(EntityKind.EVENT).stream().findFirst().orElse(null);
            boolean listAfterEvent = false;
            List<StructuredLines.LineFact> lineFacts = structuredLines.read(text, language, mentions, segments);
            lineFacts.stream().map(StructuredLines.LineFact::city).filter(Objects::nonNull).forEach(personCities::add);
            for (Segment segment : segments) {
                List<Mention> inside = mentions.stream().filter(m -> segment.contains(m.start())).toList();
                String sentence = text.substring(segment.start(), segment.end());
                boolean listItem = LineShapes.isListItem(sentence) || LineShapes.isTableRow(sentence);
                LocalEntity eventHere = null;
                // during the conference and practical courses: what the sentence says holds for both events
                LocalEntity joinedHere = null;
                Mention lastEventMention = null;
                for (Mention m : inside) {
                    if (m.kind() == EntityKind.EVENT && entityOf.containsKey(m)) {
                        LocalEntity before = lastEventMention == null ? null : entityOf.get(lastEventMention);
                        joinedHere = before != null && before != entityOf.get(m) && joined(lastEventMention, m)
                                ? before : null;
                        eventHere = entityOf.get(m);
                        lastEventMention = m;
                    }
                }
                if (eventHere != null) {
                    current = eventHere;
                }
                Map<String, Integer> roles = cues.roles(language, sentence);
                LocalEntity event = eventHere != null ? eventHere : current != null ? current : main;
                boolean talk = inside.stream().anyMatch(m -> m.kind() == EntityKind.PERSON && isTalkAuthor(m));
                boolean aboutEvent = eventHere != null || listItem && listAfterEvent || !roles.isEmpty() || talk;
                if (!listItem) {
                    listAfterEvent = eventHere != null && sentence.strip().endsWith(":");
                }
                if (event != null) {
                    eventInContext.put(segment, event);
                }
                if (event != null && aboutEvent) {
                    eventRelations(event, segment, sentence, inside, roles, eventHere != null);
                    if (joinedHere != null) {
                        eventRelations(joinedHere, segment, sentence, inside, roles, true);
                    }
                }
                personRelations(segment, sentence, inside, listItem);
            }
            lineRelations(lineFacts);
            shareScheduleOrganizers();
            sequels.forEach((sequel, series) -> List.copyOf(relations).stream()
                    .filter(r -> r.subject() == series && r.property().equals("organizer"))
                    .forEach(r -> relate(sequel, "organizer", r.object(), r.evidence())));
            organizersInEventNames();
            visitCities();
            documentVenue();
            everyoneNamedTookPart();
        }

        /**
         * What the layout of lines says ({@link StructuredLines}): a person's or organization's role in the event the
         * line's context speaks of, and a person's organizations, city and position, each quoting its line.
         */
        private void lineRelations(List<StructuredLines.LineFact> lineFacts) {
            for (StructuredLines.LineFact fact : lineFacts) {
                LocalEntity subject = entityOf.get(fact.subject());
                if (subject == null) {
                    continue;
                }
                Segment segment = segmentOf(fact.subject().start());
                // the sentence, item or row that says it, as long as it lies within the line
                String line = segment != null && segment.start() >= fact.start() && segment.end() <= fact.end()
                        ? text.substring(segment.start(), segment.end()) : text.substring(fact.start(), fact.end());
                LocalEntity event = segment == null ? null : eventInContext.get(segment);
                if (event != null && fact.role() != null) {
                    if (subject.kind() == EntityKind.PERSON) {
                        relate(scheduledEventOf(fact.subject(), event, segment), fact.role(), subject, line);
                    } else if (fact.role().equals("organizer") || !related(event, "organizer", subject)) {
                        relate(event, fact.role(), subject, line);
                    }
                }
                for (Mention org : fact.affiliations()) {
                    if (entityOf.containsKey(org)) {
                        relate(subject, "affiliation", entityOf.get(org), line);
                    }
                }
                if (fact.city() != null && entityOf.containsKey(fact.city())) {
                    relate(subject, "city", entityOf.get(fact.city()), line);
                }
                if (fact.position() != null) {
                    relate(subject, "position", null, fact.position(), line);
                }
            }
        }

        /**
         * A report or announcement of an event names the people who take part in it: a person the sentences tied
         * to no event is a participant of the event in context where they are first named, unless a mention stands
         * where the text honours or quotes someone rather than reports them there (an anniversary, a memory, a
         * death, a head of state quoted; {@code absent} in role-cues.tsv) or the mention is a byline.
         */
        private void everyoneNamedTookPart() {
            for (LocalEntity person : entities.ofKind(EntityKind.PERSON)) {
                boolean tied = relations.stream().anyMatch(r -> r.object() == person
                        && r.subject().kind() == EntityKind.EVENT);
                if (tied) {
                    continue;
                }
                if (person.mentions().stream().anyMatch(this::isAbsent)) {
                    continue; // honoured once (an obituary, an anniversary), recalled everywhere else in the text
                }
                for (Mention m : person.mentions()) {
                    Segment segment = segmentOf(m.start());
                    LocalEntity event = segment == null ? null : eventInContext.get(segment);
                    if (event != null && !isByline(m)) {
                        relate(event, "participant", person, text.substring(segment.start(), segment.end()));
                        break;
                    }
                }
            }
        }

        /**
         * The words before a person in their sentence say the text honours or quotes them (role {@code absent}); in
         * Kazakh, which says it after the name, the words after (… Валерий Григорьевич Савченко дүниеден өтті).
         */
        private boolean isAbsent(Mention person) {
            Segment segment = segmentOf(person.start());
            return segment != null && cues.has(language, language == Language.KK
                    ? text.substring(person.end(), segment.end()) : text.substring(segment.start(), person.start()),
                    "absent");
        }

        /**
         * The organization an event's name holds, or stands right beside, runs it: Ежегодная конференция Европейской
         * гематологической ассоциации, the Annual Congress of the European Hematology Association, European
         * Hematology Association Tutorial, «Гематология орталығы» ЖШС-нің Пациент мектебі. Not one the name is for
         * (семинар для врачей Центра) nor one inside a quoted title or a sentence that reports a visit.
         */
        private void organizersInEventNames() {
            for (Mention event : mentions) {
                LocalEntity named = event.kind() == EntityKind.EVENT && event.field("refersBack") == null
                        && event.field("reported") == null ? entityOf.get(event) : null;
                if (named == null || hostingClasses.contains(named.attribute("type"))) {
                    // a visit's name holds the host it goes to, not who runs it
                    continue;
                }
                for (Mention org : mentions) {
                    LocalEntity organizer = org.kind() == EntityKind.ORGANIZATION ? entityOf.get(org) : null;
                    if (organizer != null && namesItsOrganizer(event, org)) {
                        Segment segment = segmentOf(event.start());
                        relate(named, "organizer", organizer,
                                segment == null ? event.surface() : text.substring(segment.start(), segment.end()));
                    }
                }
            }
        }

        private boolean namesItsOrganizer(Mention event, Mention org) {
            if (language == Language.KK) {
                // Kazakh puts the owner first, in the genitive, and the event word last: «…» ЖШС-нің Пациент мектебі
                return org.end() <= event.end() && KazakhMorphology.isGenitive(org.surface())
                        && KAZAKH_OWNED.matcher(text.substring(org.end(), event.end())).matches();
            }
            if (org.start() >= event.start() && org.end() <= event.end()) {
                // European Hematology Association Tutorial: the organization's name before the event word
                boolean modifies = org.start() > event.start()
                        || text.substring(org.end(), event.end()).matches("(\\s+\\p{Lu}\\p{L}*){1,3}");
                return event.field("quoted") == null && modifies
                        && !EVENT_NAME_PURPOSE.matcher(text.substring(event.start(), org.start())).find();
            }
            if (org.start() >= event.end()) {
                return HELD_BY_AFTER.matcher(text.substring(event.end(), org.start())).matches();
            }
            return org.end() <= event.start() && HELD_BY_BEFORE.matcher(text.substring(org.end(), event.start())).matches();
        }

        /** A line that holds nothing but the name: the author of the piece. */
        private boolean isByline(Mention person) {
            int lineStart = text.lastIndexOf('\n', person.start()) + 1;
            int lineEnd = text.indexOf('\n', person.end());
            String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
            return line.replace(person.surface(), "").replaceAll("[\\s\\p{Pd}*•]", "").isEmpty();
        }

        /** Events one schedule announced are run by the same organizers and sponsors (Обе школы организованы …). */
        private void shareScheduleOrganizers() {
            for (Schedule schedule : new java.util.LinkedHashSet<>(scheduleGroups.values())) {
                for (Relation r : List.copyOf(relations)) {
                    if (schedule.events().contains(r.subject())
                            && (r.property().equals("organizer") || r.property().equals("sponsor"))) {
                        schedule.events().forEach(e -> relate(e, r.property(), r.object(), r.evidence()));
                    }
                }
            }
        }

        /**
         * The event of a schedule a person speaks at, when a bracket after the name tells it: "… М.С. Чейшвили
         * (школа, посвященная множественной миеломе), а также … О.В. Брунер (школа, посвященная миелофиброзу …)".
         */
        private LocalEntity scheduledEventOf(Mention person, LocalEntity event, Segment segment) {
            Schedule schedule = scheduleGroups.get(event);
            if (schedule == null) {
                return event;
            }
            int open = text.indexOf('(', person.end());
            int close = open < 0 ? -1 : text.indexOf(')', open);
            if (close < 0 || close > segment.end() || text.substring(person.end(), open).contains(")")) {
                return event;
            }
            LocalEntity told = schedule.byTopic(text.substring(open + 1, close));
            return told != null ? told : event;
        }

        /**
         * A visit takes place where the organizations it goes to are: those named in its sentences that none of its
         * visitors works for (посетили … Городской центр по лечению больных гемофилией (Санкт-Петербург), ООО «ЮНИМ»
         * (Москва)). Where a visitor's own organization is, or the visitor, is where the visit comes from.
         */
        private void visitCities() {
            for (LocalEntity visit : entities.ofKind(EntityKind.EVENT)) {
                if (!hostingClasses.contains(visit.attribute("type"))) {
                    continue;
                }
                Set<LocalEntity> visitors = objectsOf(Set.of(visit), "participant");
                Set<LocalEntity> guestOrganizations = objectsOf(visitors, "affiliation");
                Set<LocalEntity> guestCities = objectsOf(guestOrganizations, "city");
                guestCities.addAll(objectsOf(visitors, "city"));
                Map<LocalEntity, String> hostCities = new LinkedHashMap<>();
                for (Mention m : mentions) {
                    if (m.kind() != EntityKind.EVENT || entityOf.get(m) != visit || !visit.attribute("type").equals(m.field("type"))
                            || segmentOf(m.start()) == null) {
                        continue;
                    }
                    Segment segment = segmentOf(m.start());
                    String sentence = text.substring(segment.start(), segment.end());
                    mentions.stream().filter(org -> org.kind() == EntityKind.ORGANIZATION && segment.contains(org.start()))
                            .map(entityOf::get).filter(host -> host != null && !guestOrganizations.contains(host))
                            .flatMap(host -> objectsOf(Set.of(host), "city").stream())
                            .forEach(city -> hostCities.putIfAbsent(city, sentence));
                }
                relations.removeIf(r -> r.subject() == visit && r.property().equals("city")
                        && guestCities.contains(r.object()) && !hostCities.containsKey(r.object()));
                if (!hasRelation(visit, "city")) {
                    hostCities.forEach((city, sentence) -> relate(visit, "city", city, sentence));
                }
            }
        }

        private Set<LocalEntity> objectsOf(Set<LocalEntity> subjects, String property) {
            Set<LocalEntity> objects = new LinkedHashSet<>();
            for (Relation r : relations) {
                if (subjects.contains(r.subject()) && r.property().equals(property) && r.object() != null) {
                    objects.add(r.object());
                }
            }
            return objects;
        }

        /** When a document names one place where things happen, its events without a city took place there. */
        private void documentVenue() {
            Map<LocalEntity, Mention> venues = new LinkedHashMap<>();
            for (Mention m : mentions) {
                if (m.kind() == EntityKind.CITY && entityOf.containsKey(m) && isVenue(m, mentions)
                        && speaksOfHappening(m)) {
                    venues.putIfAbsent(entityOf.get(m), m);
                }
            }
            if (venues.size() != 1) {
                return;
            }
            Map.Entry<LocalEntity, Mention> venue = venues.entrySet().iterator().next();
            Segment segment = segmentOf(venue.getValue().start());
            String evidence = segment == null ? venue.getValue().surface() : text.substring(segment.start(), segment.end());
            for (LocalEntity event : entities.ofKind(EntityKind.EVENT)) {
                if (!hasRelation(event, "city")) {
                    relate(event, "city", venue.getKey(), evidence);
                }
            }
        }

        /**
         * A title's place is where its news happened, a venue only when the title names an event or a date: В Москве
         * ушел из жизни … names no place of the school the obituary recalls.
         */
        private boolean speaksOfHappening(Mention place) {
            Segment segment = segmentOf(place.start());
            return place.start() >= titleEnd || segment == null || mentions.stream().anyMatch(
                    m -> (m.kind() == EntityKind.EVENT || m.kind() == EntityKind.DATE) && segment.contains(m.start()));
        }

        private void eventRelations(LocalEntity event, Segment segment, String sentence, List<Mention> inside,
                                    Map<String, Integer> roles, boolean namedHere) {
            for (Mention m : inside) {
                LocalEntity e = entityOf.get(m);
                if (e == null) {
                    continue;
                }
                switch (m.kind()) {
                    case CITY -> {
                        if (!hasRelation(event, "city") && isVenue(m, inside)) {
                            relate(event, "city", e, sentence);
                        }
                    }
                    case ORGANIZATION -> {
                        // Support for the Center's work in general is no sponsorship of an event: the sentence names
                        // the event, labels its organizers and sponsors (Организатор: …), or a cue of running an event
                        // governs the organization (Организаторами выступили …); where people come from is not who
                        // runs it.
                        String role = (namedHere || labelledRole(sentence, m.start() - segment.start()) != null
                                || governs(m, segment, sentence, inside, roles))
                                && !isSourceOfPeople(m) ? organizationRole(m, segment, sentence, inside, roles) : null;
                        if ("sponsor".equals(role) && !related(event, "organizer", e)) {
                            relate(event, "sponsor", e, sentence);
                        } else if ("organizer".equals(role)) {
                            relate(event, "organizer", e, sentence);
                        }
                    }
                    case PERSON -> {
                        if (isAbsent(m) || isByline(m)) {
                            continue;
                        }
                        boolean speaker = roles.containsKey("speaker") || isTalkAuthor(m);
                        relate(scheduledEventOf(m, event, segment), roles.containsKey("in-charge") ? "organizer"
                                : speaker ? "speaker" : "participant", e, sentence);
                    }
                    default -> {
                    }
                }
            }
        }

        /**
         * A city where something takes place, by the cue words around it ({@code venue-cues.txt}: в Караганде,
         * Astana city, Date and place: …), a dateline, or, in Kazakh, the locative (Қарағандыда: not Russian Караганда);
         * not a city inside an organization's name, nor one given as where a person comes from.
         */
        private boolean isVenue(Mention city, List<Mention> inside) {
            if (personCities.contains(city) || organizationSeats.contains(city)) {
                return false; // Клодзинский А.А. (Караганда): where the speaker comes from, or an organization is
            }
            for (Mention org : inside) {
                if (org.kind() == EntityKind.ORGANIZATION && city.start() >= org.start() && city.end() <= org.end()) {
                    return false;
                }
            }
            String before = text.substring(Math.max(0, city.start() - 16), city.start()).toLowerCase(Locale.ROOT)
                    .stripTrailing();
            String after = text.substring(city.end(), Math.min(text.length(), city.end() + 14)).toLowerCase(Locale.ROOT)
                    .stripLeading();
            int lineStart = text.lastIndexOf('\n', city.start()) + 1;
            String label = labelBefore(city.start(), lineStart);
            return venueCues.getOrDefault("before", List.of()).stream().anyMatch(cue -> before.endsWith(cue)
                    && (before.length() == cue.length() || !Character.isLetter(before.charAt(before.length() - cue.length() - 1))))
                    || venueCues.getOrDefault("after", List.of()).stream().anyMatch(cue -> wordStartIndex(after, cue) == 0
                            && (after.length() == cue.length() || !Character.isLetter(after.charAt(cue.length()))))
                    || venueCues.getOrDefault("qualifies", List.of()).stream().anyMatch(cue -> wordStartIndex(after, cue) == 0)
                            && !qualifiesPersonsOwner(city)
                    || venueCues.getOrDefault("label", List.of()).stream().anyMatch(cue -> wordStartIndex(label, cue) >= 0)
                    || language == Language.KK && city.surface().toLowerCase(Locale.ROOT).matches(".*(да|де|та|те)")
                    || isDateline(city, lineStart);
        }

        /**
         * A Kazakh city that qualifies a noun (Белгород қаласындағы …) names where a person comes from when that noun
         * phrase ends in the genitive of the person's post: Белгород қаласындағы облыстық клиникалық аурухананың бас
         * дәрігері Чефранова Ж.Ю., Астана қаласындағы бөлімшенің жетекшісі Меруерт Сатаева.
         */
        private boolean qualifiesPersonsOwner(Mention city) {
            Matcher clause = CLAUSE_END.matcher(text).region(city.end(), Math.min(text.length(), city.end() + QUALIFIED_REACH));
            Matcher words = WORD.matcher(text).region(city.end(), clause.find() ? clause.start() : clause.regionEnd());
            int genitiveAt = -1;
            for (int read = 0; read <= QUALIFIED_WORDS && words.find(); read++) {
                int at = words.start();
                if (genitiveAt < 0) {
                    genitiveAt = read > 0 && KazakhMorphology.isGenitive(words.group()) ? read : -1;
                } else if (mentions.stream().anyMatch(m -> m.kind() == EntityKind.PERSON && m.start() == at)) {
                    return true;
                } else if (read - genitiveAt > POST_WORDS) {
                    return false;
                }
            }
            return false;
        }

        /**
         * The label a city is given after a colon, from the start of its line or sentence, without what brackets
         * add: "Venue (for those who can attend in person): Karaganda" → "venue". A colon of a time (17:00) is none.
         */
        private String labelBefore(int offset, int lineStart) {
            int colon = text.lastIndexOf(':', offset);
            while (colon >= lineStart && colon + 1 < text.length() && Character.isDigit(text.charAt(colon + 1))) {
                colon = text.lastIndexOf(':', colon - 1);
            }
            if (colon < lineStart) {
                return "";
            }
            int start = Math.max(lineStart, text.lastIndexOf(". ", colon) + 2);
            String label = text.substring(start, colon).replaceAll("\\([^)]*\\)", "").strip();
            return label.length() <= VENUE_LABEL_LENGTH ? label.toLowerCase(Locale.ROOT) : "";
        }

        /** A news dateline: the city opens a line and a date follows after a comma (Караганда, 23 ноября 2023 — …). */
        private boolean isDateline(Mention city, int lineStart) {
            if (!text.substring(lineStart, city.start()).isBlank()) {
                return false;
            }
            int comma = skipSpaces(city.end());
            return comma < text.length() && text.charAt(comma) == ','
                    && mentions.stream().anyMatch(m -> m.kind() == EntityKind.DATE && m.start() == skipSpaces(comma + 1));
        }

        private boolean related(LocalEntity subject, String property, LocalEntity object) {
            return relations.stream().anyMatch(r -> r.subject() == subject && r.property().equals(property) && r.object() == object);
        }

        /** «Title of the talk» (Нестерова И.В., Москва, Россия): the name in brackets after a quoted title. */
        private boolean isTalkAuthor(Mention person) {
            String before = text.substring(Math.max(0, person.start() - 4), person.start());
            return before.matches("(?s).*[»”\"]\\s*\\(\\s*");
        }

        /**
         * Organizer or sponsor by the cue words around the organization. Russian and English put the supporter
         * after the cue (при поддержке X, thanks X for its support, with the support of X), so the nearest cue before
         * the organization tells (организованный X при поддержке Y и при участии Z); an organization no cue precedes
         * organizes when the sentence speaks of organizing (X провел конференцию). Kazakh puts every participant of
         * the verb before it (X-тің қолдауымен, X мен Y ұйымдастырды), so there the first cue after the organization
         * tells.
         */
        private String organizationRole(Mention org, Segment segment, String sentence, List<Mention> inside,
                                        Map<String, Integer> roles) {
            String labelled = labelledRole(sentence, org.start() - segment.start());
            if (labelled != null) {
                return labelled;
            }
            RoleCues.Cue cue = organizationCue(org, segment, sentence, inside);
            if (language == Language.KK) {
                String role = cue == null ? null : cue.role();
                // X-ке алғыс білдіреді: the one thanked (in the dative) supported the event; the thanker did not.
                boolean dative = org.surface().toLowerCase(Locale.ROOT).matches("(?s).*(на|не|ға|ге|қа|ке)");
                return "thanks".equals(role) ? (dative ? "sponsor" : null) : role;
            }
            if (cue != null) {
                return cue.role().equals("organizer") ? "organizer" : "sponsor";
            }
            return roles.containsKey("organizer") && !roles.containsKey("thanks") ? "organizer" : null;
        }

        /**
         * The organizer, sponsor or thanks cue that speaks of an organization: the nearest before it (Russian,
         * English), the first after it (Kazakh); a cue inside a name (Фонд поддержки …) speaks of nothing.
         */
        private RoleCues.Cue organizationCue(Mention org, Segment segment, String sentence, List<Mention> inside) {
            RoleCues.Cue found = null;
            for (RoleCues.Cue cue : cues.in(language, sentence.toLowerCase(Locale.ROOT), 0)) {
                int at = segment.start() + cue.at();
                boolean inName = inside.stream().anyMatch(m -> m.kind() == EntityKind.ORGANIZATION
                        && at >= m.start() && at < m.end());
                if (inName || !List.of("organizer", "sponsor", "thanks").contains(cue.role())) {
                    continue;
                }
                if (language == Language.KK && at >= org.end()) {
                    return cue;
                }
                if (language != Language.KK && at < org.start()) {
                    found = cue;
                }
            }
            return found;
        }

        /**
         * A cue of running an event governs the organization: it stands right before it (Организаторами выступили X,
         * organized by X; Kazakh: right after it, X-тің ұйымдастыруымен), or the organization is listed on with one it
         * governs (X, Y и Z). Support alone speaks of an event only in a sentence that speaks of running one
         * (Мероприятие прошло при поддержке …), not of the work of the year (при поддержке Министерства Центр выстроил …).
         */
        private boolean governs(Mention org, Segment segment, String sentence, List<Mention> inside,
                                Map<String, Integer> roles) {
            if (language != Language.KK && runsAsSubject(org, segment, sentence, inside)) {
                return true;
            }
            RoleCues.Cue cue = organizationCue(org, segment, sentence, inside);
            if (cue != null && (cue.role().equals("organizer") || roles.containsKey("organizer"))) {
                int at = segment.start() + cue.at();
                String between = language == Language.KK ? text.substring(org.end(), Math.max(org.end(), at))
                        : text.substring(wordEnd(at), Math.max(wordEnd(at), org.start()));
                if (between.split("[^\\p{L}]+", -1).length <= GOVERNED_WORDS + 1 && !between.matches("(?s).*[.;:].*")) {
                    return true;
                }
            }
            Mention listedWith = null;
            for (Mention m : inside) {
                boolean neighbour = language == Language.KK ? m.start() >= org.end() : m.end() <= org.start();
                if (m.kind() == EntityKind.ORGANIZATION && m != org && neighbour
                        && (listedWith == null || language != Language.KK)) {
                    listedWith = m;
                }
            }
            if (listedWith == null) {
                return false;
            }
            String joint = language == Language.KK ? text.substring(org.end(), Math.max(org.end(), listedWith.start()))
                    : text.substring(listedWith.end(), Math.max(listedWith.end(), org.start()));
            return LIST_JOINT.matcher(joint).matches() && governs(listedWith, segment, sentence, inside, roles);
        }

        /**
         * The organization, alone or in a list of them, is the subject of a verb of running an event right after
         * the list: Hematology Center, the Public Association “Kazakhstan Society of Hematologists”, and Karaganda
         * Medical University invite you to take part … (Russian and English put the subject first).
         */
        private boolean runsAsSubject(Mention org, Segment segment, String sentence, List<Mention> inside) {
            Mention last = org;
            for (Mention m : inside) {
                if (m.kind() == EntityKind.ORGANIZATION && m.start() >= last.end()
                        && LIST_JOINT.matcher(text.substring(last.end(), m.start())).matches()) {
                    last = m;
                }
            }
            int from = last.end();
            return cues.in(language, sentence.toLowerCase(Locale.ROOT), from - segment.start()).stream().findFirst()
                    .filter(cue -> cue.role().equals("organizer"))
                    .map(cue -> text.substring(from, segment.start() + cue.at()))
                    .filter(between -> between.split("[^\\p{L}]+", -1).length <= GOVERNED_WORDS + 1
                            && !between.matches("(?s).*[.;:(),].*"))
                    .isPresent();
        }

        private int wordEnd(int from) {
            int end = from;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            return end;
        }

        /**
         * A line that labels what follows: "Іс-шараны қолдаушы: Novartis …", "Организатор: …", "Sponsor: …" — the
         * role of the cue before the colon, for an organization after it (no other cue between); else null.
         */
        private String labelledRole(String sentence, int at) {
            int colon = sentence.lastIndexOf(':', at);
            if (colon < 0 || cues.lastRole(language, sentence.substring(colon + 1, at).toLowerCase(Locale.ROOT)) != null) {
                return null;
            }
            String label = sentence.substring(0, colon).toLowerCase(Locale.ROOT);
            String role = cues.lastRole(language, label);
            return "organizer".equals(role) || "sponsor".equals(role) ? role : null;
        }

        private void personRelations(Segment segment, String sentence, List<Mention> inside, boolean listItem) {
            List<Mention> persons = inside.stream().filter(m -> m.kind() == EntityKind.PERSON && entityOf.containsKey(m)).toList();
            if (persons.isEmpty()) {
                return;
            }
            for (Mention m : inside) {
                LocalEntity e = entityOf.get(m);
                if (e == null) {
                    continue;
                }
                if (m.kind() == EntityKind.ORGANIZATION) {
                    List<Mention> holders = listItem && persons.size() == 1 ? persons : holdersOf(m, persons);
                    for (Mention person : holders) {
                        relate(entityOf.get(person), "affiliation", e, sentence);
                    }
                } else if (m.kind() == EntityKind.CITY && listItem && persons.size() == 1
                        && text.lastIndexOf('(', m.start()) > persons.get(0).end()) {
                    relate(entityOf.get(persons.get(0)), "city", e, sentence);
                }
            }
            String lower = sentence.toLowerCase(Locale.ROOT);
            for (PersonAttributes.Attribute attribute : attributes.of(language)) {
                String phrase = attribute.phrase();
                int from = 0;
                for (int at; (at = wordStartIndex(lower, phrase, from)) >= 0; from = at + phrase.length()) {
                    int offset = segment.start() + at;
                    if (overlapsName(offset, inside)) {
                        continue;
                    }
                    String value = attribute.normal() != null ? attribute.normal() : positionPhrase(sentence, at, phrase.length());
                    Mention person = introduced(persons, offset + value.length());
                    if (person == null) {
                        person = nearest(persons, offset, offset + phrase.length(), listItem ? 10_000 : 80);
                    }
                    if (person == null) {
                        continue;
                    }
                    relate(entityOf.get(person), attribute.property(), null, value, sentence);
                    // Blank the phrase out so that a shorter entry (директор) does not match inside it again.
                    lower = lower.substring(0, at) + " ".repeat(phrase.length()) + lower.substring(at + phrase.length());
                }
            }
        }

        /**
         * The person a title or position introduces: the one named right after it, with at most its organization
         * between and no comma (заместитель министра здравоохранения Республики Беларусь Сергей Петров, член-
         * корреспондент НАН Беларуси О.П. Кузьмина); null when its person stands before it (…Нестерова, д.м.н.).
         */
        private Mention introduced(List<Mention> persons, int phraseEnd) {
            for (Mention p : persons) {
                if (p.start() >= phraseEnd) {
                    String between = text.substring(phraseEnd, p.start());
                    return between.length() <= INTRODUCED_REACH && !between.matches("(?s).*[,;.:()\\n].*") ? p : null;
                }
            }
            return null;
        }

        private boolean overlapsName(int offset, List<Mention> inside) {
            for (Mention m : inside) {
                if ((m.kind() == EntityKind.ORGANIZATION || m.kind() == EntityKind.EVENT) && offset >= m.start() && offset < m.end()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The position as written: its words and up to four lower-case words after them, up to the last word longer
         * than a preposition or article.
         */
        private String positionPhrase(String sentence, int at, int length) {
            int end = at + length;
            while (end < sentence.length() && Character.isLetter(sentence.charAt(end))) {
                end++;
            }
            int words = 0;
            int k = end;
            int lastLong = end;
            while (words < 4) {
                int next = k;
                while (next < sentence.length() && sentence.charAt(next) == ' ') {
                    next++;
                }
                int wordEnd = next;
                while (wordEnd < sentence.length() && (Character.isLetter(sentence.charAt(wordEnd)) || sentence.charAt(wordEnd) == '-')) {
                    wordEnd++;
                }
                if (wordEnd == next || !Character.isLowerCase(sentence.charAt(next))) {
                    break;
                }
                k = wordEnd;
                if (wordEnd - next > SHORT_WORD) {
                    lastLong = wordEnd;
                }
                words++;
            }
            // A short word last leads to a name that is not part of the position: Head of the Clinic, аллерголог г. Алматы.
            return sentence.substring(at, Math.max(end, lastLong)).replaceAll("\\s+", " ").strip();
        }

        /**
         * Whose organization this is: everyone named after it when it is where they came from ("Из … центра
         * гематологии г. Ташкент … приняли участие … Бергер и … Махамадалиева", "…орталығынан"); the person named
         * right after it, and those listed on with them after a dash or colon ("руководство ТОО «Центр гематологии» —
         * генеральный директор … Пивоварова и медицинский директор … Клодзинский") or joined to them by a comma or and
         * alone (hematologists of the Karaganda branch Natalya … Volobueva and Gulmira … Alina), unless a clause
         * boundary stands between; else the person before it ("Нестерова Ирина Вадимовна, д.м.н., профессор,
         * председатель … Общества …", "Natalia Vladimirovna Makarevich, an expert in pathomorphology from Pavlov First
         * Saint Petersburg State Medical University").
         */
        private List<Mention> holdersOf(Mention org, List<Mention> persons) {
            List<Mention> after = persons.stream().filter(p -> p.start() >= org.end()).toList();
            Mention previous = null;
            for (Mention p : persons) {
                if (p.end() <= org.start()) {
                    previous = p;
                }
            }
            // Kazakh names the source before its people (…орталығынан келген …), so none after means no one of it
            if (isSourceOfPeople(org) && (!after.isEmpty() || language == Language.KK)
                    || !after.isEmpty() && isRepresentedBy(org, after.get(0))) {
                return after;
            }
            if (previous != null && org.start() - previous.end() <= 150 && !after.isEmpty()
                    && NEXT_IN_LIST.matcher(text.substring(org.end(), after.get(0).start())).lookingAt()) {
                return List.of(previous); // Deputy Minister Karatayev, Ministry of Health, and Deputy Minister Muratov
            }
            if (!after.isEmpty() && (visits(org, after.get(0))
                    || cues.has(language, text.substring(org.end(), after.get(0).start()), "place"))) {
                // ТОО «Центр гематологии» посетил эксперт …: the host; в Мажилисе …, где руководитель Центра …: a place
                after = List.of();
            }
            if (!after.isEmpty() && after.get(0).start() - org.end() <= 60 && sameClause(org.end(), after.get(0).start())) {
                List<Mention> holders = new ArrayList<>(List.of(after.get(0)));
                boolean labelled = text.substring(org.end(), after.get(0).start()).matches("(?s).*[—–:].*");
                for (int k = 1; k < after.size() && after.get(k).start() - after.get(k - 1).end() <= 80
                        && sameClause(after.get(k - 1).end(), after.get(k).start()) && (labelled
                        || LIST_JOINT.matcher(text.substring(after.get(k - 1).end(), after.get(k).start())).matches()); k++) {
                    holders.add(after.get(k));
                }
                return holders;
            }
            if (previous != null && org.start() - previous.end() <= 150 && !visits(previous, org)) {
                return List.of(previous);
            }
            return !after.isEmpty() && after.get(0).start() - org.end() <= 120 ? List.of(after.get(0)) : List.of();
        }

        /**
         * A word of taking part stands between a person and an organization, in either order: the person visits or
         * joins it, not works there (… Вадима Кемайкина посетила филиал ТОО «Центр гематологии»; ТОО «Центр
         * гематологии» посетил эксперт … Макаревич).
         */
        private boolean visits(Mention first, Mention second) {
            return cues.has(language, text.substring(first.end(), second.start()), "participant");
        }

        /**
         * The organization was represented by the persons named after it, or they made up its party: a members cue
         * stands between (was represented at the forum by …, в составе, в лице).
         */
        private boolean isRepresentedBy(Mention org, Mention firstAfter) {
            return sameClause(org.end(), firstAfter.start())
                    && cues.has(language, text.substring(org.end(), firstAfter.start()), "members");
        }

        /** No sentence end, semicolon, bracket or line break between two offsets (abbreviations such as г. aside). */
        private boolean sameClause(int from, int to) {
            String between = text.substring(from, to).replaceAll("(?<!\\p{L})\\p{L}{1,4}\\.", "");
            return !between.matches("(?s).*[;.(\\n].*");
        }

        /**
         * Из … центра, from the … Center, …орталығынан: the organization people came from; also the ones listed on
         * with it (teams from Novosibirsk State Medical University, Andijan Medical Institute and …).
         */
        private boolean isSourceOfPeople(Mention org) {
            String before = text.substring(Math.max(0, org.start() - 10), org.start()).toLowerCase(Locale.ROOT);
            if (before.matches("(?s).*(^|\\P{L})(из|from)\\s+(the\\s+)?$")
                    || language == Language.KK
                    && org.surface().toLowerCase(Locale.ROOT).matches("(?s).*(нан|нен|дан|ден|тан|тен)")) {
                return true;
            }
            Mention listedBefore = null;
            for (Mention m : mentions) {
                if (m.kind() == EntityKind.ORGANIZATION && m.end() <= org.start()) {
                    listedBefore = m;
                }
            }
            return listedBefore != null && LIST_JOINT.matcher(text.substring(listedBefore.end(), org.start())).matches()
                    && isSourceOfPeople(listedBefore);
        }

        private Mention nearest(List<Mention> persons, int start, int end, int reach) {
            Mention best = null;
            int bestDistance = reach;
            for (Mention p : persons) {
                int distance = p.start() >= end ? p.start() - end : start >= p.end() ? start - p.end() : 0;
                if (distance <= bestDistance) {
                    best = p;
                    bestDistance = distance;
                }
            }
            return best;
        }

        private boolean hasRelation(LocalEntity subject, String property) {
            return relations.stream().anyMatch(r -> r.subject() == subject && r.property().equals(property));
        }

        private void relate(LocalEntity subject, String property, LocalEntity object, String evidence) {
            relate(subject, property, object, null, evidence);
        }

        private void relate(LocalEntity subject, String property, LocalEntity object, String literal, String evidence) {
            if (subject == object) {
                return;
            }
            for (Relation r : relations) {
                if (r.subject() == subject && r.property().equals(property) && r.object() == object
                        && Objects.equals(r.literal(), literal)) {
                    return;
                }
            }
            if (property.equals("participant") && object != null && relations.stream().anyMatch(r -> r.subject() == subject
                    && r.property().equals("speaker") && r.object() == object)) {
                return;
            }
            if (property.equals("speaker")) {
                relations.removeIf(r -> r.subject() == subject && r.property().equals("participant") && r.object() == object);
            }
            relations.add(new Relation(subject, property, object, literal, evidence.replaceAll("\\s+", " ").strip()));
        }
    }

    /** Where a cue word starts a word of the text, or -1. */
    static int wordStartIndex(String lower, String stem) {
        return wordStartIndex(lower, stem, 0);
    }

    static int wordStartIndex(String lower, String stem, int from) {
        for (int at = lower.indexOf(stem, from); at >= 0; at = lower.indexOf(stem, at + 1)) {
            if (at == 0 || !Character.isLetter(lower.charAt(at - 1))) {
                return at;
            }
        }
        return -1;
    }
}
