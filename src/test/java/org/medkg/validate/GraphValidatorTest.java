package org.medkg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hand-built graph of seed 000 (the resolution of the meeting in Алматы on 19.09.2024) passes the
 * shapes; the same graph with one rule broken fails with a line that names the rule and the node.
 */
class GraphValidatorTest {

    private static final String PREFIXES = """
            PREFIX mkg: <https://w3id.org/medkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX doc: <https://w3id.org/medkg/doc/>
            PREFIX ex: <https://w3id.org/medkg/id/>
            """;

    /** What a converter should write for seed 000, in part; names and sentences are from the document. */
    private static final String SEED_000 = PREFIXES + """
            doc:000_be1d552f40914512.txt a mkg:Document ;
                mkg:sourceFile "data/000_be1d552f40914512.txt" ;
                mkg:language "ru" ;
                mkg:sha256 "7873a3a56075ca6acba182ba5bccc4451000906bd19423e817bc01362a22fce7" ;
                mkg:mentions ex:council-meeting-2024-09-19 , ex:allergology-conference-8 , ex:almaty , ex:kazakhstan ,
                    ex:nesterova-irina , ex:nurpeisov-tair , ex:oaiir , ex:moscow .

            ex:allergology-conference-8 a mkg:Conference ;
                rdfs:label "VIII Международная научно-практическая конференция «Аллергология и иммунология: достижения и перспективы»"@ru ;
                mkg:startDate "2024-09-19"^^xsd:date ; mkg:endDate "2024-09-21"^^xsd:date .

            ex:council-meeting-2024-09-19 a mkg:Meeting ;
                rdfs:label "Заседание Международного объединенного совета экспертов по вторичным иммунодефицитам"@ru ;
                mkg:startDate "2024-09-19"^^xsd:date ; mkg:endDate "2024-09-19"^^xsd:date ;
                mkg:city ex:almaty ;
                mkg:speaker ex:nesterova-irina ;
                mkg:participant ex:nurpeisov-tair ;
                mkg:talk ex:talk-secondary-immunodeficiencies .

            ex:talk-secondary-immunodeficiencies a mkg:Talk ;
                dcterms:title "Вторичные иммунодефициты – болезни иммунной системы: инновационные технологии диагностики и таргетной иммуномодулирующей терапии"@ru ;
                mkg:speaker ex:nesterova-irina .

            ex:almaty a mkg:City ; rdfs:label "Алматы"@ru ; mkg:country ex:kazakhstan .
            ex:kazakhstan a mkg:Country ; rdfs:label "Казахстан"@ru .
            ex:moscow a mkg:City ; rdfs:label "Москва"@ru .

            ex:nesterova-irina a mkg:Expert ;
                rdfs:label "Нестерова Ирина Вадимовна"@ru ; skos:altLabel "Нестерова И.В."@ru ;
                mkg:familyName "Нестерова" ; mkg:givenName "Ирина" ; mkg:patronymic "Вадимовна" ;
                mkg:degree "доктор медицинских наук"@ru ; mkg:academicTitle "профессор"@ru ;
                mkg:position "председатель Научного совета по медицинской иммунологии"@ru ;
                mkg:city ex:moscow .

            ex:nurpeisov-tair a mkg:Expert ;
                rdfs:label "Нурпеисов Таир Темырланович"@ru ;
                mkg:position "главный аллерголог г. Алматы"@ru ;
                mkg:affiliation ex:oaiir ; mkg:city ex:almaty .

            ex:oaiir a mkg:Organization ; rdfs:label "ОАИИР"@ru ; mkg:city ex:almaty ; mkg:country ex:kazakhstan .

            [] a mkg:Evidence ;
                mkg:subject ex:talk-secondary-immunodeficiencies ; mkg:predicate mkg:speaker ; mkg:object ex:nesterova-irina ;
                mkg:quote "«Вторичные иммунодефициты – болезни иммунной системы: инновационные технологии диагностики и таргетной иммуномодулирующей терапии» (Нестерова И.В., Москва, Россия);"@ru ;
                mkg:inDocument doc:000_be1d552f40914512.txt .
            """;

    private final GraphValidator validator = GraphValidator.standard();

    @Test
    void theSeedGraphConforms() {
        ValidationResult result = validator.validate(seed(), "doc:000");
        assertTrue(result.conforms(), () -> String.join("\n", result.lines()));
    }

    /** A broken rule: the SPARQL update that breaks it, the rule's message, and how the node is named. */
    record Breakage(String rule, String update, String message, String namedNode) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static List<Breakage> breakages() {
        return List.of(
                new Breakage("a person without a label",
                        "DELETE WHERE { ex:nurpeisov-tair rdfs:label ?label }",
                        "has at least one rdfs:label", "<https://w3id.org/medkg/id/nurpeisov-tair>"),
                new Breakage("a label without a language tag",
                        "DELETE WHERE { ex:almaty rdfs:label ?l } ; INSERT DATA { ex:almaty rdfs:label \"Алматы\" }",
                        "tagged with its language", "\"Алматы\""),
                new Breakage("a person both speaker and participant",
                        "INSERT DATA { ex:council-meeting-2024-09-19 mkg:participant ex:nesterova-irina }",
                        "a speaker or a participant of an event, not both", "\"Нестерова Ирина Вадимовна\"@ru"),
                new Breakage("a start date after the end date",
                        "DELETE WHERE { ex:allergology-conference-8 mkg:endDate ?d } ; "
                                + "INSERT DATA { ex:allergology-conference-8 mkg:endDate \"2024-09-18\"^^xsd:date }",
                        "startDate is not after its mkg:endDate", "«Аллергология и иммунология: достижения и перспективы»"),
                new Breakage("a month-only start date after the end date",
                        "DELETE WHERE { ex:allergology-conference-8 mkg:startDate ?d } ; "
                                + "INSERT DATA { ex:allergology-conference-8 mkg:startDate \"2024-10\"^^xsd:gYearMonth }",
                        "startDate is not after its mkg:endDate", "\"2024-10\"^^xsd:gYearMonth"),
                new Breakage("two start dates",
                        "INSERT DATA { ex:council-meeting-2024-09-19 mkg:startDate \"2024-09-20\"^^xsd:date }",
                        "at most one mkg:startDate", "\"Заседание Международного объединенного совета"),
                new Breakage("a start date written as text",
                        "DELETE WHERE { ex:council-meeting-2024-09-19 mkg:startDate ?d } ; "
                                + "INSERT DATA { ex:council-meeting-2024-09-19 mkg:startDate \"19.09.2024\" }",
                        "is an xsd:date, xsd:gYearMonth or xsd:gYear", "\"19.09.2024\""),
                new Breakage("a city value that is an organization",
                        "INSERT DATA { ex:council-meeting-2024-09-19 mkg:city ex:oaiir }",
                        "mkg:city values are cities", "\"ОАИИР\"@ru"),
                new Breakage("a country value that is a city",
                        "INSERT DATA { ex:oaiir mkg:country ex:almaty }",
                        "mkg:country values are countries", "\"Алматы\"@ru"),
                new Breakage("an affiliation that is a city",
                        "INSERT DATA { ex:nurpeisov-tair mkg:affiliation ex:almaty }",
                        "mkg:affiliation values are organizations", "\"Нурпеисов Таир Темырланович\"@ru"),
                new Breakage("a speaker who is not a person",
                        "INSERT DATA { ex:talk-secondary-immunodeficiencies mkg:speaker ex:oaiir }",
                        "mkg:speaker values are people", "\"ОАИИР\"@ru"),
                new Breakage("a position without a language tag",
                        "INSERT DATA { ex:nurpeisov-tair mkg:position \"Почётный президент ОАИИР\" }",
                        "mkg:position is a language-tagged literal", "\"Нурпеисов Таир Темырланович\"@ru"),
                new Breakage("a sha256 that is not hex",
                        "DELETE WHERE { ?doc mkg:sha256 ?h } ; INSERT DATA { doc:000_be1d552f40914512.txt mkg:sha256 \"data/000_be1d552f40914512.txt\" }",
                        "64 lower-case hex digits", "<https://w3id.org/medkg/doc/000_be1d552f40914512.txt>"),
                new Breakage("a document in another language",
                        "DELETE WHERE { ?doc mkg:language ?l } ; INSERT DATA { doc:000_be1d552f40914512.txt mkg:language \"de\" }",
                        "one of \"ru\", \"kk\", \"en\"", "\"de\""),
                new Breakage("a document without its source file",
                        "DELETE WHERE { ?doc mkg:sourceFile ?f }",
                        "exactly one mkg:sourceFile", "<https://w3id.org/medkg/doc/000_be1d552f40914512.txt>"),
                new Breakage("evidence without its sentence",
                        "DELETE WHERE { ?e mkg:quote ?q }",
                        "quotes exactly one sentence", "mkg:quote"),
                new Breakage("evidence with both an object and an object value",
                        "INSERT { ?e mkg:objectValue \"профессор\"@ru } WHERE { ?e mkg:object ?o }",
                        "exactly one object", "Evidence"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void aBrokenRuleIsReportedWithItsMessageAndTheNode(Breakage breakage) {
        Graph graph = seed();
        UpdateAction.parseExecute(PREFIXES + breakage.update(), graph);
        ValidationResult result = validator.validate(graph, "<https://w3id.org/medkg/doc/000_be1d552f40914512.txt>");
        assertFalse(result.conforms(), breakage.rule() + " must not conform");
        assertTrue(result.lines().stream().anyMatch(line -> line.contains(breakage.message())
                        && line.contains(breakage.namedNode()) && line.startsWith("<https://w3id.org/medkg/doc/000_")),
                () -> breakage.rule() + ": expected a line with «" + breakage.message() + "» naming "
                        + breakage.namedNode() + ", got:\n" + String.join("\n", result.lines()));
    }

    /** "в сентябре 2024 года … по 21.09.2024": a month beside a day is not a contradiction. */
    @Test
    void aPartialStartDateWithinTheEndDateConforms() {
        Graph graph = seed();
        UpdateAction.parseExecute(PREFIXES + "DELETE WHERE { ex:allergology-conference-8 mkg:startDate ?d } ; "
                + "INSERT DATA { ex:allergology-conference-8 mkg:startDate \"2024-09\"^^xsd:gYearMonth }", graph);
        ValidationResult result = validator.validate(graph, "doc:000");
        assertTrue(result.conforms(), () -> String.join("\n", result.lines()));
    }

    @Test
    void anEventTypedOnlyByItsSubclassIsStillCheckedAsAnEvent() {
        Graph graph = seed();
        UpdateAction.parseExecute(PREFIXES + "DELETE WHERE { ex:council-meeting-2024-09-19 rdfs:label ?l }", graph);
        ValidationResult result = validator.validate(graph, "doc:000");
        assertEquals(1, result.violations().size(), () -> String.join("\n", result.lines()));
        Violation violation = result.violations().get(0);
        assertEquals("<https://w3id.org/medkg/id/council-meeting-2024-09-19>", violation.focus());
        assertEquals("rdfs:label", violation.path());
    }

    @Test
    void aDatasetIsCheckedGraphByGraphAndAsAWhole() {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        dataset.addGraph(NodeFactory.createURI("https://w3id.org/medkg/doc/000_be1d552f40914512.txt"), seed());
        Graph other = GraphFactory.createDefaultGraph();
        // A second document, valid alone, that makes the seed's speaker a participant of the same meeting.
        RDFParser.create().source(new StringReader(PREFIXES + """
                doc:other.md a mkg:Document ; mkg:sourceFile "other.md" ; mkg:language "ru" ;
                    mkg:sha256 "0000000000000000000000000000000000000000000000000000000000000000" ;
                    mkg:mentions ex:council-meeting-2024-09-19 , ex:nesterova-irina .
                ex:council-meeting-2024-09-19 a mkg:Meeting ; rdfs:label "Заседание совета экспертов"@ru ;
                    mkg:participant ex:nesterova-irina .
                ex:nesterova-irina a mkg:Person ; rdfs:label "Нестерова Ирина Вадимовна"@ru .
                """)).lang(Lang.TURTLE).parse(other);
        dataset.addGraph(NodeFactory.createURI("https://w3id.org/medkg/doc/other.md"), other);

        ValidationResult result = validator.validate(dataset);

        assertEquals(2, result.graphsChecked());
        assertEquals(1, result.violations().size(), () -> String.join("\n", result.lines()));
        Violation violation = result.violations().get(0);
        assertEquals(GraphValidator.UNION, violation.graph());
        assertTrue(violation.line().contains("a speaker or a participant of an event, not both"), violation.line());
        assertTrue(violation.value().contains("Нестерова Ирина Вадимовна"), violation.line());
    }

    @Test
    void aConformingDatasetHasNoViolations() {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        dataset.addGraph(NodeFactory.createURI("https://w3id.org/medkg/doc/000_be1d552f40914512.txt"), seed());
        ValidationResult result = validator.validate(dataset);
        assertTrue(result.conforms(), () -> String.join("\n", result.lines()));
        assertEquals(1, result.graphsChecked());
    }

    private static Graph seed() {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(SEED_000)).lang(Lang.TURTLE).parse(graph);
        return graph;
    }
}
