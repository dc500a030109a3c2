package org.medkg.publish;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;

/**
 * The VoID description of the store (W3C "Describing Linked Datasets with the VoID Vocabulary"), computed from
 * the store in one read transaction: size, entities, one class partition per class, where to query it and where
 * to download it. Nothing is cached: the counts are a handful of index scans over a small store.
 */
public final class VoidDescription {

    /** Where the description is served, under the base (RFC 8615 well-known URI registered by VoID). */
    public static final String PATH = ".well-known/void";
    /** Where the dump is served, under the base. */
    public static final String DUMP_PATH = "dump/medkg.nq.gz";
    /** The SPARQL endpoint, under the base (see {@code MedkgServer.DATASET}). */
    public static final String SPARQL_PATH = "medkg/sparql";

    private VoidDescription() {
    }

    /** The dataset's IRI in the description. */
    public static String datasetIri(String base) {
        return base + PATH + "#medkg";
    }

    public static Graph describe(DatasetGraph dataset, String base) {
        return Txn.calculateRead(dataset, () -> describeInTransaction(dataset, base));
    }

    private static Graph describeInTransaction(DatasetGraph dataset, String base) {
        Graph description = Publishing.newGraph();
        Node medkg = NodeFactory.createURI(datasetIri(base));
        description.add(medkg, RDF.type.asNode(), VOID.Dataset.asNode());
        description.add(medkg, DCTerms.title.asNode(),
                NodeFactory.createLiteralLang("medkg: medical events, experts, organizations and cities", "en"));
        description.add(medkg, VOID.sparqlEndpoint.asNode(), NodeFactory.createURI(base + SPARQL_PATH));
        description.add(medkg, VOID.dataDump.asNode(), NodeFactory.createURI(base + DUMP_PATH));
        String uriSpace = base + "id/";
        description.add(medkg, VOID.uriSpace.asNode(), StoreQueries.string(uriSpace));
        description.add(medkg, VOID.triples.asNode(),
                integer(StoreQueries.count(dataset, StoreQueries.DISTINCT_TRIPLES, Map.of())));
        description.add(medkg, VOID.entities.asNode(), integer(StoreQueries.count(dataset,
                StoreQueries.ENTITIES_UNDER, Map.of("prefix", StoreQueries.string(uriSpace)))));
        Set<String> vocabularies = new TreeSet<>();
        StoreQueries.select(dataset, StoreQueries.CLASS_PARTITIONS, Map.of(), row -> {
            Node type = row.get("class");
            Node partition = NodeFactory.createBlankNode();
            description.add(medkg, VOID.classPartition.asNode(), partition);
            description.add(partition, VOID._class.asNode(), type);
            description.add(partition, VOID.entities.asNode(),
                    integer(((Number) row.get("n").getLiteralValue()).longValue()));
            if (type.isURI()) {
                vocabularies.add(type.getNameSpace());
            }
            return type;
        });
        StoreQueries.select(dataset, StoreQueries.PREDICATES, Map.of(),
                row -> vocabularies.add(row.get("p").getNameSpace()));
        vocabularies.forEach(namespace ->
                description.add(medkg, VOID.vocabulary.asNode(), NodeFactory.createURI(namespace)));
        return description;
    }

    private static Node integer(long value) {
        return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger);
    }
}
