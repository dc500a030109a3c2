package org.medkg.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkg.lang.Language;
import org.medkg.recognize.EntityKind;
import org.medkg.recognize.Mention;
import org.medkg.recognize.Recognizer;
import org.medkg.text.DataLines;
import org.medkg.text.LineShapes;
import org.medkg.text.Segment;

/**
 * What the layout of lines says, where sentences say little: programmes, lists of speakers and members, tables.
 * Lines are read as the readers lay them out ({@link LineShapes}):
 * <ul>
 * <li>a list after a label that ends with a colon ({@code Спикеры:}, {@code Lecturers:}, {@code В работе приняли
 *     участие:}, {@code Организаторы:}) gives each item the role its cue words tell ({@code role-cues.tsv}); an
 *     organization the label names as their body ({@code … совета экспертов в составе:}, or in brackets:
 *     {@code Спикерлер («Гематология орталығы» ЖШС):}) is each person's affiliation;</li>
 * <li>a line of a programme — a time of day and a name, or a name and the title of a talk
 *     ({@code Name, position, Organization (City) — «Talk»}, {@code Talk — Name (City)},
 *     {@code Name (Organization, City) "Talk"}), or a name right under a talk's title — makes the person a speaker;</li>
 * <li>a table whose header names its columns ({@code table-columns.tsv}: ФИО / Name / Аты-жөні, Должность,
 *     Организация, Город, Тема…) is one person a row, with that row's position, organization and city;</li>
 * <li>in every such line with one person, the organizations on it are theirs, and a city written as a piece of
 *     its own after the name — in brackets or between commas, {@code (Алматы, Казахстан)} — is where they come
 *     from, not where the event takes place.</li>
 * </ul>
 * Which event the roles belong to is for the caller to say: the event the line's context speaks of.
 */
final class StructuredLines {

    /**
     * What one line says of one person or organization: its role in the event in context (speaker, participant,
     * organizer, sponsor, or null), and for a person the organizations they belong to, the city they come from and
     * the position a table gives. {@code start} and {@code end} delimit the line (or the sentence) that says it.
     */
    record LineFact(Mention subject, String role, List<Mention> affiliations, Mention city, String position,
                    int start, int end) {
    }

    /** No name is longer than this: a mention reaching into a span starts at most this far before it. */
    private static final int LONGEST_MENTION = 1000;
    /** A city in brackets this far after a person's name at most is where they come from. */
    private static final int BRACKET_REACH = 160;
    /** A quoted title is at most this long; longer quoted text is someone's words. */
    private static final int QUOTED_TITLE_LENGTH = 160;
    /** A line longer than this is prose, not a line of a programme, unless it opens with a time. */
    private static final int PROGRAMME_LINE = 250;
    /** A quoted talk title has at least this many words (a quoted organization name such as «Центр гематологии» fewer). */
    private static final int QUOTED_TITLE_WORDS = 3;
    /** A title on the other side of a dash has at least this many words. */
    private static final int TITLE_WORDS = 2;
    /** A short word cut at a dot (Assoc., Dr., м.ғ.к.), as titles before a name are written. */
    private static final Pattern ABBREVIATION = Pattern.compile("(?<!\\p{L})(\\p{L}{1,6}\\.)+");

    private static final Pattern QUOTED = Pattern.compile("«[^«»\\n]+»|“[^“”\\n]+”|„[^„“”\\n]+[“”]|\"[^\"\\n]+\"");
    /** The first dash between spaces, or a colon, that may part a name from a title. */
    private static final Pattern PARTING = Pattern.compile("\\s+[—–-]\\s+|:\\s+");
    /** Words before a city that only say it is a city: г. Алматы, city of. */
    private static final Pattern CITY_WORD_BEFORE = Pattern.compile("(?iu)(?<!\\p{L})(г|гор|город|city of)\\.?\\s*$");
    /** Words after a city that only say it is a city: Алматы қ., Astana city. */
    private static final Pattern CITY_WORD_AFTER = Pattern.compile("(?iu)^\\s*(қ\\.|қаласы|city)(?!\\p{L})");
    private static final Pattern FROM_PREPOSITION = Pattern.compile("(?iu)(?<!\\p{L})(из|from)\\s+(the\\s+)?$");

    private enum Shape { ITEM, ROW, TIMED, PLAIN }

    private record Line(int start, int end, int content, Shape shape, boolean afterBlank) {
    }

    /** The label over a list: the role it gives persons, the role it gives organizations, the body they form. */
    private record Label(String personRole, String organizationRole, Mention body) {
    }

    /** A table's header: the field each column holds (null when unknown), and the role its words give. */
    private record Header(List<String> fields, String role) {
        boolean has(String field) {
            return fields.contains(field);
        }
    }

    private final RoleCues cues;
    private final PersonAttributes attributes;
    /** Field and header stem, longest stem first, so that of two stems at one place the longer decides. */
    private final List<String[]> columns;

    StructuredLines(RoleCues cues, PersonAttributes attributes) {
        this.cues = cues;
        this.attributes = attributes;
        List<String[]> rows = new ArrayList<>(DataLines.rows(Recognizer.class, "table-columns.tsv"));
        rows.sort(Comparator.comparingInt((String[] row) -> -row[1].length()));
        this.columns = List.copyOf(rows);
    }

    /** What the lines of a text say of the persons and organizations mentioned on them. */
    List<LineFact> read(String text, Language language, List<Mention> mentions, List<Segment> segments) {
        return new Reading(text, language, mentions, segments).read();
    }

    private final class Reading {
        private final String text;
        private final Language language;
        private final List<Mention> mentions;
        private final List<Segment> segments;
        private final List<LineFact> facts = new ArrayList<>();

        Reading(String text, Language language, List<Mention> mentions, List<Segment> segments) {
            this.text = text;
            this.language = language;
            this.mentions = mentions.stream().sorted(Comparator.comparingInt(Mention::start)).toList();
            this.segments = segments;
        }

        List<LineFact> read() {
            Label label = null;
            Header header = null;
            boolean inTable = false;
            boolean markedList = false;
            Line previous = null;
            for (Line line : lines()) {
                if (line.shape() == Shape.ROW) {
                    if (!inTable) {
                        inTable = true;
                        header = header(line);
                        if (header != null) {
                            previous = line;
                            continue;
                        }
                    }
                    if (header != null) {
                        readRow(line, label, header);
                    } else {
                        readItem(line, label);
                    }
                } else {
                    inTable = false;
                    header = null;
                    // Under a label, lines that open with a name are its items too, each maybe a paragraph of its
                    // own (<p>Клодзинский А.А., …</p>), unless the list is one of marked items, which ends with them.
                    boolean unmarkedItem = label != null && !markedList && opensWithName(line);
                    if (line.shape() == Shape.ITEM || unmarkedItem) {
                        markedList = line.shape() == Shape.ITEM;
                        readItem(line, label);
                    } else {
                        label = labelOf(line);
                        markedList = false;
                        if (label == null) {
                            readProgrammeLine(line, previous);
                        }
                    }
                }
                previous = line;
            }
            bracketedCities();
            return facts;
        }

        /**
         * In running text too, a city in brackets after a person's name, their position or organization, is where
         * they come from: Андрей Петрович Фисенко – директор … (г. Москва), заместитель …; the bracket belongs to
         * the nearest person before it in the sentence, within a short reach.
         */
        private void bracketedCities() {
            List<Mention> placed = facts.stream().filter(f -> f.city() != null).map(LineFact::subject).toList();
            List<Mention> persons = mentions.stream().filter(m -> m.kind() == EntityKind.PERSON).toList();
            for (int k = 0; k < persons.size(); k++) {
                Mention person = persons.get(k);
                Segment sentence = segmentAt(person.start());
                if (sentence == null || placed.contains(person)) {
                    continue;
                }
                int to = Math.min(sentence.end(), person.end() + BRACKET_REACH);
                if (k + 1 < persons.size()) {
                    to = Math.min(to, persons.get(k + 1).start());
                }
                Mention city = to > person.end() ? cityPiece(person.end(), to, person, null, true) : null;
                if (city != null) {
                    facts.add(new LineFact(person, null, List.of(), city, null, sentence.start(), sentence.end()));
                }
            }
        }

        private List<Line> lines() {
            List<Line> lines = new ArrayList<>();
            boolean blank = false;
            for (int start = 0; start < text.length(); ) {
                int newline = text.indexOf('\n', start);
                int end = newline < 0 ? text.length() : newline;
                String line = text.substring(start, end);
                if (line.isBlank()) {
                    blank = true;
                } else {
                    Shape shape = LineShapes.isTableRow(line) ? Shape.ROW : LineShapes.isListItem(line) ? Shape.ITEM
                            : LineShapes.startsWithTime(line) ? Shape.TIMED : Shape.PLAIN;
                    lines.add(new Line(start, end, start + LineShapes.openingLength(line), shape, blank));
                    blank = false;
                }
                start = end + 1;
            }
            return lines;
        }

        // ------------------------------------------------------------ lists

        /**
         * A line that ends with a colon labels the list under it; not one that names a person, which introduces
         * their words (Бақтияр Мәкен … ақ халаттыларды құттықтады:). Else null.
         */
        private Label labelOf(Line line) {
            String label = text.substring(line.start(), line.end()).strip();
            if (!label.endsWith(":") || !within(EntityKind.PERSON, line.start(), line.end()).isEmpty()) {
                return null;
            }
            Mention body = null;
            boolean members = cues.has(language, label, "members");
            for (Mention org : within(EntityKind.ORGANIZATION, line.start(), line.end())) {
                String before = text.substring(line.start(), org.start());
                if (members || before.stripTrailing().endsWith("(") || FROM_PREPOSITION.matcher(before).find()) {
                    body = org;
                }
            }
            return new Label(cues.personRole(language, label), cues.organizationRole(language, label), body);
        }

        /**
         * An item of a list, or a row of a table without a header: one person, or several, or organizations, with the
         * label's role.
         */
        private void readItem(Line line, Label label) {
            List<Mention> persons = within(EntityKind.PERSON, line.content(), line.end());
            List<Mention> organizations = within(EntityKind.ORGANIZATION, line.content(), line.end());
            if (persons.isEmpty()) {
                String role = label == null ? null : label.organizationRole();
                for (Mention org : role == null ? List.<Mention>of() : organizations) {
                    facts.add(new LineFact(org, role, List.of(), null, null, line.start(), line.end()));
                }
                return;
            }
            int[] talk = persons.size() == 1 ? talkTitle(line, persons) : null;
            String role = label != null && label.personRole() != null ? label.personRole()
                    : talk != null || LineShapes.startsWithTime(text.substring(line.content(), line.end())) ? "speaker"
                    : null;
            addPersons(line, persons, role, outside(organizations, talk), personCity(line, persons, talk), null,
                    label == null ? null : label.body());
        }

        // ------------------------------------------------------------ tables

        /** The first row of a table is its header when it names a column of names and at least one other. */
        private Header header(Line row) {
            String line = text.substring(row.start(), row.end());
            List<String> fields = new ArrayList<>();
            for (int[] cell : LineShapes.cells(line)) {
                fields.add(fieldOf(line.substring(cell[0], cell[1]).toLowerCase(Locale.ROOT)));
            }
            long named = fields.stream().filter(f -> f != null).count();
            return fields.contains("person") && named >= 2 ? new Header(fields, cues.personRole(language, line)) : null;
        }

        /** The field of the header word that comes first in the cell (ФИО, должность: a name); of two, the longer. */
        private String fieldOf(String cell) {
            String field = null;
            int first = Integer.MAX_VALUE;
            for (String[] column : columns) {
                int at = DocumentAnalyzer.wordStartIndex(cell, column[1]);
                if (at >= 0 && at < first) {
                    field = column[0];
                    first = at;
                }
            }
            return field;
        }

        /**
         * A row under a header: the persons of its name column, each with the row's organizations (of the organization
         * column, else of any column but the topic), city and position. A talk's topic makes them speakers.
         */
        private void readRow(Line row, Label label, Header header) {
            List<int[]> cells = LineShapes.cells(text.substring(row.start(), row.end()));
            List<Mention> persons = new ArrayList<>();
            List<Mention> organizations = new ArrayList<>();
            Mention city = null;
            String position = null;
            for (int k = 0; k < cells.size() && k < header.fields().size(); k++) {
                int from = row.start() + cells.get(k)[0];
                int to = row.start() + cells.get(k)[1];
                String field = header.fields().get(k);
                if ("person".equals(field)) {
                    persons.addAll(within(EntityKind.PERSON, from, to));
                }
                if ("organization".equals(field) || !header.has("organization") && !"topic".equals(field)) {
                    organizations.addAll(within(EntityKind.ORGANIZATION, from, to));
                }
                if ("city".equals(field) && city == null) {
                    city = within(EntityKind.CITY, from, to).stream().findFirst().orElse(null);
                }
                String cell = text.substring(from, to).strip();
                if ("position".equals(field) && cell.chars().anyMatch(Character::isLetter)) {
                    position = cell;
                }
            }
            if (persons.isEmpty()) {
                return;
            }
            String role = label != null && label.personRole() != null ? label.personRole()
                    : header.has("topic") ? "speaker" : header.role();
            addPersons(row, persons, role, organizations, city != null ? city : personCity(row, persons, null), position,
                    label == null ? null : label.body());
        }

        // ------------------------------------------------------------ programme lines

        /**
         * A line of a programme outside a list: a time and the persons who speak then; a name and a talk's title on
         * a short line; a line that opens with a name right under a talk's title.
         */
        private void readProgrammeLine(Line line, Line previous) {
            List<Mention> persons = within(EntityKind.PERSON, line.content(), line.end());
            if (persons.isEmpty()) {
                return;
            }
            boolean timed = line.shape() == Shape.TIMED;
            boolean isShort = line.end() - line.start() <= PROGRAMME_LINE;
            int[] talk = persons.size() == 1 && isShort ? talkTitle(line, persons) : null;
            boolean underTitle = isShort && previous != null && !line.afterBlank() && isTitleLine(previous)
                    && opensWithName(line);
            if (!timed && talk == null && !underTitle) {
                return;
            }
            addPersons(line, persons, "speaker", outside(within(EntityKind.ORGANIZATION, line.content(), line.end()), talk),
                    personCity(line, persons, talk), null, null);
        }

        /** A timed line that names nobody (18:30–18:50 Как взять под контроль …), or a quoted title alone. */
        private boolean isTitleLine(Line line) {
            String content = text.substring(line.content(), line.end()).strip();
            if (!within(EntityKind.PERSON, line.start(), line.end()).isEmpty()) {
                return false;
            }
            return line.shape() == Shape.TIMED && content.chars().anyMatch(Character::isLetter)
                    || QUOTED.matcher(content).matches();
        }

        /**
         * The span of a talk's title on a line with one person, when title and name make the whole line, one after
         * the other: a quoted title of a few words that is no name of an organization or event, opening the line
         * with the name right after it («Title» (Author, City), «Title» — Name) or closing a line that opens with
         * the name (Name, position, Organization — «Title»; Name (Organization, City) "Title"); or what stands on the
         * other side of a dash or colon from a name that opens its side, when it names nobody and reads as a title
         * (a capital, two words or more; not a position, not a role).
         */
        private int[] talkTitle(Line line, List<Mention> persons) {
            Mention person = persons.get(0);
            String content = text.substring(line.content(), line.end());
            Matcher quoted = QUOTED.matcher(content);
            while (quoted.find()) {
                int from = line.content() + quoted.start();
                int to = line.content() + quoted.end();
                boolean opens = content.substring(0, quoted.start()).isBlank()
                        && text.substring(to, Math.max(to, person.start())).matches("[\\s—–:(,-]*");
                boolean closes = opensWithName(line.content(), person) && text.substring(to, line.end()).matches("[\\s.;,]*");
                if ((opens || closes) && words(quoted.group()) >= QUOTED_TITLE_WORDS
                        && quoted.group().length() <= QUOTED_TITLE_LENGTH
                        && overlapping(from, to).stream().noneMatch(m -> m.kind() == EntityKind.PERSON
                                || m.kind() == EntityKind.ORGANIZATION || m.kind() == EntityKind.EVENT)) {
                    return new int[] {from, to};
                }
            }
            Matcher parting = PARTING.matcher(content);
            if (!parting.find()) {
                return null;
            }
            int partFrom = line.content() + parting.start();
            int partTo = line.content() + parting.end();
            int[] title = person.end() <= partFrom && opensWithName(line.content(), person) ? new int[] {partTo, line.end()}
                    : person.start() >= partTo && opensWithName(partTo, person) ? new int[] {line.content(), partFrom} : null;
            return title != null && readsAsTitle(title[0], title[1]) ? title : null;
        }

        private boolean readsAsTitle(int from, int to) {
            String title = text.substring(from, to).strip();
            return !title.isEmpty() && (Character.isUpperCase(title.charAt(0)) || "«“„\"".indexOf(title.charAt(0)) >= 0)
                    && words(title) >= TITLE_WORDS && overlapping(from, to).stream()
                            .noneMatch(m -> m.kind() == EntityKind.PERSON || m.kind() == EntityKind.ORGANIZATION)
                    && !attributes.opens(language, title) && cues.personRole(language, title) == null;
        }

        // ------------------------------------------------------------ persons on a line

        /**
         * Facts for the persons of a line: one person takes the line's organizations, city and position; several
         * share only the body their list belongs to.
         */
        private void addPersons(Line line, List<Mention> persons, String role, List<Mention> organizations, Mention city,
                                String position, Mention body) {
            boolean one = persons.size() == 1;
            for (Mention person : persons) {
                List<Mention> own = new ArrayList<>(one ? organizations : List.of());
                if (body != null) {
                    own.add(body);
                }
                if (role != null || !own.isEmpty() || one && (city != null || position != null)) {
                    facts.add(new LineFact(person, role, own, one ? city : null, one ? position : null, line.start(),
                            line.end()));
                }
            }
        }

        /**
         * The city after a line's one person that stands as a piece of its own — in brackets or between commas or
         * cells, maybe with г. or қ. (Клодзинский А.А. (Караганда), …, ТОО «Центр гематологии», Караганда) — and
         * not inside an organization's name or a talk's title.
         */
        private Mention personCity(Line line, List<Mention> persons, int[] talk) {
            return persons.size() == 1 ? cityPiece(line.content(), line.end(), persons.get(0), talk, false) : null;
        }

        /**
         * The first city between a person and an offset that stands as a piece of its own: opened by a bracket (or,
         * unless {@code bracketsOnly}, a comma or a cell's bar), maybe after г., and closed by a bracket, comma, bar,
         * dash or the end; not inside an organization's name or a talk's title.
         */
        private Mention cityPiece(int from, int to, Mention person, int[] talk, boolean bracketsOnly) {
            List<Mention> organizations = within(EntityKind.ORGANIZATION, from, to);
            for (Mention city : within(EntityKind.CITY, person.end(), to)) {
                boolean named = organizations.stream().anyMatch(org -> city.start() >= org.start() && city.end() <= org.end());
                if (named || talk != null && city.start() >= talk[0] && city.end() <= talk[1]) {
                    continue;
                }
                String before = CITY_WORD_BEFORE.matcher(text.substring(from, city.start())).replaceAll("").stripTrailing();
                String after = CITY_WORD_AFTER.matcher(text.substring(city.end(), to)).replaceAll("").stripLeading();
                boolean opens = before.endsWith("(") || !bracketsOnly && (before.endsWith(",") || before.endsWith("|"));
                boolean closes = after.isEmpty() || ",);|.".indexOf(after.charAt(0)) >= 0 || after.matches("(?s)[—–-]\\s.*");
                if (opens && closes) {
                    return city;
                }
            }
            return null;
        }

        /** A short line that opens with a name: only its opening and titles (проф., Prof.) stand before it. */
        private boolean opensWithName(Line line) {
            List<Mention> persons = within(EntityKind.PERSON, line.content(), line.end());
            return !persons.isEmpty() && line.end() - line.start() <= PROGRAMME_LINE
                    && opensWithName(line.content(), persons.get(0));
        }

        /**
         * Nothing but degrees, titles and positions ({@code person-attributes.tsv}) and abbreviations (Assoc., Dr.,
         * м.ғ.к.) stand between an offset and the person: проф. Иванов, Assoc. Prof. Aras Puodžiukynas; not the
         * words of a sentence (– подвел итог работе Антон Анатольевич).
         */
        private boolean opensWithName(int from, Mention person) {
            if (person.start() < from) {
                return false;
            }
            String before = text.substring(from, person.start()).toLowerCase(Locale.ROOT);
            for (PersonAttributes.Attribute attribute : attributes.of(language)) {
                before = before.replace(attribute.phrase(), " ");
            }
            return ABBREVIATION.matcher(before).replaceAll(" ").replaceAll("[\\s,;()]", "").isEmpty();
        }

        // ------------------------------------------------------------ mentions

        /** The mentions of a kind inside a span, in text order (a long document has many lines: found by halving). */
        private List<Mention> within(EntityKind kind, int from, int to) {
            List<Mention> found = new ArrayList<>();
            for (int k = firstStartingAt(from); k < mentions.size() && mentions.get(k).start() < to; k++) {
                Mention m = mentions.get(k);
                if (m.kind() == kind && m.end() <= to) {
                    found.add(m);
                }
            }
            return found;
        }

        /** The mentions that overlap a span: those starting inside it, and those starting before it that reach in. */
        private List<Mention> overlapping(int from, int to) {
            List<Mention> found = new ArrayList<>();
            for (int k = firstStartingAt(from - LONGEST_MENTION); k < mentions.size() && mentions.get(k).start() < to; k++) {
                if (mentions.get(k).end() > from) {
                    found.add(mentions.get(k));
                }
            }
            return found;
        }

        /** The segment that holds an offset, or null (segments are in text order: found by halving). */
        private Segment segmentAt(int offset) {
            int low = 0;
            int high = segments.size() - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                Segment segment = segments.get(middle);
                if (segment.contains(offset)) {
                    return segment;
                } else if (segment.start() > offset) {
                    high = middle - 1;
                } else {
                    low = middle + 1;
                }
            }
            return null;
        }

        private int firstStartingAt(int offset) {
            int low = 0;
            int high = mentions.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (mentions.get(middle).start() < offset) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        private List<Mention> outside(List<Mention> found, int[] span) {
            return span == null ? found : found.stream().filter(m -> m.end() <= span[0] || m.start() >= span[1]).toList();
        }

        private static int words(String phrase) {
            return phrase.strip().split("[\\s\\p{Pd}]+").length;
        }
    }
}
