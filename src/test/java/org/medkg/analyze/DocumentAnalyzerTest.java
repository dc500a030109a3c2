package org.medkg.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medkg.document.SourceDocument;
import org.medkg.lang.Language;
import org.medkg.recognize.EntityKind;
import org.medkg.recognize.Recognizers;
import org.medkg.text.TextNormalizer;

/** Relations read from real paragraphs of the seeds and the corpus. */
class DocumentAnalyzerTest {

    private static final DocumentAnalyzer ANALYZER = new DocumentAnalyzer(Recognizers.standard());

    private static DocumentAnalysis analyze(String text, Language language, LocalDate published) {
        return analyze(null, text, language, published);
    }

    private static DocumentAnalysis analyze(String title, String text, Language language, LocalDate published) {
        return ANALYZER.analyze(new SourceDocument("test.md", "0".repeat(64), language, title, published, text));
    }

    /** The document's one event takes place in {@code city}. */
    private static void assertEventCity(DocumentAnalysis analysis, String city) {
        Set<String> facts = AnalysisFacts.of(analysis);
        assertTrue(facts.contains(onlyEvent(analysis).label() + " | city | " + city), facts.toString());
    }

    /** The document's one event is given no city. */
    private static void assertNoEventCity(DocumentAnalysis analysis) {
        Set<String> facts = AnalysisFacts.of(analysis);
        String event = onlyEvent(analysis).label();
        assertTrue(facts.stream().noneMatch(f -> f.startsWith(event + " | city | ")), facts.toString());
    }

    private static LocalEntity onlyEvent(DocumentAnalysis analysis) {
        var events = analysis.entities().stream().filter(e -> e.kind() == EntityKind.EVENT).toList();
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    @Test
    void programmeWithItsDatesCityOrganizerSponsorAndParticipants() {
        String text = """
                С 22 по 24 мая 2024 года в Центре гематологии прошла образовательная программа по обмену опытом \
                для специалистов здравоохранения. Мероприятие проводилось на базе филиала Центра по адресу: \
                г. Караганда, пр. Сакена Сейфуллина, 17.

                В программе приняли участие 12 докторов из различных городов Казахстана, а также гости из-за \
                рубежа: заведующая отделением гематологии медицинского центра High Technology г. Тбилиси — проф. \
                Nino Sharashenidze.

                Также Центр гематологии благодарит Филиал Новартис Фарма Сервисэз АГ в РК за оказанную поддержку \
                в проведении мероприятия.""";
        DocumentAnalysis analysis = analyze(text, Language.RU, LocalDate.of(2024, 5, 25));
        LocalEntity event = onlyEvent(analysis);
        assertEquals("2024-05-22", event.attribute("start"));
        assertEquals("2024-05-24", event.attribute("end"));
        assertEquals("Course", event.attribute("type"));
        Set<String> facts = AnalysisFacts.of(analysis);
        String name = event.label();
        assertTrue(facts.contains(name + " | city | Караганда"), facts.toString());
        assertTrue(facts.contains(name + " | organizer | Центр гематологии"), facts.toString());
        assertTrue(facts.contains(name + " | sponsor | Филиал Новартис Фарма Сервисэз АГ"), facts.toString());
        assertTrue(facts.contains(name + " | participant | Sharashenidze Nino"), facts.toString());
        assertTrue(facts.contains("Sharashenidze Nino | affiliation | медицинский центр High Technology"), facts.toString());
        assertTrue(facts.contains("Sharashenidze Nino | academicTitle | профессор"), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.contains("Сейфуллин")), "a street is not a person: " + facts);
    }

    @Test
    void kazakhPutsTheSupporterBeforeTheWordsOfSupportAndThanks() {
        String text = """
                2024 жылғы 22–24 мамыр аралығында Гематология орталығында жедел миелобластты лейкозды (ЖМЛ) \
                диагностикалау және емдеумен айналысатын денсаулық сақтау мамандарына арналған тәжірибе алмасу \
                бағдарламасы өтті.

                Сондай-ақ, іс-шараны өткізуге қолдау көрсеткені үшін Novartis Pharma Services AG компаниясының \
                Қазақстан Республикасындағы филиалына Гематология орталығы ризашылығын білдіреді.""";
        DocumentAnalysis analysis = analyze(text, Language.KK, LocalDate.of(2024, 5, 25));
        LocalEntity event = onlyEvent(analysis);
        assertEquals("2024-05-22", event.attribute("start"));
        Set<String> facts = AnalysisFacts.of(analysis);
        String name = event.label();
        assertTrue(facts.contains(name + " | organizer | Гематология орталығы"), facts.toString());
        assertTrue(facts.contains(name + " | sponsor | Novartis Pharma Services AG компаниясы"), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.contains("sponsor | Гематология")), facts.toString());
    }

    @Test
    void membersListedAfterTheMeetingTakePartInItAndTalkAuthorsSpeak() {
        String text = """
                состоялось заседание Международного объединенного совета экспертов по вторичным иммунодефицитам в составе:
                – Нурпеисов Таир Темырланович, д.м.н., профессор, Почётный президент ОАИИР (Алматы, Казахстан);
                – Нестерова Ирина Вадимовна, д.м.н., профессор (Москва, РФ);

                Членами совета были сделаны концептуальные доклады:
                «Вторичные иммунодефициты – болезни иммунной системы» (Нестерова И.В., Москва, Россия);""";
        DocumentAnalysis analysis = analyze(text, Language.RU, null);
        LocalEntity meeting = onlyEvent(analysis);
        assertEquals("Meeting", meeting.attribute("type"));
        Set<String> facts = AnalysisFacts.of(analysis);
        String name = meeting.label();
        assertTrue(facts.contains(name + " | participant | Нурпеисов Таир Темырланович"), facts.toString());
        assertTrue(facts.contains(name + " | speaker | Нестерова Ирина Вадимовна"), facts.toString());
        assertTrue(facts.contains("Нурпеисов Таир Темырланович | degree | д.м.н."), facts.toString());
        assertTrue(facts.contains("Нурпеисов Таир Темырланович | affiliation | ОАИИР"), facts.toString());
        assertTrue(facts.contains("Нурпеисов Таир Темырланович | city | Алматы"), facts.toString());
        assertEquals(2, analysis.entities().stream().filter(e -> e.kind() == EntityKind.PERSON).count(),
                "Нестерова И.В. is the same person as Нестерова Ирина Вадимовна");
    }

    @Test
    void anAcronymInBracketsAfterTheNameIsTheSameOrganization() {
        String text = "«Гематология орталығы» ЖШС-не патоморфология саласының сарапшысы, акад. И.П. Павлов атындағы "
                + "Бірінші Санкт-Петербург мемлекеттік медицина университетінің (ПСПбГМУ) өкілі – Наталия "
                + "Владимировна Макаревич келді.";
        DocumentAnalysis analysis = analyze(text, Language.KK, null);
        var universities = analysis.entities().stream()
                .filter(e -> e.kind() == EntityKind.ORGANIZATION && !e.label().contains("Гематология")).toList();
        assertEquals(1, universities.size(), universities.toString());
        LocalEntity university = universities.get(0);
        assertTrue(university.label().startsWith("Бірінші Санкт-Петербург"), university.label());
        assertTrue(university.altLabels().contains("ПСПбГМУ"), university.altLabels().toString());
        assertEquals("ПСПбГМУ", university.attribute(LocalEntity.SPELLED_OUT_ACRONYM));
    }

    @Test
    void anEventTitledWithItsYearAndGivenNoDateHappensThatYear() {
        String text = "Alyona Vasilievna Zinchenko, Deputy Director for Clinical Affairs of the Karaganda Branch of LLP "
                + "“Center of Hematology,” has been awarded the honorary badge “Excellence in Healthcare” within the "
                + "framework of the national competition “Excellence in Healthcare – 2025.”";
        LocalEntity competition = onlyEvent(analyze(text, Language.EN, LocalDate.of(2025, 10, 29)));
        assertEquals("2025", competition.attribute("start"));
        assertEquals("2025", competition.attribute("end"));
    }

    @Test
    void aBranchNamedWithItsParentLeavesThePersonToTheParent() {
        String text = "Заместитель директора по клинической работе Карагандинского филиала ТОО «Центр гематологии» "
                + "Алёна Васильевна Зинченко награждена почётным нагрудным знаком «Денсаулық сақтау ісінің үздігі» "
                + "(«Отличник здравоохранения»).";
        Set<String> facts = AnalysisFacts.of(analyze(text, Language.RU, LocalDate.of(2025, 10, 29)));
        assertTrue(facts.contains("Зинченко Алёна Васильевна | affiliation | Центр гематологии"), facts.toString());
    }

    @Test
    void peopleFromTheOrganizationNamedAfterFromTheBelongToIt() {
        String text = "From the Republican Specialized Scientific and Practical Medical Center of Hematology in Tashkent, "
                + "participants included the Head of the Scientific Department of Hemostasis Pathology and Deputy Chief "
                + "Physician, Inna Viktorovna Berger, and the Chief Hematologist of the Ministry of Health of Uzbekistan, "
                + "Head of the Transplantation Department, Gulchekhra Zukhriddinovna Makhamadalieva.";
        Set<String> facts = AnalysisFacts.of(analyze(text, Language.EN, LocalDate.of(2024, 5, 25)));
        String center = "Republican Specialized Scientific and Practical Medical Center of Hematology";
        assertTrue(facts.contains("Berger Inna Viktorovna | affiliation | " + center), facts.toString());
        assertTrue(facts.contains("Makhamadalieva Gulchekhra Zukhriddinovna | affiliation | " + center), facts.toString());
    }

    private static java.util.List<LocalEntity> events(DocumentAnalysis analysis) {
        return analysis.entities().stream().filter(e -> e.kind() == EntityKind.EVENT).toList();
    }

    @Test
    void aScheduleOfTimedLinesAnnouncesOneEventPerLineAndBracketsTellWhoSpeaksWhere() {
        String text = """
                30 ноября в онлайн-формате пройдут сразу две Школы пациентов

                В 17.00. — Школа по множественной миеломе.
                В 18.00. — Школа по миелофиброзу и истинной полицитемии.

                Обе школы организованы при поддержке РОО «Ассоциация инвалидов – больных гемобластозами». \
                Доклады читают медицинский директор Центра, к.м.н. А.А. Клодзинский, руководитель Службы поддержки \
                пациентов М.С. Чейшвили (школа, посвященная множественной миеломе), а также врачи-гематологи \
                И.В. Механцева и О.В. Брунер (школа, посвященная миелофиброзу и истинной полицитемии).""";
        DocumentAnalysis analysis = analyze(text, Language.RU, LocalDate.of(2022, 11, 29));
        var events = events(analysis);
        assertEquals(java.util.List.of("Школа по множественной миеломе", "Школа по миелофиброзу и истинной полицитемии"),
                events.stream().map(LocalEntity::label).toList());
        events.forEach(e -> assertEquals("2022-11-30", e.attribute("start"), e.label()));
        Set<String> facts = AnalysisFacts.of(analysis);
        for (LocalEntity school : events) {
            assertTrue(facts.contains(school.label() + " | sponsor | Ассоциация инвалидов – больных гемобластозами"),
                    facts.toString());
        }
        assertTrue(facts.contains("Школа по множественной миеломе | speaker | Чейшвили М.С."), facts.toString());
        assertTrue(facts.contains("Школа по миелофиброзу и истинной полицитемии | speaker | Брунер О.В."), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.startsWith("Школа по множественной миеломе | speaker | Брунер")),
                facts.toString());
    }

    @Test
    void theNextSessionOfASeriesWithItsOwnDateIsASecondEventOfTheSeries() {
        String text = """
                С мая выпуски традиционной виртуальной школы пациента ТОО «Центр гематологии» пройдут в новом формате!

                Первая школа в новом формате пройдет 19 мая. Она будет посвящена множественной миеломе.

                Следующий выпуск запланирован на 9 июня. Его тема – хронический лимфолейкоз.""";
        var events = events(analyze(text, Language.RU, LocalDate.of(2022, 5, 12)));
        assertEquals(java.util.List.of("2022-05-19 School", "2022-06-09 School"),
                events.stream().map(e -> e.attribute("start") + " " + e.attribute("type")).toList());
    }

    @Test
    void anOrdinalStandingAloneBeforeACommaIsTheNextSessionNamedByItsClause() {
        String russian = """
                Первая школа в новом формате прошла 19 мая и была посвящена множественной миеломе. Вторая, \
                посвященная хроническому лимфолейкозу, состоялась 9 июня.""";
        String english = """
                The first School in the new format was held on May 19 and was dedicated to multiple myeloma. The \
                second, focusing on chronic lymphocytic leukemia, took place on June 9.""";
        var ru = events(analyze(russian, Language.RU, LocalDate.of(2022, 6, 12)));
        var en = events(analyze(english, Language.EN, LocalDate.of(2022, 6, 12)));
        assertEquals(java.util.List.of("2022-05-19", "2022-06-09 Школа, посвященная хроническому лимфолейкозу"),
                ru.stream().map(e -> e.attribute("start") + (e == ru.get(0) ? "" : " " + e.label())).toList());
        assertEquals(java.util.List.of("2022-05-19", "2022-06-09 School, focusing on chronic lymphocytic leukemia"),
                en.stream().map(e -> e.attribute("start") + (e == en.get(0) ? "" : " " + e.label())).toList());
    }

    @Test
    void anEnglishNextSessionTakesTheSeriesType() {
        String text = """
                The first School in the new format will be held on May 19 and will be dedicated to multiple myeloma.

                The next session is scheduled for June 9, focusing on chronic lymphocytic leukemia (CLL).""";
        var events = events(analyze(text, Language.EN, LocalDate.of(2022, 5, 12)));
        assertEquals(java.util.List.of("2022-05-19 School", "2022-06-09 School"),
                events.stream().map(e -> e.attribute("start") + " " + e.attribute("type")).toList());
    }

    @Test
    void aWorkshopAndALectureGivenDuringAVisitAreEventsOfTheirOwn() {
        String text = """
                Эксперт по проточной цитометрии и криоконсервированию гемопоэтических стволовых клеток Е.В. Бабенко \
                провела практикум для казахстанских гематологов и врачей лабораторной диагностики и положительно \
                оценила работу филиалов ТОО «Центр гематологии».

                Кроме того, приглашенный эксперт прочитала лекцию по иммунофенотипированию для сотрудников \
                Национального научного онкологического центра и ТОО «Центр гематологии» в очном формате с \
                онлайн-трансляцией.""";
        var events = events(analyze("Визит эксперта", text, Language.RU, LocalDate.of(2022, 7, 20)));
        assertEquals(java.util.List.of("Visit Визит эксперта", "Workshop Практикум для казахстанских гематологов и врачей "
                        + "лабораторной диагностики", "Seminar Лекция по иммунофенотипированию для сотрудников Национального научного "
                        + "онкологического центра"),
                events.stream().map(e -> e.attribute("type") + " " + e.label()).toList());
    }

    @Test
    void seminarsInThePluralDuringAVisitNameTheVisitNotAnEventOfTheirOwn() {
        String text = """
                Center was visited by Natalia Vladimirovna Makarevich, an expert in pathomorphology from Pavlov \
                First Saint Petersburg State Medical University.

                As a senior laboratory assistant of the Research and Clinical Center of Pathomorphology of Pavlov First \
                Saint Petersburg State Medical University, she spent several days conducting seminars, practical \
                sessions, and master classes for the staff of LLP Hematology Center, Karaganda branch.""";
        var events = events(analyze(text, Language.EN, LocalDate.of(2022, 8, 18)));
        assertEquals(java.util.List.of("Visit"), events.stream().map(e -> e.attribute("type")).toList());
    }

    @Test
    void thePersonResponsibleForAnEventOrganizesIt() {
        String text = """
                Центр гематологии приглашает специалистов здравоохранения, занимающихся диагностикой и лечением \
                острого миелобластного лейкоза (ОМЛ), принять участие в образовательной программе «Острый \
                миелобластный лейкоз. От теории к практике».

                Ответственное лицо за реализацию мероприятия:  Жусупова Акмарал Канатовна
                Телефон: +7701 303 2134""";
        DocumentAnalysis analysis = analyze(text, Language.RU, LocalDate.of(2024, 4, 5));
        String event = onlyEvent(analysis).label();
        Set<String> facts = AnalysisFacts.of(analysis);
        assertTrue(facts.contains(event + " | organizer | Жусупова Акмарал Канатовна"), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.contains("participant | Жусупова")), facts.toString());
    }

    @Test
    void aShortFormOfAnOrganizationsNameIsThatOrganizationAgain() {
        String text = """
                состоялось заседание Международного объединенного совета экспертов по вторичным иммунодефицитам в составе:
                – Нурпеисов Таир Темырланович, д.м.н., профессор, Почётный президент ОАИИР (Алматы, Казахстан);

                Членами Международного объединенного совета по вторичным иммунодефицитам были сделаны концептуальные \
                доклады, посвященные проблемам диагностики и лечения пациентов со вторичными иммунодефицитами.""";
        var councils = analyze(text, Language.RU, null).entities().stream()
                .filter(e -> e.kind() == EntityKind.ORGANIZATION && e.label().contains("совет")).toList();
        assertEquals(1, councils.size(), councils.toString());
        assertEquals("Международный объединённый совет экспертов по вторичным иммунодефицитам", councils.get(0).label());
    }

    @Test
    void aLabelLineGivesTheRoleOfTheOrganizationAfterItsColon() {
        String text = """
                Гематология орталығы жедел миелобластты лейкозды (ЖМЛ) диагностикалау және емдеумен айналысатын денсаулық сақтау мамандарын «Жедел миелобластты лейкоз. Теориядан тәжірибеге» атты білім беру бағдарламасына қатысуға шақырады.

                Іс-шараны қолдаушы: Қазақстан Республикасындағы Novartis Pharma Services AG компаниясының филиалы""";
        DocumentAnalysis analysis = analyze(text, Language.KK, LocalDate.of(2024, 4, 5));
        String event = onlyEvent(analysis).label();
        Set<String> facts = AnalysisFacts.of(analysis);
        assertTrue(facts.contains(event + " | sponsor | Novartis Pharma Services AG компаниясының филиалы"), facts.toString());
    }

    @Test
    void everyOrganizationOfAListThatAnOrganizersCueGovernsOrganizes() {
        // The second sentence, a shape the corpus lacks (organizers named apart from the event), lists the organizers
        // that the congress report external2/ru-ksma-family-doctors-congress-bishkek names.
        String text = """
                В Бишкеке 16 мая начал свою работу третий съезд врачей общей практики и семейных врачей Кыргызстана.

                Организаторами выступили Министерство здравоохранения Кыргызской Республики, Ассоциация семейных врачей \
                и семейных медсестер Кыргызстана и КГМА имени И.К. Ахунбаева.""";
        DocumentAnalysis analysis = analyze(text, Language.RU, null);
        String event = onlyEvent(analysis).label();
        Set<String> facts = AnalysisFacts.of(analysis);
        assertTrue(facts.contains(event + " | organizer | Министерство здравоохранения Кыргызской Республики"), facts.toString());
        assertTrue(facts.contains(event + " | organizer | Ассоциация семейных врачей и семейных медсестер Кыргызстана"),
                facts.toString());
        assertTrue(facts.contains(event + " | organizer | КГМА имени И.К. Ахунбаева"), facts.toString());
    }

    @Test
    void organizationsListedAsTheSubjectOfAnInvitationRunTheEvent() {
        String text = """
                Hematology Center, the Public Association “Kazakhstan Society of Hematologists”, and Karaganda \
                Medical University invite you to take part in a series of educational events.

                Starting September 19, Karaganda Medical University will host a distance continuing education course \
                “Obstetric Hematology” (2 weeks, 120 hours).""";
        Set<String> facts = AnalysisFacts.of(analyze(text, Language.EN, LocalDate.of(2022, 9, 9)));
        assertTrue(facts.contains("Obstetric Hematology | organizer | Kazakhstan Society of Hematologists"),
                facts.toString());
        assertTrue(facts.contains("Obstetric Hematology | organizer | Karaganda Medical University"), facts.toString());
        String russian = """
                ТОО «Центр гематологии», РОО «Казахстанское общество врачей-гематологов» и НАО «Медицинский \
                университет Караганды» предлагают стать участником цикла образовательных мероприятий.

                С 19 сентября на базе НАО «МУК» будет организован дистанционный цикл повышения квалификации \
                «Акушерская гематология» (2 недели, 120 часов).""";
        Set<String> ru = AnalysisFacts.of(analyze(russian, Language.RU, LocalDate.of(2022, 9, 9)));
        assertTrue(ru.contains("Акушерская гематология | organizer | Центр гематологии"), ru.toString());
        assertTrue(ru.contains("Акушерская гематология | organizer | Казахстанское общество врачей-гематологов"),
                ru.toString());
    }

    @Test
    void aKazakhOwnerInTheGenitiveRunsItsEventAlsoWithItsAcronymBetween() {
        String text = "«Гематология орталығының» дәрігерлері Еуропалық гематология қауымдастығының (EHA) жыл сайынғы "
                + "конференциясына қатысуда.";
        Set<String> facts = AnalysisFacts.of(analyze(text, Language.KK, LocalDate.of(2021, 6, 9)));
        assertTrue(facts.stream().anyMatch(f -> f.endsWith(" | organizer | Еуропалық гематология қауымдастығы")),
                facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.endsWith(" | organizer | Гематология орталығы")), facts.toString());
    }

    @Test
    void theNearestCueBeforeAnOrganizationTellsItsRole() {
        // external2/ru-vbkg-urology-congress-bishkek-2025: under the auspices of one society, with the support of another
        String text = """
                В Бишкеке открылся конгресс урологов «Кавказ и Центральная Азия 2025».

                Конференция проводится под эгидой Европейской ассоциации урологов (EAU) при поддержке Международного \
                общества урологов (SIU).""";
        DocumentAnalysis analysis = analyze(text, Language.RU, null);
        Set<String> facts = AnalysisFacts.of(analysis);
        String event = onlyEvent(analysis).label();
        assertTrue(facts.stream().anyMatch(f -> f.startsWith(event + " | organizer | Европейск")), facts.toString());
        assertTrue(facts.stream().anyMatch(f -> f.startsWith(event + " | sponsor | Международн")), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.startsWith(event + " | sponsor | Европейск")), facts.toString());
    }

    @Test
    void supportForAnOrganizationsWorkIsNoSponsorshipOfTheEvent() {
        // hemcenter/minister-of-health-visited-hematology-senter-in-astana: the ministry supports the Center's work
        String text = """
                Министр здравоохранения Республики Казахстан Акмарал Шарипбаевна Альназарова посетила ТОО «Центр \
                гематологии» в Астане.

                За последние 10 лет при поддержке Министерства здравоохранения Центр выстроил устойчивую модель \
                оказания гематологической помощи взрослому населению страны.""";
        Set<String> facts = AnalysisFacts.of(analyze(text, Language.RU, null));
        assertTrue(facts.stream().noneMatch(f -> f.contains("| sponsor |")), facts.toString());
    }

    @Test
    void everyPersonOfAnInlineListOfPresentersSpeaksAtTheConferenceAndThePracticalCoursesNamedBesideIt() {
        // external2/en-lsmu-astana-heart-failure-conference: "Assoc. Prof." ends no sentence and is a title; the
        // practical courses, though plural, are events of this document, named beside the conference, and what the
        // sentence says holds for both
        String text = """
                On 24-26 September, the scientific-practical conference ‘Innovations in the Treatment of Heart Failure \
                and Coronary Artery Disease’ was held in Astana (Kazakhstan).

                The following persons delivered the presentations during the conference and practical courses: Prof. \
                Eglė Ereminienė, Prof. Edmundas Širvinskas, Assoc. Prof. Aras Puodžiukynas, Assoc. Prof. Olivija Gustienė \
                and Dr. Loreta Jankauskienė.""";
        DocumentAnalysis analysis = analyze(TextNormalizer.standard().normalize(text), Language.EN, null);
        Set<String> facts = AnalysisFacts.of(analysis);
        assertEquals(java.util.List.of("Conference", "Course"),
                events(analysis).stream().map(e -> e.attribute("type")).toList());
        for (LocalEntity event : events(analysis)) {
            for (String person : new String[] {"Ereminienė Eglė", "Širvinskas Edmundas", "Puodžiukynas Aras",
                    "Gustienė Olivija", "Jankauskienė Loreta"}) {
                assertTrue(facts.contains(event.label() + " | speaker | " + person), facts.toString());
            }
        }
        assertTrue(facts.contains("Puodžiukynas Aras | academicTitle | доцент"), facts.toString());
        assertFalse(facts.contains("Puodžiukynas Aras | academicTitle | профессор"), facts.toString());
    }

    @Test
    void everyoneWhoRepresentedAnOrganizationBelongsToIt() {
        // external2/en-zkmu-laboratory-medicine-forum-2023
        String text = "West Kazakhstan Medical University named after Marat Ospanov was represented at the forum by the head "
                + "of the Department of Clinical Laboratory Diagnostics Batyrova G.A., assistants Taskozhina G.E., "
                + "Baktikulova K.V., head of the Department of Microbiology Kurmangalieva S.S., who acted as moderators "
                + "and speakers of the sections.";
        Set<String> facts = AnalysisFacts.of(analyze(text, Language.EN, null));
        for (String person : new String[] {"Batyrova G.A.", "Taskozhina G.E.", "Baktikulova K.V.", "Kurmangalieva S.S."}) {
            assertTrue(facts.contains(person + " | affiliation | West Kazakhstan Medical University named after Marat Ospanov"),
                    facts.toString());
        }
    }

    @Test
    void anOrganizationBeforeTheNextItemOfAListBelongsToTheItemBefore() {
        // external2/en-ism-innovations-conference-bishkek-2018
        String text = "All participants were greeted by the Rector of International School of Medicine-Akhunbayev Stalbek "
                + "Mederovich, Deputy Minister-Karatayev Madaminzhan Musaevich, Ministry of Health of the Kyrgyz Republic and "
                + "Deputy Minister-Muratov Abdimanap Attokurovich, Ministry of Education and Science of the Kyrgyz Republic.";
        Set<String> facts = AnalysisFacts.of(analyze(text, Language.EN, null));
        assertTrue(facts.stream().anyMatch(f -> f.startsWith("Karatayev Madaminzhan Musaevich | affiliation | Ministry of Health")),
                facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.startsWith("Muratov Abdimanap Attokurovich | affiliation | Ministry of Health")),
                facts.toString());
    }

    @Test
    void personsJoinedByAndAfterTheirOrganizationBelongToIt() {
        // hemcenter/2022-04-12-visit-chief-consulting-hematologist
        String text = """
                Стартовали выезды специалистов Национального научного центра онкологии и трансплантологии (ННЦОТ) в \
                регионы Республики Казахстан.

                Об этом Вадим Кемайкин и сопровождающие его члены мобильной группы, представители ННЦОТ Нургуль \
                Аждарова  и Альмира Жукубаева, рассказывали на встрече с сотрудниками на встрече с коллективом \
                отделения Восточно-Казахстанской области.""";
        Set<String> facts = AnalysisFacts.of(analyze(text, Language.RU, null));
        String center = "Национальный научный центр онкологии и трансплантологии";
        assertTrue(facts.contains("Аждарова Нургуль | affiliation | " + center), facts.toString());
        assertTrue(facts.contains("Жукубаева Альмира | affiliation | " + center), facts.toString());
    }

    @Test
    void theCenterWithoutItsNameIsTheCenterNamedBefore() {
        String text = "The speakers were Irina Alekseevna Pivovarova, General Director of LLP “Hematology Center”; Anton "
                + "Anatolyevich Klodzinsky, Medical Director of the Center, PhD in Medicine, hematologist with 18 years of "
                + "experience; and Marina Sulikovna Cheyshvili, Head of the Center’s Patient Support Service.";
        Set<String> facts = AnalysisFacts.of(analyze(text, Language.EN, LocalDate.of(2022, 8, 5)));
        assertTrue(facts.contains("Klodzinsky Anton Anatolyevich | affiliation | Hematology Center"), facts.toString());
        assertTrue(facts.contains("Cheyshvili Marina Sulikovna | affiliation | Hematology Center"), facts.toString());
    }

    @Test
    void aCityThatSaysWhereAnOrganizationIsIsNoVenueOfTheSchool() {
        String text = """
                Мероприятие состоится онлайн 25 августа в 18.30.

                Вместе с медицинским директором ТОО Антоном Анатольевичем Клодзинским, на вопросы пациентов будут \
                отвечать руководитель производственной базы ТОО «Центр гематологии» г. Нур-Султан — Меруерт Сериктаевна \
                Сатаева, опытные врачи-гематологи филиала ТОО Караганды — Наталья Вячеславовна Волобуева.

                Лекции читают опытные врачи-гематологи, в том числе руководитель подразделения ТОО «Центр гематологии» \
                в Астане Меруерт Сериктаевна Сатаева.""";
        DocumentAnalysis analysis = analyze("Приглашаем принять участие в школе пациентов по иммунной тромбоцитопении!",
                text, Language.RU, LocalDate.of(2022, 8, 6));
        String school = onlyEvent(analysis).label();
        Set<String> facts = AnalysisFacts.of(analysis);
        assertTrue(facts.stream().noneMatch(f -> f.startsWith(school + " | city |")), facts.toString());
        assertTrue(facts.contains("Центр гематологии | city | Астана"), facts.toString());
    }

    @Test
    void theCityAVisitGoesToAfterTheOrganizationIsItsVenue() {
        String text = "Министр здравоохранения Республики Казахстан Акмарал Шарипбаевна Альназарова посетила "
                + "ТОО «Центр гематологии» в Астане.";
        DocumentAnalysis analysis = analyze("Министр здравоохранения Республики Казахстан посетила ТОО «Центр гематологии» "
                + "в Астане", text, Language.RU, LocalDate.of(2025, 9, 1));
        assertEventCity(analysis, "Астана");
    }

    @Test
    void aPlaceInATitleThatNamesNoEventIsNoVenue() {
        String text = "Под руководством Валерия Григорьевича была создана уникальная врачебная Школа «Лейкозы и лимфомы. "
                + "Терапия и фундаментальные исследования».";
        DocumentAnalysis analysis = analyze("В Москве ушел из жизни Валерий Савченко", text, Language.RU,
                LocalDate.of(2021, 7, 25));
        Set<String> facts = AnalysisFacts.of(analysis);
        assertTrue(facts.stream().noneMatch(f -> f.contains(" | city | Москва")), facts.toString());
    }

    @Test
    void aVenueLabelKeepsItsBracketsAndTimesOut() {
        String text = "The Patient School for patients with chronic myeloid leukemia is scheduled for March 16, starting "
                + "at 17:00. Venue (for those who can attend in person): Karaganda, 17 Saken Seifullin Avenue.";
        DocumentAnalysis analysis = analyze(text, Language.EN, LocalDate.of(2023, 2, 28));
        assertEventCity(analysis, "Караганда");
    }

    @Test
    void aTripToACityTakesTheVisitThere() {
        String en = "The fairy of kindness and justice, the charming Aruzhan Sain, visited our department during her trip "
                + "to Ust-Kamenogorsk.";
        DocumentAnalysis english = analyze(en, Language.EN, LocalDate.of(2019, 3, 2));
        assertEventCity(english, "Усть-Каменогорск");
        String kk = "Ізгілік пен әділеттің перісі, көрікті Аружан Саин Өскеменге сапары аясында біздің бөлімшеге келді.";
        DocumentAnalysis kazakh = analyze(kk, Language.KK, LocalDate.of(2019, 3, 2));
        assertTrue(AnalysisFacts.of(kazakh).stream().anyMatch(f -> f.endsWith(" | city | Усть-Каменогорск")),
                AnalysisFacts.of(kazakh).toString());
    }

    @Test
    void theFoundersAVisitorTalksWithTakePartInTheVisitButAnAnniversarysHeroDoesNot() {
        String visit = """
                Министр здравоохранения Республики Казахстан Акмарал Шарипбаевна Альназарова посетила ТОО «Центр \
                гематологии» в Астане.

                С основателями и руководителями Центра — Ириной Пивоваровой и Антоном Клодзинским — подробно были \
                обсуждены системные вопросы развития гематологической службы.""";
        Set<String> facts = AnalysisFacts.of(analyze(visit, Language.RU, LocalDate.of(2025, 11, 20)));
        assertTrue(facts.stream().anyMatch(f -> f.endsWith(" | participant | Пивоварова Ирина")), facts.toString());
        assertTrue(facts.stream().anyMatch(f -> f.endsWith(" | participant | Клодзинский Антон")), facts.toString());
        String anniversary = "The conference is dedicated to the 70th anniversary of the founder of ISM-Professor "
                + "Sh.M. Chyngyshpayev.";
        Set<String> honoured = AnalysisFacts.of(analyze(anniversary, Language.EN, null));
        assertTrue(honoured.stream().noneMatch(f -> f.contains("Chyngyshpayev") && f.contains(" | participant | ")),
                honoured.toString());
    }

    @Test
    void aKazakhBusinessTripIsAVisitDatedByItsMonth() {
        String text = "Шілде айында бас директор Ирина Пивоварова мен медициналық директор Антон Клодзинский келесі "
                + "мекемелерге іссапар жасады:";
        var events = events(analyze(text, Language.KK, LocalDate.of(2021, 7, 12)));
        assertEquals(java.util.List.of("Visit 2021-07"),
                events.stream().map(e -> e.attribute("type") + " " + e.attribute("start")).toList());
    }

    @Test
    void aDialoguePlatformIsAForumNamedByTheQuoteBeforeIt() {
        String text = "Еліміздің барлық өңірінен 300-ден астам дәрігер, медбикелер, денсаулық сақтау саласының ардагерлері "
                + "мен сарапшылары Елордада бас қосты. Олар «AMANAT» партиясының ұйымдастыруымен өткен «Дәрігер Talks» "
                + "диалог алаңында медициналық қызмет көрсету жүйесінің қазіргі жай-күйін талқылап, саладағы өзекті "
                + "мәселелерді шешу жолдарын ұсынды.";
        DocumentAnalysis analysis = analyze(text, Language.KK, null);
        assertEquals(java.util.List.of("Forum Дәрігер Talks"),
                events(analysis).stream().map(e -> e.attribute("type") + " " + e.label()).toList());
        Set<String> facts = AnalysisFacts.of(analysis);
        assertTrue(facts.stream().anyMatch(f -> f.startsWith("Дәрігер Talks | organizer | ")), facts.toString());
    }

    @Test
    void aKazakhObituaryRecallsTheSchoolItsDeadFoundedAndHeldNoneOfItInTheTitlesCity() {
        String text = """
                2021 жылғы 25 шілдеде 69 жасында Ресей Денсаулық сақтау министрлігінің Ұлттық гематология \
                ғылыми-зерттеу орталығының бас директоры, профессор, Ресей Ғылым академиясының академигі Валерий \
                Григорьевич Савченко дүниеден өтті.

                Валерий Григорьевичтің басшылығымен ҒЗО-да (қазіргі НМИЦ гематология) Ресейде сүйек кемігін \
                трансплантациялау жұмыстары басталды. «Лейкоздар мен лимфомалар. Терапия және іргелі зерттеулер» атты \
                бірегей дәрігерлік мектеп құрылды.""";
        DocumentAnalysis analysis = analyze("Мәскеуде Валерий Савченко өмірден өтті", text, Language.KK,
                LocalDate.of(2021, 7, 25));
        assertEquals(1, events(analysis).size());
        Set<String> facts = AnalysisFacts.of(analysis);
        assertTrue(facts.stream().noneMatch(f -> f.contains(" | participant | Савченко")), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.contains(" | city | ")), facts.toString());
    }

    @Test
    void aVisitorDoesNotWorkAtTheOrganizationTheyVisitNamedBeforeOrAfterThem() {
        String russian = "Министр здравоохранения Республики Казахстан Акмарал Шарипбаевна Альназарова посетила ТОО "
                + "«Центр гематологии» в Астане.";
        Set<String> ru = AnalysisFacts.of(analyze(russian, Language.RU, LocalDate.of(2025, 11, 20)));
        assertTrue(ru.contains("Альназарова Акмарал Шарипбаевна | affiliation | Министерство здравоохранения Республики "
                + "Казахстан"), ru.toString());
        assertTrue(ru.stream().noneMatch(f -> f.endsWith(" | affiliation | Центр гематологии")), ru.toString());
        String english = "In July, General Director Irina Pivovarova and Medical Director Anton Klodzinsky visited the "
                + "R. M. Gorbacheva Research Institute of Pediatric Oncology, Hematology and Transplantation.";
        Set<String> en = AnalysisFacts.of(analyze(english, Language.EN, LocalDate.of(2021, 7, 12)));
        assertTrue(en.stream().noneMatch(f -> f.startsWith("Klodzinsky Anton | affiliation | ")), en.toString());
        // the host named first, the visitor after the verb
        String title = "ТОО «Центр гематологии» посетил эксперт патоморфологии ПСПбГМУ им. И.П.Павлова – Наталия "
                + "Владимировна Макаревич";
        Set<String> hosted = AnalysisFacts.of(analyze(title, Language.RU, LocalDate.of(2022, 8, 18)));
        assertTrue(hosted.stream().anyMatch(f -> f.matches("Макаревич .* \\| affiliation \\| ПСПбГМУ.*")), hosted.toString());
        assertTrue(hosted.stream().noneMatch(f -> f.endsWith(" | affiliation | Центр гематологии")), hosted.toString());
    }

    @Test
    void aVisitTakesPlaceWhereTheOrganizationsItGoesToAreNotWhereItsGuestComesFrom() {
        String russian = "В июле генеральный директор Ирина Пивоварова и медицинский директор Антон Клодзинский посетили "
                + "Научно-исследовательский институт детской онкологии, гематологии и трансплантологии имени Р. М. "
                + "Горбачевой, Первый Санкт-Петербургский государственный медицинский университет им. И.П. Павлова, "
                + "Северо-Западный государственный медицинский университет имени И. И. Мечникова, Национальный "
                + "Медицинский Исследовательский Центр им. В. А. Алмазова, ООО «ЛабВэйв», Российский "
                + "научно-исследовательский институт гематологии и трансфузиологии Федерального медико-биологического "
                + "агентства, Городской центр по лечению больных гемофилией (Санкт-Петербург), ООО «ЮНИМ» (Москва).";
        DocumentAnalysis tour = analyze(russian, Language.RU, LocalDate.of(2021, 7, 12));
        Set<String> facts = AnalysisFacts.of(tour);
        String visit = onlyEvent(tour).label();
        assertTrue(facts.contains(visit + " | city | Санкт-Петербург"), facts.toString());
        assertTrue(facts.contains(visit + " | city | Москва"), facts.toString());
        String english = "Zh.Yu. Chefranova, Chief Physician of the Regional Clinical Hospital of Belgorod (Russia), visited "
                + "our department as part of a familiarization tour.";
        DocumentAnalysis guest = analyze(english, Language.EN, LocalDate.of(2017, 5, 10));
        Set<String> en = AnalysisFacts.of(guest);
        assertTrue(en.contains("Chefranova Zh.Yu. | affiliation | Regional Clinical Hospital of Belgorod"), en.toString());
        assertNoEventCity(guest);
    }

    @Test
    void anOrganizationWhereAClauseOfPlaceOpensIsNotThePeoplesNamedInIt() {
        String russian = "Сегодня состоялось совещание в Мажилисе Парламента РК, где руководитель Центра Пивоварова Ирина "
                + "выступила с анализом проблем в области цифровизации медицинских услуг.";
        Set<String> ru = AnalysisFacts.of(analyze(russian, Language.RU, LocalDate.of(2021, 6, 17)));
        assertTrue(ru.stream().noneMatch(f -> f.startsWith("Пивоварова Ирина | affiliation | Мажилис")), ru.toString());
        assertTrue(ru.stream().anyMatch(f -> f.endsWith(" | speaker | Пивоварова Ирина")), ru.toString());
        String english = "Today, a meeting was held in the Mazhilis of the Parliament of the Republic of Kazakhstan, where "
                + "the Head of the Center, Irina Pivovarova, delivered an analysis of the challenges in the "
                + "digitalization of medical services.";
        Set<String> en = AnalysisFacts.of(analyze(english, Language.EN, LocalDate.of(2021, 6, 17)));
        assertTrue(en.stream().noneMatch(f -> f.startsWith("Pivovarova Irina | affiliation | Mazhilis")), en.toString());
    }

    @Test
    void aPersonFromAnOrganizationNamedAfterThemBelongsToItButNotInKazakh() {
        String english = "Center was visited by Natalia Vladimirovna Makarevich, an expert in pathomorphology from Pavlov "
                + "First Saint Petersburg State Medical University.";
        Set<String> en = AnalysisFacts.of(analyze(english, Language.EN, LocalDate.of(2022, 8, 18)));
        assertTrue(en.stream().anyMatch(f -> f.startsWith("Makarevich Natalia Vladimirovna | affiliation | ")
                && f.contains("Saint Petersburg State Medical University")), en.toString());
        // Kazakh names the source before its people: an interview read from a journal is no membership
        String kazakh = "Сондай-ақ, И.А. Пивоварованың сұхбатын «Ұлағатты медицина» журналынан оқуға болады.";
        Set<String> kk = AnalysisFacts.of(analyze(kazakh, Language.KK, LocalDate.of(2021, 6, 17)));
        assertTrue(kk.stream().noneMatch(f -> f.contains(" | affiliation | ")), kk.toString());
    }

    @Test
    void aKazakhCityQualifyingThePlaceOfAPersonsPostIsWhereThePersonComesFrom() {
        String guest = "Біздің бөлімшеге танысу сапарымен Ресейдің Белгород қаласындағы облыстық клиникалық аурухананың бас "
                + "дәрігері Чефранова Ж.Ю. келді.";
        assertNoEventCity(analyze(guest, Language.KK, LocalDate.of(2017, 5, 10)));
        String venue = "Іс-шара Орталықтың Қарағанды қаласындағы филиалының базасында, Сәкен Сейфуллин даңғылы, 17 "
                + "мекенжайында ұйымдастырылды.";
        assertEventCity(analyze("Білім алмасу бағдарламасы", venue, Language.KK, LocalDate.of(2024, 5, 25)), "Караганда");
    }

    @Test
    void aKazakhGenitiveHeadOpeningALineIsTheCenterNamedBefore() {
        String text = "«Гематология орталығы» ЖШС бас директоры, «Қазақстан гематолог-дәрігерлер қоғамы» РҚБ төрайымы "
                + "Ирина Алексеевна Пивоварова;\n\nОрталықтың медициналық директоры, м.ғ.к., 18 жылдық тәжірибесі бар "
                + "гематолог Антон Анатольевич Клодзинский;";
        Set<String> facts = AnalysisFacts.of(analyze(text, Language.KK, LocalDate.of(2022, 8, 5)));
        assertTrue(facts.stream().anyMatch(f -> f.startsWith("Клодзинский Антон Анатольевич | affiliation | Гематология орталығы")),
                facts.toString());
    }

    @Test
    void eventsSpokenOfInThePluralWithoutADateAreNoEvent() {
        String en = "It will provide opportunities to exchange information, improve together, and organize conferences where "
                + "practicing and student nurses can deliver presentations, share interesting cases, exchange experiences, "
                + "and learn from one another.";
        assertTrue(events(analyze(en, Language.EN, LocalDate.of(2022, 4, 21))).isEmpty());
        String kk = "Ол ақпарат алмасуға, тәжірибені бірлесіп жетілдіруге, орта медициналық қызметкерлердің (қызмет етіп "
                + "жүргендер мен студенттердің) бірлесе баяндамалар жасап, тәжірибе бөлісетін конференциялар өткізуге "
                + "мүмкіндік береді.";
        assertTrue(events(analyze(kk, Language.KK, LocalDate.of(2022, 4, 21))).isEmpty());
        // the singular still names one: "…organize a conference where practicing and student nurses…"
        assertEquals(1, events(analyze(en.replace("organize conferences", "organize a conference"), Language.EN,
                LocalDate.of(2022, 4, 21))).size());
    }
}
