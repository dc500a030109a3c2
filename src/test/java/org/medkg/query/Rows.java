package org.medkg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;

/** Result rows as maps from column to the value's text (lexical form or IRI), for assertions. */
final class Rows {
    private Rows() {
    }

    static List<Map<String, String>> of(ResultSet results) {
        List<Map<String, String>> rows = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution solution = results.next();
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : results.getResultVars()) {
                RDFNode value = solution.get(column);
                if (value != null) {
                    row.put(column, value.isLiteral() ? value.asLiteral().getLexicalForm() : value.toString());
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** Whether some row has a value in that column containing the text. */
    static boolean anyContains(List<Map<String, String>> rows, String column, String text) {
        return rows.stream().anyMatch(row -> row.getOrDefault(column, "").contains(text));
    }
}
