package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every saved query over what the converter makes of the seeds (data/) and the hemcenter articles: each must
 * return a row that a reader of those documents expects (facts from shared/gold). Fails until the converter
 * extracts events, people and organizations; run it with {@code -Dgroups=corpus-queries}.
 */
@Tag("corpus-queries")
class SavedQueriesOnCorpusTest {

    private static QueryRunner runner;

    @BeforeAll
    static void convert() {
        runner = QueryRunner.local(ConvertedCorpus.seedsAndHemcenter());
    }

    /** query, parameters, fragments that one row must hold all together (in any columns). */
    static Stream<Arguments> expectations() {
        return Stream.of(
                // «…прошедшей с 19.09.24 г. по 21.09.24 г. VIII Международной научно-практической конференции «Аллергология и иммунология…»
                arguments("events-by-year", Map.of("year", "2024"), List.of("Аллергология и иммунология", "Алматы")),
                arguments("events-by-city", Map.of("city", "Алматы"), List.of("Аллергология и иммунология")),
                // «С 22 по 24 мая 2024 года в Центре гематологии прошла образовательная программа…»
                arguments("events-by-type", Map.of("type", "Course"), List.of("Острый миелобластный лейкоз")),
                arguments("events-in-date-range", Map.of("from", "2024-05-01", "to", "2024-05-31"),
                        List.of("Острый миелобластный лейкоз", "Караганда")),
                // the meeting of 19.09.2024 in Алматы: «– Нестерова Ирина Вадимовна, д.м.н., профессор…»
                arguments("event-participants", Map.of("event", "Заседание Международного объединенного совета"),
                        List.of("speaker", "Нестерова")),
                arguments("participant-cities", Map.of("event", "Заседание Международного объединенного совета"),
                        List.of("Москва", "Татаурщикова")),
                arguments("expert-profile", Map.of("name", "Нестерова"), List.of("degree", "д.м.н.")),
                arguments("experts-by-qualification", Map.of("qualification", "д.м.н."), List.of("Нурпеисов Таир Темырланович")),
                arguments("documents-mentioning", Map.of("entity", "Нестерова"), List.of("000_be1d552f40914512.txt")),
                // «Мероприятие проводилось на базе филиала Центра по адресу: г. Караганда…»
                arguments("organizers-and-sponsors", Map.of("organization", "Центр гематологии"),
                        List.of("organizer", "Караганда")),
                arguments("organizers-and-sponsors", Map.of(), List.of("sponsor", "Новартис")),
                arguments("organizations-by-city", Map.of("city", "Караганда"), List.of("Центр гематологии")),
                arguments("organizations-by-activity", Map.of(), List.of("Центр гематологии")),
                // Пивоварова and Клодзинский lectured at the hemostasis school in Балхаш (2021) and spoke at the
                // patient school there (2022) and at the hematopathology conference (2023)
                arguments("people-who-met", Map.of(), List.of("Пивоварова", "Клодзинский")),
                arguments("most-connected-experts", Map.of(), List.of("Клодзинский")),
                arguments("cross-border-participation", Map.of("country", "Казахстан"), List.of("Нестерова", "Россия")),
                arguments("cities-by-activity", Map.of(), List.of("Алматы")));
    }

    @ParameterizedTest(name = "{0} {1}: a row with {2}")
    @MethodSource("expectations")
    void answersWhatAReaderOfTheDocumentsExpects(String name, Map<String, String> values, List<String> fragments)
            throws BadParameterException {
        List<Map<String, String>> rows = Rows.of(runner.select(Fixture.saved(name), values));
        assertTrue(rows.stream().map(row -> String.join(" | ", row.values()))
                        .anyMatch(row -> fragments.stream().allMatch(row::contains)),
                name + " has no row with all of " + fragments + ": " + rows.stream().limit(20).toList());
    }

    @Test
    void everySavedQueryHasAnExpectation() throws BadQueryException {
        Set<String> saved = SavedQueries.load(Fixture.QUERIES, e -> {
            throw new AssertionError(e.getMessage(), e);
        }).stream().map(SavedQuery::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = expectations().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(saved, tested);
    }
}
