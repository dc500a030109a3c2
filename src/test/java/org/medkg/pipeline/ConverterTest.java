package org.medkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.document.BadDocumentException;
import org.medkg.rdf.MKG;
import org.medkg.validate.GraphValidator;
import org.medkg.validate.ValidationResult;

/** The whole path from documents to graphs, on the seeds in data/ and on corpus articles in three languages. */
class ConverterTest {

    private static final Path SHARED = Path.of(System.getProperty("medkg.shared", "../shared"));

    private static List<ConvertedDocument> convert(Path... paths) {
        List<BadDocumentException> failures = new ArrayList<>();
        List<ConvertedDocument> docs = Converter.standard().convert(List.of(paths), failures::add);
        assertEquals(List.of(), failures);
        return docs;
    }

    private static Set<String> labelsOfType(Graph graph, Node type) {
        Set<String> labels = new TreeSet<>();
        graph.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining(t ->
                graph.find(t.getSubject(), RDFS.label.asNode(), Node.ANY)
                        .forEachRemaining(l -> labels.add(l.getObject().getLiteralLexicalForm())));
        return labels;
    }

    /** Two lines of the seed data/000_be1d552f40914512.txt: the speaker in full, then by initials. */
    private static final String FULL_NAME = "– Нестерова Ирина Вадимовна, д.м.н., профессор, председатель Научного совета "
            + "по медицинской иммунологии Общества клинической адаптологии и медицинской иммунологии (Россия).\n";
    private static final String INITIALS = "«Вторичные иммунодефициты – болезни иммунной системы: инновационные технологии "
            + "диагностики и таргетной иммуномодулирующей терапии» (Нестерова И.В., Москва, Россия).\n";

    @Test
    void aBatchIsConvertedWindowByWindowAndALaterWindowKnowsTheNamesOfEarlierOnes(@TempDir Path dir) throws Exception {
        Path full = Files.writeString(dir.resolve("1-full.txt"), FULL_NAME);
        Path initials = Files.writeString(dir.resolve("2-initials.txt"), INITIALS);
        List<Integer> windowSizes = new ArrayList<>();
        List<ConvertedDocument> docs = new ArrayList<>();

        Converter.standard().convert(List.of(full, initials), e -> { throw new AssertionError(e); }, 1, Long.MAX_VALUE,
                window -> {
                    windowSizes.add(window.size());
                    docs.addAll(window);
                });

        assertEquals(List.of(1, 1), windowSizes);
        assertEquals(List.of(full.toString(), initials.toString()), docs.stream().map(d -> d.source().sourceFile()).toList());
        Node nesterova = NodeFactory.createURI(Converter.DEFAULT_BASE + "id/person/nesterova-i");
        assertEquals(Set.of("Нестерова Ирина Вадимовна"), rdfsLabels(docs.get(1).graph(), nesterova),
                "the fullest name of an earlier window");
    }

    @Test
    void aNameThatOnlyALaterWindowGivesDoesNotChangeAnEarlierOne(@TempDir Path dir) throws Exception {
        Path initials = Files.writeString(dir.resolve("1-initials.txt"), INITIALS);
        Path full = Files.writeString(dir.resolve("2-full.txt"), FULL_NAME);
        List<ConvertedDocument> docs = new ArrayList<>();

        Converter.standard().convert(List.of(initials, full), e -> { throw new AssertionError(e); }, 1, Long.MAX_VALUE,
                docs::addAll);

        Node nesterova = NodeFactory.createURI(Converter.DEFAULT_BASE + "id/person/nesterova-i");
        assertTrue(rdfsLabels(docs.get(0).graph(), nesterova).stream().noneMatch(label -> label.contains("Ирина")),
                rdfsLabels(docs.get(0).graph(), nesterova).toString());
        assertEquals(Set.of("Нестерова Ирина Вадимовна"), rdfsLabels(docs.get(1).graph(), nesterova));
    }

    private static Set<String> rdfsLabels(Graph graph, Node entity) {
        Set<String> labels = new TreeSet<>();
        graph.find(entity, RDFS.label.asNode(), Node.ANY)
                .forEachRemaining(t -> labels.add(t.getObject().getLiteralLexicalForm()));
        return labels;
    }

    @Test
    void seedResolutionGivesItsMeetingSpeakersAndCity() {
        ConvertedDocument doc = convert(Path.of("data/000_be1d552f40914512.txt")).get(0);
        Graph g = doc.graph();
        Node document = NodeFactory.createURI(doc.graphIri());
        assertTrue(g.contains(document, MKG.language, NodeFactory.createLiteralString("ru")));
        assertTrue(g.contains(document, MKG.sha256, NodeFactory.createLiteralString(doc.source().sha256())));
        assertTrue(labelsOfType(g, MKG.Person).contains("Нестерова Ирина Вадимовна"));
        assertTrue(labelsOfType(g, MKG.Meeting).stream().anyMatch(l -> l.contains("совета экспертов")));
        Node nesterova = NodeFactory.createURI(Converter.DEFAULT_BASE + "id/person/nesterova-i");
        assertTrue(g.contains(Node.ANY, MKG.speaker, nesterova), "Нестерова gave a talk at the meeting");
        assertTrue(g.contains(nesterova, RDF.type.asNode(), MKG.Expert));
        assertTrue(g.contains(nesterova, MKG.degree, NodeFactory.createLiteralLang("д.м.н.", "ru")));
        Node almaty = NodeFactory.createURI(Converter.DEFAULT_BASE + "id/place/almaty");
        assertTrue(g.find(Node.ANY, MKG.city, almaty).toList().stream().map(Triple::getSubject)
                .anyMatch(e -> g.contains(e, RDF.type.asNode(), MKG.Meeting)));
    }

    @Test
    void everySeedGraphConformsToTheShapes() {
        DatasetGraph dataset = DatasetGraphFactory.create();
        for (ConvertedDocument doc : convert(Path.of("data"))) {
            dataset.addGraph(NodeFactory.createURI(doc.graphIri()), doc.graph());
        }
        ValidationResult result = GraphValidator.standard().validate(dataset);
        assertTrue(result.conforms(), String.join("\n", result.lines()));
    }

    @Test
    void theThreeLanguageVersionsOfAnArticleShareTheirEntities() {
        Path article = SHARED.resolve("corpus/hemcenter/2024-05-25-education-exchange-program");
        assumeTrue(Files.isDirectory(article), "../shared is absent");
        List<ConvertedDocument> docs = convert(article);
        assertEquals(3, docs.size());
        for (String iri : List.of("id/person/klodzinski-a", "id/person/berger-i", "id/place/karaganda",
                "id/place/tashkent", "id/event/2024-05-22-course")) {
            Node entity = NodeFactory.createURI(Converter.DEFAULT_BASE + iri);
            for (ConvertedDocument doc : docs) {
                assertTrue(doc.graph().contains(NodeFactory.createURI(doc.graphIri()), MKG.mentions, entity),
                        doc.source().sourceFile() + " mentions " + iri);
            }
        }
    }

    /** The English page names him only as "Dr. Klodzinsky"; the Russian one in full: one person. */
    @Test
    void aSurnameAloneIsThePersonOtherVersionsNameInFull() {
        Path article = SHARED.resolve("corpus/hemcenter/2022-10-03-patients-from-balkhash");
        assumeTrue(Files.isDirectory(article), "../shared is absent");
        Node klodzinski = NodeFactory.createURI(Converter.DEFAULT_BASE + "id/person/klodzinski-a");
        for (ConvertedDocument doc : convert(article)) {
            assertTrue(doc.graph().contains(NodeFactory.createURI(doc.graphIri()), MKG.mentions, klodzinski),
                    doc.source().sourceFile() + " mentions Klodzinsky");
        }
    }

    /** Other sites write one man as Akhunbayev and Akhunbaev in one page, and Kazakh pages in Latin letters. */
    @Test
    void spellingsOfOnePersonShareAnIri() {
        Path ism = SHARED.resolve("corpus/external2/en-ism-innovations-conference-bishkek-2018.txt");
        assumeTrue(Files.isRegularFile(ism), "../shared is absent");
        Graph g = convert(ism).get(0).graph();
        Node akhunbaev = NodeFactory.createURI(Converter.DEFAULT_BASE + "id/person/ahunbaev-s");
        assertEquals(Set.of("Akhunbaev Stalbek Mederovich", "Akhunbayev Stalbek Mederovich"),
                labelsOf(g, akhunbaev), "Akhunbayev Stalbek Mederovich and Akhunbaev Stalbek Mederovich");
    }

    private static Set<String> labelsOf(Graph graph, Node entity) {
        Set<String> labels = new TreeSet<>();
        graph.find(entity, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isLiteral() && (t.getPredicate().equals(RDFS.label.asNode())
                    || t.getPredicate().getLocalName().equals("altLabel"))) {
                labels.add(t.getObject().getLiteralLexicalForm());
            }
        });
        return labels;
    }

    @Test
    void anUndatedEventIsOneEventInEveryLanguageVersionOfItsPage() {
        Path article = SHARED.resolve("corpus/hemcenter/2023-01-09-practical-conference");
        assumeTrue(Files.isDirectory(article), "../shared is absent");
        Set<Node> conferences = new java.util.HashSet<>();
        for (ConvertedDocument doc : convert(article)) {
            doc.graph().find(Node.ANY, RDF.type.asNode(), MKG.Conference)
                    .forEachRemaining(t -> conferences.add(t.getSubject()));
        }
        assertEquals(1, conferences.size(), "«Мультидисциплинарный подход в гематопатологии» in ru, kk, en: " + conferences);
    }

    @Test
    void aBadFileIsNamedAndTheOthersAreStillConverted(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        List<BadDocumentException> failures = new ArrayList<>();
        List<ConvertedDocument> docs = Converter.standard().convert(
                List.of(empty, Path.of("data/001_d9529d5f736d3bf0.txt")), failures::add);
        assertEquals(1, docs.size());
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).getMessage().contains("empty.txt"), failures.get(0).getMessage());
    }

    @Test
    void convertingTwiceGivesTheSameGraphs() {
        List<ConvertedDocument> first = convert(Path.of("data"));
        List<ConvertedDocument> second = convert(Path.of("data"));
        for (int i = 0; i < first.size(); i++) {
            assertTrue(first.get(i).graph().isIsomorphicWith(second.get(i).graph()));
        }
    }
}
