package org.medkg.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medkg.lang.Language;
import org.medkg.lang.ru.RussianMorphology;

/** Organization names from real sentences of the seeds and the corpus, with their normal forms. */
class OrganizationRecognizerTest {

    private static final OrganizationRecognizer RECOGNIZER = new OrganizationRecognizer(RussianMorphology.get(), PlaceRecognizer.standard());

    private static List<String> names(String text, String language) {
        List<String> names = new ArrayList<>();
        RECOGNIZER.recognize(text, Language.fromCode(language), m -> {
            if (m.field("refersTo") == null) {
                names.add(m.canonical());
            }
        });
        return names;
    }

    private static List<String> references(String text, String language) {
        List<String> found = new ArrayList<>();
        RECOGNIZER.recognize(text, Language.fromCode(language), m -> {
            if (m.field("refersTo") != null) {
                found.add(m.field("refersTo") + ": " + m.surface());
            }
        });
        return found;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Зинченко Алёна Васильевна — заместитель директора Карагандинского филиала ТОО | ru | parent: Карагандинского филиала ТОО
            Venue: Karaganda, 17 Saken Seifullin Avenue, Hematology Center, Karaganda Branch | en | parent: Karaganda Branch
            Медицинский директор Центра — Антон Анатольевич Клодзинский | ru | head: Центра
            Presentations will be delivered by the Center’s Medical Director Anton A. Klodzinsky | en | head: Center’s
            өткен кеңесте Орталықтың басшысы Ирина Пивоварова медициналық | kk | head: Орталықтың
            Аталған филиал ҰОТҒО-мен ашылған күннен бастап тығыз әрі нәтижелі жұмыс жүргізіп келеді. | kk | parent: филиал
            """)
    void branchesAndBareHeadsReferToAnOrganizationNamedElsewhere(String sentence, String language, String expected) {
        assertEquals(List.of(expected), references(sentence, language));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            С 22 по 24 мая 2024 года в Центре гематологии прошла образовательная программа | ru | Центр гематологии
            Абдушукурова Гулзада Зафаровна, PhD, ТОО «Сан-Мед Сервис» (Шымкент, Казахстан) | ru | Сан-Мед Сервис
            Булегенова Минира Гусейновна, д.м.н., профессор, Научный центр педиатрии и детской хирургии (Алматы) | ru | Научный центр педиатрии и детской хирургии
            состоялось заседание Международного объединенного совета экспертов по вторичным иммунодефицитам в составе | ru | Международный объединённый совет экспертов по вторичным иммунодефицитам
            заведующая отделением гематологии Германского госпиталя г. Тбилиси | ru | Германский госпиталь
            «Гематология орталығы» ЖШС басшылығы — бас директор | kk | Гематология орталығы
            Санкт-Петербург мемлекеттік медицина университетінің патологиялық анатомия кафедрасының | kk | Санкт-Петербург мемлекеттік медицина университеті
            Chief Hematologist of the Ministry of Health of Uzbekistan, Head of the Transplantation Department | en | Ministry of Health of Uzbekistan
            President of the Kazakhstan Professional Society of Oncohematologists Raigul Mukhanbetovna Ramazanova | en | Kazakhstan Professional Society of Oncohematologists
            Head of the Hematology Department at the German Hospital in Tbilisi, Nino Seskuria. | en | German Hospital
            Deputy Director for Clinical Affairs of the Karaganda Branch of LLP “Center of Hematology,” has been awarded | en | Center of Hematology
            Дәрістерді Гематология орталығының тәжірибелі әрі жоғары білікті дәрігерлері оқиды | kk | Гематология орталығы
            Членами Международного объединенного совета по вторичным иммунодефицитам были сделаны концептуальные доклады | ru | Международный объединённый совет по вторичным иммунодефицитам
            >«Благодарим сотрудников ТОО «Центр гематологии» за насыщенную и плодотворную программу мастер-класса, его высокий профессиональный уровень и актуальность данной темы | ru | Центр гематологии
            Почётный президент ОАИИР, главный аллерголог г. Алматы | ru | ОАИИР
            главный гематолог МЗ РУз, заведующая отделением Трансплантации | ru | МЗ РУз
            Казинформ, подробнее | ru | Казинформ
            Source: Kazinform, read more | en | Kazinform
            главный внештатный аллерголог-иммунолог УЗ Актюбинской области, Председатель | ru | УЗ Актюбинской области
            Наше отделение с ознакомительным визитом посетила главный врач областной клинической больницы г. Белгорода (Россия) | ru | областная клиническая больница г. Белгорода
            проводила для сотрудников «ТОО Центр гематологии города Караганды» семинары | ru | ТОО Центр гематологии
            Врачи «Центра гематологии» участвуют в ежегодной конференции | ru | Центр гематологии
            """)
    void findsTheOrganization(String sentence, String language, String expected) {
        assertEquals(List.of(expected), names(sentence, language));
    }

    /** Sentences of other sites (corpus/external2 and the hemcenter pages): heads with their modifiers, in any case. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            NJSC "Astana Medical University" with the City Hospital No. 2 of Astana are planning to hold a conference | en | Astana Medical University; City Hospital No. 2 of Astana
            Deputy Minister-Karatayev Madaminzhan Musaevich, Ministry of Health of the Kyrgyz Republic and Deputy Minister-Muratov Abdimanap Attokurovich, Ministry of Education and Science of the Kyrgyz Republic. | en | Ministry of Health of the Kyrgyz Republic; Ministry of Education and Science of the Kyrgyz Republic
            the Kyrgyz-Russian Slavic University named after B. N. Yeltsin, Kyrgyz State Medical Academy named after I.K.Akhunbaev, Osh State University and International School of Medicine. | en | Kyrgyz-Russian Slavic University named after B. N. Yeltsin; Kyrgyz State Medical Academy named after I.K.Akhunbaev; Osh State University; International School of Medicine
            residency program: ZKMU named after. Marat Ospanova and Semey Medical University, therefore | en | ZKMU named after. Marat Ospanova; Semey Medical University
            Rector of International School of Medicine-Akhunbayev Stalbek Mederovich gave a congratulatory speech | en | International School of Medicine
            Minister of Health of the Republic of Kazakhstan Akmaral Sharipbaevna Alnazarova visited | en | Ministry of Health of the Republic of Kazakhstan
            заместитель министра высшего и среднего специального образования Республики Узбекистан Ю.Абсоатов | ru | Министерство высшего и среднего специального образования Республики Узбекистан
            заместитель председателя Комитета Сената Олий Мажлиса по вопросам развития региона Приаралья Б.Матмуратов | ru | Комитет Сената Олий Мажлиса по вопросам развития региона Приаралья
            К.Сариев от имени Жокаргы Кенеса и правительства республики сердечно поздравил | ru | Жокаргы Кенес
            депутат Жогорку Кенеша Алмазбек Токторов, руководитель странового офиса | ru | Жогорку Кенеш
            представитель посольства Швейцарии в нашей стране Вероникка Ульманн | ru | посольство Швейцарии
            специалистом Европейского центра ВОЗ по ПМСП Зульфией Пировой (Казахстан). | ru | Европейский центр ВОЗ по ПМСП
            Вел заседания заместитель министра здравоохранения Кыргызской Республики Мадамин Каратаев. | ru | Министерство здравоохранения Кыргызской Республики
            Об этом сообщает пресс-служба Минздрава. | ru | Минздрав
            съезд, организованный Кыргызским государственным медицинским институтом переподготовки и повышения квалификации имени С.Б. Даниярова | ru | Кыргызский государственный медицинский институт переподготовки и повышения квалификации имени С.Б. Даниярова
            Ерлан ҚОШАНОВ, ҚР ПАРЛАМЕНТІ МӘЖІЛІСІНІҢ ТӨРАҒАСЫ | kk | ҚР ПАРЛАМЕНТІ МӘЖІЛІСІ
            Бүгін ҚР Парламенті Мәжілісінде өткен кеңесте | kk | ҚР Парламенті Мәжілісі
            Облыстық мәслихаттың үлкен залында | kk | Облыстық мәслихат
            Сондай-ақ, Қазалы қаласындағы «Шипагер» дәрігерлік амбулаториясының жұмысымен танысты. | kk | «Шипагер» дәрігерлік амбулаториясы
            Мұнан соң «Жетес би» дәрігерлік амбулатория ғимаратының күрделі жөндеу жұмыстарын көрген | kk | «Жетес би» дәрігерлік амбулаториясы
            Олар «AMANAT» партиясының ұйымдастыруымен өткен | kk | «AMANAT» партиясы
            Қазақстан Республикасының Денсаулық сақтау министрі Ақмарал Шәріпбайқызы Әлназарова | kk | Қазақстан Республикасының Денсаулық сақтау министрлігі
            Денсаулық сақтау министрі Ақмарал Шәріпбайқызы Әлназарова Астанадағы «Гематология орталығына» | kk | Гематология орталығы; Денсаулық сақтау министрлігі
            Ýkraınanyń ulttyq densaýlyq saqtaý qyzmetiniń dırektory | kk | Ýkraınanyń ulttyq densaýlyq saqtaý qyzmeti
            Soı, DDU-nyń MSAK jónindegi Eýropalyq ortalyǵynyń basshysy Melıtta Iаkab | kk | DDU-nyń MSAK jónindegi Eýropalyq ortalyǵy
            the dean of the International Relations and Studies Centre, presented the suggested studies and internships at the Lithuanian University of Health Sciences | en | International Relations and Studies Centre; Lithuanian University of Health Sciences
            с лабораторией оценки качества трансплантата НИИ детской онкологии, гематологии и трансплантологии им. Р.М. Горбачевой | ru | НИИ детской онкологии, гематологии и трансплантологии им. Р.М. Горбачевой
            гематологии Минздрава России, профессор, академик РАН Валерий Григорьевич Савченко | ru | Минздрав России; РАН
            сотрудники НИИ антимикробной химиотерапии Смоленского государственного медицинского университета | ru | НИИ антимикробной химиотерапии; Смоленский государственный медицинский университет
            visited the R. M. Gorbacheva Research Institute of Pediatric Oncology, Hematology and Transplantation, the First St. Petersburg State Medical University | en | R. M. Gorbacheva Research Institute of Pediatric Oncology, Hematology and Transplantation; First St. Petersburg State Medical University
            the Russian Research Institute of Hematology and Transfusiology of the Federal Medical-Biological Agency, the City Center | en | Russian Research Institute of Hematology and Transfusiology; Federal Medical-Biological Agency; City Center
            """)
    void findsNamesOfOtherSites(String sentence, String language, String expected) {
        assertEquals(List.of(expected.split("; ")), names(sentence, language));
    }

    /** Things that are built like an organization's name or look like an acronym but are none. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The Organizing Committee will determine the presentation and reports | en
            representatives of universities and research institutes from Russian Federation, Bulgaria, India | en
            Ерлан ҚОШАНОВ айтты | kk
            министр выразила уверенность | ru
            Научно-исследовательская группа гематологических центров России | ru
            о работе журнала Улагатты медицина | ru
            сотрудники филиала Центра | ru
            """)
    void findsNoOrganizationInTheseLookalikes(String sentence, String language) {
        assertEquals(List.of(), names(sentence, language));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Стратификация генетического риска по ELN 2022. | ru
            В рамках программы участники обновили свои знания по следующим ключевым темам | ru
            ЖМЛ-дың клиникалық ерекшеліктері мен диагностикалық критерийлері | kk
            Онлайн-консультации проводятся в ZOOM. | ru
            Клинические особенности и диагностические критерии ОМЛ согласно классификации ВОЗ 2022. | ru
            Venue: Karaganda, 17 Saken Seifullin Avenue, Hematology Center, Karaganda Branch | en
            Зинченко Алёна Васильевна — заместитель директора Карагандинского филиала ТОО | ru
            Светлана Григорьева гематологиялық пациенттердің орталық көктамыр катетерін өңдеуге арналған ең тиімді антисептикті таңдау | kk
            Трансплантацияны қажет ететін науқас Орталыққа жіберілер алдында барлық қажетті көмекті алады | kk
            """)
    void findsNoOrganizationWhereThereIsNone(String sentence, String language) {
        assertEquals(List.of(), names(sentence, language).stream().filter(n -> !n.contains("Hematology")).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Both Schools are organized with the support of the Association of Disabled Patients with Hemoblastoses. | en | Association of Disabled Patients with Hemoblastoses
            Deputy Director for Clinical Affairs Alena Vasilyevna Zinchenko | en | 
            """)
    void findsAtMostThisOrganization(String sentence, String language, String expected) {
        assertEquals(expected == null ? List.of() : List.of(expected), names(sentence, language));
    }

    @Test
    void aLegalFormOnTheNextLineBelongsToTheNameThere() {
        String text = """
                Сегодня в 18.30 на платформе ZOOM состоится «Виртуальная школа пациентов с множественной миеломой»

                ТОО «Центр гематологии» проводит первый выпуск школы пациента в новом формате.""";
        assertEquals(List.of("Центр гематологии"), names(text, "ru"));
    }
}
