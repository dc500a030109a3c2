package org.medkg.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkg.text.DataLines;

/**
 * The dates of one copy of the scaled corpus, moved: every year by the copy's year shift, and every day of a month up
 * to the 28th by its day shift, as far as the document's latest such day allows (see {@link #apply}); days after the
 * 28th stay, so that every date stays valid and a range stays in order. Days are those of numeric dates (20.09.2019, 20-09-2019, 2019-09-20) and
 * numbers of one or two digits close before or right after a month's name (с 19 по 21 сентября, 2024 жылғы 22–24
 * мамыр, May 22–24); month names are medkg's own ({@code month-names.txt}). Each copy has its own pair of shifts
 * (years −20…+9 by days 0…27, shuffled by the seed) until the 839 pairs are used up; copy 0 is left as it is.
 */
final class DateShifts {
    private static final String MONTH_NAMES = "/org/medkg/recognize/date/month-names.txt";
    private static final int MIN_YEAR_SHIFT = -20;
    private static final int YEARS = 30;
    private static final int LAST_SHIFTED_DAY = 28;
    /** How far before a month's name a day may stand (с 19 по 21 сентября), and how far after (May 22–24). */
    private static final int DAY_BEFORE_MONTH = 24;
    private static final int DAY_AFTER_MONTH = 3;

    private static final Pattern DATES = Pattern.compile(
            "(?<!\\d)(?<isoYear>(?:19|20)\\d\\d)-(?<isoMonth>0[1-9]|1[0-2])-(?<isoDay>[0-3]\\d)(?!\\d)"
                    + "|(?<![\\d.])(?<day>[0-3]?\\d)(?<sep>[./-])(?<month>[01]?\\d)\\k<sep>(?<year>(?:19|20)?\\d\\d)(?![\\d])"
                    + "|(?<!\\d)(?<plainYear>(?:19|20)\\d\\d)(?!\\d)"
                    + "|(?<![\\d.:,])(?<monthDay>[0-3]?\\d)(?![\\d:]|[.,]\\d)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+\\.?");

    record Shift(int years, int days) {
    }

    private final List<Shift> shifts;
    private final List<String> monthPrefixes;
    private final Set<String> monthWords;

    private DateShifts(List<Shift> shifts, List<String> monthPrefixes, Set<String> monthWords) {
        this.shifts = shifts;
        this.monthPrefixes = monthPrefixes;
        this.monthWords = monthWords;
    }

    static DateShifts of(long seed) {
        List<Shift> shifts = new ArrayList<>();
        for (int years = MIN_YEAR_SHIFT; years < MIN_YEAR_SHIFT + YEARS; years++) {
            for (int days = 0; days < LAST_SHIFTED_DAY; days++) {
                if (years != 0 || days != 0) {
                    shifts.add(new Shift(years, days));
                }
            }
        }
        Collections.shuffle(shifts, new Random(seed));
        // Kazakh month names take endings (мамырда, қыркүйектің): they are matched as the start of a word.
        List<String> prefixes = new ArrayList<>();
        Set<String> words = new TreeSet<>();
        for (String line : DataLines.entries(DateShifts.class, MONTH_NAMES)) {
            String[] columns = line.split("\\s+");
            for (int i = 2; i < columns.length; i++) {
                String form = columns[i].toLowerCase(Locale.ROOT);
                if (columns[1].equals("kk")) {
                    prefixes.add(form);
                } else {
                    words.add(form);
                    words.add(form.endsWith(".") ? form.substring(0, form.length() - 1) : form + ".");
                }
            }
        }
        return new DateShifts(List.copyOf(shifts), List.copyOf(prefixes), Set.copyOf(words));
    }

    Shift forCopy(int copy) {
        return copy == 0 ? new Shift(0, 0) : shifts.get((copy - 1) % shifts.size());
    }

    /**
     * {@code text} with its dates moved by {@code shift}. The day shift is taken modulo what keeps the document's
     * latest shifted day within the 28th, so that no day is pushed past a month's end and every range keeps its
     * length; a document whose dates reach the 28th moves by years only.
     */
    String apply(String text, Shift shift) {
        if (shift.years() == 0 && shift.days() == 0) {
            return text;
        }
        List<int[]> months = monthSpans(text);
        int latestDay = 0;
        Matcher date = DATES.matcher(text);
        while (date.find()) {
            String day = date.group("isoDay") != null ? date.group("isoDay") : date.group("day") != null
                    ? date.group("day") : isMonthDay(date, months) ? date.group("monthDay") : null;
            if (day != null && Integer.parseInt(day) <= LAST_SHIFTED_DAY) {
                latestDay = Math.max(latestDay, Integer.parseInt(day));
            }
        }
        int days = shift.days() % (LAST_SHIFTED_DAY + 1 - latestDay);
        StringBuilder out = new StringBuilder(text.length() + 16);
        date.reset();
        while (date.find()) {
            String moved;
            if (date.group("isoYear") != null) {
                moved = year(date.group("isoYear"), shift) + "-" + date.group("isoMonth") + "-"
                        + day(date.group("isoDay"), days);
            } else if (date.group("day") != null) {
                moved = day(date.group("day"), days) + date.group("sep") + date.group("month") + date.group("sep")
                        + year(date.group("year"), shift);
            } else if (date.group("plainYear") != null) {
                moved = year(date.group("plainYear"), shift);
            } else if (isMonthDay(date, months)) {
                moved = day(date.group("monthDay"), days);
            } else {
                moved = date.group();
            }
            date.appendReplacement(out, Matcher.quoteReplacement(moved));
        }
        return date.appendTail(out).toString();
    }

    /** Whether the match is a day close to a month's name. */
    private static boolean isMonthDay(Matcher date, List<int[]> months) {
        return date.group("monthDay") != null && nearMonth(months, date.start(), date.end());
    }

    private List<int[]> monthSpans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String lower = word.group().toLowerCase(Locale.ROOT);
            boolean month = monthWords.contains(lower) || monthWords.contains(lower.replaceFirst("\\.$", ""))
                    || monthPrefixes.stream().anyMatch(lower::startsWith);
            if (month) {
                spans.add(new int[] {word.start(), word.end()});
            }
        }
        return spans;
    }

    private static boolean nearMonth(List<int[]> months, int start, int end) {
        for (int[] month : months) {
            boolean before = month[0] >= end && month[0] - end <= DAY_BEFORE_MONTH;
            boolean after = start >= month[1] && start - month[1] <= DAY_AFTER_MONTH;
            if (before || after) {
                return true;
            }
        }
        return false;
    }

    private static String day(String day, int shift) {
        int value = Integer.parseInt(day);
        if (value < 1 || value > LAST_SHIFTED_DAY) {
            return day;
        }
        String moved = Integer.toString(value + shift);
        return moved.length() < day.length() ? "0" + moved : moved;
    }

    private static String year(String year, Shift shift) {
        int value = Integer.parseInt(year);
        if (year.length() == 2) {
            return String.format(Locale.ROOT, "%02d", Math.floorMod(value + shift.years(), 100));
        }
        return Integer.toString(value + shift.years());
    }
}
