package org.medkg.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.syntax.syntaxtransform.UpdateTransformOps;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.RDF;
import org.medkg.rdf.MKG;
import org.medkg.rdf.StoreGraphs;

/**
 * The summary graph of a store ({@link StoreGraphs#SUMMARY}): every statement the documents' graphs make about an
 * entity — types, labels, relations, dates — once, however many documents make it. Queries that read the whole
 * graph read it there instead of through the union of the documents' graphs, where an entity named in a thousand
 * documents has its label and type a thousand times.
 *
 * <p>It holds nothing the documents do not say (no document node, no evidence), so the union of the store's graphs,
 * which is what the SPARQL endpoint's default graph shows, is the same with it as without it.
 *
 * <p>It is kept by the store in the write of each document, in the same transaction, so its cost follows the
 * document, never the store: before a document's old graph goes, the statements that no other document makes leave
 * the summary; once its new graph is in, its statements join it. A local store does both by index in its own write
 * transaction ({@link #retract}, {@link #add}); a remote one receives them as SPARQL Update in the same request as
 * the document's graph ({@link #replace}), one transaction on the server.
 */
public final class EntitySummary {

    private static final Var DOCUMENT = Var.alloc("document");
    private static final String PREFIXES = "PREFIX mkg: <" + MKG.NS + ">\n";
    private static final String SUMMARY = NodeFmtLib.strNT(StoreGraphs.SUMMARY);
    /** What a document's graph says about entities: its own node and its evidence are about the document. */
    private static final String ENTITY_STATEMENTS = "GRAPH ?document { ?s ?p ?o FILTER(isIRI(?s)) "
            + "FILTER NOT EXISTS { ?s a mkg:Document } FILTER NOT EXISTS { ?s a mkg:Evidence } }";

    /**
     * Before the document's graph is removed: what only it says leaves the summary. What other graphs say is a join
     * (MINUS), which Jena reads by index; the same test as {@code FILTER NOT EXISTS { GRAPH ?other … }} took five
     * times as long, since a pattern inside EXISTS visits every graph of the store.
     */
    private static final UpdateRequest RETRACT = UpdateFactory.create(PREFIXES
            + "DELETE { GRAPH " + SUMMARY + " { ?s ?p ?o } } WHERE { " + ENTITY_STATEMENTS
            + " MINUS { GRAPH ?document { ?s ?p ?o } GRAPH ?other { ?s ?p ?o } FILTER(?other != ?document && ?other != "
            + SUMMARY + ") } }");
    /** Once the document's graph is stored: what it says joins the summary. */
    private static final UpdateRequest ASSERT = UpdateFactory.create(PREFIXES
            + "INSERT { GRAPH " + SUMMARY + " { ?s ?p ?o } } WHERE { " + ENTITY_STATEMENTS + " }");
    /** The whole summary from every document's graph, for a store written before there was one. */
    private static final UpdateRequest BUILD = UpdateFactory.create(PREFIXES
            + "INSERT { GRAPH " + SUMMARY + " { ?s ?p ?o } } WHERE { " + ENTITY_STATEMENTS
            + " FILTER(?document != " + SUMMARY + ") }");
    /** A store that holds documents and no summary, which a medkg before the summary wrote. */
    static final String MISSING = PREFIXES + "ASK { GRAPH ?g { ?doc a mkg:Document } "
            + "FILTER NOT EXISTS { GRAPH " + SUMMARY + " { ?s ?p ?o } } }";

    private EntitySummary() {
    }

    /**
     * Inside a write transaction of a local store, before the document's graph is removed or replaced: what only it
     * says leaves the summary. The same rule as {@link #RETRACT}, read by index: a statement's other graphs are found
     * by its subject, predicate and object, and the first one is enough, where SPARQL's {@code GRAPH ?other} inside
     * {@code NOT EXISTS} visits every graph of the store, and a join ({@link #RETRACT}) every graph stating it.
     */
    static void retract(DatasetGraph dataset, Node document) {
        entityStatements(dataset, document).stream()
                .filter(statement -> !statedElsewhere(dataset, statement, document))
                .forEach(statement -> dataset.delete(new Quad(StoreGraphs.SUMMARY, statement)));
    }

    /** Inside a write transaction of a local store, once the document's graph is stored: what it says joins it. */
    static void add(DatasetGraph dataset, Node document) {
        entityStatements(dataset, document)
                .forEach(statement -> dataset.add(new Quad(StoreGraphs.SUMMARY, statement)));
    }

    /** What the document's graph says about entities: {@link #ENTITY_STATEMENTS}. */
    private static List<Triple> entityStatements(DatasetGraph dataset, Node document) {
        Set<Node> aboutTheDocument = new HashSet<>();
        for (Node type : List.of(MKG.Document, MKG.Evidence)) {
            dataset.find(document, Node.ANY, RDF.type.asNode(), type)
                    .forEachRemaining(quad -> aboutTheDocument.add(quad.getSubject()));
        }
        List<Triple> statements = new ArrayList<>();
        dataset.find(document, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quad -> {
            if (quad.getSubject().isURI() && !aboutTheDocument.contains(quad.getSubject())) {
                statements.add(quad.asTriple());
            }
        });
        return statements;
    }

    private static boolean statedElsewhere(DatasetGraph dataset, Triple statement, Node document) {
        Iterator<Quad> stating = dataset.find(Node.ANY, statement.getSubject(), statement.getPredicate(),
                statement.getObject());
        while (stating.hasNext()) {
            Node graph = stating.next().getGraph();
            if (StoreGraphs.isDocument(graph) && !graph.equals(document)) {
                return true;
            }
        }
        return false;
    }

    /** Inside a transaction: whether the store holds documents and no summary. */
    static boolean missing(DatasetGraph dataset) {
        try (QueryExec ask = QueryExec.dataset(dataset).query(MISSING).build()) {
            return ask.ask();
        }
    }

    /**
     * Inside a write transaction: the whole summary, from every document's graph, for a dataset whose graphs were
     * written around the stores (a store loaded by an older medkg, a dataset read from a file).
     */
    public static void build(DatasetGraph dataset) {
        List<Node> documents = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(graph -> {
            if (StoreGraphs.isDocument(graph)) {
                documents.add(graph);
            }
        });
        documents.forEach(document -> add(dataset, document));
    }

    /** The request that builds the whole summary, for a remote store: {@link #build(DatasetGraph)} there. */
    static UpdateRequest buildRequest() {
        return BUILD;
    }

    /**
     * One request that replaces the document's graph by {@code graph} and keeps the summary right, for a server
     * that runs a request in one transaction (Fuseki does): the old graph's statements retracted, the graph dropped
     * and written again, the new statements added. {@code replacing} is false for a graph the store does not have.
     */
    static UpdateRequest replace(Node document, Graph graph, boolean replacing) {
        UpdateRequest request = new UpdateRequest();
        request.setPrefixMapping(RETRACT.getPrefixMapping());
        if (replacing) {
            bound(RETRACT, document, request);
            request.add(new UpdateDrop(document, true));
        }
        QuadDataAcc quads = new QuadDataAcc();
        quads.setGraph(document);
        graph.find().forEachRemaining(quads::addTriple);
        request.add(new UpdateDataInsert(quads));
        bound(ASSERT, document, request);
        return request;
    }

    private static void bound(UpdateRequest template, Node document, UpdateRequest into) {
        for (Update update : template.getOperations()) {
            into.add(UpdateTransformOps.transform(update, Map.of(DOCUMENT, document)));
        }
    }
}
