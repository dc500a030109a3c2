package org.medkg.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.medkg.pages.EntityIndex;
import org.medkg.pages.NodeMemo;
import org.medkg.pages.PageLanguage;
import org.medkg.pipeline.Converter;
import org.medkg.publish.Site;
import org.medkg.query.SavedQuery;
import org.medkg.search.LuceneNameIndex;
import org.medkg.store.Footprint;
import org.medkg.store.GraphReplacement;
import org.medkg.store.PatternReads;
import org.medkg.store.RemoteDataset;
import org.medkg.store.UnionGraphExecutor;
import org.medkg.store.VersionedStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The medkg store served over HTTP by an embedded Fuseki: SPARQL query and Graph Store reads for everyone,
 * SPARQL Update and Graph Store writes only when the server has credentials, and then only with HTTP basic
 * auth. Beside the endpoints, medkg's own Fuseki modules serve the web site: the graph's IRIs as linked data,
 * pages for people, name search and the saved queries as an API. Fuseki's admin API ({@code /$/}) and UI are not
 * served.
 *
 * <p>Queries see the union of the named graphs as their default graph (one graph per document, see
 * GRAPH.md), and run under a time limit.
 */
public final class MedkgServer {
    /** The dataset's path on the server. */
    public static final String DATASET = "/medkg";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    /**
     * A whole-graph saved query's answer is computed once for every client, apart from the requests, by default under
     * this many times their time limit (10 minutes for the default 30 s): at 1,000 copies of the corpus, three of them
     * took longer than a request's 30 s, cross-border-participation 650 s on a busy machine.
     */
    public static final int WHOLE_GRAPH_TIMEOUT_FACTOR = 20;
    /** The largest body of a request that reads: a SPARQL query, a form. */
    public static final long DEFAULT_MAX_QUERY_BYTES = 1024 * 1024;
    /**
     * How long stopping may wait for requests to end, once their queries are cancelled: a stopped server's store is
     * closed next, and a stuck request must not hold up the process (Jetty's own default let it wait 15 s).
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(2);
    /**
     * How long writes must have stopped, by default, before whole-graph answers are computed again in the background:
     * as long as before a compaction, so that a load over HTTP (writes milliseconds apart) is not followed document by
     * document.
     */
    static final Duration WHOLE_GRAPH_REFRESH_QUIET = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(MedkgServer.class);
    private static final String REALM = "medkg";
    /** Threads answering requests: plenty for two cores; more clients wait in Jetty's queue, not in memory. */
    static final int MAX_THREADS = 32;
    /** Bytes of a response gathered before they are sent (Jetty's default). */
    private static final int OUTPUT_BUFFER = 32 * 1024;

    /** One endpoint of the dataset: its name under {@link #DATASET} ("" is the dataset URL itself). */
    private record EndpointSpec(String name, Operation operation) {
    }

    private static final List<EndpointSpec> READ_ENDPOINTS = List.of(
            new EndpointSpec("sparql", Operation.Query),
            new EndpointSpec("query", Operation.Query),
            new EndpointSpec("get", Operation.GSP_R),
            new EndpointSpec("", Operation.Query),
            new EndpointSpec("", Operation.GSP_R));

    private static final List<EndpointSpec> WRITE_ENDPOINTS = List.of(
            new EndpointSpec("update", Operation.Update),
            new EndpointSpec("data", Operation.GSP_RW));

    private final FusekiServer fuseki;
    private final QueryWatchdog watchdog;
    private final List<KeptAnswers<?, ?>> keptAnswers;
    private final Optional<KeptAnswers<QueryApiModule.PageKey, KeptPage>> parameterizedPages;
    private final String host;
    private final boolean updatable;
    /** The saved queries the warm-up asks once the server listens, if it warms up (see {@link Builder#warmUp}). */
    private final Optional<List<SavedQuery>> warmUpQueries;
    private final Duration warmUpPatience;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile WarmUp warmUp;

    private MedkgServer(FusekiServer fuseki, QueryWatchdog watchdog, List<KeptAnswers<?, ?>> keptAnswers,
                        Optional<KeptAnswers<QueryApiModule.PageKey, KeptPage>> parameterizedPages, String host,
                        boolean updatable, Optional<List<SavedQuery>> warmUpQueries, Duration warmUpPatience) {
        this.fuseki = fuseki;
        this.watchdog = watchdog;
        this.keptAnswers = keptAnswers;
        this.parameterizedPages = parameterizedPages;
        this.host = host;
        this.updatable = updatable;
        this.warmUpQueries = warmUpQueries;
        this.warmUpPatience = warmUpPatience;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening, and its warm-up if it has one; returns at once, the server runs in the background. */
    public MedkgServer start() {
        fuseki.start();
        warmUpQueries.ifPresent(queries -> warmUp = WarmUp.start(siteUrl(), queries, warmUpPatience));
        return this;
    }

    /** Completes once the warm-up has asked everything (see {@link Builder#warmUp}); at once for a server with none. */
    public CompletableFuture<Void> warmedUp() {
        WarmUp started = warmUp;
        return started == null ? CompletableFuture.completedFuture(null) : started.done();
    }

    /**
     * Stops the server promptly: cancels every request reading the store, stops Jetty, and waits at most
     * {@link #STOP_GRACE} for those requests to end. Safe to call more than once. The dataset is left open: it belongs
     * to the caller.
     */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            WarmUp started = warmUp;
            if (started != null) {
                started.close();
            }
            watchdog.cancelAll();
            keptAnswers.forEach(KeptAnswers::close);
            parameterizedPages.ifPresent(KeptAnswers::close);
            try {
                fuseki.stop();
            } catch (RuntimeException pastTheGrace) {
                // Jetty has stopped all the same; it says so when a request outlived its graceful stop (seen in a
                // full test run: a SPARQL query still building its plan), and the caller must still close the store
                LOG.warn("stopping: {}", pastTheGrace.toString());
            }
            watchdog.awaitNoneRunning(STOP_GRACE);
            watchdog.close();
        }
    }

    /** Blocks until the server has stopped; interruptible. */
    public void awaitStop() throws InterruptedException {
        fuseki.getJettyServer().join();
    }

    /** The port listened on: the one actually chosen when the builder asked for port 0. */
    public int port() {
        return fuseki.getPort();
    }

    /** How many requests are reading the store at this moment (queries, pages, search, descriptions…). */
    public int requestsReading() {
        return watchdog.running();
    }

    /**
     * How many answers that read the whole graph (saved queries run with no parameter, the home page) were computed
     * since the server started: once per data version of a local store (see {@link KeptAnswers}); none over a remote
     * store, whose answers are not kept.
     */
    public long wholeGraphComputations() {
        return keptAnswers.stream().mapToLong(KeptAnswers::computations).sum();
    }

    /**
     * How many pages of saved queries run with parameters were computed since the server started: once per query,
     * parameter values, page and data version of a local store while kept; none counted over a remote store, whose
     * pages are not kept.
     */
    public long parameterizedPageComputations() {
        return parameterizedPages.map(KeptAnswers::computations).orElse(0L);
    }

    /** Whether SPARQL Update and Graph Store writes are served (only with credentials). */
    public boolean updatable() {
        return updatable;
    }

    /** The web site's root: the home page, the entity pages, the IRIs, the API. */
    public String siteUrl() {
        return "http://" + urlHost() + ":" + port() + "/";
    }

    /** The dataset URL: Graph Store reads ({@code ?graph=IRI}) and SPARQL queries ({@code ?query=}). */
    public String datasetUrl() {
        return "http://" + urlHost() + ":" + port() + DATASET;
    }

    public String sparqlUrl() {
        return datasetUrl() + "/sparql";
    }

    /** Graph Store Protocol, read only. */
    public String graphStoreReadUrl() {
        return datasetUrl() + "/get";
    }

    /** SPARQL Update, if the server has credentials. */
    public Optional<String> updateUrl() {
        return updatable ? Optional.of(datasetUrl() + "/update") : Optional.empty();
    }

    /** Graph Store Protocol, read and write, if the server has credentials. */
    public Optional<String> graphStoreWriteUrl() {
        return updatable ? Optional.of(datasetUrl() + "/data") : Optional.empty();
    }

    private String urlHost() {
        return switch (host) {
            case "0.0.0.0", "::", "0:0:0:0:0:0:0:0" -> "localhost";
            default -> host.contains(":") ? "[" + host + "]" : host;
        };
    }

    /** Gathers the settings; {@link #build()} checks them and makes the server, which is not yet started. */
    public static final class Builder {
        private DatasetGraph dataset;
        private int port = DEFAULT_PORT;
        private String host = DEFAULT_HOST;
        private String user;
        private String password;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private Duration wholeGraphTimeout;
        private Duration wholeGraphRefreshQuiet = WHOLE_GRAPH_REFRESH_QUIET;
        private long maxQueryBytes = DEFAULT_MAX_QUERY_BYTES;
        private String base = Converter.DEFAULT_BASE;
        private Optional<Path> queriesFolder = Optional.empty();
        private boolean warmUp;

        private Builder() {
        }

        /**
         * The store to serve: TDB2, or a {@link RemoteDataset}, another server's store, which is served read-only
         * (writes are answered with where to write instead). Required.
         */
        public Builder dataset(DatasetGraph dataset) {
            this.dataset = requireNonNull(dataset, "dataset");
            return this;
        }

        /** The port; 0 picks a free one. Default {@value MedkgServer#DEFAULT_PORT}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on. Default {@value MedkgServer#DEFAULT_HOST}: this machine only. */
        public Builder host(String host) {
            requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host is blank");
            }
            this.host = host;
            return this;
        }

        /** The one user allowed to write; without credentials the server has no write endpoints at all. */
        public Builder credentials(String user, String password) {
            requireNonNull(user, "user");
            requireNonNull(password, "password");
            if (user.isBlank() || user.contains(":")) {
                throw new IllegalArgumentException("user must be non-blank and without ':': '" + user + "'");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password is empty");
            }
            this.user = user;
            this.password = password;
            return this;
        }

        /** How long a query may run before it is cancelled. Default 30 s. */
        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = positive(queryTimeout, "queryTimeout");
            return this;
        }

        /**
         * How long the answer of a saved query run without parameters (it reads the whole graph) may take: it is
         * computed apart from the requests, which wait for it only up to their {@link #queryTimeout}, and kept.
         * Default {@value MedkgServer#WHOLE_GRAPH_TIMEOUT_FACTOR} times the query timeout.
         */
        public Builder wholeGraphTimeout(Duration wholeGraphTimeout) {
            this.wholeGraphTimeout = positive(wholeGraphTimeout, "wholeGraphTimeout");
            return this;
        }

        /**
         * How long writes must have stopped before the kept answers (whole-graph saved queries, the home page, the
         * pages of runs with parameters asked last) asked since they were last refreshed, and changed by the writes,
         * are computed again without waiting for a request. Default 2 s.
         */
        public Builder wholeGraphRefreshQuiet(Duration quiet) {
            this.wholeGraphRefreshQuiet = positive(quiet, "wholeGraphRefreshQuiet");
            return this;
        }

        private static Duration positive(Duration duration, String name) {
            requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
            return duration;
        }

        /**
         * The largest body of a request that reads (a SPARQL query, a form): a larger one answers 413 before it is
         * read. Writes are not bounded. Default {@value MedkgServer#DEFAULT_MAX_QUERY_BYTES} bytes.
         */
        public Builder maxQueryBytes(long maxQueryBytes) {
            if (maxQueryBytes <= 0) {
                throw new IllegalArgumentException("the largest query must be positive: " + maxQueryBytes);
            }
            this.maxQueryBytes = maxQueryBytes;
            return this;
        }

        /** The public base the graph's IRIs were minted under. Default {@code Converter.DEFAULT_BASE}. */
        public Builder base(String base) {
            requireNonNull(base, "base");
            if (!base.endsWith("/")) {
                throw new IllegalArgumentException("base IRI must end with '/': " + base);
            }
            this.base = base;
            return this;
        }

        /**
         * A folder of saved queries the API serves beside those shipped with medkg; a file named like a shipped query
         * replaces it. Default: none, the shipped ones only.
         */
        public Builder queries(Path queriesFolder) {
            this.queriesFolder = Optional.of(requireNonNull(queriesFolder, "queriesFolder"));
            return this;
        }

        /**
         * Whether the started server asks itself, once, its home page and each saved query with its examples, so that
         * its first users find its code warm and the whole-graph answers kept ({@link WarmUp}). Default false: a
         * server embedded or tested answers only what it is asked; {@code medkg serve} warms up unless told not to.
         */
        public Builder warmUp(boolean warmUp) {
            this.warmUp = warmUp;
            return this;
        }

        public MedkgServer build() {
            requireNonNull(dataset, "dataset");
            boolean updatable = user != null;
            // Settings for queries only, kept on the endpoints so the caller's dataset is not changed. The time limit
            // is the watchdog's, not ARQ's (see QueryWatchdog).
            Context queryContext = new Context();
            UnionGraphExecutor.unionDefaultGraph().forEach(queryContext::set);
            QueryWatchdog watchdog = new QueryWatchdog(queryTimeout, dataset);
            // Whole-graph answers are kept for a store that tells when it changes: not for a remote one, written by
            // others (see the README's Saved queries).
            Optional<VersionedStore> versions = dataset instanceof VersionedStore versioned ? Optional.of(versioned)
                    : Optional.empty();
            Site site = new Site(base, dataset, queriesFolder, queryTimeout);
            Map<String, SavedQuery> queries = QueryApiModule.savedQueries(site);
            Map<String, Footprint> footprints = queries.values().stream()
                    .collect(Collectors.toUnmodifiableMap(SavedQuery::name, SavedQuery::footprint));
            // whole-graph answers: large ones too (cross-border-participation at 1,000x), within an eighth of the heap;
            // each kept across the writes that changed none of the predicates its query reads, as are pages of runs
            // with parameters
            long wholeGraphBytes = QueryAnswer.keptAtMostInAll();
            // what is refreshed once writes stop, one at a time among all of it
            KeptAnswers.RefreshTurn refreshTurn = new KeptAnswers.RefreshTurn();
            Optional<KeptAnswers<String, QueryAnswer>> savedQueryAnswers = versions.map(store -> new KeptAnswers<String, QueryAnswer>(
                    "saved query", store, QueryAnswer::estimatedBytes, 0, wholeGraphBytes, wholeGraphBytes)
                    .computedApart(wholeGraphTimeout != null ? wholeGraphTimeout
                            : queryTimeout.multipliedBy(WHOLE_GRAPH_TIMEOUT_FACTOR))
                    .keptAcrossWritesReading(footprints::get));
            // computed again once writes stop, those asked since: after a load, the next request finds them kept
            // (at 1,000x, 2.5-8.7 s each after a write of one document)
            savedQueryAnswers.ifPresent(answers -> answers.refreshInBackground(wholeGraphRefreshQuiet, refreshTurn));
            Optional<KeptAnswers<QueryApiModule.PageKey, KeptPage>> parameterizedPages = versions.map(store ->
                    new KeptAnswers<QueryApiModule.PageKey, KeptPage>("saved query page", store,
                            KeptPage::estimatedBytes, 0, KeptPage.MOST_KEPT_BYTES, KeptPage.MOST_KEPT_BYTES)
                            .keptAcrossWritesReading(key -> footprints.get(key.query()))
                            .computedApart(queryTimeout));
            // computed in the request, and again apart once writes stop, the pages asked last (a bounded number) that
            // the writes changed: after a load, an analyst's page is kept again (at 1,000x, 74-279 ms each after a
            // write of one document)
            parameterizedPages.ifPresent(pages -> pages.refreshInBackground(wholeGraphRefreshQuiet, refreshTurn));
            // a few counts and ten events for each of six page languages: always small enough to keep; kept across
            // the writes that typed nothing, dated no event and touched none of those shown; computed apart, so that
            // the languages asked are computed again once writes stop, as the whole-graph answers are (at 1,000x,
            // 0.3-0.6 s each after a write of one document)
            Optional<KeptAnswers<PageLanguage, PagesModule.KeptHome>> homeViews = versions.map(store ->
                    new KeptAnswers<PageLanguage, PagesModule.KeptHome>("home page", store, home -> 0, 0)
                            .keptAcrossWrites((language, home) -> home.read())
                            .computedApart(queryTimeout));
            homeViews.ifPresent(home -> home.refreshInBackground(wholeGraphRefreshQuiet, refreshTurn));
            // what a hub's pages are cut from, kept across the writes that touched none of the nodes it read; an
            // entity whose lists fit on one page is read again each time
            Optional<KeptAnswers<String, Optional<EntityIndex>>> hubIndexes = versions.map(store -> new KeptAnswers<String, Optional<EntityIndex>>(
                    "hub index", store, PagesModule::hubIndexSize, 1, PagesModule.LARGEST_HUB_INDEX)
                    .keptAcrossWrites((iri, index) -> index.map(EntityIndex::read).orElse(Footprint.EVERYTHING)));
            // a hub's pages as rendered, kept likewise across the writes that touched nothing they read
            Optional<KeptAnswers<PagesModule.HubPageKey, Optional<PagesModule.RenderedPage>>> hubPages = versions.map(
                    store -> new KeptAnswers<PagesModule.HubPageKey, Optional<PagesModule.RenderedPage>>("hub page",
                            store, page -> page.map(PagesModule.RenderedPage::estimatedBytes).orElse(0L), 1,
                            PagesModule.LARGEST_HUB_PAGE, PagesModule.MOST_HUB_PAGES)
                            .keptAcrossWrites((key, page) -> page.map(PagesModule.RenderedPage::read)
                                    .orElse(Footprint.EVERYTHING)));
            // what a hub's description pages are cut from, kept until a write adds or deletes a triple pointing at it
            Optional<KeptAnswers<LinkedDataModule.PointingKey, PatternReads.Links>> hubLinks = versions.map(store ->
                    new KeptAnswers<LinkedDataModule.PointingKey, PatternReads.Links>("links of a hub", store,
                            LinkedDataModule::keptSize, 1, LinkedDataModule.MOST_LINKS_KEPT)
                            .keptAcrossWritesReading(LinkedDataModule.PointingKey::footprint));
            NodeMemo nodeMemo = versions.map(NodeMemo::new).orElseGet(NodeMemo::none);

            DataService.Builder service = DataService.newBuilder(dataset);
            for (EndpointSpec spec : READ_ENDPOINTS) {
                service.addEndpoint(endpoint(spec, queryContext, Auth.ANY_ANON).build());
            }
            Set<String> writePaths = updatable ? WRITE_ENDPOINTS.stream().map(spec -> DATASET + "/" + spec.name())
                    .collect(Collectors.toSet()) : Set.of();
            FusekiServer.Builder fuseki = FusekiServer.create()
                    // Only medkg's own modules: auto-discovered ones could add the admin API or Fuseki's UI.
                    .fusekiModules(FusekiModules.create(webModules(site, queries, savedQueryAnswers, parameterizedPages,
                            homeViews, hubIndexes, hubPages, hubLinks, nodeMemo)))
                    .addFilter("/*", new RequestSizeLimit(maxQueryBytes, writePaths))
                    .addFilter("/*", watchdog.filter())
                    .port(port);
            if (dataset instanceof RemoteDataset remote) {
                fuseki.addFilter(DATASET + "/*", new WritesElsewhere(remote.endpoint().url()));
            }
            if (updatable) {
                AuthPolicy writer = Auth.policyAllowSpecific(user);
                Optional<GraphReplacement> replacement = GraphReplacement.of(dataset);
                for (EndpointSpec spec : WRITE_ENDPOINTS) {
                    Endpoint.Builder endpoint = endpoint(spec, queryContext, writer);
                    if (spec.operation() == Operation.GSP_RW && replacement.isPresent()) {
                        endpoint.processor(new GraphStoreWrites(replacement.get()));
                    }
                    service.addEndpoint(endpoint.build());
                    fuseki.addFilter(DATASET + "/" + spec.name(), new WriteLog());
                }
                fuseki.auth(AuthScheme.BASIC)
                        .securityHandler(JettySecurityLib.makeSecurityHandler(REALM,
                                JettySecurityLib.makeUserStore(user, password), AuthScheme.BASIC));
            }
            FusekiServer server = fuseki.add(DATASET, service.build()).maxServerThreads(MAX_THREADS).build();
            Server jetty = server.getJettyServer();
            // Jetty parses forms itself: the same limit, for forms sent in chunks, with no length to refuse them by.
            for (ServletContextHandler context : jetty.getDescendants(ServletContextHandler.class)) {
                context.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, maxQueryBytes));
            }
            jetty.setStopTimeout(STOP_GRACE.toMillis());
            if (jetty.getThreadPool() instanceof QueuedThreadPool threads) {
                threads.setStopTimeout(STOP_GRACE.toMillis());
            }
            NoSniff.onEveryResponse(jetty);
            for (Connector connector : server.getJettyServer().getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setHost(host);
                }
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    // Fuseki buffers 5 MB of each response, in buffers too large for Jetty's pool: allocated
                    // outside the heap for each request and freed only by a garbage collection, they held some
                    // 500 MB under 64 clients. Jetty's own sizes, which its pool keeps and reuses.
                    http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
                    http.getHttpConfiguration().setOutputAggregationSize(OUTPUT_BUFFER / 4);
                }
            }
            List<KeptAnswers<?, ?>> kept = new ArrayList<>();
            savedQueryAnswers.ifPresent(kept::add);
            homeViews.ifPresent(kept::add);
            // a request answers within its time limit (a whole-graph answer under way is told so): twice that
            return new MedkgServer(server, watchdog, kept, parameterizedPages, host, updatable,
                    warmUp ? Optional.of(List.copyOf(queries.values())) : Optional.empty(), queryTimeout.multipliedBy(2));
        }

        /** The parts of the web site beside the SPARQL endpoint, each a Fuseki module adding its servlets. */
        private static List<FusekiModule> webModules(Site site, Map<String, SavedQuery> queries,
                                                     Optional<KeptAnswers<String, QueryAnswer>> savedQueryAnswers,
                                                     Optional<KeptAnswers<QueryApiModule.PageKey, KeptPage>> parameterizedPages,
                                                     Optional<KeptAnswers<PageLanguage, PagesModule.KeptHome>> homeViews,
                                                     Optional<KeptAnswers<String, Optional<EntityIndex>>> hubIndexes,
                                                     Optional<KeptAnswers<PagesModule.HubPageKey,
                                                             Optional<PagesModule.RenderedPage>>> hubPages,
                                                     Optional<KeptAnswers<LinkedDataModule.PointingKey,
                                                             PatternReads.Links>> hubLinks,
                                                     NodeMemo nodeMemo) {
            return List.of(
                    new QueryApiModule(site, queries, savedQueryAnswers, parameterizedPages),
                    new LinkedDataModule(site, nodeMemo, hubLinks),
                    new SearchModule(site),
                    new PagesModule(site, LuceneNameIndex.of(site.dataset()).orElse(null), homeViews,
                            hubIndexes, hubPages, nodeMemo));
        }

        private static Endpoint.Builder endpoint(EndpointSpec spec, Context queryContext, AuthPolicy authPolicy) {
            Endpoint.Builder endpoint = Endpoint.create()
                    .operation(spec.operation())
                    .endpointName(spec.name())
                    .authPolicy(authPolicy);
            if (spec.operation() == Operation.Query) {
                endpoint.context(queryContext).processor(new WatchedSparqlQueries());
            }
            return endpoint;
        }
    }
}
