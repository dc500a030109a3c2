package org.medkg.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medkg.document.DocumentReaders;
import org.medkg.recognize.EntityKind;
import org.medkg.recognize.Recognizers;

/**
 * Events and who took part in them, read from whole articles of ../shared/corpus (the hematology center's site and
 * other sites), as an analyst would check them: everyone a report names took part unless it honours them, event
 * names that say what the event is, organizers named in or beside the event's name, and no sponsor or organizer
 * where the text speaks of something else. Skips where ../shared is absent.
 */
class EventRelationsCorpusTest {

    private static final Path CORPUS = Path.of(System.getProperty("medkg.shared", "../shared")).resolve("corpus");
    private static final DocumentAnalyzer ANALYZER = new DocumentAnalyzer(Recognizers.standard());

    private static DocumentAnalysis analyze(String article) throws Exception {
        Path file = CORPUS.resolve(article);
        assumeTrue(Files.isRegularFile(file), "no corpus at " + CORPUS);
        return ANALYZER.analyze(DocumentReaders.standard().read(file));
    }

    private static List<LocalEntity> events(DocumentAnalysis analysis) {
        return analysis.entities().stream().filter(e -> e.kind() == EntityKind.EVENT).toList();
    }

    private static LocalEntity event(DocumentAnalysis analysis, String nameHolds) {
        List<LocalEntity> found = events(analysis).stream()
                .filter(e -> e.label().toLowerCase().contains(nameHolds.toLowerCase())).toList();
        assertEquals(1, found.size(), "events named with «" + nameHolds + "»: " + events(analysis));
        return found.get(0);
    }

    private static boolean takesPart(Set<String> facts, String event, String person) {
        return facts.contains(event + " | participant | " + person) || facts.contains(event + " | speaker | " + person);
    }

    @Test
    void everyoneAnAnnouncementNamesTakesPartInItsEvent() throws Exception {
        // "В школе примут участие шесть врачей … на вопросы пациентов будут отвечать … Меруерт Сериктаевна Сатаева,
        // … Наталья Вячеславовна Волобуева": no role word in their sentence, the school is the event in context.
        DocumentAnalysis analysis = analyze("hemcenter/2022-08-06-patient-school/item.ru.md");
        String school = event(analysis, "Школа пациентов").label();
        Set<String> facts = AnalysisFacts.of(analysis);
        for (String person : List.of("Сатаева Меруерт Сериктаевна", "Волобуева Наталья Вячеславовна",
                "Заблоцкая Лилия Денисовна")) {
            assertTrue(takesPart(facts, school, person), person + " in " + facts);
        }
    }

    @Test
    void theOneAConferenceHonoursAndTheAuthorOfTheNewsTakeNoPart() throws Exception {
        // "dedicated to … the 70th anniversary of the founder of ISM-Professor Sh.M. Chyngyshpayev"
        DocumentAnalysis ism = analyze("external2/en-ism-innovations-conference-bishkek-2018.txt");
        assertTrue(AnalysisFacts.of(ism).stream().noneMatch(f -> f.endsWith("| Chyngyshpayev Sh.M.")
                && (f.contains("| participant |") || f.contains("| speaker |"))), AnalysisFacts.of(ism).toString());
        // a line with nothing but a name under the headline: the journalist
        DocumentAnalysis news = analyze("external2/ru-vbkg-urology-congress-bishkek-2025.txt");
        assertTrue(AnalysisFacts.of(news).stream().noneMatch(f -> f.contains("Абдыразакова") && f.contains("| participant |")),
                AnalysisFacts.of(news).toString());
    }

    @Test
    void anEventWordInsideAnOrganizationsNameNamesNoEvent() throws Exception {
        DocumentAnalysis analysis = analyze("external2/en-ism-innovations-conference-bishkek-2018.txt");
        // International School of Medicine is the organizer, not a school event
        assertTrue(events(analysis).stream().noneMatch(e -> "School".equals(e.attribute("type"))), events(analysis).toString());
    }

    @Test
    void universitiesTeamsCameFromDoNotOrganizeTheConference() throws Exception {
        // "13 teams from Novosibirsk State Medical University, Andijan Medical Institute, …"
        Set<String> facts = AnalysisFacts.of(analyze("external2/en-ism-innovations-conference-bishkek-2018.txt"));
        assertTrue(facts.stream().anyMatch(f -> f.contains("| organizer | International School of Medicine")), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.contains("| organizer |") && (f.contains("Novosibirsk")
                || f.contains("Andijan"))), facts.toString());
    }

    @Test
    void theSpeakersAtTheMeetingAreTheSchoolsNotAFormatsNorAVerbs() throws Exception {
        // "Ее участники встречались с врачами-спикерами лично.", "Спикерами на встрече были … Марина Суликовна
        // Чейшвили", "встречи проводились в формате «вопрос-ответ»": the meeting is the school, no title of a format
        DocumentAnalysis analysis = analyze("hemcenter/2022-08-05-patient-school/item.ru.md");
        assertTrue(events(analysis).stream().noneMatch(e -> e.label().toLowerCase().startsWith("встречались")
                || e.label().contains("вопрос-ответ")), events(analysis).toString());
        String school = event(analysis, "школа пациентов").label();
        assertTrue(takesPart(AnalysisFacts.of(analysis), school, "Чейшвили Марина Суликовна"), AnalysisFacts.of(analysis).toString());
    }

    @Test
    void supportForTheCentersWorkIsNoSponsorshipOfTheVisit() throws Exception {
        // "За последние 10 лет при поддержке Министерства здравоохранения Центр выстроил устойчивую модель …"
        Set<String> facts = AnalysisFacts.of(analyze("hemcenter/minister-of-health-visited-hematology-senter-in-astana/item.ru.md"));
        assertTrue(facts.stream().noneMatch(f -> f.contains("| sponsor |")), facts.toString());
    }

    @Test
    void theOrganizationAnEventsNameHoldsRunsIt() throws Exception {
        DocumentAnalysis analysis = analyze("hemcenter/2021-06-09-eha/item.ru.md");
        String conference = event(analysis, "конференция").label();
        assertEquals("Ежегодная конференция Европейской гематологической ассоциации", conference);
        assertTrue(AnalysisFacts.of(analysis).contains(conference + " | organizer | Европейская гематологическая ассоциация"),
                AnalysisFacts.of(analysis).toString());
    }

    @Test
    void theOrganizationNamedBeforeTheEventWordRunsIt() throws Exception {
        // "an important event for Kazakh hematology took place in Almaty — the first [European Hematology Association
        // (EHA) Tutorial](https://ehaweb.org/…)"
        DocumentAnalysis analysis = analyze("hemcenter/2019-03-16-eha-tutorial/item.en.md");
        String tutorial = event(analysis, "Tutorial").label();
        assertTrue(AnalysisFacts.of(analysis).contains(tutorial + " | organizer | EHA"),
                AnalysisFacts.of(analysis).toString());
        // "…Osh State University and International School of Medicine.": a list of members organizes nothing
        DocumentAnalysis ism = analyze("external2/en-ism-innovations-conference-bishkek-2018.txt");
        assertTrue(AnalysisFacts.of(ism).stream().noneMatch(f -> f.endsWith("| organizer | Osh State University")),
                AnalysisFacts.of(ism).toString());
    }

    @Test
    void theCenterAloneIsTheOneTheDocumentIsAboutNotAGuestsCenterNamedNearer() throws Exception {
        // a guest's center is named nearer before "Орталықтың медициналық директоры Антон Анатольевич Клодзинский
        // мәселенің өзектілігін …", which the document's own center, named most often, stands for
        Set<String> facts = AnalysisFacts.of(analyze("hemcenter/2024-05-25-education-exchange-program/item.kk.md"));
        assertTrue(facts.stream().anyMatch(f -> f.startsWith("Клодзинский Антон Анатольевич | affiliation | Гематология орталығы")),
                facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.startsWith("Клодзинский Антон Анатольевич | affiliation | Республика")),
                facts.toString());
    }

    @Test
    void aLabelledPlaceLineAndASingleQuotedTitleAreRead() throws Exception {
        // "are planning to hold a conference: "Selected issues of surgery and medical education"",
        // "Date and place: May 19, 2023, Astana city, Beibitshilik 49A st., conference hall."
        DocumentAnalysis amu = analyze("external2/en-amu-surgery-conference-announcement-2023.txt");
        LocalEntity conference = event(amu, "Selected issues of surgery");
        assertTrue(AnalysisFacts.of(amu).contains(conference.label() + " | city | Астана"), AnalysisFacts.of(amu).toString());
        // "the scientific-practical conference ‘Innovations in the Treatment of Heart Failure and …’ organized …"
        DocumentAnalysis lsmu = analyze("external2/en-lsmu-astana-heart-failure-conference.txt");
        event(lsmu, "Innovations in the Treatment of Heart Failure and Coronary Artery Disease");
    }

    @Test
    void aMasterClassWithinAMentoringProgrammeIsTwoEvents() throws Exception {
        // "…за насыщенную и плодотворную программу мастер-класса…"; "…провели в больнице СКО мастер-класс в рамках
        // менторской программы РОО «Казахстанское общество врачей-гематологов»"
        DocumentAnalysis analysis = analyze("hemcenter/2022-11-16-master-class-in-north-kazakhstan/item.ru.md");
        List<String> types = events(analysis).stream().map(e -> e.attribute("type")).sorted().toList();
        assertEquals(List.of("Course", "MasterClass"), types, events(analysis).toString());
        assertFalse(event(analysis, "енторская программа").label().isEmpty());
    }
}
