package org.medkg.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.document.BadDocumentException;
import org.medkg.document.DocumentReaders;
import org.medkg.recognize.EntityKind;
import org.medkg.recognize.Recognizers;

/**
 * Relations read from the layout of documents — lists under a label, programme lines, tables — read through the
 * real readers, so that the layout is the one they write. Documents are the corpus's own where it has the shape;
 * where it lacks one (a programme table, a talk's title before the speaker), the test builds it from the facts of
 * a corpus article and says which.
 */
class StructuredLinesTest {

    private static final DocumentAnalyzer ANALYZER = new DocumentAnalyzer(Recognizers.standard());
    private static final Path CORPUS = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus");

    @TempDir
    Path folder;

    private DocumentAnalysis analyze(String fileName, String content) throws IOException, BadDocumentException {
        Path file = folder.resolve(fileName);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return ANALYZER.analyze(DocumentReaders.standard().read(file));
    }

    private static DocumentAnalysis analyzeCorpus(String path) throws BadDocumentException {
        Path file = CORPUS.resolve(path);
        assumeTrue(Files.isRegularFile(file), "shared corpus absent");
        return ANALYZER.analyze(DocumentReaders.standard().read(file));
    }

    private static String onlyEvent(DocumentAnalysis analysis) {
        var events = analysis.entities().stream().filter(e -> e.kind() == EntityKind.EVENT).toList();
        assertEquals(1, events.size(), events.toString());
        return events.get(0).label();
    }

    private static String evidence(DocumentAnalysis analysis, String subject, String property, String object) {
        return analysis.relations().stream()
                .filter(r -> r.subject().label().equals(subject) && r.property().equals(property)
                        && r.object() != null && r.object().label().equals(object))
                .map(Relation::evidence).findFirst().orElse(null);
    }

    // ------------------------------------------------------------ lists under a label

    @Test
    void speakersListedUnderALabelSpeakAndBelongToTheOrganizationTheLabelNames() throws Exception {
        // "Спикерлер мен қатысатын дәрігерлер («Гематология орталығы» ЖШС):" and a list of names
        DocumentAnalysis analysis = analyzeCorpus("hemcenter/2022-08-06-patient-school/item.kk.md");
        Set<String> facts = AnalysisFacts.of(analysis);
        String school = onlyEvent(analysis);
        for (String person : new String[] {"Сатаева Меруерт Серіктаевна", "Волобуева Наталья Вячеславовна",
                "Заблоцкая Лилия Денисовна", "Есімбекова Аяужан Есімбековна"}) {
            assertTrue(facts.contains(school + " | speaker | " + person), facts.toString());
            assertTrue(facts.contains(person + " | affiliation | Гематология орталығы"), facts.toString());
        }
    }

    @Test
    void eachLecturerTakesTheOrganizationOfTheirOwnItem() throws Exception {
        // "Лекции проводят:" and two Markdown items, each naming its lecturer's position at ТОО «Центр гематологии»
        DocumentAnalysis analysis = analyzeCorpus("hemcenter/2021-08-16-hemostasis-school/item.ru.md");
        Set<String> facts = AnalysisFacts.of(analysis);
        String school = onlyEvent(analysis);
        assertTrue(facts.contains(school + " | speaker | Пивоварова И.А."), facts.toString());
        assertTrue(facts.contains(school + " | speaker | Клодзинский А.А."), facts.toString());
        assertEquals("• И.А. Пивоварова, MD, врач-гематолог высшей категории, генеральный директор ТОО «Центр гематологии»;",
                evidence(analysis, "Пивоварова И.А.", "affiliation", "Центр гематологии"),
                "her affiliation is read from her own item, not from the one after it");
    }

    @Test
    void paragraphsThatOpenWithANameUnderALabelAreItsItemsUntilOneDoesNot() throws Exception {
        // A list of speakers as one HTML paragraph each, a shape the corpus lacks, from the facts of the hemcenter
        // article 2022-08-06-patient-school
        DocumentAnalysis analysis = analyze("speakers.html", """
                <html><head><title>Школа пациентов по иммунной тромбоцитопении</title></head><body>
                <p>Школа пациентов по иммунной тромбоцитопении пройдет онлайн 25 августа.</p>
                <p>Спикеры:</p>
                <p><strong>Клодзинский Антон Анатольевич</strong> – к.м.н., медицинский директор ТОО «Центр гематологии»</p>
                <p><strong>Сатаева Меруерт Сериктаевна</strong> – руководитель производственной базы (Нур-Султан)</p>
                <p>Чтобы записаться на мероприятие, отправьте сообщение в WhatsApp Службы поддержки пациентов.</p>
                <p>Волобуева Наталья Вячеславовна также ответит на вопросы пациентов.</p>
                </body></html>
                """);
        Set<String> facts = AnalysisFacts.of(analysis);
        String school = onlyEvent(analysis);
        assertTrue(facts.contains(school + " | speaker | Клодзинский Антон Анатольевич"), facts.toString());
        assertTrue(facts.contains(school + " | speaker | Сатаева Меруерт Сериктаевна"), facts.toString());
        assertTrue(facts.contains("Сатаева Меруерт Сериктаевна | city | Астана"), facts.toString());
        assertFalse(facts.contains(school + " | speaker | Волобуева Наталья Вячеславовна"),
                "the list ended at the paragraph that names nobody: " + facts);
    }

    @Test
    void membersOfAListTakeTheBodyTheOrganizationsOfTheirOwnItemAndTheCityInBrackets() throws Exception {
        DocumentAnalysis analysis = ANALYZER.analyze(DocumentReaders.standard().read(Path.of("data/000_be1d552f40914512.txt")));
        Set<String> facts = AnalysisFacts.of(analysis);
        String council = "Международный объединённый совет экспертов по вторичным иммунодефицитам";
        assertTrue(facts.contains("Набиева Умида Пулатджановна | affiliation | " + council), facts.toString());
        assertTrue(facts.contains("Набиева Умида Пулатджановна | affiliation | Институт иммунологии и геномики человека "
                + "Академии наук РУз"), facts.toString());
        assertTrue(facts.contains("Набиева Умида Пулатджановна | city | Ташкент"), facts.toString());
        assertFalse(facts.contains("Набиева Умида Пулатджановна | affiliation | Научный центр педиатрии и детской хирургии"),
                "the organization of the next member is not hers: " + facts);
        assertTrue(facts.contains("Булегенова Минира Гусейновна | city | Алматы"), facts.toString());
        assertTrue(facts.contains("Нурпеисов Таир Темырланович | position | главный аллерголог"),
                "a position ends before г. Алматы: " + facts);
        assertTrue(analysis.entities().stream().filter(e -> e.kind() == EntityKind.EVENT)
                        .noneMatch(e -> facts.contains(e.label() + " | city | Ташкент")),
                "where a member comes from is no venue: " + facts);
        assertTrue(facts.contains("Институт иммунологии и геномики человека Академии наук РУз | city | Ташкент"),
                "but where her organization is: " + facts);
    }

    // ------------------------------------------------------------ programmes

    @Test
    void aProgrammeLineGivesTheSpeakerTheirOrganizationAndCityAndTheEventNoVenue() throws Exception {
        // Programme lines, a shape the corpus lacks, built from the facts of the hemcenter article
        // 2022-08-06-patient-school: the talk, who gives it and where they work, and the doctors who answer.
        DocumentAnalysis analysis = analyze("programme.md", """
                ---
                title: 'Школа пациентов по иммунной тромбоцитопении'
                date: '06-08-2022 10:00'
                ---
                Школа пациентов по иммунной тромбоцитопении пройдет онлайн 25 августа.

                18:30–18:50 Клодзинский Антон Анатольевич, к.м.н., медицинский директор ТОО «Центр гематологии» — «Как взять под контроль иммунную тромбоцитопению»
                18:50–19:30 Вопросы пациентов — Сатаева Меруерт Сериктаевна, ТОО «Центр гематологии» (Нур-Султан)

                Ответы на вопросы пациентов — Волобуева Наталья Вячеславовна (Караганда)
                """);
        Set<String> facts = AnalysisFacts.of(analysis);
        String school = onlyEvent(analysis);
        assertTrue(facts.contains(school + " | speaker | Клодзинский Антон Анатольевич"), facts.toString());
        assertTrue(facts.contains("Клодзинский Антон Анатольевич | affiliation | Центр гематологии"), facts.toString());
        assertTrue(facts.contains(school + " | speaker | Сатаева Меруерт Сериктаевна"), facts.toString());
        assertTrue(facts.contains("Сатаева Меруерт Сериктаевна | city | Астана"), facts.toString());
        assertTrue(facts.contains(school + " | speaker | Волобуева Наталья Вячеславовна"), "a talk's title before the name: "
                + facts);
        assertTrue(facts.contains("Волобуева Наталья Вячеславовна | city | Караганда"), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.startsWith(school + " | city |")),
                "where speakers come from is not where the school is: " + facts);
    }

    @Test
    void aNameUnderATimedTitleSpeaks() throws Exception {
        // A two-line programme entry, a shape the corpus lacks, from the facts of the hemcenter article
        // 2022-11-29-two-patient-schools: the myeloma school's talk and its speaker.
        DocumentAnalysis analysis = analyze("programme.txt", """
                Школа для пациентов с множественной миеломой
                30 ноября 2022 года

                17.00–17.30 Как жить с множественной миеломой
                Клодзинский А.А., к.м.н., медицинский директор ТОО «Центр гематологии»
                """);
        Set<String> facts = AnalysisFacts.of(analysis);
        assertTrue(facts.contains(onlyEvent(analysis) + " | speaker | Клодзинский А.А."), facts.toString());
    }

    @Test
    void aQuotedRemarkIsNoTalk() throws Exception {
        // The hemcenter article 2022-08-05-patient-school (kk): a doctor's words in quotes after a dash
        DocumentAnalysis analysis = analyzeCorpus("hemcenter/2022-08-05-patient-school/item.kk.md");
        String remark = analysis.relations().stream()
                .filter(r -> r.property().equals("speaker") && r.object().label().startsWith("Клодзинский"))
                .map(Relation::evidence).filter(e -> e.contains("Офлайн форматты")).findFirst().orElse(null);
        assertEquals(null, remark, "his words are not the title of a talk");
    }

    // ------------------------------------------------------------ tables

    @Test
    void aMarkdownTableIsOnePersonARowWithTheColumnsItsHeaderNames() throws Exception {
        // A programme table, a shape the corpus lacks, from the facts of the hemcenter article 2022-08-06-patient-school
        DocumentAnalysis analysis = analyze("table.md", """
                ---
                title: 'Школа пациентов по иммунной тромбоцитопении'
                date: '06-08-2022 10:00'
                ---
                Школа пациентов по иммунной тромбоцитопении пройдет онлайн 25 августа.

                | ФИО | Должность | Организация | Город | Тема доклада |
                |---|---|---|---|---|
                | Клодзинский Антон Анатольевич | медицинский директор | ТОО «Центр гематологии» |  | Как взять под контроль иммунную тромбоцитопению |
                | Сатаева Меруерт Сериктаевна | руководитель производственной базы | ТОО «Центр гематологии» | Нур-Султан | Вопросы пациентов |
                """);
        Set<String> facts = AnalysisFacts.of(analysis);
        String school = onlyEvent(analysis);
        assertTrue(facts.contains(school + " | speaker | Клодзинский Антон Анатольевич"), facts.toString());
        assertTrue(facts.contains(school + " | speaker | Сатаева Меруерт Сериктаевна"), facts.toString());
        assertTrue(facts.contains("Сатаева Меруерт Сериктаевна | position | руководитель производственной базы"), facts.toString());
        assertTrue(facts.contains("Сатаева Меруерт Сериктаевна | affiliation | Центр гематологии"), facts.toString());
        assertTrue(facts.contains("Сатаева Меруерт Сериктаевна | city | Астана"), facts.toString());
        assertFalse(facts.contains("Клодзинский Антон Анатольевич | city | Астана"), "her city is not his: " + facts);
    }

    @Test
    void anHtmlTableWithoutAnOrganizationColumnTakesTheSpeakersOwnCell() throws Exception {
        // The same facts (hemcenter 2022-08-06-patient-school) as an HTML programme: time, topic, speaker
        DocumentAnalysis analysis = analyze("table.html", """
                <html><head><title>Школа пациентов по иммунной тромбоцитопении</title></head><body>
                <p>Школа пациентов по иммунной тромбоцитопении пройдет онлайн 25 августа.</p>
                <table>
                <tr><th>Время</th><th>Тема</th><th>Докладчик</th></tr>
                <tr><td>18:30</td><td>Как взять под контроль иммунную тромбоцитопению</td>
                    <td>Клодзинский А.А., к.м.н.<br>ТОО «Центр гематологии»</td></tr>
                <tr><td>18:50</td><td>Вопросы пациентов</td><td>Волобуева Н.В. (Караганда)</td></tr>
                </table></body></html>
                """);
        Set<String> facts = AnalysisFacts.of(analysis);
        String school = onlyEvent(analysis);
        assertTrue(facts.contains(school + " | speaker | Клодзинский А.А."), facts.toString());
        assertTrue(facts.contains("Клодзинский А.А. | affiliation | Центр гематологии"), facts.toString());
        assertTrue(facts.contains(school + " | speaker | Волобуева Н.В."), facts.toString());
        assertTrue(facts.contains("Волобуева Н.В. | city | Караганда"), facts.toString());
        assertFalse(facts.contains("Волобуева Н.В. | affiliation | Центр гематологии"), "another row's organization: " + facts);
    }

    @Test
    void aNumberedProgrammeAndATableWhoseNameColumnHoldsThePositionToo() throws Exception {
        // Shapes the corpus lacks — Name (Organization, City) «Talk», «Talk» (Author, City), a header ФИО, должность —
        // from the facts of the hemcenter article 2022-08-06-patient-school
        DocumentAnalysis analysis = analyze("numbered.md", """
                ---
                title: 'Школа пациентов по иммунной тромбоцитопении'
                date: '06-08-2022 10:00'
                ---
                Школа пациентов по иммунной тромбоцитопении пройдет онлайн 25 августа.

                1. Клодзинский А.А. (ТОО «Центр гематологии», Караганда) «Как взять под контроль иммунную тромбоцитопению»
                2. «Вопросы пациентов о лечении» (Сатаева М.С., Нур-Султан)

                | ФИО, должность | Тема |
                |---|---|
                | Волобуева Наталья Вячеславовна, врач-гематолог, ТОО «Центр гематологии» | Вопросы пациентов |
                """);
        Set<String> facts = AnalysisFacts.of(analysis);
        String school = onlyEvent(analysis);
        assertTrue(facts.contains(school + " | speaker | Клодзинский А.А."), facts.toString());
        assertTrue(facts.contains("Клодзинский А.А. | affiliation | Центр гематологии"), facts.toString());
        assertTrue(facts.contains("Клодзинский А.А. | city | Караганда"), facts.toString());
        assertTrue(facts.contains(school + " | speaker | Сатаева М.С."), facts.toString());
        assertTrue(facts.contains(school + " | speaker | Волобуева Наталья Вячеславовна"), facts.toString());
        assertTrue(facts.contains("Волобуева Наталья Вячеславовна | affiliation | Центр гематологии"), facts.toString());
    }

    @Test
    void aKazakhTableWithoutATopicNamesPeopleButNoSpeakers() throws Exception {
        // A Kazakh table, a shape the corpus lacks, from the facts of the hemcenter article 2022-08-06-patient-school (kk)
        DocumentAnalysis analysis = analyze("table.md", """
                ---
                title: 'Иммундық тромбоцитопения бойынша пациенттер мектебі'
                date: '06-08-2022 10:00'
                ---
                Иммундық тромбоцитопения бойынша пациенттер мектебі 25 тамызда онлайн өтеді.

                | Аты-жөні | Лауазымы | Мекеме | Қала |
                |---|---|---|---|
                | Меруерт Серіктаевна Сатаева | өндірістік база жетекшісі | «Гематология орталығы» ЖШС | Нұр-Сұлтан |
                """);
        Set<String> facts = AnalysisFacts.of(analysis);
        assertTrue(facts.contains("Сатаева Меруерт Серіктаевна | position | өндірістік база жетекшісі"), facts.toString());
        assertTrue(facts.contains("Сатаева Меруерт Серіктаевна | affiliation | Гематология орталығы"), facts.toString());
        assertTrue(facts.contains("Сатаева Меруерт Серіктаевна | city | Астана"), facts.toString());
        assertTrue(facts.stream().noneMatch(f -> f.contains("| speaker |")), "no talk, no speaker: " + facts);
    }
}
