package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every saved query over the hand-made contract graph: the row an analyst expects, and one that must not be there. */
class SavedQueriesOnFixtureTest {

    private static QueryRunner runner;

    @BeforeAll
    static void load() {
        Dataset dataset = Fixture.dataset();
        runner = QueryRunner.local(dataset);
    }

    /** query, parameters, column, text some row has there, text no row may have there (or null). */
    static Stream<Arguments> expectations() {
        return Stream.of(
                arguments("events-by-year", Map.of("year", "2024"), "eventLabel",
                        "Аллергология и иммунология: достижения и перспективы", "Школа пациентов в Балхаше"),
                arguments("events-by-year", Map.of("year", "2022"), "type", "School", "Conference"),
                arguments("events-by-city", Map.of("city", "алматы"), "eventLabel",
                        "Заседание Международного объединенного совета", "Острый миелобластный лейкоз"),
                arguments("events-by-type", Map.of("type", "Course"), "eventLabel",
                        "Острый миелобластный лейкоз. От теории к практике", "Заседание"),
                arguments("event-participants", Map.of("event", "Заседание Международного"), "agentLabel",
                        "Нестерова Ирина Вадимовна", "Клодзинский"),
                arguments("expert-profile", Map.of("name", "нестеров"), "itemLabel",
                        "Общество клинической адаптологии и медицинской иммунологии", "Центр гематологии"),
                arguments("expert-profile", Map.of("name", "Ковзель Елена Федоровна"), "itemLabel", "д.м.н.", null),
                arguments("expert-profile", Map.of("name", "Клодзинский", "lang", "kk"), "itemLabel",
                        "медициналық директор", "медицинский директор"),
                arguments("experts-by-qualification", Map.of("qualification", "д.м.н."), "personLabel",
                        "Татаурщикова Наталья Станиславовна", "Битанова"),
                arguments("organizations-by-city", Map.of("city", "Караганда"), "organizationLabel",
                        "Центр гематологии", "Новартис"),
                arguments("organizers-and-sponsors", Map.of("organization", "центр гематологии"), "cityLabel",
                        "Караганда", "Алматы"),
                arguments("organizers-and-sponsors", Map.of(), "agentLabel", "Новартис Фарма Сервисэз АГ", null),
                arguments("people-who-met", Map.of(), "secondLabel", "Пивоварова Ирина Алексеевна", "Чейшвили"),
                arguments("participant-cities", Map.of("event", "заседание"), "cityLabel", "Москва", "Караганда"),
                arguments("documents-mentioning", Map.of("entity", "Клодзинский"), "sourceFile",
                        "data/002_d6f503734638d6f4.txt", "data/000_be1d552f40914512.txt"),
                arguments("events-in-date-range", Map.of("from", "2022-08-10", "to", "2022-08-20"), "eventLabel",
                        "Школа пациентов в Балхаше", "Острый миелобластный лейкоз"),
                arguments("events-in-date-range", Map.of("from", "2024-09-20", "to", "2024-12-31"), "eventLabel",
                        "Аллергология и иммунология", "Заседание"),
                arguments("most-connected-experts", Map.of(), "personLabel", "Клодзинский Антон Анатольевич", null),
                arguments("organizations-by-activity", Map.of(), "organizationLabel", "Центр гематологии", null),
                arguments("cross-border-participation", Map.of("country", "Казахстан"), "personLabel",
                        "Бергер Инна Викторовна", "Нурпеисов"),
                arguments("cities-by-activity", Map.of(), "cityLabel", "Балхаш", null));
    }

    @ParameterizedTest(name = "{0} {1}: {2} has «{3}»")
    @MethodSource("expectations")
    void answersWhatAnAnalystExpects(String name, Map<String, String> values, String column, String expected,
                                     String unexpected) throws BadParameterException {
        List<Map<String, String>> rows = Rows.of(runner.select(Fixture.saved(name), values));
        assertTrue(Rows.anyContains(rows, column, expected), name + " has no " + column + " with «" + expected + "»: " + rows);
        if (unexpected != null) {
            assertFalse(Rows.anyContains(rows, column, unexpected), name + " wrongly has «" + unexpected + "»: " + rows);
        }
    }

    @Test
    void everySavedQueryHasAnExpectation() throws BadQueryException {
        Set<String> saved = SavedQueries.load(Fixture.QUERIES, e -> {
            throw new AssertionError(e.getMessage(), e);
        }).stream().map(SavedQuery::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> tested = expectations().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(saved.size() >= 12, "at least twelve saved queries: " + saved);
        assertEquals(saved, tested);
    }

    @Test
    void labelsComeInTheLanguageAskedWhenTheGraphHasIt() throws BadParameterException {
        SavedQuery participants = Fixture.saved("event-participants");
        List<Map<String, String>> inKazakh = Rows.of(runner.select(participants,
                Map.of("event", "Гематопатология", "lang", "kk")));
        assertTrue(Rows.anyContains(inKazakh, "agentLabel", "Гематология орталығы") || Rows.anyContains(inKazakh,
                "agentLabel", "Қазақстан гематолог-дәрігерлер қоғамы"), inKazakh.toString());
        List<Map<String, String>> inRussian = Rows.of(runner.select(participants, Map.of("event", "Гематопатология")));
        assertTrue(Rows.anyContains(inRussian, "agentLabel", "Казахстанское общество врачей-гематологов"), inRussian.toString());
        assertEquals(inKazakh.size(), inRussian.size(), "one row per agent, whatever the language");
    }
}
