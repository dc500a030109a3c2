package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.Test;

/**
 * A page of a query with {@code page-by} is chosen first and its rows then stand for the chooser and its copies; rows
 * that cannot be written into a query (blank nodes) leave the query to be run whole, cut, with the same page.
 */
class PageChooserTest {
    private static final String EVENTS_AND_CITIES = """
            #+ summary: Events by date, each city's label read once
            #+ page-by: ?event
            PREFIX mkg: <https://w3id.org/medkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?event ?start (MIN(?label) AS ?cityLabel) WHERE {
              { SELECT ?event ?start WHERE { ?event mkg:startDate ?start } ORDER BY ?start ?event }
              OPTIONAL { ?event mkg:city ?city }
              OPTIONAL {
                { SELECT DISTINCT ?labelledCity WHERE {
                    { SELECT ?event ?start WHERE { ?event mkg:startDate ?start } ORDER BY ?start ?event }
                    ?event mkg:city ?labelledCity } }
                ?labelledCity rdfs:label ?label
                FILTER(?labelledCity = ?city)
              }
            }
            GROUP BY ?event ?start
            ORDER BY ?start ?event
            """;

    @Test
    void pagesOfNamedAndOfBlankEventsAreTheRowsOfTheWholeAnswer() throws BadQueryException, BadParameterException {
        SavedQuery saved = SavedQuery.parse("events-and-cities", "events-and-cities.rq", EVENTS_AND_CITIES);
        for (String event : List.of("<http://localhost:3030/id/event/%d-conference>", "_:event%d")) {
            QueryRunner runner = QueryRunner.local(store(event));
            List<Map<String, String>> whole = Rows.of(runner.select(saved, Map.of()));
            assertEquals(5, whole.size(), event);
            assertEquals("Алматы", whole.get(0).get("cityLabel"), event);
            List<Map<String, String>> paged = new ArrayList<>();
            for (int number = 1; number <= 3; number++) {
                AnswerPage page = runner.select(saved, Map.of(), new Page(number, 2));
                paged.addAll(Rows.of(page.rows()));
                assertEquals(number < 3, page.more(), event + ": more after page " + number);
            }
            assertEquals(whole, paged, event + ": the pages, one after another");
            assertFalse(whole.get(4).containsKey("cityLabel"), "an event without a city keeps its row: " + whole);
            assertTrue(whole.get(3).get("cityLabel").startsWith("Караганд"), whole.toString());
        }
    }

    /** Five events on five days in a real TDB2 store, each in a graph of its own; the last has no city. */
    private static Dataset store(String eventPattern) {
        StringBuilder trig = new StringBuilder("""
                PREFIX mkg: <https://w3id.org/medkg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                """);
        String[] cities = {"almaty", "almaty", "karaganda", "karaganda", null};
        for (int day = 1; day <= 5; day++) {
            String event = eventPattern.formatted(day);
            trig.append("<urn:graph:").append(day).append("> { ").append(event)
                    .append(" mkg:startDate \"2024-09-0").append(day).append("\"^^xsd:date .");
            if (cities[day - 1] != null) {
                trig.append(' ').append(event).append(" mkg:city <http://localhost:3030/id/place/")
                        .append(cities[day - 1]).append("> .");
            }
            trig.append(" }\n");
        }
        trig.append("<urn:graph:places> { <http://localhost:3030/id/place/almaty> rdfs:label \"Алматы\"@ru .\n"
                + "<http://localhost:3030/id/place/karaganda> rdfs:label \"Караганда\"@ru . }\n");
        Dataset dataset = TDB2Factory.createDataset();
        Txn.executeWrite(dataset, () -> RDFParser.fromString(trig.toString(), Lang.TRIG).parse(dataset));
        return dataset;
    }
}
