package org.medkg.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medkg.lang.Language;
import org.medkg.lang.ru.RussianMorphology;

/** Event words and their titles in real sentences, with the class each gives. */
class EventRecognizerTest {

    private static final EventRecognizer RECOGNIZER = new EventRecognizer(RussianMorphology.get());

    private static String first(String text, String language) {
        List<String> found = new ArrayList<>();
        RECOGNIZER.recognize(text, Language.fromCode(language), m -> found.add(m.field("type") + ": " + m.canonical()));
        return found.isEmpty() ? "" : found.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            В рамках прошедшей VIII Международной научно-практической конференции «Аллергология и иммунология: достижения и перспективы» | ru | Conference: Аллергология и иммунология: достижения и перспективы
            О проведении программы по обмену опытом «Острый миелобластный лейкоз. От теории к практике» | ru | Course: Острый миелобластный лейкоз. От теории к практике
            С 16 по 25 августа 2021 года сотрудники центра провели онлайн школу гемостаза для врачей г. Балхаш. | ru | School: Онлайн школа гемостаза для врачей
            «Гематопатологиядағы мультидисциплинарлық тәсіл» — дәл осылай аталған екі күндік конференцияны | kk | Conference: Гематопатологиядағы мультидисциплинарлық тәсіл
            to participate in the educational program «Acute Myeloblastic Leukemia: From Theory to Practice.» | en | Course: Acute Myeloblastic Leukemia: From Theory to Practice.
            Наше отделение с ознакомительным визитом посетила главный врач | ru | Visit: Наше отделение с ознакомительным визитом посетила главный врач
            ТОО «Центр гематологии» посетил эксперт патоморфологии ПСПбГМУ им. И.П.Павлова – Наталия Владимировна Макаревич | ru | Visit: ТОО «Центр гематологии» посетил эксперт патоморфологии ПСПбГМУ им. И.П.Павлова – Наталия Владимировна Макаревич
            Тема: ШКОЛА ДЛЯ ПАЦИЕНТОВ С МНОЖЕСТВЕННОЙ МИЕЛОМОЙ: КАК ЖИТЬ С МНОЖЕСТВЕННОЙ МИЕЛОМОЙ? | ru | School: ШКОЛА ДЛЯ ПАЦИЕНТОВ С МНОЖЕСТВЕННОЙ МИЕЛОМОЙ
            В 17.00. — Школа по множественной миеломе. | ru | School: Школа по множественной миеломе
            On February 3, 2022, a virtual seminar of the School for Patients with Multiple Myeloma will be held | en | School: virtual seminar of the School for Patients with Multiple Myeloma
            This Patient School will follow an interactive format that | en | School: Patient School
            Ташкент қаласындағы Республикалық мамандандырылған ғылыми-практикалық гематология медициналық орталығынан бағдарламаға гемостаз патологиясы ғылыми бөлімінің басшысы | kk | Course: бағдарламаға
            within the framework of the national competition “Excellence in Healthcare – 2025.” | en | Event: Excellence in Healthcare – 2025.
            In parallel with the conference, an international student Olympiad on anatomy and operative surgery was held | en | Conference: conference
            an international student Olympiad on anatomy and operative surgery was held, where 13 teams | en | Event: international student Olympiad on anatomy and operative surgery
            are planning to hold a conference: "Selected issues of surgery and medical education", in honor | en | Conference: Selected issues of surgery and medical education
            В школах этого года уже дважды встречи проводились в формате «вопрос-ответ». | ru | School: Школа этого года
            Ал биыл екі рет кездесулер «сұрақ-жауап» үлгісінде өтті. | kk | Meeting: биыл екі рет кездесулер
            Біздің әріптесіміз Алматы қаласында өткен халықаралық нефрология конгресіне – «ВАЖНАЯ ВЕХА: нефрологияның көпқырлы бағыттары мен тұжырымдамалық тәсілдері» қатысып қайтты. | kk | Congress: ВАЖНАЯ ВЕХА: нефрологияның көпқырлы бағыттары мен тұжырымдамалық тәсілдері
            «Лейкоздар мен лимфомалар. Терапия және іргелі зерттеулер» атты бірегей дәрігерлік мектеп құрылды | kk | School: Лейкоздар мен лимфомалар. Терапия және іргелі зерттеулер
            «Гемопоэтикалық бағаналы жасушаларды трансплантациялау. Гендік және жасушалық терапия» атты XIII халықаралық симпозиумға | kk | Symposium: Гемопоэтикалық бағаналы жасушаларды трансплантациялау. Гендік және жасушалық терапия
            практикалық сабақтар мен шеберлік сыныптарын өткізді | kk | MasterClass: практикалық сабақтар мен шеберлік сыныптарын
            событие — первый European Hematology Association Tutorial в Казахстане, в котором с докладами | ru | Course: European Hematology Association Tutorial
            Раньше в школах пациента были заранее определены не только темы | ru | School: Школа пациента
            Konferensııa alańdarynda otandyq jáne sheteldik sarapshylar COVID-19 pandemııasymen kúres boıynsha pikir almasady. | kk | Conference: Konferensııa
            Forým postkeńestik keńistiktegi elderdiń densaýlyq saqtaý júıesiniń | kk | Forum: Forým
            Бүгін ҚР Парламенті Мәжілісінде өткен кеңесте Орталықтың басшысы Ирина Пивоварова | kk | Meeting: өткен кеңесте
            """)
    void findsTheEventAndItsTitle(String sentence, String language, String expected) {
        assertEquals(expected, first(sentence, language));
    }

    /**
     * No event: Russian event words are nouns, and a verb that starts alike names nothing (Ее участники встречались
     * с врачами); an English name in Russian text is an event's only when it holds an English event word.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Ее участники встречались с врачами-спикерами лично. | ru
            Участники встречаются с врачами каждую неделю. | ru
            заведующая отделением гематологии медицинского центра High Technology г. Тбилиси — проф. Nino Sharashenidze | ru
            """)
    void namesNoEvent(String sentence, String language) {
        assertEquals("", first(sentence, language));
    }

    /** A session of a series takes the series' type: the Kazakh series stands before the session word. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ұйымдастырған көптік миеломасы бар пациенттер мектебінің виртуалды семинары өтеді. | kk | School
            03 февраля 2022 года состоится виртуальный семинар Школы пациентов с множественной миеломой | ru | School
            """)
    void aSessionOfASeriesBelongsToTheSeries(String sentence, String language, String type) {
        List<String> types = new ArrayList<>();
        RECOGNIZER.recognize(sentence, Language.fromCode(language), m -> types.add(m.field("type")));
        assertEquals(List.of(type), types.stream().distinct().toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Составить реестр заболеваний, при которых имеется риск | ru
            The expected number of participants is up to 16. | en
            Подключиться к конференции Zoom | ru
            Идентификатор конференции: 849 8905 2567 | ru
            🆔 Конференция идентификаторы: 849 8905 2567 | kk
            Conference ID: 849 8905 2567 | en
            53 000-нан астам кеңес берілді, 5 608 пациент қан ауруларымен диспансерлік есепте тұр. | kk
            кафедрасының профессоры Людмила Тургунова бірден қажетті жауаптар мен кеңестер берді. | kk
            """)
    void findsNoEventWhereThereIsNone(String sentence, String language) {
        assertEquals("", first(sentence, language));
    }

    /** A quoted name in the next paragraph is not the title of the event word that ends this one. */
    @org.junit.jupiter.api.Test
    void aTitleInTheNextParagraphIsNotTheEventsTitle() {
        String text = "🕕 18:00 — Миелофиброз және шынайы полицитемияға арналған мектеп\n\n"
                + "«Гематология орталығы» барлық қызығушылық танытқандарды ZOOM конференциясына қосылуға шақырады.";
        assertEquals("School: шынайы полицитемияға арналған мектеп", first(text, "kk"));
    }
}
