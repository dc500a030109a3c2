package org.medkg.server;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.medkg.pages.NodeMemo;
import org.medkg.publish.ContentNegotiation;
import org.medkg.publish.Descriptions;
import org.medkg.publish.Dump;
import org.medkg.publish.Format;
import org.medkg.publish.JsonLdContext;
import org.medkg.publish.OntologyDocument;
import org.medkg.publish.Publishing;
import org.medkg.publish.Site;
import org.medkg.publish.VoidDescription;
import org.medkg.store.Footprint;
import org.medkg.store.NodeIdScans;
import org.medkg.store.PatternReads;

/**
 * The graph as linked data, over the same store as the SPARQL endpoint.
 *
 * <p>Convention ("Cool URIs for the Semantic Web", 303 See Other): the minted IRIs {@code /id/…} and
 * {@code /doc/…} name things, not documents, so they answer 303 with {@code Location} set to a document about
 * them: {@code /data/<path>.ttl|.jsonld|.rdf|.nt} as the {@code Accept} header asks (q-values honoured, Turtle when
 * nothing is said), or the HTML page {@code /page/<path>} when a browser asks. {@code ?format=} overrides
 * {@code Accept}. The ontology uses hash IRIs and is one document, {@code /ontology}. Also served:
 * {@code /context.jsonld} (the JSON-LD context of the data), {@code /.well-known/void} (VoID) and
 * {@code /dump/medkg.nq.gz} (everything, one named graph per document).
 */
public final class LinkedDataModule implements FusekiModule {

    static final String DATA = "/data";
    static final String PAGE = "/page";
    /** What an IRI can be negotiated to, in order of preference when the client has none. */
    private static final List<Format> IRI_OFFERS = List.of(Format.values());

    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    private static final Node HYDRA_TOTAL_ITEMS = NodeFactory.createURI(HYDRA + "totalItems");
    private static final Node HYDRA_NEXT = NodeFactory.createURI(HYDRA + "next");

    /**
     * The most triples pointing at one hub kept, each an eight-byte node id and a reference: 16 MB at most. The
     * hematology center of the benchmark's 1,000x copy had 295,899.
     */
    static final long MOST_LINKS_KEPT = 2_000_000;

    /** What a hub's kept links are found by: its IRI, and the storage whose node ids they hold. */
    record PointingKey(Node iri, String storage) {
        /** What the links read: the quads with the IRI as object. */
        Footprint footprint() {
            Footprint.Recorder read = new Footprint.Recorder();
            read.lookup(Node.ANY, Node.ANY, iri);
            return read.footprint();
        }

        @Override
        public String toString() {
            return "<" + iri.getURI() + "> in " + storage;
        }
    }

    private final Site site;
    private final NodeMemo memo;
    private final Optional<KeptAnswers<PointingKey, PatternReads.Links>> hubLinks;

    /**
     * @param memo where the naming triples of the nodes descriptions link to are kept from one to the next
     * @param hubLinks where the triples pointing at a hub are kept (sized by {@link #keptSize}); empty to read
     *                 them for each page of a description
     */
    public LinkedDataModule(Site site, NodeMemo memo, Optional<KeptAnswers<PointingKey, PatternReads.Links>> hubLinks) {
        this.site = requireNonNull(site, "site");
        this.memo = requireNonNull(memo, "memo");
        this.hubLinks = requireNonNull(hubLinks, "hubLinks");
    }

    /** Links as {@link KeptAnswers} weighs them: 0, so not kept, when they fit on one page of a description. */
    static long keptSize(PatternReads.Links links) {
        return links.size() > Descriptions.LINKS_PER_PAGE ? links.size() : 0;
    }

    @Override
    public String name() {
        return "medkg linked data";
    }

    @Override
    public void prepare(FusekiServer.Builder server, Set<String> datasetNames, Model configModel) {
        server.addServlet("/id/*", new GetServlet(this::redirectIri));
        server.addServlet("/doc/*", new GetServlet(this::redirectIri));
        server.addServlet(DATA + "/*", new GetServlet(this::serveDescription));
        server.addServlet("/ontology", new GetServlet(this::serveOntology));
        for (Format format : Format.rdf()) {
            server.addServlet("/ontology." + format.extension(), new GetServlet(this::serveOntology));
        }
        server.addServlet("/" + Publishing.CONTEXT_PATH, new GetServlet(this::serveContext));
        server.addServlet("/" + VoidDescription.PATH, new GetServlet(this::serveVoid));
        server.addServlet("/" + VoidDescription.DUMP_PATH, new GetServlet(this::serveDump));
    }

    /** {@code /id/…}, {@code /doc/…}: 303 to the data document or the page, 404 when the store has no such IRI. */
    private void redirectIri(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Format> format = negotiate(request, response, IRI_OFFERS);
        if (format.isEmpty()) {
            return;
        }
        String iri = site.iri(decodedPath(request));
        if (!Descriptions.isKnown(store(request), NodeFactory.createURI(iri))) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "medkg: nothing is known about <" + iri + ">");
            return;
        }
        String path = request.getRequestURI();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", format.get() == Format.HTML ? PAGE + path : dataPath(path, format.get()));
        response.setHeader("Vary", "Accept");
    }

    /** {@code /data/id/…​.ttl}: the description of the IRI in the format its extension names. */
    private void serveDescription(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = decodedPath(request).substring(DATA.length());
        int dot = path.lastIndexOf('.');
        Optional<Format> format = dot < 0 ? Optional.empty()
                : Format.byExtension(path.substring(dot + 1)).filter(Format::isRdf);
        if (format.isEmpty() || !(path.startsWith("/id/") || path.startsWith("/doc/"))) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "medkg: no data document here: " + request.getRequestURI()
                    + " (data documents are /data/id/….{" + Format.extensions(Format.rdf()) + "})");
            return;
        }
        Node iri = NodeFactory.createURI(site.iri(path.substring(0, dot)));
        Optional<Integer> page = PageNumber.of(request.getParameter("page"));
        Optional<Descriptions.Page> description = page.isEmpty() ? Optional.empty()
                : describe(request, iri, page.get());
        if (description.isEmpty()) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "medkg: nothing is known about <" + iri.getURI() + ">"
                    + (request.getParameter("page") == null ? "" : " on page '" + request.getParameter("page") + "'"));
            return;
        }
        String requestPath = request.getRequestURI();
        String thingPath = requestPath.substring(DATA.length(), requestPath.lastIndexOf('.'));
        Graph graph = description.get().graph();
        Node document = NodeFactory.createURI(site.iri(requestPath) + (page.get() == 1 ? "" : "?page=" + page.get()));
        graph.add(document, FOAF.primaryTopic.asNode(), iri);
        List<String> links = new ArrayList<>();
        links.add("<" + iri.getURI() + ">; rel=\"describes\"");
        // What points at the IRI comes in pages: how many in all, and where the next page is (Hydra's terms).
        graph.add(document, HYDRA_TOTAL_ITEMS, NodeFactory.createLiteralDT(
                Integer.toString(description.get().links()), XSDDatatype.XSDinteger));
        if (description.get().more()) {
            String next = requestPath + "?page=" + (page.get() + 1);
            graph.add(document, HYDRA_NEXT, NodeFactory.createURI(site.iri(next)));
            links.add("<" + next + ">; rel=\"next\"");
        }
        for (Format other : Format.rdf()) {
            if (other != format.get()) {
                links.add("<" + dataPath(thingPath, other) + ">; rel=\"alternate\"; type=\"" + other.mediaType() + "\"");
            }
        }
        links.add("<" + PAGE + thingPath + ">; rel=\"alternate\"; type=\"" + Format.HTML.mediaType() + "\"");
        response.setHeader("Link", String.join(", ", links));
        response.setHeader("Content-Location", requestPath);
        writeRdf(response, format.get(), out -> Publishing.write(graph, format.get(), site.base(), out));
    }

    /**
     * A page of the IRI's description; a hub's cut from the triples pointing at it as kept, until a write adds or
     * deletes one of them, or the store is compacted.
     */
    private Optional<Descriptions.Page> describe(HttpServletRequest request, Node iri, int page) {
        DatasetGraph store = store(request);
        Optional<String> storage = NodeIdScans.storageFolder(store);
        if (hubLinks.isEmpty() || storage.isEmpty()) {
            return Descriptions.describe(store, iri, page, memo.namingTriples());
        }
        RequestWatch watch = RequestWatch.of(request);
        PatternReads.Links links = hubLinks.get().answer(new PointingKey(iri, storage.get()),
                () -> watch.stop() != null, () -> Descriptions.pointingAt(store, iri));
        return Descriptions.describe(store, iri, page, memo.namingTriples(), links);
    }

    /** {@code /ontology}, {@code /ontology.ttl}…: the bundled ontology; HTML is the pages' {@code /page/ontology}. */
    private void serveOntology(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = decodedPath(request);
        int dot = path.lastIndexOf('.');
        Optional<Format> format = dot >= 0 ? Format.byExtension(path.substring(dot + 1))
                : negotiate(request, response, IRI_OFFERS);
        if (format.isEmpty()) {
            return;
        }
        if (format.get() == Format.HTML) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", PAGE + "/ontology");
            response.setHeader("Vary", "Accept");
            return;
        }
        if (dot < 0) {
            response.setHeader("Vary", "Accept");
        }
        writeRdf(response, format.get(), out -> OntologyDocument.write(format.get(), site.base(), out));
    }

    private void serveContext(HttpServletRequest request, HttpServletResponse response) throws IOException {
        writeRdf(response, Format.JSONLD, JsonLdContext.standard()::write);
    }

    private void serveVoid(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Format> format = negotiate(request, response, Format.rdf());
        if (format.isEmpty()) {
            return;
        }
        Graph description = VoidDescription.describe(store(request), site.base());
        response.setHeader("Vary", "Accept");
        writeRdf(response, format.get(), out -> Publishing.write(description, format.get(), site.base(), out));
    }

    /**
     * Served as {@code application/gzip}, the type of the bytes sent: with {@code application/n-quads} and
     * {@code Content-Encoding: gzip} instead, browsers and {@code curl --compressed} would unpack it and save plain
     * N-Quads under the name {@code medkg.nq.gz}. A download takes as long as the client's connection needs, so it has
     * no time limit; it stops when the client leaves.
     */
    private void serveDump(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/gzip");
        response.setHeader("Content-Disposition", "attachment; filename=\"medkg.nq.gz\"");
        response.setHeader("Access-Control-Allow-Origin", "*");
        DatasetGraph store = RequestWatch.of(request).readsWithoutTimeLimit(site.dataset());
        OutputStream out = response.getOutputStream();
        Dump.writeGzippedNQuads(store, out);
        out.flush();
    }

    /** The store as this request reads it: under the time limit, and only while its client waits. */
    private DatasetGraph store(HttpServletRequest request) {
        return RequestWatch.of(request).reads(site.dataset());
    }

    /**
     * The format {@code ?format=} names, else the one {@code Accept} prefers among {@code offers}. An unknown
     * {@code ?format=} is answered here with 400, and then the result is empty.
     */
    private static Optional<Format> negotiate(HttpServletRequest request, HttpServletResponse response,
                                              List<Format> offers) throws IOException {
        String asked = request.getParameter("format");
        if (asked == null) {
            return Optional.of(ContentNegotiation.choose(request.getHeader("Accept"), offers));
        }
        Optional<Format> format = Format.byExtension(asked).filter(offers::contains);
        if (format.isEmpty()) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST,
                    "medkg: unknown format '" + asked + "': use one of " + Format.extensions(offers));
        }
        return format;
    }

    /** The path of the data document about the thing at {@code thingPath} ({@code /id/person/x}), in a format. */
    private static String dataPath(String thingPath, Format format) {
        return DATA + thingPath + "." + format.extension();
    }

    /** The request's path without the query, percent-decoded: the form {@link Site#iri} takes. */
    private static String decodedPath(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    private static void writeRdf(HttpServletResponse response, Format format, Body body) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(format.mediaType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Linked-data clients running in browsers fetch documents and the context from other origins.
        response.setHeader("Access-Control-Allow-Origin", "*");
        OutputStream out = response.getOutputStream();
        body.write(out);
        out.flush();
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().println(message);
    }

    /** What a response's body is made by. */
    @FunctionalInterface
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** What one path answers to GET (and so to HEAD, which the servlet derives from GET). */
    @FunctionalInterface
    private interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private static final class GetServlet extends HttpServlet {
        private final transient Handler handler;

        GetServlet(Handler handler) {
            this.handler = handler;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            handler.handle(request, response);
        }
    }
}
