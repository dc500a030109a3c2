package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages of every saved query over a real TDB2 store of what the converter makes of the seeds (data/ and
 * shared/corpus/seeds), the hemcenter articles and external2: pages 1 and 2 are the first rows of the whole answer, in its
 * order, none twice, and a page tells whether more follow. The queries that choose a page's rows in a subquery
 * ({@code page-by}) are held to the same answer as those cut whole.
 */
class PagedAnswersTest {
    private static final Path SHARED = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus");

    private static QueryRunner runner;

    @BeforeAll
    static void convert() {
        assumeTrue(Files.isDirectory(SHARED.resolve("hemcenter")), "no shared corpus at " + SHARED);
        runner = ConvertedCorpus.runner(List.of(Path.of("data"), SHARED.resolve("seeds"), SHARED.resolve("hemcenter"),
                SHARED.resolve("external2")));
    }

    /** Every saved query, with parameters that give it several rows over these documents. */
    static Stream<Arguments> queries() {
        return Stream.of(
                arguments("events-by-year", Map.of("year", "2023")),
                arguments("events-by-city", Map.of("city", "Алматы")),
                arguments("events-by-type", Map.of("type", "Conference")),
                arguments("events-in-date-range", Map.of("from", "2000-01-01", "to", "2030-12-31")),
                arguments("experts-by-qualification", Map.of("qualification", "проф")),
                arguments("expert-profile", Map.of("name", "ов")),
                arguments("documents-mentioning", Map.of("entity", "гематолог")),
                arguments("event-participants", Map.of("event", "школ")),
                arguments("organizations-by-city", Map.of("city", "Караг")),
                arguments("participant-cities", Map.of("event", "Заседание Международного")),
                arguments("organizers-and-sponsors", Map.of()),
                arguments("cross-border-participation", Map.of()),
                arguments("cities-by-activity", Map.of()),
                arguments("organizations-by-activity", Map.of()),
                arguments("most-connected-experts", Map.of()),
                arguments("people-who-met", Map.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("queries")
    void pagesOneAndTwoAreTheFirstRowsOfTheWholeAnswer(String name, Map<String, String> values)
            throws BadParameterException {
        SavedQuery saved = Fixture.saved(name);
        List<Map<String, String>> whole = Rows.of(runner.select(saved, values));
        assertTrue(whole.size() > 3, name + " has rows enough to page: " + whole.size());
        for (int size : List.of(1, 3)) {
            AnswerPage first = runner.select(saved, values, new Page(1, size));
            AnswerPage second = runner.select(saved, values, new Page(2, size));
            List<Map<String, String>> both = new ArrayList<>(Rows.of(first.rows()));
            both.addAll(Rows.of(second.rows()));
            assertEquals(whole.subList(0, Math.min(2 * size, whole.size())), both, name + ": pages 1 and 2 of " + size);
            assertEquals(both.size(), new HashSet<>(both).size(), name + ": no row twice");
            assertTrue(first.more(), name + ": more follow page 1");
            assertEquals(whole.size() > 2 * size, second.more(), name + ": more follow page 2");
        }
        int size = 3;
        int last = (whole.size() + size - 1) / size;
        AnswerPage lastPage = runner.select(saved, values, new Page(last, size));
        assertEquals(whole.subList((last - 1) * size, whole.size()), Rows.of(lastPage.rows()), name + ": the last page");
        assertFalse(lastPage.more(), name + ": nothing follows the last page");
        AnswerPage beyond = runner.select(saved, values, new Page(last + 1, size));
        assertEquals(List.of(), Rows.of(beyond.rows()), name + ": a page past the end is empty");
        assertFalse(beyond.more());
    }

    @Test
    void theSavedQueryItselfIsNotCut() throws BadParameterException {
        SavedQuery saved = Fixture.saved("events-by-year");
        runner.select(saved, Map.of("year", "2023"), new Page(1, 1));
        assertTrue(Rows.of(runner.select(saved, Map.of("year", "2023"))).size() > 1,
                "after a page was asked, the whole answer is whole again");
    }

    @Test
    void aPageSizeOutOfRangeIsNoPage() {
        assertThrows(IllegalArgumentException.class, () -> new Page(1, Page.LARGEST_SIZE + 1));
        assertThrows(IllegalArgumentException.class, () -> new Page(0, 10));
    }
}
