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

    /**
     * Names from other sites (../shared/corpus/external2): given names the lexicon lacks, known by a title before
     * them or a surname's ending; initials glued to the surname; Kazakh case suffixes; Latin patronymics.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Работу конференции вела ректор института, сенатор О.Атаниязова. | ru | Атаниязова О.
            Председатель Совета Министров Республики Каракалпакстан К.Сариев от имени Жокаргы Кенеса | ru | Сариев К.
            по вопросам развития региона Приаралья Б.Матмуратов, заместитель министра | ru | Матмуратов Б.
            представитель посольства Швейцарии в нашей стране Вероникка Ульманн и другие. | ru | Ульманн Вероникка
            бельгийским учёным Жан де Месенером, специалистом Европейского центра ВОЗ по ПМСП Зульфией Пировой (Казахстан). | ru | де Месенер Жан; Пирова Зульфия
            Вел заседания заместитель министра здравоохранения Кыргызской Республики Мадамин Каратаев. | ru | Каратаев Мадамин
            кафедру детских болезней им. Н.А. Барлыбаевой – профессор Гулшара Мырзабекова и доцент Шолпан Рамазанова. | ru | Мырзабекова Гулшара; Рамазанова Шолпан
            - Назгуль Абдыразакова | ru | Абдыразакова Назгуль
            аудан әкімінің орынбасары Дәурен Тілеумбетовпен бірге ең алдымен | kk | Тілеумбетов Дәурен
            ауруханасының бас дәрігері Бақыткүл Әлішева да бірге жүрді. | kk | Әлішева Бақыткүл
            Шараға облыс әкімінің орынбасары Бақтияр Мәкен арнайы қатысып | kk | Мәкен Бақтияр
            денсаулық сақтау басқармасының   басшысы Қамидолла Ирменовтың айтуынша | kk | Ирменов Қамидолла
            Ерлан ҚОШАНОВ, ҚР ПАРЛАМЕНТІ МӘЖІЛІСІНІҢ ТӨРАҒАСЫ | kk | Қошанов Ерлан
            Prof. Žilvinas Padaiga, the dean of the International Relations and Studies Centre | en | Padaiga Žilvinas
            during the conference and practical courses: Prof. Eglė Ereminienė, Prof. Edmundas Širvinskas, Assoc. Prof. Aras Puodžiukynas, Assoc. Prof. Olivija Gustienė and Dr. Loreta Jankauskienė. | en | Ereminienė Eglė; Širvinskas Edmundas; Puodžiukynas Aras; Gustienė Olivija; Jankauskienė Loreta
            Surgeries were done by Prof. Rimantas Benetis and Prof. Prakash Punjabi, a well-known cardiac surgeon | en | Benetis Rimantas; Punjabi Prakash
            by the head of the Department of Clinical Laboratory Diagnostics Batyrova G.A., assistants Taskozhina G.E., Baktikulova K.V., head of the Department of Microbiology Kurmangalieva S.S., who acted | en | Batyrova G.A.; Taskozhina G.E.; Baktikulova K.V.; Kurmangalieva S.S.
            greeted by the Rector of International School of Medicine-Akhunbayev Stalbek Mederovich, Deputy Minister-Karatayev Madaminzhan Musaevich, Ministry of Health | en | Akhunbayev Stalbek Mederovich; Karatayev Madaminzhan Musaevich
            the 70th anniversary of the founder of ISM-Professor Sh.M. Chyngyshpayev. | en | Chyngyshpayev Sh.M.
            Doctor of Medical Sciences, Professor Tsoi Gilen Vasilievich. | en | Tsoi Gilen Vasilievich
            Memlekettik hatshysy Q.Kósherbaev, Densaýlyq saqtaý mınıstri A.Soı, DDU-nyń | kk | Kósherbaev Q.; Soı A.
            Eýropalyq ortalyǵynyń basshysy Melıtta Iаkab, DDU-nyń Qazaqstandaǵy ofısiniń | kk | Iаkab Melıtta
            álemge áıgili ǵalym, akademık Tóregeldi Sharmanovty 90 jasqa tolýymen | kk | Sharmanov Tóregeldi
            """)
    void findsNamesFromOtherSites(String sentence, String language, String expected) {
        assertEquals(List.of(expected.split("; ")), names(sentence, Language.fromCode(language)));
    }

    /** Names of the site's other articles (../shared/corpus/hemcenter) that need the same mechanisms. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Работа лидера рейтинга, 9-летней Ажар Шомбиной получила 459 (!) голосов | ru | Шомбина Ажар
            Всегда собранная, внимательная, ответственная, Искуль Искакова никогда не допускала ошибок. | ru | Искакова Искуль
            hematologists of the Karaganda branch Natalya Vyacheslavovna Volobueva and Gulmira Alimovna Alina; and | en | Volobueva Natalya Vyacheslavovna; Alina Gulmira Alimovna
            the drawing by 11-year-old Liza Lvova gathered 317 votes | en | Lvova Liza
            of the Kazakhstan Professional Society of Oncohematologists Raigul Mukhanbetovna Ramazanova, and the leadership | en | Ramazanova Raigul Mukhanbetovna
            we hope to make this a permanent practice,” concluded Dr. Klodzinsky. “Depending on patient needs | en | Klodzinsky
            """)
    void findsNamesOfTheSitesOtherArticles(String sentence, String language, String expected) {
        assertEquals(List.of(expected.split("; ")), names(sentence, Language.fromCode(language)));
    }

    /**
     * The case of a Russian name comes from the words around it where its own form leaves it open: Демидова Л.В. is
     * she, or his genitive (the examples of the issue that asked for it); Вадима Кемайкина is Вадим's genitive after
     * гематолога.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            под руководством главного внештатного гематолога страны Вадима Кемайкина посетила | Кемайкин Вадим
            у Демидова Л.В. | Демидов Л.В.
            доклад Демидова Л.В. | Демидов Л.В.
            выступила Демидова Л.В. | Демидова Л.В.
            заведующая кафедрой Демидова Л.В. | Демидова Л.В.
            с Демидовой Л.В. | Демидова Л.В.
            у Путина В.В. | Путин В.В.
            за рисунок 11-летней Лизы Львовой проголосовало 317 человек | Львова Лиза
            """)
    void readsTheCaseFromTheWordsAround(String phrase, String expected) {
        assertEquals(List.of(expected), names(phrase, Language.RU));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            НАО «КазНМУ им. С.Д. Асфендиярова» (Алматы, Казахстан) | ru
            Центр гематологии благодарит Филиал Новартис Фарма Сервисэз АГ в РК | ru
            Медицинский директор Центра отметил большой интерес к проблеме | ru
            «Гематология орталығы» ЖШС-не патоморфология саласының сарапшысы, акад. И.П. Павлов атындағы Бірінші Санкт-Петербург | kk
            Мероприятие проводилось на базе филиала Центра по адресу: г. Караганда, пр. Сакена Сейфуллина, 17. | ru
            ғылыми орталығының (ҰОТҒО) мамандарының Қазақстан Республикасының өңірлеріне сапары басталды | kk
            Конгреске Түркия, Германия, Польша, Ресей және Беларусь елдерінің нефрологтары | kk
            Kyrgyz-Russian Slavic University named after B. N. Yeltsin, Kyrgyz State Medical Academy named after I.K.Akhunbaev, Osh State University | en
            During the forum, modern trends in laboratory medicine, issues of standardization and development of reference intervals were discussed. | en
            """)
    void findsNoNameWhereThereIsNone(String sentence, String language) {
        assertEquals(List.of(), names(sentence, Language.fromCode(language)));
    }
}
