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
 * date a reader finds in it, as ISO (start/end for a range, start/.. when only the start is said), in text order;
 * an empty expectation means no date. The reference is the publication date the sentence is read against.
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
        -            | с 25 мая 2019 года в принятой ВОЗ ICD-11 (МКБ-11) впервые в мировой практике была сформирована рубрика    | 2019-05-25/..
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
        -            | 2017 жылғы 4 тамыздан бастап Гематология орталығы Өскемен қаласындағы бөлімшесінде                        | 2017-08-04/..
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
        # relative to the publication date, which they need
        2021-06-17   | Сегодня состоялось совещание в Мажилисе Парламента РК                                                     | 2021-06-17
        -            | Сегодня состоялось совещание в Мажилисе Парламента РК                                                     |
        2021-06-17   | Today, a meeting was held in the Mazhilis of the Parliament                                               | 2021-06-17
        2022-05-19   | Бүгін сағат 18:30-да ZOOM платформасында «Көптік миеломасы бар пациенттерге арналған виртуалды мектеп» өтеді | 2022-05-19
        2022-05-19   | Join us today at 18:30 on ZOOM for the Virtual Patient School                                             | 2022-05-19
        2021-07-25   | which today includes more than 40 hematology centers nationwide                                           |
        2022-05-21   | На сегодняшний день в нём работают 16 врачей                                                              |
        2022-08-10   | Вчера в Балхаше прошла школа пациентов                                                                    | 2022-08-09
        2022-08-10   | Кеше Балқашта пациенттер мектебі өтті                                                                     | 2022-08-09
        2022-08-10   | Yesterday, a school was held in Balkhash                                                                  | 2022-08-09
        2022-12-13   | Она пройдет онлайн завтра, 14 декабря, в 18.00.                                                           | 2022-12-14
        2022-12-13   | Мектеп онлайн форматта ертең, 14 желтоқсанда, сағат 18:00-де өтеді.                                       | 2022-12-14
        2021-06-09   | В этом году совместно с Медицинским университетом Караганды представили тезис                             | 2021
        2021-06-09   | Биыл Қарағанды медицина университетімен бірлесіп тезис және постерлік баяндама ұсынды                     | 2021
        2022-04-12   | С этого года сотрудники отделения вместе со специалистами ННЦОТ еженедельно обсуждают                     | 2022/..
        2022-04-12   | которыми в течение апреля, мая и июня текущего года, будут охвачены все регионы                          | 2022-04/2022-06
        2022-04-12   | сәуір, мамыр және маусым айларында Қазақстанның барлық өңірлерін қамти отырып                            | 2022-04/2022-06
        2022-04-12   | planned across all regions of Kazakhstan during April, May, and June this year                            | 2022-04/2022-06
        2023-05-20   | в мае этого года                                                                                          | 2023-05
        2023-05-20   | биылғы 20 мамырда                                                                                         | 2023-05-20
        2024-03-01   | Конференция «Гематология сегодня» пройдет в Караганде                                                     |
        # weekdays: a qualifier counts from the publication's week, else the tense decides; none, no date
        2023-05-10   | В пятницу, 12 мая, в Караганде прошла школа пациентов                                                     | 2023-05-12
        2023-05-15   | В пятницу в Караганде прошла школа пациентов                                                              | 2023-05-12
        2023-05-10   | В пятницу в Караганде пройдет школа пациентов                                                             | 2023-05-12
        2023-05-10   | В прошлую субботу состоялась конференция                                                                  | 2023-05-06
        2023-05-10   | В эту пятницу состоится конференция                                                                       | 2023-05-12
        2023-05-15   | On Friday, the conference was opened by the minister                                                      | 2023-05-12
        2023-05-10   | The conference will be held on Friday                                                                     | 2023-05-12
        2023-05-15   | Жұма күні Астанада конференция өтті                                                                       | 2023-05-12
        2023-05-15   | Өткен сенбіде форум өтті                                                                                  | 2023-05-13
        2023-05-10   | Каждую пятницу проводится прием                                                                           |
        2023-05-10   | В пятницу прием                                                                                           |
        -            | В пятницу в Караганде прошла школа пациентов                                                              |
        # more written forms
        -            | 12-го мая 2023 года состоится                                                                             | 2023-05-12
        -            | on May 12th, 2023                                                                                         | 2023-05-12
        -            | on the 12th of May 2023                                                                                   | 2023-05-12
        -            | Sept. 12, 2023                                                                                            | 2023-09-12
        -            | 12 янв. 2024 г.                                                                                           | 2024-01-12
        -            | December 30, 2023 – January 2, 2024                                                                       | 2023-12-30/2024-01-02
        -            | 30 декабря 2023 – 2 января 2024                                                                           | 2023-12-30/2024-01-02
        2023-05-10   | 12-13 мая в Астане                                                                                        | 2023-05-12/2023-05-13
        -            | 12 и 13 мая 2023 года                                                                                     | 2023-05-12/2023-05-13
        -            | May 15 and 16, 2024                                                                                       | 2024-05-15/2024-05-16
        2023-05-10   | 12 мамырда                                                                                                | 2023-05-12
        2023-05-10   | мамырдың 12-сі                                                                                            | 2023-05-12
        -            | 2024 жылдың 12-13 мамыры аралығында                                                                       | 2024-05-12/2024-05-13
        2023-08-10   | 12 мамырдан 15 мамырға дейін                                                                              | 2023-05-12/2023-05-15
        -            | 2018 jylǵy 12 mamyrda                                                                                     | 2018-05-12
        2023-05-10   | 12 qyrkúıekte                                                                                             | 2023-09-12
        2023-05-10   | 12.05 в 18:00                                                                                             | 2023-05-12
        2023-05-10   | с 12.05 по 14.05                                                                                          | 2023-05-12/2023-05-14
        -            | 12/05/2024                                                                                                | 2024-05-12
        -            | 05/13/2024                                                                                                | 2024-05-13
        -            | 2023 ж.                                                                                                   | 2023
        -            | in the year 2023                                                                                          | 2023
        -            | в 2024-м году                                                                                             | 2024
        2023-08-10   | в начале июня                                                                                             | 2023-06
        -            | в конце мая 2024 года                                                                                     | 2024-05
        -            | mid-May 2024                                                                                              | 2024-05
        2022-09-09   | С 19 сентября  на базе НАО «МУК» будет организован дистанционный цикл повышения квалификации              | 2022-09-19/..
        2022-09-09   | Starting September 19, Karaganda Medical University will host a distance continuing education course      | 2022-09-19/..
        2022-09-09   | 📅 19 қыркүйектен бастап «ҚМУ» КЕАҚ базасында қашықтықтан біліктілікті арттыру циклі                      | 2022-09-19/..
        # numbers that are no dates
        2023-08-10   | с 10.00 до 12.05                                                                                          |
        2023-08-10   | рост на 12.05%                                                                                            |
        -            | приуроченная к 30-летию образования данного учебного заведения                                            |
        -            | Трепанобиопсия необходима для проведения гистологического исследования 5 608 пациентов                   |
        """)
    void findsTheDatesOfRealSentences(String reference, String sentence, String expected) {
        DateRecognizer recognizer = reference == null
                ? new DateRecognizer() : new DateRecognizer().withReferenceDate(LocalDate.parse(reference));
        List<Mention> mentions = new ArrayList<>();
        recognizer.recognize(sentence, Language.RU, mentions::add);
        String found = mentions.stream().map(Mention::canonical).collect(Collectors.joining("; "));
        assertEquals(expected == null ? "" : expected, found, sentence);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # reference  | sentence                                                                      | date       | about
        -            | Заявки принимаются до 15 мая 2024 года                                        | 2024-05-15 | deadline
        -            | Deadline for registration: May 10, 2024                                       | 2024-05-10 | deadline
        2024-04-01   | Өтінімдер 15 мамырға дейін қабылданады                                        | 2024-05-15 | deadline
        -            | родился 5 мая 1952 года в Караганде                                           | 1952-05-05 | birth
        -            | 1952 года рождения                                                            | 1952       | birth
        -            | по итогам 2022 года                                                           | 2022       | results
        -            | 2022 жылдың қорытындысы бойынша                                               | 2022       | results
        -            | Институт основан в 1991 году                                                  | 1991       | founding
        -            | к 2025 году                                                                   | 2025       | target
        2023-11-23   | Караганда, 23 ноября 2023 — Сегодня завершилась программа по обмену опытом    | 2023-11-23 | publication
        -            | Караганда, 23 ноября 2023 — Сегодня завершилась программа по обмену опытом    | 2023-11-23 | -
        2023-11-23   | прошла с 21 по 23 ноября 2023 года                                            | 2023-11-21 | -
        -            | В 2020 году Центром гематологии реализовано 6500 дистанционных услуг          | 2020       | -
        """)
    void aDateOfSomethingElseSaysWhatItIsOf(String reference, String sentence, String start, String about) {
        DateRecognizer recognizer = reference == null
                ? new DateRecognizer() : new DateRecognizer().withReferenceDate(LocalDate.parse(reference));
        List<Mention> mentions = new ArrayList<>();
        recognizer.recognize(sentence, Language.RU, mentions::add);
        assertEquals(start, mentions.get(0).field("start"), sentence);
        assertEquals(about, mentions.get(0).field("about"), sentence);
    }

    @Test
    void anOpenStartHasNoEnd() {
        List<Mention> mentions = new ArrayList<>();
        new DateRecognizer().recognize("С 1 июня 2021 года Центр гематологии", Language.RU, mentions::add);

        assertEquals("2021-06-01", mentions.get(0).field("start"));
        assertEquals(null, mentions.get(0).field("end"));
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
        assertEquals("WEEKDAY", new DateRecognizer().withReferenceDate(LocalDate.of(2023, 5, 10))
                .find("в прошлую субботу").get(0).rule());
    }

    @Test
    void aReferenceDateIsRequired() {
        assertThrows(NullPointerException.class, () -> new DateRecognizer().withReferenceDate(null));
    }
}
