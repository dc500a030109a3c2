package org.medkg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;

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

    /**
     * The rows of a SELECT over the dataset, each read as every document's graph together (TDB2's union default
     * graph).
     */
    static List<Map<String, String>> selectedRows(Dataset dataset, String query) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution execution = QueryExecution.dataset(dataset).query(query)
                    .set(TDB2.symUnionDefaultGraph, true).build()) {
                return of(execution.execSelect());
            }
        });
    }

    /** {@link #selectedRows}, each row as text. */
    static List<String> selected(Dataset dataset, String query) {
        return selectedRows(dataset, query).stream().map(Map::toString).toList();
    }

    /** Whether some row has a value in that column containing the text. */
    static boolean anyContains(List<Map<String, String>> rows, String column, String text) {
        return rows.stream().anyMatch(row -> row.getOrDefault(column, "").contains(text));
    }
}
