package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedQueryTest {

    private static final String EVENTS_BY_YEAR_AND_CITY = """
            #+ summary: Events of a year in a city
            #+ description: >
            #+   Matches the city's IRI exactly.
            #+ tags:
            #+   - events
            #+ defaults:
            #+   - lang: kk
            #+ enumerate:
            #+   - kind:
            #+     - Conference
            #+     - School
            PREFIX mkg: <https://w3id.org/medkg/ontology#>
            SELECT ?event WHERE {
              ?event mkg:city ?_city_iri ; mkg:startDate ?start ; a ?type .
              FILTER(YEAR(?start) = ?_year_xsd_integer && STRENDS(STR(?type), ?__kind))
              BIND(?__lang AS ?language)
              # ?_commented_out is not a parameter: comments are not part of the query
            }
            """;

    private static SavedQuery parse(String text) throws BadQueryException {
        return SavedQuery.parse("test", "test.rq", text);
    }

    @Test
    void readsTheGrlcHeaderAndParameters() throws BadQueryException {
        SavedQuery query = parse(EVENTS_BY_YEAR_AND_CITY);
        assertEquals("Events of a year in a city", query.summary());
        assertEquals("Matches the city's IRI exactly.", query.description());
        assertEquals(List.of("events"), query.tags());
        assertEquals(List.of("city (iri, required)", "kind (string, optional, one of Conference|School)",
                        "lang (string, optional, default kk)", "year (xsd:integer, required)"),
                query.parameters().stream().map(QueryParameter::describe).toList());
        assertEquals("_year_xsd_integer", query.parameter("year").orElseThrow().variable());
    }

    @Test
    void examplesComeFromTheirDecoratorElseTheDefaultElseTheFirstAllowedValue() throws BadQueryException {
        SavedQuery query = parse(EVENTS_BY_YEAR_AND_CITY.replace("PREFIX mkg:",
                "#+ examples:\n#+   - year: 2024\n#+   - city: \"https://w3id.org/medkg/id/almaty\"\nPREFIX mkg:"));
        assertEquals(Arrays.asList("https://w3id.org/medkg/id/almaty", "Conference", "kk", "2024"),
                query.parameters().stream().map(QueryParameter::example).toList());
        assertEquals(null, parse(EVENTS_BY_YEAR_AND_CITY).parameter("year").orElseThrow().example(),
                "no example is made up");
    }

    @Test
    void anExampleThatDoesNotFitIsAnErrorNamingTheFile() {
        BadQueryException wrongType = assertThrows(BadQueryException.class, () -> parse(EVENTS_BY_YEAR_AND_CITY
                .replace("PREFIX mkg:", "#+ examples:\n#+   - year: last year\nPREFIX mkg:")));
        assertEquals("test.rq: example of 'year': 'last year' is not a valid xsd:integer", wrongType.getMessage());
        BadQueryException noSuchParameter = assertThrows(BadQueryException.class, () -> parse(EVENTS_BY_YEAR_AND_CITY
                .replace("PREFIX mkg:", "#+ examples:\n#+   - town: Almaty\nPREFIX mkg:")));
        assertEquals("test.rq: example given for 'town', which is not a parameter", noSuchParameter.getMessage());
    }

    @Test
    void bindsValuesAsTypedTerms() throws Exception {
        Map<String, Node> bound = parse(EVENTS_BY_YEAR_AND_CITY).bind(
                Map.of("year", "2024", "city", "https://w3id.org/medkg/id/almaty"));
        assertEquals(XSDDatatype.XSDinteger, bound.get("_year_xsd_integer").getLiteralDatatype());
        assertTrue(bound.get("_city_iri").isURI());
        assertEquals("kk", bound.get("__lang").getLiteralLexicalForm(), "the default applies");
        assertEquals("", bound.get("__lang").getLiteralLanguage(), "a plain string, not a language-tagged one");
        assertFalse(bound.containsKey("__kind"), "an optional parameter without value or default stays unbound");
    }

    @Test
    void refusesValuesThatDoNotFit() throws BadQueryException {
        SavedQuery query = parse(EVENTS_BY_YEAR_AND_CITY);
        String city = "https://w3id.org/medkg/id/almaty";
        assertProblem(query, Map.of("year", "2024", "city", city, "town", "Алматы"), "no parameter 'town'");
        assertProblem(query, Map.of("year", "двадцать", "city", city), "not a valid xsd:integer");
        assertProblem(query, Map.of("year", "2024", "city", "Алматы"), "not an absolute IRI");
        assertProblem(query, Map.of("year", "2024", "city", city, "kind", "Meeting"), "not one of Conference, School");
        assertProblem(query, Map.of("city", city), "'year' is required");
    }

    private static void assertProblem(SavedQuery query, Map<String, String> values, String problem) {
        BadParameterException e = assertThrows(BadParameterException.class, () -> query.bind(values));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void aBrokenFileIsAnErrorNamingIt(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("broken.rq"), "#+ summary: Unclosed\nSELECT ?x WHERE { ?x ?p ?o ");
        Files.writeString(folder.resolve("no-summary.rq"), "SELECT ?x WHERE { ?x ?p ?o }");
        Files.writeString(folder.resolve("update.rq"), "#+ summary: Not a select\nASK { ?x ?p ?o }");
        Files.writeString(folder.resolve("events.rq"), EVENTS_BY_YEAR_AND_CITY);
        List<String> problems = new ArrayList<>();
        List<SavedQuery> loaded = SavedQueries.load(folder, e -> problems.add(e.getMessage()));
        assertEquals(List.of("events"), loaded.stream().map(SavedQuery::name).toList());
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(folder.resolve("broken.rq") + ": not valid SPARQL"), problems.get(0));
        assertTrue(problems.get(1).endsWith("no-summary.rq: no '#+ summary:' line"), problems.get(1));
        assertTrue(problems.get(2).endsWith("update.rq: a saved query must be a SELECT query"), problems.get(2));
    }

    @Test
    void anUndeclaredPrefixInATypeIsAnError() {
        BadQueryException e = assertThrows(BadQueryException.class,
                () -> parse("#+ summary: s\nSELECT ?x WHERE { ?x ?p ?_when_obo_day }"));
        assertTrue(e.getMessage().contains("unknown prefix 'obo'"), e.getMessage());
    }

    @Test
    void anInjectionAttemptStaysALiteral() throws Exception {
        Dataset dataset = Fixture.dataset();
        long before = Txn.calculateRead(dataset, () -> dataset.asDatasetGraph().stream().count());
        SavedQuery profile = Fixture.saved("expert-profile");
        String attack = "\"} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o";
        assertEquals(0, QueryRunner.local(dataset).select(profile, Map.of("name", attack)).size());
        assertEquals(before, Txn.calculateRead(dataset, () -> dataset.asDatasetGraph().stream().count()));
        assertTrue(QueryRunner.local(dataset).select(profile, Map.of("name", "Нестеров")).size() > 0,
                "the same query with a real name finds her");
    }

    @Test
    void aFragmentParameterNamesItsVariableWhosePlaceholderTakesTheCandidates() throws BadQueryException {
        String header = "#+ summary: People by a fragment of a name\n#+ fragments:\n#+   - name: ?person\n";
        String body = """
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?person WHERE {
                  VALUES ?person { UNDEF }
                  ?person rdfs:label ?label FILTER(CONTAINS(LCASE(?label), LCASE(?_name)))
                }
                """;
        SavedQuery query = parse(header + body);
        assertEquals(Map.of("name", "person"), query.fragments());
        assertEquals(query.query(), query.narrowed(Map.of()));
        String narrowed = query.narrowed(Map.of("person", List.of("http://localhost:3030/id/person/nesterova-i-v")))
                .serialize();
        assertTrue(narrowed.contains("VALUES ?person { <http://localhost:3030/id/person/nesterova-i-v> }"), narrowed);
        assertTrue(query.query().serialize().contains("UNDEF"), "the saved query itself is left as it was");

        BadQueryException noPlaceholder = assertThrows(BadQueryException.class,
                () -> parse(header + body.replace("VALUES ?person { UNDEF }", "")));
        assertTrue(noPlaceholder.getMessage().contains("VALUES ?person { UNDEF }"), noPlaceholder.getMessage());
        // a query that reads the same people twice (expert-profile: their facts, then their items' labels) has the
        // placeholder twice, and each takes the candidates
        String twice = header + body.replace("SELECT ?person WHERE {", """
                SELECT ?person ?other WHERE {
                  { SELECT ?other WHERE { VALUES ?person { UNDEF } ?person rdfs:seeAlso ?other } }""");
        String bothNarrowed = parse(twice).narrowed(Map.of("person",
                List.of("http://localhost:3030/id/person/nesterova-i-v"))).serialize();
        assertFalse(bothNarrowed.contains("UNDEF"), bothNarrowed);
        assertEquals(2, bothNarrowed.split("VALUES \\?person \\{ <http://localhost:3030/id/person/nesterova-i-v> \\}",
                -1).length - 1, bothNarrowed);
        assertThrows(BadQueryException.class, () -> parse(header.replace("- name:", "- city:") + body));
        assertThrows(BadQueryException.class, () -> parse(header.replace("?person", "person") + body));
    }

    @Test
    void aDateRangeNamesItsEventsAndTheParametersThatBoundIt() throws BadQueryException {
        String header = "#+ summary: Events of a year\n#+ date-range:\n#+   - events: ?event\n#+   - from: year\n"
                + "#+   - to: year\n";
        String body = """
                PREFIX mkg: <https://w3id.org/medkg/ontology#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                SELECT ?event WHERE {
                  VALUES ?event { UNDEF }
                  ?event mkg:startDate ?start FILTER(xsd:integer(SUBSTR(STR(?start), 1, 4)) = ?_year_xsd_integer)
                }
                """;
        assertEquals(Optional.of(new SavedQuery.DateRange("event", "year", "year")), parse(header + body).dateRange());
        assertEquals(Optional.empty(), parse("#+ summary: Events of a year\n" + body).dateRange());

        BadQueryException noPlaceholder = assertThrows(BadQueryException.class,
                () -> parse(header + body.replace("VALUES ?event { UNDEF }", "")));
        assertTrue(noPlaceholder.getMessage().contains("date-range: the query must hold VALUES ?event { UNDEF }"),
                noPlaceholder.getMessage());
        BadQueryException noParameter = assertThrows(BadQueryException.class,
                () -> parse(header.replace("- to: year", "- to: until") + body));
        assertTrue(noParameter.getMessage().contains("'to' must name a parameter, not 'until'"),
                noParameter.getMessage());
        BadQueryException unknown = assertThrows(BadQueryException.class,
                () -> parse(header.replace("- to:", "- till:") + body));
        assertTrue(unknown.getMessage().contains("'till' is none of events, from, to"), unknown.getMessage());
        assertThrows(BadQueryException.class, () -> parse(header.replace("?event", "event") + body));
    }

    @Test
    void pageByNamesTheOrderedSubqueryWhereAPageIsCut() throws BadQueryException {
        String header = "#+ summary: Events by date\n#+ page-by: ?event\n";
        String body = """
                PREFIX mkg: <https://w3id.org/medkg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?event ?start (MIN(?label) AS ?eventLabel) WHERE {
                  { SELECT ?event ?start WHERE { ?event mkg:startDate ?start } ORDER BY ?start ?event }
                  OPTIONAL { ?event rdfs:label ?label }
                }
                GROUP BY ?event ?start
                ORDER BY ?start ?event
                """;
        SavedQuery query = parse(header + body);
        assertEquals(Optional.of("event"), query.pageBy());
        String paged = query.paged(query.query(), new Page(3, 10)).serialize();
        assertTrue(paged.replaceAll("\\s+", " ").contains("ORDER BY ?start ?event OFFSET 20 LIMIT 11 }"), paged);
        assertTrue(paged.strip().endsWith("ORDER BY ?start ?event"), "the labels' query is not cut: " + paged);
        assertFalse(query.query().serialize().contains("LIMIT"), "the saved query itself is left as it was");

        SavedQuery whole = parse("#+ summary: Events by date\n" + body);
        assertTrue(whole.paged(whole.query(), new Page(1, 5)).serialize().replaceAll("\\s+", " ").strip()
                        .endsWith("ORDER BY ?start ?event LIMIT 6"),
                "without page-by, the whole query is cut");

        BadQueryException unordered = assertThrows(BadQueryException.class,
                () -> parse(header + body.replace("ORDER BY ?start ?event }", "}")));
        assertTrue(unordered.getMessage().contains("page-by: the query must hold one subquery that selects ?event "
                + "with an ORDER BY and no LIMIT (copies of it are cut the same); it holds 0"), unordered.getMessage());
        assertThrows(BadQueryException.class, () -> parse(header.replace("?event", "event") + body));
        assertThrows(BadQueryException.class, () -> parse(header.replace("?event", "?start2") + body));
    }

    @Test
    void everyCopyOfThePageChoosingSubqueryIsCutTheSame() throws BadQueryException {
        String header = "#+ summary: Events by date, each city's label read once\n#+ page-by: ?event\n";
        String choosing = "{ SELECT ?event ?start WHERE { ?event mkg:startDate ?start } ORDER BY ?start ?event }";
        String body = """
                PREFIX mkg: <https://w3id.org/medkg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?event ?start (MIN(?label) AS ?cityLabel) WHERE {
                  CHOOSING
                  OPTIONAL { ?event mkg:city ?city }
                  OPTIONAL {
                    { SELECT DISTINCT ?city WHERE { CHOOSING ?event mkg:city ?city } }
                    ?city rdfs:label ?label
                  }
                }
                GROUP BY ?event ?start
                ORDER BY ?start ?event
                """;
        SavedQuery query = parse(header + body.replace("CHOOSING", choosing));
        String paged = query.paged(query.query(), new Page(2, 10)).serialize().replaceAll("\\s+", " ");
        assertEquals(2, paged.split("ORDER BY \\?start \\?event OFFSET 10 LIMIT 11 \\}", -1).length - 1, paged);


        // run in two steps: the chooser alone, cut; then its rows in place of it and of its copy
        Query chooser = query.pageChooser(query.query(), new Page(2, 10)).orElseThrow();
        assertEquals(List.of("event", "start"), chooser.getResultVars());
        assertEquals(10, chooser.getOffset());
        assertEquals(11, chooser.getLimit());
        Node event = NodeFactory.createURI("http://localhost:3030/id/event/2024-09-19-conference");
        Binding row = BindingFactory.binding(Var.alloc("event"), event, Var.alloc("start"),
                NodeFactory.createLiteralDT("2024-09-19", XSDDatatype.XSDdate));
        String withRows = query.withPageRows(query.query(), List.of(Var.alloc("event"), Var.alloc("start")),
                List.of(row)).serialize().replaceAll("\\s+", " ");
        assertEquals(2, withRows.split("VALUES \\( \\?event \\?start \\) \\{ \\( <" + event.getURI(), -1).length - 1,
                withRows);
        assertFalse(withRows.contains("mkg:startDate"), "no copy of the chooser is left: " + withRows);
        assertTrue(withRows.contains("?city rdfs:label ?label"), withRows);
        assertTrue(query.query().serialize().contains("mkg:startDate"), "the saved query itself is left as it was");
        SavedQuery unpaged = parse("#+ summary: Events by date\n" + body.replace("CHOOSING", choosing));
        assertEquals(Optional.empty(), unpaged.pageChooser(unpaged.query(), new Page(1, 10)));
        SavedQuery inGraph = parse(header + body.replaceFirst("CHOOSING", choosing)
                .replace("CHOOSING", "GRAPH ?g " + choosing));
        assertEquals(Optional.empty(), inGraph.pageChooser(inGraph.query(), new Page(1, 10)),
                "a copy that rows cannot replace: the query is run cut as a whole");

        BadQueryException differing = assertThrows(BadQueryException.class, () -> parse(header
                + body.replaceFirst("CHOOSING", choosing).replace("CHOOSING", choosing.replace("?start ?event }",
                        "?event }"))));
        assertTrue(differing.getMessage().contains("(copies of it are cut the same); it holds 2"),
                differing.getMessage());
    }
}
