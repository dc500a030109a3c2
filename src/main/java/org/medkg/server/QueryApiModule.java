package org.medkg.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.eclipse.jetty.http.HttpStatus;
import org.medkg.publish.Site;
import org.medkg.query.AnswerPage;
import org.medkg.query.BadParameterException;
import org.medkg.query.BadQueryException;
import org.medkg.query.QueryApiDescription;
import org.medkg.query.Page;
import org.medkg.query.QueryRunner;
import org.medkg.query.ResultFormat;
import org.medkg.query.SavedQueries;
import org.medkg.query.SavedQuery;
import org.medkg.store.CancellableReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved queries over HTTP: {@code GET /api/queries} lists them (JSON), {@code GET /api/queries/{name}?param=value}
 * (or POST with form parameters) runs one over the store and answers SPARQL results in JSON, CSV, TSV or XML (by
 * {@code Accept}, or {@code ?format=json|csv|tsv|xml}), a page at a time ({@code ?page=2&size=50}, {@link Page}; a
 * {@code Link: <…>; rel="next"} header when more rows follow; {@code size=all} for every row), and
 * {@code GET /api/openapi.json} describes the whole HTTP API in OpenAPI 3.
 *
 * <p>Parameter values become RDF terms of the parameter's type, bound by substitution: they never become query text.
 * Errors are RFC 9457 problem details ({@code application/problem+json}): 404 for an unknown query, 400 for a
 * parameter the query does not have, a value that does not fit, a required parameter missing; 406 when
 * {@code Accept} allows no result format; 503 (with {@code Retry-After}) when the query ran over the site's time
 * limit and was cancelled.
 *
 * <p>The saved queries (those shipped with medkg and those of the site's folder) are read once, when the server is
 * built; a broken file is logged and left out.
 *
 * <p>A saved query run with no parameter given reads the whole graph, the same for every client: over a local store
 * its answer is computed once per data version and kept ({@link KeptAnswers}), whole: each page is cut from it. It is
 * computed apart from the request, under a longer limit than a request's, so that over a large store it is computed
 * once, even if the requests that wait for it stop at their own limit (503, "still being computed"). A run with
 * parameters reads only its page's rows where the query allows ({@link SavedQuery#paged}); over a local store that
 * page is kept too, by its query, parameter values (defaults included) and page ({@link PageKey}), within a bound on
 * all such pages ({@link KeptPage#MOST_KEPT_BYTES}), so that clients asking the same page share one computation. Both
 * are kept across the writes that changed nothing their query reads ({@link SavedQuery#footprint}).
 */
public final class QueryApiModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(QueryApiModule.class);
    private static final String OPENAPI_PATH = "/api/openapi.json";
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The request parameters of the API itself, which no saved query may declare. */
    private static final Set<String> API_PARAMETERS =
            Set.of(QueryApiDescription.FORMAT_PARAMETER, Page.NUMBER_PARAMETER, Page.SIZE_PARAMETER);

    private final Site site;
    private final Map<String, SavedQuery> queries;
    private final Optional<KeptAnswers<String, QueryAnswer>> wholeGraphAnswers;
    private final Optional<KeptAnswers<PageKey, KeptPage>> parameterizedPages;

    /**
     * What names a kept page of a run with parameters: its query, the terms bound (defaults included, so that a
     * default given or left out is the same page), and the page ({@link Page#WHOLE} for all rows).
     */
    record PageKey(String query, Map<String, Node> terms, String page) {
        PageKey {
            requireNonNull(query, "query");
            terms = Map.copyOf(requireNonNull(terms, "terms"));
            requireNonNull(page, "page");
        }
    }

    /**
     * @param site the store and the saved queries
     * @param queries the saved queries served, by name ({@link #savedQueries})
     * @param wholeGraphAnswers where the answers of runs with no parameter are kept; empty to compute each
     * @param parameterizedPages where the pages of runs with parameters are kept; empty to compute each
     */
    QueryApiModule(Site site, Map<String, SavedQuery> queries,
                   Optional<KeptAnswers<String, QueryAnswer>> wholeGraphAnswers,
                   Optional<KeptAnswers<PageKey, KeptPage>> parameterizedPages) {
        this.site = requireNonNull(site, "site");
        this.queries = Map.copyOf(requireNonNull(queries, "queries"));
        this.wholeGraphAnswers = requireNonNull(wholeGraphAnswers, "wholeGraphAnswers");
        this.parameterizedPages = requireNonNull(parameterizedPages, "parameterizedPages");
    }

    @Override
    public String name() {
        return "medkg saved queries API";
    }

    @Override
    public void prepare(FusekiServer.Builder serverBuilder, Set<String> datasetNames, Model configModel) {
        serverBuilder.addServlet(QueryApiDescription.QUERIES_PATH + "/*", new SavedQueryServlet(queries, site, wholeGraphAnswers,
                parameterizedPages));
        serverBuilder.addServlet(OPENAPI_PATH, new OpenApiServlet(
                QueryApiDescription.openApi(List.copyOf(queries.values()))));
    }

    /** The saved queries by name; a broken one is logged (naming its file) and left out. */
    static Map<String, SavedQuery> savedQueries(Site site) {
        Map<String, SavedQuery> byName = new LinkedHashMap<>();
        try {
            List<SavedQuery> loaded = SavedQueries.available(site.queriesFolder(),
                    broken -> LOG.warn("saved query left out: {}", broken.getMessage()));
            for (SavedQuery query : loaded) {
                Optional<String> taken = API_PARAMETERS.stream()
                        .filter(p -> query.parameter(p).isPresent()).findFirst();
                if (taken.isPresent()) {
                    LOG.warn("saved query left out: {}: its parameter '{}' is the API's own (result format, paging)",
                            query.name(), taken.get());
                } else {
                    byName.put(query.name(), query);
                }
            }
        } catch (BadQueryException e) {
            LOG.warn("no saved queries served: {}", e.getMessage());
        }
        return Map.copyOf(byName);
    }

    /** {@code /api/queries} (the list) and {@code /api/queries/{name}} (one query run). */
    private static final class SavedQueryServlet extends HttpServlet {
        private final Map<String, SavedQuery> queries;
        private final List<SavedQuery> sorted;
        private final Site site;
        private final Optional<KeptAnswers<String, QueryAnswer>> wholeGraphAnswers;
        private final Optional<KeptAnswers<PageKey, KeptPage>> parameterizedPages;

        SavedQueryServlet(Map<String, SavedQuery> queries, Site site,
                          Optional<KeptAnswers<String, QueryAnswer>> wholeGraphAnswers,
                          Optional<KeptAnswers<PageKey, KeptPage>> parameterizedPages) {
            this.queries = queries;
            this.sorted = queries.values().stream().sorted(Comparator.comparing(SavedQuery::name)).toList();
            this.site = site;
            this.wholeGraphAnswers = wholeGraphAnswers;
            this.parameterizedPages = parameterizedPages;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
            if (name.isEmpty()) {
                writeJson(response, HttpServletResponse.SC_OK, JSON,
                        QueryApiDescription.listing(sorted, serverRoot(request)));
                return;
            }
            SavedQuery query = queries.get(name);
            if (query == null) {
                problem(response, HttpServletResponse.SC_NOT_FOUND, "no saved query '" + name + "'; GET "
                        + QueryApiDescription.QUERIES_PATH + " lists them", null);
                return;
            }
            run(query, request, response);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getCharacterEncoding() == null) {
                request.setCharacterEncoding(StandardCharsets.UTF_8.name());
            }
            doGet(request, response);
        }

        private void run(SavedQuery query, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            Map<String, String[]> given = request.getParameterMap();
            for (Map.Entry<String, String[]> parameter : given.entrySet()) {
                if (parameter.getValue().length > 1) {
                    problem(response, HttpServletResponse.SC_BAD_REQUEST, query.name() + ": parameter '"
                            + parameter.getKey() + "' is given " + parameter.getValue().length
                            + " times; give it once", parameter.getKey());
                    return;
                }
            }
            Optional<ResultFormat> format = resultFormat(query, request, response);
            if (format.isEmpty()) {
                return;
            }
            Map<String, String> values = given.entrySet().stream()
                    .filter(e -> !API_PARAMETERS.contains(e.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue()[0]));
            RequestWatch watch = RequestWatch.of(request);
            QueryRunner runner = QueryRunner.local(DatasetFactory.wrap(watch.reads(site.dataset())));
            ResultSet rows;
            Optional<Page> nextPage = Optional.empty();
            try {
                Optional<Page> page = Page.parse(query.name(), request.getParameter(Page.NUMBER_PARAMETER),
                        request.getParameter(Page.SIZE_PARAMETER), Page.DEFAULT_SIZE);
                if (values.isEmpty() && wholeGraphAnswers.isPresent()) {
                    // the whole answer is kept, whatever page is asked: each page is cut from it
                    QueryAnswer whole = wholeGraphAnswers.get().answerApart(query.name(), () -> watch.stop() != null,
                            () -> watch.stop() == RequestWatch.Stop.CLIENT_LEFT,
                            cancelSignal -> QueryAnswer.of(QueryRunner.local(DatasetFactory.wrap(
                                    CancellableReads.over(site.dataset(), cancelSignal))).select(query, values)));
                    AnswerPage shown = page.isPresent() ? AnswerPage.of(whole.vars(), whole.rows(), page.get()) : null;
                    rows = shown == null ? whole.results() : shown.rows();
                    nextPage = shown != null && shown.more() ? Optional.of(page.get().next()) : Optional.empty();
                } else if (parameterizedPages.isPresent()) {
                    PageKey key = new PageKey(query.name(), query.bind(values),
                            page.map(p -> p.number() + "/" + p.size()).orElse(Page.WHOLE));
                    KeptPage shown = parameterizedPages.get().answer(key, () -> watch.stop() != null,
                            () -> keptPage(runner, query, values, page),
                            cancelSignal -> keptPage(QueryRunner.local(DatasetFactory.wrap(
                                    CancellableReads.over(site.dataset(), cancelSignal))), query, values, page));
                    rows = shown.rows().results();
                    nextPage = shown.more() ? page.map(Page::next) : Optional.empty();
                } else if (page.isPresent()) {
                    AnswerPage shown = runner.select(query, values, page.get());
                    rows = shown.rows();
                    nextPage = shown.more() ? Optional.of(page.get().next()) : Optional.empty();
                } else {
                    rows = runner.select(query, values);
                }
            } catch (BadParameterException e) {
                problem(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), e.parameter().orElse(null));
                return;
            } catch (KeptAnswers.GivenUpException e) {
                problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage(), null);
                return;
            } catch (QueryCancelledException e) {
                if (watch.stop() == RequestWatch.Stop.CLIENT_LEFT) {
                    return;
                }
                if (values.isEmpty() && wholeGraphAnswers.isPresent()
                        && wholeGraphAnswers.get().underWay(query.name())) {
                    response.setHeader("Retry-After", watch.retryAfter());
                    problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, query.name()
                            + ": the answer reads the whole graph and is still being computed, apart from this "
                            + "request, which waited " + watch.timeLimit().toMillis() + " ms; ask again later: "
                            + "once computed, it is kept until the store changes", null);
                    return;
                }
                // the same query is likely to run over again: clients wait about one time limit
                response.setHeader("Retry-After", watch.retryAfter());
                problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, query.name()
                        + ": the query ran over the server's time limit of " + watch.timeLimit().toMillis()
                        + " ms and was cancelled", null);
                return;
            }
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(format.get().mediaType());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Vary", "Accept");
            nextPage.ifPresent(next -> response.setHeader("Link", "<" + pageUrl(request, next) + ">; rel=\"next\""));
            format.get().write(response.getOutputStream(), rows);
        }

        /** The URL of another page of the same answer: the request's parameters, the page's number and size. */
        private static String pageUrl(HttpServletRequest request, Page page) {
            StringBuilder url = new StringBuilder(request.getRequestURL());
            char separator = '?';
            for (Map.Entry<String, String[]> parameter : new TreeMap<>(request.getParameterMap()).entrySet()) {
                String name = parameter.getKey();
                if (!name.equals(Page.NUMBER_PARAMETER) && !name.equals(Page.SIZE_PARAMETER)) {
                    url.append(separator).append(encoded(name)).append('=')
                            .append(encoded(parameter.getValue()[0]));
                    separator = '&';
                }
            }
            return url.append(separator).append(Page.NUMBER_PARAMETER).append('=').append(page.number())
                    .append('&').append(Page.SIZE_PARAMETER).append('=').append(page.size()).toString();
        }

        private static String encoded(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }

        /** The page asked of a run with parameters, or its whole answer, as kept. */
        private static KeptPage keptPage(QueryRunner runner, SavedQuery query, Map<String, String> values,
                                         Optional<Page> page) throws BadParameterException {
            return page.isPresent() ? KeptPage.of(runner.select(query, values, page.get()))
                    : new KeptPage(QueryAnswer.of(runner.select(query, values)), false);
        }

        /** The format asked by {@code ?format=}, else by {@code Accept}; empty when the problem has been answered. */
        private static Optional<ResultFormat> resultFormat(SavedQuery query, HttpServletRequest request,
                                                           HttpServletResponse response) throws IOException {
            String asked = request.getParameter(QueryApiDescription.FORMAT_PARAMETER);
            if (asked != null) {
                Optional<ResultFormat> format = ResultFormat.byShortName(asked);
                if (format.isEmpty()) {
                    problem(response, HttpServletResponse.SC_BAD_REQUEST, query.name() + ": parameter '"
                            + QueryApiDescription.FORMAT_PARAMETER + "': '" + asked + "' is not one of "
                            + shortNames(), QueryApiDescription.FORMAT_PARAMETER);
                }
                return format;
            }
            String accept = request.getHeader("Accept");
            Optional<ResultFormat> format = ResultFormat.negotiate(accept);
            if (format.isEmpty()) {
                problem(response, HttpServletResponse.SC_NOT_ACCEPTABLE, query.name() + ": Accept '" + accept
                        + "' allows none of " + Arrays.stream(ResultFormat.values()).map(ResultFormat::mediaType)
                        .collect(Collectors.joining(", ")) + " (or ask ?format=" + shortNames() + ")", null);
            }
            return format;
        }

        private static String shortNames() {
            return Arrays.stream(ResultFormat.values()).map(ResultFormat::shortName).collect(Collectors.joining("|"));
        }
    }

    /** {@code /api/openapi.json}. */
    private static final class OpenApiServlet extends HttpServlet {
        private final JsonNode description;

        OpenApiServlet(JsonNode description) {
            this.description = description;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            writeJson(response, HttpServletResponse.SC_OK, JSON, description);
        }
    }

    /** The absolute URL of a path on this server as the request reached it (so behind any host name). */
    private static Function<String, String> serverRoot(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        String root = url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
        return path -> root + path;
    }

    /** An RFC 9457 problem: {@code about:blank}, so the title is the status's; the detail says what to fix. */
    private static void problem(HttpServletResponse response, int status, String detail, String parameter)
            throws IOException {
        ObjectNode problem = MAPPER.createObjectNode()
                .put("type", "about:blank")
                .put("title", HttpStatus.getMessage(status))
                .put("status", status)
                .put("detail", detail);
        if (parameter != null) {
            problem.put("parameter", parameter);
        }
        writeJson(response, status, PROBLEM_JSON, problem);
    }

    private static void writeJson(HttpServletResponse response, int status, String mediaType, JsonNode json)
            throws IOException {
        response.setStatus(status);
        response.setContentType(mediaType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        MAPPER.writeValue(response.getOutputStream(), json);
    }
}
