package org.medkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.medkg.pipeline.ConvertedDocument;

/** What every GraphStore must do, run against each kind of store by its subclass. */
abstract class GraphStoreScenarios {

    static final String CONFERENCE = "VIII Международная научно-практическая конференция «Аллергология и иммунология: достижения и перспективы»";
    static final String PROJECT = "Международный образовательный проект «Клиническая иммунология в междисциплинарной практике. Международный опыт. Казахстан»";
    static final String EXCHANGE = "Программа по обмену опытом «Острый миелобластный лейкоз. От теории к практике»";
    static final String HEMATOPATHOLOGY = "«Гематопатологиядағы мультидисциплинарлық тәсіл»";

    static final ConvertedDocument IMMUNOLOGY = TestDocuments.document("000_be1d552f40914512.txt",
            TestDocuments.seedText("000_be1d552f40914512.txt"), CONFERENCE, PROJECT);
    static final ConvertedDocument LEUKEMIA = TestDocuments.document("001_d9529d5f736d3bf0.txt",
            TestDocuments.seedText("001_d9529d5f736d3bf0.txt"), EXCHANGE);
    static final ConvertedDocument PATHOLOGY = TestDocuments.document("002_d6f503734638d6f4.txt",
            TestDocuments.seedText("002_d6f503734638d6f4.txt"), HEMATOPATHOLOGY);
    static final List<ConvertedDocument> SEEDS = List.of(IMMUNOLOGY, LEUKEMIA, PATHOLOGY);

    /** The store under test, fresh and empty for each test. */
    abstract GraphStore store();

    /** A copy of the graph the store holds under this name (empty if none). */
    abstract Graph storedGraph(String graphIri);

    /** The names of the graphs the store holds. */
    abstract Set<String> storedGraphNames();

    @Test
    void loadAddsEachDocumentAsItsOwnGraph() {
        LoadReport report = store().load(SEEDS, LoadProgress.none());

        assertEquals(names(SEEDS), report.added());
        assertEquals(List.of(), report.replaced());
        assertEquals(List.of(), report.unchanged());
        assertEquals(Set.copyOf(names(SEEDS)), storedGraphNames());
        SEEDS.forEach(this::assertStored);
    }

    @Test
    void loadingTheSameDocumentsAgainLeavesThemUnchanged() {
        store().load(SEEDS, LoadProgress.none());

        LoadReport again = store().load(SEEDS, LoadProgress.none());

        assertEquals(List.of(), again.added());
        assertEquals(List.of(), again.replaced());
        assertEquals(names(SEEDS), again.unchanged());
        SEEDS.forEach(this::assertStored);
    }

    @Test
    void aChangedDocumentReplacesOnlyItsOwnGraph() {
        store().load(SEEDS, LoadProgress.none());
        ConvertedDocument edited = TestDocuments.document("001_d9529d5f736d3bf0.txt",
                TestDocuments.seedText("001_d9529d5f736d3bf0.txt") + "\nПрограмма повторится осенью.", EXCHANGE, CONFERENCE);

        LoadReport report = store().load(List.of(IMMUNOLOGY, edited, PATHOLOGY), LoadProgress.none());

        assertEquals(List.of(edited.graphIri()), report.replaced());
        assertEquals(names(List.of(IMMUNOLOGY, PATHOLOGY)), report.unchanged());
        assertStored(edited);
        assertStored(IMMUNOLOGY);
        assertStored(PATHOLOGY);
    }

    @Test
    void loadingSomeDocumentsLeavesTheOthersInPlace() {
        store().load(SEEDS, LoadProgress.none());
        ConvertedDocument edited = TestDocuments.document("002_d6f503734638d6f4.txt", "Жаңа мәтін.", HEMATOPATHOLOGY);

        LoadReport report = store().load(List.of(edited), LoadProgress.none());

        assertEquals(List.of(edited.graphIri()), report.replaced());
        assertEquals(Set.copyOf(names(SEEDS)), storedGraphNames());
        assertStored(IMMUNOLOGY);
        assertStored(LEUKEMIA);
        assertStored(edited);
    }

    @Test
    void aDocumentWhoseGraphShrankLosesTheOldTriples() {
        store().load(SEEDS, LoadProgress.none());
        ConvertedDocument shrunk = TestDocuments.document("000_be1d552f40914512.txt",
                "В рамках прошедшей VIII Международной научно-практической конференции", CONFERENCE);

        store().load(List.of(shrunk), LoadProgress.none());

        Graph stored = storedGraph(shrunk.graphIri());
        assertStored(shrunk);
        assertFalse(stored.contains(Node.ANY, RDFS.label.asNode(), NodeFactory.createLiteralLang(PROJECT, "ru")),
                "the project the old text mentioned is gone");
        assertTrue(stored.size() < IMMUNOLOGY.graph().size());
    }

    @Test
    void aStoredGraphWithoutSha256IsReplacedNotAdded() {
        ConvertedDocument withoutSha = withoutSha256(LEUKEMIA);
        store().load(List.of(withoutSha), LoadProgress.none());

        LoadReport report = store().load(List.of(LEUKEMIA), LoadProgress.none());

        assertEquals(List.of(LEUKEMIA.graphIri()), report.replaced());
        assertStored(LEUKEMIA);
    }

    @Test
    void aDocumentThatCannotBeStoredIsReportedAndNothingElseIsLost() {
        store().load(List.of(IMMUNOLOGY), LoadProgress.none());
        ConvertedDocument broken = unstorable("000_be1d552f40914512.txt");

        LoadReport report = store().load(List.of(LEUKEMIA, broken, PATHOLOGY), LoadProgress.none());

        assertEquals(names(List.of(LEUKEMIA, PATHOLOGY)), report.added());
        assertEquals(1, report.failed().size());
        assertTrue(report.failed().get(0).message().startsWith("data/000_be1d552f40914512.txt: cannot store: "),
                report.failed().get(0).message());
        assertStored(IMMUNOLOGY);
        assertStored(LEUKEMIA);
        assertStored(PATHOLOGY);
    }

    @Test
    void aDocumentThatCannotBeStoredInTheFirstLoadIsReportedAndTheOthersAreStored() {
        ConvertedDocument broken = unstorable("000_be1d552f40914512.txt");

        LoadReport report = store().load(List.of(LEUKEMIA, broken, PATHOLOGY), LoadProgress.none());

        assertEquals(names(List.of(LEUKEMIA, PATHOLOGY)), report.added());
        assertEquals(1, report.failed().size());
        assertEquals(Set.copyOf(names(List.of(LEUKEMIA, PATHOLOGY))), storedGraphNames(), "nothing of the broken one");
        assertStored(LEUKEMIA);
        assertStored(PATHOLOGY);
    }

    @Test
    void twoDocumentsNamingOneGraphStoreOnlyTheFirst() {
        ConvertedDocument sameName = TestDocuments.document("001_d9529d5f736d3bf0.txt", "Другой текст.", EXCHANGE);

        LoadReport report = store().load(List.of(LEUKEMIA, sameName), LoadProgress.none());

        assertEquals(List.of(LEUKEMIA.graphIri()), report.added());
        assertEquals(1, report.failed().size());
        assertTrue(report.failed().get(0).problem().contains("also the graph of data/001_d9529d5f736d3bf0.txt"),
                report.failed().get(0).problem());
        assertStored(LEUKEMIA);
    }

    @Test
    void progressCountsEveryDocumentUpToTheTotal() {
        List<String> calls = new ArrayList<>();

        store().load(SEEDS, (done, total) -> calls.add(done + "/" + total));

        assertEquals(List.of("1/3", "2/3", "3/3"), calls);
    }

    /** A document as a converter bug would make it: a query variable where an RDF term belongs; no store keeps it. */
    static ConvertedDocument unstorable(String fileName) {
        ConvertedDocument broken = TestDocuments.document(fileName, "Новый текст.", CONFERENCE);
        broken.graph().add(NodeFactory.createURI(broken.graphIri()), RDFS.comment.asNode(), Var.alloc("comment"));
        return broken;
    }

    void assertStored(ConvertedDocument document) {
        Graph stored = storedGraph(document.graphIri());
        assertTrue(stored.isIsomorphicWith(document.graph()),
                () -> document.graphIri() + " holds " + stored.size() + " triples, not the document's " + document.graph().size());
    }

    static List<String> names(List<ConvertedDocument> documents) {
        return documents.stream().map(ConvertedDocument::graphIri).toList();
    }

    static ConvertedDocument withoutSha256(ConvertedDocument document) {
        Graph graph = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        document.graph().find().filterDrop(t -> t.getPredicate().equals(org.medkg.rdf.MKG.sha256)).forEach(graph::add);
        return new ConvertedDocument(document.source(), document.graphIri(), graph);
    }
}
