package org.medkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The days of the dates GRAPH.md writes, as the saved queries compare them. */
class DaySpanTest {

    @Test
    void aYearAndAMonthCoverTheirDaysAndADayItself() {
        assertEquals(days("2024-01-01", "2024-12-31"), DaySpan.of("2024"));
        assertEquals(days("2024-02-01", "2024-02-29"), DaySpan.of("2024-02"));
        assertEquals(days("2023-02-01", "2023-02-28"), DaySpan.of("2023-02"));
        assertEquals(days("2024-09-19", "2024-09-19"), DaySpan.of("2024-09-19"));
    }

    @Test
    void aLongerDateIsReadByItsDay() {
        assertEquals(days("2024-09-19", "2024-09-19"), DaySpan.of("2024-09-19T10:00:00"));
        assertEquals(days("2024-09-19", "2024-09-19"), DaySpan.of("2024-09-19+05:00"));
    }

    @Test
    void whatIsNoDayHasNoSpan() {
        for (String text : new String[] {"2024-13", "2024-02-30", "24", "2024-9-1", "сентябрь 2024", "", "-2024"}) {
            assertEquals(Optional.empty(), DaySpan.of(text), text);
        }
    }

    @Test
    void widenedReachesFromTheFirstFirstDayToTheLastLastDay() {
        DaySpan may = DaySpan.of("2024-05").orElseThrow();
        DaySpan september = DaySpan.of("2024-09-19").orElseThrow();
        assertEquals(days("2024-05-01", "2024-09-19").orElseThrow(), may.widenedBy(september));
        assertEquals(DaySpan.UNBOUNDED, may.widenedBy(DaySpan.UNBOUNDED));
        assertThrows(IllegalArgumentException.class, () -> new DaySpan(2, 1));
    }

    private static Optional<DaySpan> days(String first, String last) {
        return Optional.of(new DaySpan(LocalDate.parse(first).toEpochDay(), LocalDate.parse(last).toEpochDay()));
    }
}
