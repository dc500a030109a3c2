package org.medkg.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkg.document.SourceDocument;
import org.medkg.lang.Language;
import org.medkg.recognize.EntityKind;
import org.medkg.recognize.Recognizers;

/**
 * An event is dated by what its own sentences say, counted from the publication date when they say it relatively,
 * never by the dateline or by a date of something else nearby. Paragraphs quoted from articles of
 * ../shared/corpus/hemcenter that the dev gold does not hold, with the date a careful reader gives the event.
 */
class EventDatesTest {

    private static final DocumentAnalyzer ANALYZER = new DocumentAnalyzer(Recognizers.standard());

    /** The dates of the one event whose name holds the word, as "start..end" (null where not given). */
    private static String datesOf(String word, String title, String text, Language language, LocalDate published) {
        DocumentAnalysis analysis = ANALYZER.analyze(
                new SourceDocument("test.md", "0".repeat(64), language, title, published, text));
        List<LocalEntity> events = analysis.entities().stream()
                .filter(e -> e.kind() == EntityKind.EVENT)
                .filter(e -> e.label().toLowerCase().contains(word) || e.altLabels().stream()
                        .anyMatch(label -> label.toLowerCase().contains(word)))
                .toList();
        assertEquals(1, events.size(), "events named with «" + word + "»: " + analysis.entities());
        return events.get(0).attribute("start") + ".." + events.get(0).attribute("end");
    }

    @Test
    void todayInTheEventsSentenceIsThePublicationDayNotAYearOfTheNextParagraph() {
        String text = """
                Сегодня состоялось совещание в Мажилисе Парламента РК, где руководитель Центра Пивоварова Ирина \
                выступила с анализом проблем в области цифровизации медицинских услуг.

                Одним из векторов цифровизации является реализация дистанционных услуг. В 2020 году Центром \
                гематологии реализовано 6500 дистанционных услуг для пациентов.""";
        assertEquals("2021-06-17..2021-06-17",
                datesOf("совещание", "Диалог с властью", text, Language.RU, LocalDate.of(2021, 6, 17)));
    }

    @Test
    void theDatelineIsThePagesDateAndARangeSaysMoreThanToday() {
        String text = """
                Караганда, 23 ноября 2023 — Сегодня завершилась программа по обмену опытом для специалистов \
                здравоохранения, посвященная диагностике и лечению хронических миелопролиферативных заболеваний \
                (МПН). Программа, проводимая в Филиале «Центр гематологии города Караганды» по адресу \
                пр. Сакена Сейфуллина, 17, прошла с 21 по 23 ноября 2023 года.""";
        assertEquals("2023-11-21..2023-11-23", datesOf("программа",
                "О проведении программы по обмену опытом на тему: Миелопролиферативные новообразования",
                text, Language.RU, LocalDate.of(2023, 11, 23)));
    }

    @Test
    void thisYearInTheSentenceRightAfterTheEventsIsItsYear() {
        String text = """
                Врачи «Центра гематологии» участвуют в ежегодной конференции Европейской гематологической \
                ассоциации (EHA).

                В этом году совместно с Медицинским университетом Караганды представили тезис и постерный доклад.""";
        assertEquals("2021..2021",
                datesOf("конференц", "Наши врачи на EHA", text, Language.RU, LocalDate.of(2021, 6, 9)));
    }

    @Test
    void aYearParagraphsAwayIsTheHistoryOfSomethingElse() {
        String text = """
                Под руководством Валерия Григорьевича была создана уникальная врачебная Школа «Лейкозы и лимфомы. \
                Терапия и фундаментальные исследования». В рамках этой Школы выполняются клинические \
                многоцентровые исследования по лечению острых лейкозов.

                В рамках кропотливого кооперированного взаимодействия пролечены и активно живут тысячи больных.

                Под руководством В. Г. Савченко были разработаны алгоритмы диагностики и протоколы лечения \
                заболеваний системы крови, обновленный двухтомный сборник выпущен в 2018 г.""";
        assertEquals("null..null",
                datesOf("лейкозы", null, text, Language.RU, LocalDate.of(2021, 7, 25)));
    }

    @Test
    void todayInThePresentTenseIsNowadaysNoDay() {
        String text = """
                He also established the unique medical school “Leukemias and Lymphomas: Therapy and Fundamental \
                Research”, within which multicenter clinical studies on the treatment of acute leukemias have been \
                conducted.

                The multicenter study on acute leukemia treatment formed the foundation for creating the Research \
                Group of Hematology Centers of Russia, which today includes more than 40 hematology centers nationwide.""";
        assertEquals("null..null",
                datesOf("leukemias", null, text, Language.EN, LocalDate.of(2021, 7, 25)));
    }

    @Test
    void aStartWithoutAnEndLeavesTheEndOpen() {
        String text = """
                Starting September 19, Karaganda Medical University will host a distance continuing education course \
                “Obstetric Hematology” (2 weeks, 120 hours).""";
        String dates = datesOf("obstetric", "Learn with Us!", text, Language.EN, LocalDate.of(2022, 9, 9));
        assertEquals("2022-09-19..null", dates);
    }

    @Test
    void yesterdayIsTheDayBeforeThePublication() {
        String text = "Вчера в Балхаше прошла школа пациентов ТОО «Центр гематологии» в очном формате.";
        assertEquals("2022-08-04..2022-08-04",
                datesOf("школа", null, text, Language.RU, LocalDate.of(2022, 8, 5)));
    }

    @Test
    void aDeadlineInTheEventsSentenceIsNotItsDate() {
        String text = "Конференция «Гематология сегодня» пройдет в Караганде 12 мая 2024 года; "
                + "заявки на участие принимаются до 15 апреля 2024 года.";
        assertEquals("2024-05-12..2024-05-12",
                datesOf("гематология", null, text, Language.RU, LocalDate.of(2024, 3, 1)));
        String late = "Заявки на участие в конференции «Гематология сегодня» принимаются до 15 апреля 2024 года.";
        assertNull(ANALYZER.analyze(new SourceDocument("test.md", "0".repeat(64), Language.RU, null,
                LocalDate.of(2024, 3, 1), late)).entities().stream()
                .filter(e -> e.kind() == EntityKind.EVENT).findFirst().map(e -> e.attribute("start")).orElse(null));
    }
}
