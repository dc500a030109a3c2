package org.medkg.query;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionBuilder;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;

/**
 * Runs saved queries over a local dataset or a remote SPARQL endpoint. Parameter values are bound as RDF terms
 * by Jena's substitution on the query execution, never spliced into the query text.
 */
public final class QueryRunner {
    /** Only turns nodes into the RDFNodes that the substitution API takes; never holds data. */
    private static final Model TERMS = ModelFactory.createDefaultModel();

    private final Supplier<QueryExecutionBuilder> executions;
    private final Function<Supplier<ResultSetRewindable>, ResultSetRewindable> reading;

    private QueryRunner(Supplier<QueryExecutionBuilder> executions,
                        Function<Supplier<ResultSetRewindable>, ResultSetRewindable> reading) {
        this.executions = executions;
        this.reading = reading;
    }

    /**
     * Over a dataset (TDB2, or any other), in a read transaction, with the union of the named graphs as the
     * default graph (TDB2's {@code unionDefaultGraph}), as the graph contract expects.
     */
    public static QueryRunner local(Dataset dataset) {
        requireNonNull(dataset, "dataset");
        return new QueryRunner(
                () -> QueryExecution.dataset(dataset).set(TDB2.symUnionDefaultGraph, true),
                work -> Txn.calculateRead(dataset, work::get));
    }

    /** Over a SPARQL endpoint (its default graph should be the union of the named graphs, as medkg serve does). */
    public static QueryRunner remote(String endpoint) {
        requireNonNull(endpoint, "endpoint");
        return new QueryRunner(() -> QueryExecutionHTTP.service(endpoint), Supplier::get);
    }

    /**
     * The rows of a saved query, with the given parameter values (by parameter name) and the defaults.
     * The rows are copied, so they outlive the transaction or the HTTP response.
     */
    public ResultSetRewindable select(SavedQuery saved, Map<String, String> values) throws BadParameterException {
        QuerySolutionMap substitution = new QuerySolutionMap();
        saved.bind(values).forEach((variable, node) -> substitution.add(variable, TERMS.asRDFNode(node)));
        return reading.apply(() -> {
            try (QueryExecution execution = executions.get().query(saved.query()).substitution(substitution).build()) {
                return ResultSetFactory.copyResults(execution.execSelect());
            }
        });
    }
}
