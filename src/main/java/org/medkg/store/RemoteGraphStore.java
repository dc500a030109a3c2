package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.http.HttpEnv;
import org.apache.jena.http.auth.AuthLib;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.rdflink.RDFLinkHTTP;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.exec.QueryExec;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.rdf.MKG;
import org.medkg.store.StoredGraph.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dataset in a SPARQL server, such as Fuseki's {@code http://host:3030/ds}. The stored sha256 of the graphs is
 * asked with a SPARQL query to the dataset; each changed graph is replaced by one SPARQL Update request that also
 * keeps the store's {@link EntitySummary} right, which the server applies in one transaction (Fuseki does), so its
 * readers never see half a document, nor a summary out of step with the documents. A store that has documents and
 * no summary (loaded by an older medkg) gets it built first, in one request.
 */
public final class RemoteGraphStore implements GraphStore {

    /** Graph names per sha256 query: keeps the query well under servers' request size limits. */
    static final int GRAPHS_PER_QUERY = 100;

    private static final Logger LOG = LoggerFactory.getLogger(RemoteGraphStore.class);

    private final String url;
    private final RDFLink link;
    /** Whether the store is known to have its summary: asked once, before the first document is written. */
    private boolean summarized;

    private RemoteGraphStore(String url, RDFLink link) {
        this.url = url;
        this.link = link;
    }

    /** The dataset at {@code datasetUrl}, without credentials. */
    public static RemoteGraphStore connect(String datasetUrl) {
        return connect(datasetUrl, null, null);
    }

    /**
     * The dataset at {@code datasetUrl} (e.g. {@code http://host:3030/medkg}), queried at {@code …/sparql} and written
     * at {@code …/data}, answering the server's authentication challenges when {@code user} is given.
     */
    public static RemoteGraphStore connect(String datasetUrl, String user, String password) {
        requireNonNull(datasetUrl, "datasetUrl");
        HttpClient.Builder http = HttpEnv.httpClientBuilder();
        if (user != null) {
            http.authenticator(AuthLib.authenticator(user, password == null ? "" : password));
        }
        // Fuseki's standard service names: "sparql" for queries and "update" for SPARQL Update, which medkg's own
        // server and a Fuseki dataset configured as docs/fuseki-medkg.ttl serve; the dataset URL itself is read-only
        // on a medkg server.
        return new RemoteGraphStore(datasetUrl, RDFLinkHTTP.service(datasetUrl).queryEndpoint("sparql")
                .updateEndpoint("update").httpClient(http.build()).build());
    }

    @Override
    public Loading startLoad(int total, LoadProgress progress) {
        LoadRun run = new LoadRun(total, progress);
        return new Loading() {
            @Override
            public void store(List<ConvertedDocument> window) {
                for (List<ConvertedDocument> chunk : run.batchesToStore(window, GRAPHS_PER_QUERY)) {
                    storeChunk(chunk, run);
                }
            }

            @Override
            public LoadReport finish() {
                return run.report();
            }
        };
    }

    /** A store loaded before there was a summary gets it now, before a document changes it. */
    private void summarizeIfMissing() {
        boolean missing;
        try (QueryExec ask = link.query(EntitySummary.MISSING)) {
            missing = ask.ask();
        }
        if (missing) {
            long began = System.nanoTime();
            link.update(EntitySummary.buildRequest());
            LOG.info("built the summary graph of the store at {}, which had none, in {} ms", url,
                    (System.nanoTime() - began) / 1_000_000);
        }
    }

    private void storeChunk(List<ConvertedDocument> chunk, LoadRun run) {
        Map<String, StoredGraph> stored;
        try {
            if (!summarized) {
                summarizeIfMissing();
                summarized = true;
            }
            stored = storedGraphs(chunk);
        } catch (RuntimeException e) {
            chunk.forEach(document -> run.fail(document, e));
            return;
        }
        for (ConvertedDocument document : chunk) {
            store(document, stored.getOrDefault(document.graphIri(), StoredGraph.ABSENT), run);
        }
    }

    @Override
    public void close() {
        link.close();
    }

    private void store(ConvertedDocument document, StoredGraph stored, LoadRun run) {
        Outcome outcome = stored.outcomeOfStoring(document);
        try {
            if (outcome != Outcome.UNCHANGED) {
                link.update(EntitySummary.replace(NodeFactory.createURI(document.graphIri()), document.graph(),
                        outcome == Outcome.REPLACED));
            }
            run.record(document, outcome);
        } catch (RuntimeException e) {
            run.fail(document, e);
        }
    }

    /** The graphs the server holds under the documents' names, with their sha256, in one query. */
    private Map<String, StoredGraph> storedGraphs(List<ConvertedDocument> documents) {
        String names = documents.stream()
                .map(document -> NodeFmtLib.strNT(NodeFactory.createURI(document.graphIri())))
                .collect(Collectors.joining(" "));
        // A graph exists when it holds a triple (TDB2 answers GRAPH <g> {} for any name), so graphs without a
        // sha256 are found too.
        String query = "SELECT ?g ?sha WHERE { VALUES ?g { " + names + " } "
                + "FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } "
                + "OPTIONAL { GRAPH ?g { ?doc " + NodeFmtLib.strNT(MKG.sha256) + " ?sha } } }";
        Map<String, StoredGraph> stored = new HashMap<>();
        try (QueryExec exec = link.query(query)) {
            exec.select().forEachRemaining(row -> {
                Node sha = row.get("sha");
                stored.merge(row.get("g").getURI(), new StoredGraph(true, sha == null ? null : sha.getLiteralLexicalForm()),
                        (first, second) -> first.sha256() != null ? first : second);
            });
        }
        return stored;
    }
}
