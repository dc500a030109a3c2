package org.medkg.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.medkg.publish.Site;
import org.medkg.search.LuceneNameIndex;
import org.medkg.search.NameIndex;
import org.medkg.search.SearchHit;
import org.medkg.store.CancellableReads;

/**
 * Name search for programs: {@code GET /api/search?q=Клодзинского&limit=10} answers a JSON array of
 * {@code {iri, label, matchedName, types, score}}, best first, one element per entity. {@code label} is the
 * entity's name ({@code rdfs:label}) in the language of the name that matched; {@code types} are its classes.
 * A missing or blank {@code q}, or a {@code limit} that is not a positive number, is a 400 with
 * {@code {"error": …}}; a store without a name index, or a search that ran over the time limit, is a 503.
 */
public final class SearchModule implements FusekiModule {

    public static final String PATH = "/api/search";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node TYPE = RDF.type.asNode();

    /** One entity found, as the API writes it. */
    record Result(String iri, String label, String matchedName, List<String> types, double score) {
    }

    private record Problem(String error) {
    }

    private final Site site;

    public SearchModule(Site site) {
        this.site = requireNonNull(site, "site");
    }

    @Override
    public String name() {
        return "medkg-search";
    }

    @Override
    public void prepare(FusekiServer.Builder serverBuilder, Set<String> datasetNames, Model configModel) {
        serverBuilder.addServlet(PATH, new SearchServlet());
    }

    private final class SearchServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String query = request.getParameter("q");
            if (query == null || query.isBlank()) {
                write(response, HttpServletResponse.SC_BAD_REQUEST, new Problem("missing parameter q: the name to look for"));
                return;
            }
            Optional<Integer> limit = limit(request.getParameter("limit"));
            if (limit.isEmpty()) {
                write(response, HttpServletResponse.SC_BAD_REQUEST,
                        new Problem("limit must be a whole number from 1 to " + MAX_LIMIT + ": " + request.getParameter("limit")));
                return;
            }
            Optional<NameIndex> index = LuceneNameIndex.of(site.dataset());
            if (index.isEmpty()) {
                write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, new Problem("this store has no name index"));
                return;
            }
            RequestWatch watch = RequestWatch.of(request);
            DatasetGraph store = watch.reads(site.dataset());
            List<Result> results;
            try {
                List<SearchHit> hits = index.get().search(query, limit.get(), CancellableReads.cancelSignal(store));
                results = describe(store, hits);
            } catch (QueryCancelledException e) {
                response.setHeader("Retry-After", watch.retryAfter());
                write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, new Problem(
                        "the search took longer than the server's time limit of " + watch.timeLimit().toMillis() + " ms"));
                return;
            }
            write(response, HttpServletResponse.SC_OK, results);
        }
    }

    private static Optional<Integer> limit(String value) {
        if (value == null) {
            return Optional.of(DEFAULT_LIMIT);
        }
        try {
            int limit = Integer.parseInt(value.strip());
            return limit >= 1 && limit <= MAX_LIMIT ? Optional.of(limit) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static List<Result> describe(DatasetGraph dataset, List<SearchHit> hits) {
        return Txn.calculateRead(dataset, () -> hits.stream().map(hit -> describe(dataset, hit)).toList());
    }

    private static Result describe(DatasetGraph dataset, SearchHit hit) {
        Node entity = NodeFactory.createURI(hit.iri());
        Set<String> types = new TreeSet<>();
        dataset.find(Node.ANY, entity, TYPE, Node.ANY).forEachRemaining(quad -> {
            if (quad.getObject().isURI()) {
                types.add(quad.getObject().getURI());
            }
        });
        return new Result(hit.iri(), label(dataset, entity, hit.matchedName()), hit.matchedName(), List.copyOf(types),
                hit.score());
    }

    /**
     * The label most documents give the entity in the language of the matched name (the matched name itself
     * when it has none in that language); ties go to the shorter, then the alphabetically first.
     */
    private static String label(DatasetGraph dataset, Node entity, String matchedName) {
        String language = LuceneNameIndex.NAME_PREDICATES.stream()
                .flatMap(predicate -> Iter.asStream(dataset.find(Node.ANY, entity, predicate, Node.ANY)))
                .map(Quad::getObject)
                .filter(name -> name.isLiteral() && name.getLiteralLexicalForm().equals(matchedName))
                .map(Node::getLiteralLanguage)
                .findFirst().orElse("");
        Map<String, Long> labels = Iter.asStream(dataset.find(Node.ANY, entity, LABEL, Node.ANY))
                .map(Quad::getObject)
                .filter(label -> label.isLiteral() && label.getLiteralLanguage().equals(language))
                .collect(Collectors.groupingBy(Node::getLiteralLexicalForm, Collectors.counting()));
        return labels.entrySet().stream()
                .min(Comparator.comparing((Map.Entry<String, Long> label) -> -label.getValue())
                        .thenComparing(label -> label.getKey().length())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElse(matchedName);
    }
}
