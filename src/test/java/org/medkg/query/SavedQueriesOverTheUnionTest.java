package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each shipped saved query, run by medkg over a TDB2 store (the union of the named graphs read by
 * {@code UnionGraphExecutor}, each triple once however many documents state it), answers the rows that TDB2's own
 * union graph answers, in the same order: over what the converter makes of the seeds and the hemcenter articles,
 * where the hematology center, Almaty and Kazakhstan are stated by most documents.
 */
class SavedQueriesOverTheUnionTest {

    static List<SavedQuery> shipped() {
        return SavedQueries.shipped();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void answersAsTdb2sOwnUnionGraph(SavedQuery saved) throws BadParameterException {
        Dataset corpus = ConvertedCorpus.seedsAndHemcenter();
        Map<String, String> examples = new LinkedHashMap<>();
        saved.parameters().stream().filter(parameter -> parameter.example() != null)
                .forEach(parameter -> examples.put(parameter.name(), parameter.example()));
        List<Map<String, String>> byMedkg = Rows.of(QueryRunner.local(corpus).select(saved, examples));

        // as the runner runs it over a store without a name index: as written, the values substituted
        QuerySolutionMap bound = new QuerySolutionMap();
        Model terms = ModelFactory.createDefaultModel();
        saved.bind(examples).forEach((variable, node) -> bound.add(variable, terms.asRDFNode(node)));
        List<Map<String, String>> byTdb2 = Txn.calculateRead(corpus, () -> {
            try (QueryExecution execution = QueryExecution.dataset(corpus).query(saved.query()).substitution(bound)
                    .set(TDB2.symUnionDefaultGraph, true).build()) {
                return Rows.of(execution.execSelect());
            }
        });
        assertEquals(byTdb2, byMedkg, saved.name());
    }
}
