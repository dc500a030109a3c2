package org.medkg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;

/**
 * Values of a saved query's required parameters that no one has asked the server before, taken from the served
 * store: what an analyst's next question costs. The benchmark's rows under load ask the listing's example again and
 * again, which after the first request is a kept page.
 */
final class UnaskedValues {
    private static final String PREFIXES = """
            PREFIX mkg: <https://w3id.org/medkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    private static final String FAMILY_NAMES =
            "SELECT DISTINCT ?v WHERE { ?person mkg:familyName ?v } ORDER BY ?v";
    private static final String YEARS =
            "SELECT DISTINCT (SUBSTR(STR(?date), 1, 4) AS ?v) WHERE { ?event mkg:startDate ?date } ORDER BY ?v";
    /** By parameter name, a query of the served store whose {@code ?v} are the candidate values, in a set order. */
    private static final Map<String, String> CANDIDATES = Map.of(
            "year", YEARS,
            "city", "SELECT DISTINCT ?v WHERE { ?city a mkg:City ; rdfs:label ?v FILTER(LANG(?v) = \"ru\") } ORDER BY ?v",
            "name", FAMILY_NAMES,
            "entity", FAMILY_NAMES,
            "qualification", "SELECT DISTINCT ?v WHERE { { ?person mkg:degree ?v } UNION { ?person mkg:academicTitle ?v } }"
                    + " ORDER BY ?v",
            // a name as an analyst would type it, not one of the sentences some events are labelled with
            "event", "SELECT DISTINCT ?v WHERE { ?event mkg:startDate ?date ; rdfs:label ?v "
                    + "FILTER(LANG(?v) = \"ru\" && STRLEN(?v) <= 60) } ORDER BY ?v");
    /** A date range's two ends: a month of a year the store has events in. */
    private static final List<String> RANGE = List.of("from", "to");

    private final String sparqlEndpoint;
    private final Map<String, List<String>> candidates = new LinkedHashMap<>();

    /** @param sparqlEndpoint the served store's SPARQL endpoint */
    UnaskedValues(String sparqlEndpoint) {
        this.sparqlEndpoint = sparqlEndpoint;
    }

    /**
     * Up to {@code count} query strings ({@code year=2019}, {@code from=…&to=…}) for the query as its listing
     * describes it, spread over the candidates, none its example; empty when it has no required parameter or one
     * this class has no values for.
     */
    List<String> of(JsonNode query, int count) {
        List<String> required = new ArrayList<>();
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        StringJoiner example = new StringJoiner("&");
        for (JsonNode parameter : query.path("parameters")) {
            if (mustBeGiven(parameter)) {
                String name = parameter.path("name").asText();
                required.add(name);
                example.add(name + "=" + encode(parameter.path("example").asText("")));
                List<String> values = new ArrayList<>();
                parameter.path("allowed").forEach(value -> values.add(value.asText()));
                allowed.put(name, values);
            }
        }
        List<String> asks = new ArrayList<>();
        if (required.isEmpty()) {
            return asks;
        }
        List<String> spread;
        if (required.equals(RANGE)) {
            List<String> months = new ArrayList<>();
            for (String year : candidates(YEARS)) {
                for (int month = 1; month <= 12; month++) {
                    months.add(String.format(Locale.ROOT, "from=%s-%02d-01&to=%s-%02d-28", year, month, year, month));
                }
            }
            spread = spread(months, count + 1);
        } else if (required.size() == 1 && !allowed.get(required.get(0)).isEmpty()) {
            spread = allowed.get(required.get(0)).stream().map(value -> required.get(0) + "=" + encode(value)).toList();
        } else if (required.size() == 1 && CANDIDATES.containsKey(required.get(0))) {
            spread = spread(candidates(CANDIDATES.get(required.get(0))), count + 1).stream()
                    .map(value -> required.get(0) + "=" + encode(value)).toList();
        } else {
            return asks;
        }
        for (String ask : spread) {
            if (!ask.equals(example.toString()) && asks.size() < count) {
                asks.add(ask);
            }
        }
        return asks;
    }

    /** Whether a parameter of a query's listing must be given to run it: required, with no default. */
    static boolean mustBeGiven(JsonNode parameter) {
        return parameter.path("required").asBoolean() && !parameter.has("default");
    }

    /** The candidates the query gives, read once per query. */
    private List<String> candidates(String select) {
        return candidates.computeIfAbsent(select, query -> {
            List<String> values = new ArrayList<>();
            try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(sparqlEndpoint).query(PREFIXES + query).build()) {
                ResultSet rows = exec.execSelect();
                rows.forEachRemaining(row -> values.add(row.get("v").asNode().getLiteralLexicalForm()));
            }
            return values;
        });
    }

    /** {@code count} of the values, evenly spaced over them (all when there are fewer). */
    private static List<String> spread(List<String> values, int count) {
        if (values.size() <= count) {
            return values;
        }
        List<String> spread = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            spread.add(values.get((int) ((long) i * values.size() / count)));
        }
        return spread;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
