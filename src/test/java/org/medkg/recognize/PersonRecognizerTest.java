package org.medkg.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medkg.lang.Language;
import org.medkg.lang.NameLexicon;
import org.medkg.lang.ru.RussianMorphology;

/** Real sentences from the seeds and the corpus, with the names a reader takes from them, in the nominative. */
class PersonRecognizerTest {

    private static final PersonRecognizer RECOGNIZER = new PersonRecognizer(NameLexicon.get(), RussianMorphology.get());

    private static List<String> names(String text, Language language) {
        List<String> names = new ArrayList<>();
        RECOGNIZER.recognize(text, language, m -> names.add(m.canonical()));
        return names;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            – Нурпеисов Таир Темырланович, д.м.н., профессор, Почётный президент ОАИИР | ru | Нурпеисов Таир Темырланович
            Медицинский директор Центра — Антон Анатольевич Клодзинский  — отметил большой интерес | ru | Клодзинский Антон Анатольевич
            (Нестерова И.В., Москва, Россия) | ru | Нестерова И.В.
            Визит эксперта ПСПбГМУ им. И.П. Павлова Н.В. Макаревич в Центр гематологии | ru | Макаревич Н.В.
            президент ОФ «Казахстанское профессиональное общество онкогематологов» Райгуль Муханбетовна Рамазанова | ru | Рамазанова Райгуль Муханбетовна
            ҚҚ президенті Райгүл Мұқанбетқызы Рамазанова, сондай-ақ | kk | Рамазанова Райгүл Мұқанбетқызы
            заведующая отделением гематологии медицинского центра High Technology г. Тбилиси — проф. Nino Sharashenidze | ru | Sharashenidze Nino
            Почетным гостем мероприятия стал профессор Вадима Валентиновича Байкова | ru | Байков Вадим Валентинович
            благодарность Ирины Алексеевны Пивоваровой | ru | Пивоварова Ирина Алексеевна
            – Ковзель Елена Фёдоровна, д.м.н., профессор | ru | Ковзель Елена Фёдоровна
            the Center’s Medical Director Anton Anatolyevich Klodzinsky | en | Klodzinsky Anton Anatolyevich
            Сондай-ақ В. Г. Савченконың жетекшілігімен қан жүйесі ауруларын диагностикалау алгоритмдері | kk | Савченко В.Г.
            и менеджеру по образованию Акмарал Жусуповой. | ru | Жусупова Акмарал
            """)
    void findsTheNameInTheNominative(String sentence, String language, String expected) {
        assertEquals(List.of(expected), names(sentence, Language.fromCode(language)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            НАО «КазНМУ им. С.Д. Асфендиярова» (Алматы, Казахстан) | ru
            Центр гематологии благодарит Филиал Новартис Фарма Сервисэз АГ в РК | ru
            Медицинский директор Центра отметил большой интерес к проблеме | ru
            «Гематология орталығы» ЖШС-не патоморфология саласының сарапшысы, акад. И.П. Павлов атындағы Бірінші Санкт-Петербург | kk
            Мероприятие проводилось на базе филиала Центра по адресу: г. Караганда, пр. Сакена Сейфуллина, 17. | ru
            """)
    void findsNoNameWhereThereIsNone(String sentence, String language) {
        assertEquals(List.of(), names(sentence, Language.fromCode(language)));
    }
}
