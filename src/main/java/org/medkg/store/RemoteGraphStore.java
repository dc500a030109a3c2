package org.medkg.store;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.HttpException;
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

/**
 * A dataset in a SPARQL server that speaks the Graph Store Protocol, such as Fuseki's {@code http://host:3030/ds}.
 * The stored sha256 of the graphs is asked with a SPARQL query to the dataset; each changed graph is replaced by
 * one GSP PUT, which the server applies atomically (Fuseki does), so its readers never see half a document.
 */
public final class RemoteGraphStore implements GraphStore {

    /** Graph names per sha256 query: keeps the query well under servers' request size limits. */
    static final int GRAPHS_PER_QUERY = 100;

    private final RDFLink link;

    private RemoteGraphStore(RDFLink link) {
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
        // Fuseki's standard service names: "sparql" for queries and "data" for Graph Store writes, which medkg's own
        // server and any Fuseki dataset serve; the dataset URL itself is read-only on a medkg server. The one query
        // sent is this class's own, so it is not parsed here first: parsing it cost a load of one document, in a
        // fresh JVM, the loading of Jena's SPARQL parser.
        return new RemoteGraphStore(RDFLinkHTTP.service(datasetUrl).queryEndpoint("sparql").gspEndpoint("data")
                .parseCheckSPARQL(false).httpClient(http.build()).build());
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

    private void storeChunk(List<ConvertedDocument> chunk, LoadRun run) {
        Map<String, StoredGraph> stored;
        try {
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
                put(document);
            }
            run.record(document, outcome);
        } catch (RuntimeException e) {
            run.fail(document, e.getCause() != null && e.getCause() != e
                    ? new RemoteStoreException(e.getMessage() + ": " + e.getCause(), e) : e);
        }
    }

    /**
     * One Graph Store PUT, sent once more if no answer came back: a PUT replaces the whole graph, so sending it twice
     * stores what sending it once does, and the JDK's client retries only GETs on a connection closed under it (seen
     * now and then, a load of one document among 40 reporting "cannot store: PUT …" with no PUT in the server's log).
     */
    private void put(ConvertedDocument document) {
        try {
            link.put(NodeFactory.createURI(document.graphIri()), document.graph());
        } catch (HttpException noAnswer) {
            if (noAnswer.getStatusCode() > 0) {
                throw noAnswer;
            }
            link.put(NodeFactory.createURI(document.graphIri()), document.graph());
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
