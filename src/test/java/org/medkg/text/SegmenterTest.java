package org.medkg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

    private static List<String> segments(String text) {
        return Segmenter.segment(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void sentencesEndAtAFullStopBeforeACapitalButNotAfterAnInitial() {
        assertEquals(List.of("Доклады читают медицинский директор Центра, к.м.н. А.А. Клодзинский.",
                        "Обе школы организованы при поддержке РОО «Ассоциация инвалидов – больных гемобластозами»."),
                segments("Доклады читают медицинский директор Центра, к.м.н. А.А. Клодзинский. Обе школы организованы "
                        + "при поддержке РОО «Ассоциация инвалидов – больных гемобластозами»."));
    }

    @Test
    void transliteratedInitialsOfTwoLettersEndNoSentence() {
        String text = "Zh.Yu. Chefranova, Chief Physician of the Regional Clinical Hospital of Belgorod (Russia), visited "
                + "our department as part of a familiarization tour. The guest met the staff.";
        assertEquals(List.of(text.substring(0, text.indexOf(" The guest")), "The guest met the staff."), segments(text));
        assertEquals(2, segments("Консультацию провёл гематолог Ли. Затем состоялась лекция.").size());
    }

    @Test
    void listItemsTableRowsAndTimedLinesAreSegmentsOfTheirOwn() {
        // lines of the hemcenter articles 2021-08-16-hemostasis-school and 2022-11-29-two-patient-schools (kk),
        // as the readers lay out a list, a table and a schedule
        String text = """
                Лекции проводят:
                • И.А. Пивоварова, MD, врач-гематолог высшей категории, генеральный директор ТОО «Центр гематологии»
                2. А.А. Клодзинский, к.м.н., врач-гематолог высшей категории
                | Аты-жөні | Лауазымы
                | И.Г. Баландинская | Қарағанды филиалының директоры
                🕔 17:00 — Көптік миеломаға арналған мектеп
                🕕 18:00 — Миелофиброз және шынайы полицитемияға арналған мектеп
                30 қараша, 17:00 (Алматы уақыты)
                Тақырып: «Көптік миеломасы бар пациенттерге арналған мектеп»""";
        assertEquals(List.of("Лекции проводят:",
                "• И.А. Пивоварова, MD, врач-гематолог высшей категории, генеральный директор ТОО «Центр гематологии»",
                "2. А.А. Клодзинский, к.м.н., врач-гематолог высшей категории",
                "| Аты-жөні | Лауазымы",
                "| И.Г. Баландинская | Қарағанды филиалының директоры",
                "🕔 17:00 — Көптік миеломаға арналған мектеп",
                "🕕 18:00 — Миелофиброз және шынайы полицитемияға арналған мектеп",
                "30 қараша, 17:00 (Алматы уақыты)\nТақырып: «Көптік миеломасы бар пациенттерге арналған мектеп»"),
                segments(text), "a time inside a line starts nothing; lines of a paragraph stay together");
    }

    @Test
    void anItemEndsAtItsLineEnd() {
        // external2/ru-vbkg-urology-congress-bishkek-2025: the author's byline as a dash item, then the report
        assertEquals(List.of("- Назгуль Абдыразакова", "В Бишкеке проходит международная урологическая конференция "
                        + "«Кавказ и Центральная Азия 2025»,\nобъединившая ведущих специалистов."),
                segments("- Назгуль Абдыразакова\nВ Бишкеке проходит международная урологическая конференция "
                        + "«Кавказ и Центральная Азия 2025»,\nобъединившая ведущих специалистов."));
    }
}
