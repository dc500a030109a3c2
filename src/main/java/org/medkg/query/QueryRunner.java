package org.medkg.query;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionBuilder;
import org.apache.jena.query.QuerySolutionMap;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.Txn;
import org.medkg.search.DateIndex;
import org.medkg.search.DaySpan;
import org.medkg.search.LuceneNameIndex;
import org.medkg.search.NameIndex;
import org.medkg.store.CancellableReads;
import org.medkg.store.RemoteDataset;
import org.medkg.store.SparqlEndpoint;
import org.medkg.store.UnionGraphExecutor;

/**
 * Runs saved queries over a local dataset or a remote SPARQL endpoint. Parameter values are bound as RDF terms
 * by Jena's substitution on the query execution, never spliced into the query text.
 *
 * <p>Over a dataset with a name index ({@link LuceneNameIndex#of}: a store opened by medkg, or served with
 * {@code --endpoint}), the candidates of each fragment parameter ({@link SavedQuery#fragments}) are asked of the index
 * and put in the query's placeholder ({@link SavedQuery#narrowed}); when the index cannot tell, the query reads every
 * name as written. The events of a query's {@link SavedQuery#dateRange} are asked of the same index's dates
 * ({@link DateIndex}) likewise.
 */
public final class QueryRunner {
    /** Only turns nodes into the RDFNodes that the substitution API takes; never holds data. */
    private static final Model TERMS = ModelFactory.createDefaultModel();

    /** How long {@code query --endpoint} waits for the store to start answering: a person at a terminal stops it. */
    private static final Duration REMOTE_WAIT = Duration.ofHours(1);

    private final Dataset dataset;
    private final Optional<NameIndex> names;
    private final AtomicBoolean cancelSignal;

    private QueryRunner(Dataset dataset) {
        this.dataset = dataset;
        this.names = LuceneNameIndex.of(dataset.asDatasetGraph());
        this.cancelSignal = CancellableReads.cancelSignal(dataset.asDatasetGraph());
    }

    /**
     * Over a dataset (TDB2, or any other), in a read transaction, with the union of the named graphs as the
     * default graph (TDB2's {@code unionDefaultGraph}), as the graph contract expects.
     */
    public static QueryRunner local(Dataset dataset) {
        return new QueryRunner(requireNonNull(dataset, "dataset"));
    }

    /**
     * Over a SPARQL endpoint (its default graph should be the union of the named graphs, as medkg serve does): each
     * query is sent whole, but for one that calls medkg's own functions, which only medkg's store knows; that one is
     * run here over the endpoint's data. A URL that is no http(s) URL is an {@link IllegalArgumentException}.
     */
    public static QueryRunner remote(String endpoint) {
        requireNonNull(endpoint, "endpoint");
        return local(DatasetFactory.wrap(RemoteDataset.over(SparqlEndpoint.at(endpoint, null, null, REMOTE_WAIT))));
    }

    /**
     * The rows of a saved query, with the given parameter values (by parameter name) and the defaults.
     * The rows are copied, so they outlive the transaction or the HTTP response.
     */
    public ResultSetRewindable select(SavedQuery saved, Map<String, String> values) throws BadParameterException {
        Map<String, Node> bound = saved.bind(values);
        return run(narrowed(saved, bound), bound, ResultSetFactory::copyResults);
    }

    /**
     * One page of a saved query's rows ({@link SavedQuery#paged}), with the given parameter values and the defaults:
     * the rows of the whole answer from the page's offset on, and whether more follow.
     */
    public AnswerPage select(SavedQuery saved, Map<String, String> values, Page page) throws BadParameterException {
        requireNonNull(page, "page");
        Map<String, Node> bound = saved.bind(values);
        Query whole = narrowed(saved, bound);
        Optional<Query> chooser = saved.pageChooser(whole, page);
        if (chooser.isEmpty()) {
            return run(saved.paged(whole, page), bound, results -> AnswerPage.ofOneMore(results, page));
        }
        QuerySolutionMap substitution = substitution(bound);
        return Txn.calculateRead(dataset, () -> {
            // run as it ran inside its query: at a query's top level Jena splits an IN into one branch per value,
            // each reading the chooser's pattern again (events-by-year, every start date once per event class)
            ChosenRows chosen = execute(execution().query(chooser.get()).set(ARQ.optFilterExpandOneOf, false)
                    .substitution(substitution), ChosenRows::of);
            Query rest = chosen.writable() ? saved.withPageRows(whole, chosen.variables(), chosen.rows())
                    : saved.paged(whole, page);
            return execute(execution().query(rest).substitution(substitution),
                    results -> AnswerPage.ofOneMore(results, page));
        });
    }

    private <T> T run(Query query, Map<String, Node> bound, Function<ResultSet, T> read) {
        QuerySolutionMap substitution = substitution(bound);
        return Txn.calculateRead(dataset, () -> execute(execution().query(query).substitution(substitution), read));
    }

    private QueryExecutionBuilder execution() {
        QueryExecutionBuilder execution = QueryExecution.dataset(dataset);
        UnionGraphExecutor.unionDefaultGraph().forEach(execution::set);
        return execution;
    }

    private static <T> T execute(QueryExecutionBuilder execution, Function<ResultSet, T> read) {
        try (QueryExecution running = execution.build()) {
            return read.apply(running.execSelect());
        }
    }

    private static QuerySolutionMap substitution(Map<String, Node> bound) {
        QuerySolutionMap substitution = new QuerySolutionMap();
        bound.forEach((variable, node) -> substitution.add(variable, TERMS.asRDFNode(node)));
        return substitution;
    }

    /** The rows a page's chooser gave, read whole before the rest of the query runs. */
    private record ChosenRows(List<Var> variables, List<Binding> rows) {
        static ChosenRows of(ResultSet results) {
            List<Binding> rows = new ArrayList<>();
            while (results.hasNext()) {
                rows.add(results.nextBinding());
            }
            return new ChosenRows(Var.varList(results.getResultVars()), rows);
        }

        /** Whether the rows can be written into a query: a blank node has no name a query (or an endpoint) knows. */
        boolean writable() {
            return rows.stream().noneMatch(row -> variables.stream().map(row::get)
                    .anyMatch(node -> node != null && node.isBlank()));
        }
    }

    /**
     * The saved query with the name index's candidates for each fragment given, and its date index's for the date
     * range, as far as the indexes can tell.
     */
    private Query narrowed(SavedQuery saved, Map<String, Node> bound) {
        if (names.isEmpty()) {
            return saved.query();
        }
        Map<String, Set<String>> candidates = new HashMap<>();
        saved.fragments().forEach((parameter, variable) -> {
            Node fragment = bound.get(saved.parameter(parameter).orElseThrow().variable());
            if (fragment != null && fragment.isLiteral()) {
                names.get().entitiesContaining(fragment.getLiteralLexicalForm(), cancelSignal)
                        .ifPresent(entities -> candidates.put(variable, entities));
            }
        });
        if (saved.dateRange().isPresent() && names.get() instanceof DateIndex dates) {
            SavedQuery.DateRange range = saved.dateRange().get();
            Optional<DaySpan> from = daysOf(saved, range.from(), bound);
            Optional<DaySpan> to = daysOf(saved, range.to(), bound);
            if (from.isPresent() && to.isPresent() && from.get().firstDay() <= to.get().lastDay()) {
                dates.eventsOverlapping(new DaySpan(from.get().firstDay(), to.get().lastDay()), cancelSignal)
                        .ifPresent(events -> candidates.merge(range.events(), events, QueryRunner::both));
            }
        }
        return saved.narrowed(candidates);
    }

    /** The days of a parameter's value (a date, a year), as the index reads dates; empty when it is not one. */
    private static Optional<DaySpan> daysOf(SavedQuery saved, String parameter, Map<String, Node> bound) {
        Node value = bound.get(saved.parameter(parameter).orElseThrow().variable());
        return value != null && value.isLiteral() ? DaySpan.of(value.getLiteralLexicalForm()) : Optional.empty();
    }

    private static Set<String> both(Set<String> some, Set<String> others) {
        Set<String> common = new HashSet<>(some);
        common.retainAll(others);
        return common;
    }
}
