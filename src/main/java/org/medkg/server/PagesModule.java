package org.medkg.server;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.medkg.pages.EntityIndex;
import org.medkg.pages.NodeMemo;
import org.medkg.pages.PageLanguage;
import org.medkg.pages.PageServlet.Page;
import org.medkg.pages.PageServlet.PageRequest;
import org.medkg.pages.PageServlet;
import org.medkg.pages.StaticServlet;
import org.medkg.pages.Templates;
import org.medkg.pages.View;
import org.medkg.pages.Views;
import org.medkg.publish.Site;
import org.medkg.rdf.Prefixes;
import org.medkg.search.NameIndex;
import org.medkg.store.CancellableReads;
import org.medkg.store.Footprint;

/**
 * The web site for people, in Russian, Kazakh and English: the home page ({@code /}), a page for every entity
 * ({@code /page/id/…}) and document ({@code /page/doc/…}) of the graph, the ontology ({@code /page/ontology}),
 * name search ({@code /search?q=}), a SPARQL editor ({@code /sparql}) and their assets ({@code /static/…}).
 *
 * <p>The graph's IRIs are slash IRIs ({@code /id/person/x}): the linked-data part answers them with 303 See Other,
 * to {@code /page/id/person/x} for browsers. The ontology's terms are hash IRIs, each an anchor of
 * {@code /page/ontology}.
 */
public final class PagesModule implements FusekiModule {
    /** The query the editor starts with, under the prefixes: the latest events and where they happened. */
    static final String SAMPLE_QUERY = """
            SELECT ?event ?label ?date ?city WHERE {
              ?event mkg:startDate ?date ; rdfs:label ?label .
              OPTIONAL { ?event mkg:city/rdfs:label ?city }
            }
            ORDER BY DESC(?date)
            LIMIT 20
            """;

    /**
     * The largest hub index kept, in facts, sources, documents and nodes read (some 50 bytes each, the nodes being the
     * store's): the hematology center of the benchmark's 1,000x copy held 231,541 before the nodes read were kept
     * with it, to tell which writes leave it as it is (Kazakhstan 128,295).
     */
    static final long LARGEST_HUB_INDEX = 500_000;
    /** The largest hub page kept, in estimated bytes ({@link RenderedPage#estimatedBytes}). */
    static final long LARGEST_HUB_PAGE = 4L * 1024 * 1024;
    /** All hub pages kept together, in estimated bytes: some ten pages of the largest hubs at 1,000×. */
    static final long MOST_HUB_PAGES = 16L * 1024 * 1024;

    /** A hub's page as rendered for a language and the request's parameters, which its language switcher keeps. */
    record HubPageKey(String iri, int page, PageLanguage language, String query) {
    }

    /** A hub's page rendered, with what it read: the hub's index and the page's own rows. */
    record RenderedPage(String html, Footprint read) {
        /**
         * Two bytes a character, and eight for each node of what it read, whose set is its own (the nodes are the
         * store's): Kazakhstan's index at 1,000× read some 100,000.
         */
        long estimatedBytes() {
            return 2L * html.length() + 8L * read.size();
        }
    }

    /**
     * What the home page shows, with what it read: the typing of every entity it counts, every start date, its
     * events and cities; so kept across writes that change none of it (a document re-loaded with the same entities).
     */
    record KeptHome(View.HomeView view, Footprint read) {
    }

    private final Site site;
    private final NameIndex names;
    private final Optional<KeptAnswers<PageLanguage, KeptHome>> homeViews;
    private final Optional<KeptAnswers<String, Optional<EntityIndex>>> hubIndexes;
    private final Optional<KeptAnswers<HubPageKey, Optional<RenderedPage>>> hubPages;
    private final NodeMemo memo;

    /**
     * @param site the store and base
     * @param names the name index for {@code /search}; null when there is none, and the search page says so
     * @param homeViews where what the home page shows (counts of the whole graph) is kept; empty to read it each time
     * @param hubIndexes where the {@link EntityIndex} of a hub is kept (sized by {@link #hubIndexSize}); empty to
     *                   read an entity's index for each of its pages
     * @param hubPages where the rendered pages of hubs are kept (sized by {@link RenderedPage#estimatedBytes}); empty
     *                 to render each request's
     * @param memo the kinds and labels of nodes kept from page to page
     */
    PagesModule(Site site, NameIndex names, Optional<KeptAnswers<PageLanguage, KeptHome>> homeViews,
                Optional<KeptAnswers<String, Optional<EntityIndex>>> hubIndexes,
                Optional<KeptAnswers<HubPageKey, Optional<RenderedPage>>> hubPages, NodeMemo memo) {
        this.site = requireNonNull(site, "site");
        this.names = names;
        this.homeViews = requireNonNull(homeViews, "homeViews");
        this.hubIndexes = requireNonNull(hubIndexes, "hubIndexes");
        this.hubPages = requireNonNull(hubPages, "hubPages");
        this.memo = requireNonNull(memo, "memo");
    }

    /**
     * An entity's index as {@link KeptAnswers} weighs it: 0, so not kept, when every list of it fits on one page (a
     * page of it then reads no more than its rows); else what it holds.
     */
    static long hubIndexSize(Optional<EntityIndex> index) {
        return index.filter(found -> found.longest() > Views.ROWS_PER_PAGE).map(EntityIndex::size).orElse(0L);
    }

    @Override
    public String name() {
        return "medkg-pages";
    }

    @Override
    public void prepare(FusekiServer.Builder server, Set<String> datasetNames, Model configModel) {
        Templates templates = new Templates();
        // Each page reads the store under the time limit, and only while its reader waits.
        Function<HttpServletRequest, Site> sites = request -> RequestWatch.of(request).site(site);
        // "" is the servlet mapping of the root path alone, so other paths stay free for the other modules.
        server.addServlet("", new PageServlet(sites, memo, templates, request -> Page.ok("home", Map.of("home", home(request)))));
        server.addServlet("/page/*", new PageServlet(sites, memo, templates, this::graphPage));
        server.addServlet("/search", new PageServlet(sites, memo, templates, request -> Page.ok("search",
                Map.of("search", request.views().search(request.parameter("q"), names)))));
        server.addServlet("/sparql", new PageServlet(sites, memo, templates, request -> Page.ok("sparql",
                Map.of("prefixes", prefixDeclarations(), "sample", SAMPLE_QUERY,
                        "endpoint", MedkgServer.DATASET + "/sparql"))));
        server.addServlet("/static/*", new StaticServlet());
    }

    /**
     * The home page's counts and latest events, for its language (links keep a chosen language): kept, else computed
     * apart from the request, which waits for it under its time limit.
     */
    private View.HomeView home(PageRequest request) {
        if (homeViews.isEmpty()) {
            return request.views().home();
        }
        RequestWatch watch = RequestWatch.of(request.http());
        PageLanguage language = request.language();
        try {
            return homeViews.get().answerApart(language, () -> watch.stop() != null,
                    () -> watch.stop() == RequestWatch.Stop.CLIENT_LEFT, cancelSignal -> {
                        Footprint.Recorder read = new Footprint.Recorder();
                        Views views = new Views(site.readingThrough(CancellableReads.over(site.dataset(), cancelSignal)),
                                language, memo);
                        return new KeptHome(views.home(read), read.footprint());
                    }).view();
        } catch (KeptAnswers.GivenUpException e) {
            // failed or over its limit for this version of the store (KeptAnswers logged why): the page says it was
            // too slow, as for a request stopped at its limit
            throw new QueryCancelledException();
        }
    }

    /** {@code /page/id/…}, {@code /page/doc/…} and {@code /page/ontology}. */
    private Page graphPage(PageRequest request) {
        String path = request.path();
        if (path.equals("/ontology")) {
            return Page.ok("ontology", Map.of("ontology", request.views().ontology()));
        }
        if (path.startsWith("/id/")) {
            Optional<Integer> page = PageNumber.of(request.parameter("page"));
            if (page.isEmpty()) {
                return Page.notFound(path);
            }
            String iri = site.iri(path);
            Optional<EntityIndex> index;
            if (hubIndexes.isEmpty()) {
                index = request.views().index(iri);
            } else {
                RequestWatch watch = RequestWatch.of(request.http());
                index = hubIndexes.get().answer(iri, () -> watch.stop() != null, () -> request.views().index(iri));
            }
            if (index.isPresent() && hubPages.isPresent() && hubIndexSize(index) > 0) {
                return hubPage(request, iri, page.get(), index.get()).map(rendered -> Page.rendered(rendered.html()))
                        .orElseGet(() -> Page.notFound(path));
            }
            return index.flatMap(found -> request.views().entity(iri, page.get(), found))
                    .map(entity -> Page.ok("entity", Map.of("entity", entity)))
                    .orElseGet(() -> Page.notFound(path));
        }
        if (path.startsWith("/doc/")) {
            return request.views().document(site.iri(path))
                    .map(document -> Page.ok("document", Map.of("document", document)))
                    .orElseGet(() -> Page.notFound(path));
        }
        return Page.notFound(path);
    }

    /**
     * A page of a hub as rendered before for the same language and parameters, kept until a write touches a node
     * its index or its rows read: rendering its rows' some 1,400 links was most of the time of Kazakhstan's page at
     * 1,000×, 40 ms one request at a time. Empty when the page is past the last one.
     */
    private Optional<RenderedPage> hubPage(PageRequest request, String iri, int page, EntityIndex index) {
        RequestWatch watch = RequestWatch.of(request.http());
        HubPageKey key = new HubPageKey(iri, page, request.language(), request.http().getQueryString());
        return hubPages.get().answer(key, () -> watch.stop() != null, () -> {
            Footprint.Recorder read = new Footprint.Recorder();
            return request.views().entity(iri, page, index, read).map(entity -> new RenderedPage(
                    request.render(Page.ok("entity", Map.of("entity", entity))), index.read().and(read.footprint())));
        });
    }

    /** The project's prefixes as SPARQL PREFIX lines, to start every query in the editor with. */
    private static String prefixDeclarations() {
        StringBuilder lines = new StringBuilder();
        new TreeMap<>(Prefixes.STANDARD.getNsPrefixMap())
                .forEach((prefix, namespace) -> lines.append("PREFIX ").append(prefix).append(": <")
                        .append(namespace).append(">\n"));
        return lines.toString();
    }
}
