package org.medkg.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medkg.lang.Language;

/**
 * Sentences quoted from ../shared/corpus (and the forms of the task where the corpus has none), each with every
 * date a reader finds in it, as ISO (start/end for a range), in text order; an empty expectation means no date.
 */
class DateRecognizerTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # reference  | sentence                                                                                                  | expected
        -            | С 22 по 24 мая 2024 года в Центре гематологии прошла образовательная программа по обмену опытом           | 2024-05-22/2024-05-24
        -            | 22 — 24 мая 2024 года с 08:00 до 17:00 часов.                                                             | 2024-05-22/2024-05-24
        -            | В рамках прошедшей с 19.09.24 г. по 21.09.24 г. VIII Международной научно-практической конференции        | 2024-09-19/2024-09-21
        -            | 19.09.24 г. по 21.09.24 г.                                                                                | 2024-09-19/2024-09-21
        -            | г. Алматы (Казахстан) 19.09.2024                                                                          | 2024-09-19
        -            | с 25 мая 2019 года в принятой ВОЗ ICD-11 (МКБ-11) впервые в мировой практике была сформирована рубрика    | 2019-05-25
        -            | Клинические особенности и диагностические критерии ОМЛ согласно классификации ВОЗ 2022.                   |
        -            | Стратификация генетического риска по ELN 2022.                                                            |
        -            | В 2020 году Центром гематологии реализовано 6500 дистанционных услуг                                      | 2020
        -            | Караганда, 23 ноября 2023 — Сегодня завершилась программа по обмену опытом                                | 2023-11-23
        -            | Сакена Сейфуллина, 17, прошла с 21 по 23 ноября 2023 года                                                 | 2023-11-21/2023-11-23
        -            | 22-24 мая 2024 г.                                                                                         | 2024-05-22/2024-05-24
        -            | с 30 мая по 2 июня 2023 г.                                                                                | 2023-05-30/2023-06-02
        -            | с 30 декабря 2023 года по 2 января 2024 года                                                              | 2023-12-30/2024-01-02
        -            | с 30 декабря по 2 января 2024 г.                                                                          | 2023-12-30/2024-01-02
        -            | 22–24.05.2024                                                                                             | 2024-05-22/2024-05-24
        -            | в мае 2024 года                                                                                           | 2024-05
        -            | в 2023 году                                                                                               | 2023
        -            | 31 июня 2024 года                                                                                         |
        -            | Следующий выпуск запланирован на 9 июня                                                                   |
        2022-05-12   | Следующий выпуск запланирован на 9 июня                                                                   | 2022-06-09
        2021-08-16   | ТОО «Центр гематологии» проводит 16-25 августа бесплатную Школу гемостаза для врачей ПМСП                 | 2021-08-16/2021-08-25
        2021-07-12   | В июле генеральный директор Ирина Пивоварова и медицинский директор                                       | 2021-07
        2022-05-12   | 19 мая в 18,30 (по времени Алматы) подключиться к школе можно будет по                                    | 2022-05-19
        2022-01-10   | 15 декабря                                                                                                | 2021-12-15
        2024-05-25   | по телефону службы поддержки пациентов +7 777 079 3165                                                    |
        -            | 2024 жылғы 22–24 мамыр аралығында Гематология орталығында                                                 | 2024-05-22/2024-05-24
        -            | 2024 жылғы 22–24 мамыр, сағат 08:00–17:00.                                                                | 2024-05-22/2024-05-24
        -            | On March 14–16, 2019, an important event for Kazakh hematology took place                                 | 2019-03-14/2019-03-16
        -            | 2019 жылғы 14–16 наурызда Алматыда                                                                        | 2019-03-14/2019-03-16
        -            | 2017 жылғы 4 тамыздан бастап Гематология орталығы Өскемен қаласындағы бөлімшесінде                        | 2017-08-04
        -            | 2024 жылдың 22 мамыры                                                                                     | 2024-05-22
        -            | 2023 жылғы 15 қарашада                                                                                    | 2023-11-15
        -            | 2023 жылғы 30 мамыр – 2 маусым                                                                            | 2023-05-30/2023-06-02
        -            | 📅 Күні: 14 желтоқсан 2022 ж.                                                                             | 2022-12-14
        -            | 2020 жылы Гематология орталығы пациенттерге 6500 қашықтан қызмет көрсетті                                 | 2020
        -            | ELN 2022 және NCCN 2024 ұсынымдарын ескере отырып                                                         |
        2022-05-12   | Жаңа форматтағы бірінші мектеп 19 мамыр күні өтеді                                                        | 2022-05-19
        2024-05-25   | 22-24 мамыр аралығында                                                                                    | 2024-05-22/2024-05-24
        2021-07-12   | Шілде айында бас директор Ирина Пивоварова                                                                | 2021-07
        2022-05-21   | 12 мамырдағы Мейірбике күнін онсыз тойламауды                                                             | 2022-05-12
        -            | May 22–24, 2024, from 08:00 to 17:00                                                                      | 2024-05-22/2024-05-24
        -            | From May 22 to 24, 2024, the Hematology Center hosted                                                     | 2024-05-22/2024-05-24
        -            | 22-24 May 2024                                                                                            | 2024-05-22/2024-05-24
        -            | on November 15, 2022                                                                                      | 2022-11-15
        -            | September 19–21, 2024                                                                                     | 2024-09-19/2024-09-21
        -            | September 28 – October 2, 2024                                                                            | 2024-09-28/2024-10-02
        -            | in May 2024                                                                                               | 2024-05
        -            | Date & Time: December 14, 2022, 18:00 (Almaty time)                                                       | 2022-12-14
        -            | In 2020, the Hematology Center provided 6,500 remote services                                             | 2020
        -            | has been recognized as accredited under Category I for the years 2025–2028 by the Institute               | 2025/2028
        -            | in accordance with ELN 2022 and NCCN 2024 recommendations                                                 |
        -            | according to the 2022 WHO classification                                                                  |
        -            | patients may 22 times                                                                                     |
        2021-07-12   | In July, General Director Irina Pivovarova and Medical Director                                           | 2021-07
        """)
    void findsTheDatesOfRealSentences(String reference, String sentence, String expected) {
        DateRecognizer recognizer = reference == null
                ? new DateRecognizer() : new DateRecognizer().withReferenceDate(LocalDate.parse(reference));
        List<Mention> mentions = new ArrayList<>();
        recognizer.recognize(sentence, Language.RU, mentions::add);
        String found = mentions.stream().map(Mention::canonical).collect(Collectors.joining("; "));
        assertEquals(expected == null ? "" : expected, found, sentence);
    }

    @Test
    void aMentionCarriesItsSpanAndIsoFields() {
        String text = "Сакена Сейфуллина, 17, прошла с 21 по 23 ноября 2023 года.";
        List<Mention> mentions = new ArrayList<>();
        new DateRecognizer().recognize(text, Language.RU, mentions::add);

        Mention date = mentions.get(0);
        assertEquals(EntityKind.DATE, date.kind());
        assertEquals("с 21 по 23 ноября 2023 года", date.surface());
        assertEquals(date.surface(), text.substring(date.start(), date.end()));
        assertEquals("2023-11-21", date.field("start"));
        assertEquals("2023-11-23", date.field("end"));
    }

    @Test
    void aSingleDateStartsAndEndsOnTheSameDay() {
        List<Mention> mentions = new ArrayList<>();
        new DateRecognizer().recognize("On July 25, 2021, at the age of 69", Language.EN, mentions::add);

        assertEquals("2021-07-25", mentions.get(0).field("start"));
        assertEquals("2021-07-25", mentions.get(0).field("end"));
    }

    @Test
    void theRuleThatReadADateIsNamed() {
        assertEquals("KK_DAY_RANGE", new DateRecognizer().find("2024 жылғы 22–24 мамыр").get(0).rule());
    }

    @Test
    void aReferenceDateIsRequired() {
        assertThrows(NullPointerException.class, () -> new DateRecognizer().withReferenceDate(null));
    }
}
