package org.medkg.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.Converter;
import org.medkg.publish.Descriptions;
import org.medkg.publish.Site;
import org.medkg.server.MedkgServer;
import org.medkg.store.SeedStores;
import org.medkg.store.TdbGraphStore;
import org.medkg.store.VersionedStore;

/** The labels pages show and the names descriptions copy, kept across a write for the nodes it did not touch. */
class NodeMemoTest {
    private static final String KAZAKHSTAN = "http://localhost:3030/id/place/kazakhstan";
    private static final Node ALMATY = NodeFactory.createURI("http://localhost:3030/id/place/almaty");
    private static final Node SHYMKENT = NodeFactory.createURI("http://localhost:3030/id/place/shymkent");

    @TempDir
    Path dir;

    @Test
    void aWriteDropsWhatWasKnownOfTheSubjectsItTouchedAndKeepsTheRest() {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            NodeMemo memo = new NodeMemo((VersionedStore) store.dataset().asDatasetGraph());
            PageLanguage russian = PageLanguage.of("ru", null);
            Views views = new Views(new Site(Converter.DEFAULT_BASE, store.dataset().asDatasetGraph(), Optional.empty(),
                    MedkgServer.DEFAULT_QUERY_TIMEOUT), russian, memo);
            views.entity(KAZAKHSTAN).orElseThrow();
            Map<Node, String> shown = Map.copyOf(memo.now().labels(russian.language()));
            assertTrue(shown.containsKey(ALMATY) && shown.containsKey(SHYMKENT), shown.toString());

            Txn.executeWrite(store.dataset(), () -> UpdateAction.parseExecute("""
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    INSERT DATA { GRAPH <urn:x:added> { <http://localhost:3030/id/place/almaty> rdfs:label "Алма-Ата"@ru } }
                    """, store.dataset()));
            NodeMemo.Known known = memo.now();

            assertFalse(known.labels(russian.language()).containsKey(ALMATY), "Almaty's labels were written");
            assertEquals(shown.get(SHYMKENT), known.labels(russian.language()).get(SHYMKENT));
            assertEquals(Kind.CITY, known.kinds().get(SHYMKENT));

            Txn.executeWrite(store.dataset(), () -> store.dataset().asDatasetGraph().clear());

            assertTrue(memo.now().labels(russian.language()).isEmpty(), "a store emptied wholesale: nothing kept");
        }
    }

    @Test
    void aDescriptionKeepsTheNamesOfWhatItLinksToUntilAWriteRenamesOne() {
        try (TdbGraphStore store = storeOfTheSeeds()) {
            DatasetGraph dataset = store.dataset().asDatasetGraph();
            NodeMemo memo = new NodeMemo((VersionedStore) dataset);
            Node kazakhstan = NodeFactory.createURI(KAZAKHSTAN);
            Graph read = Descriptions.describe(dataset, kazakhstan).orElseThrow();
            Graph kept = Descriptions.describe(dataset, kazakhstan, 1, memo.namingTriples()).orElseThrow().graph();
            assertTrue(read.isIsomorphicWith(kept), "the same description, naming triples read or kept");
            assertTrue(memo.namingTriples().containsKey(ALMATY), "a city in Kazakhstan is linked and named");
            Graph again = Descriptions.describe(dataset, kazakhstan, 1, memo.namingTriples()).orElseThrow().graph();
            assertTrue(read.isIsomorphicWith(again), "the same description from what was kept");

            Txn.executeWrite(store.dataset(), () -> UpdateAction.parseExecute("""
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    INSERT DATA { GRAPH <urn:x:added> { <http://localhost:3030/id/place/almaty> rdfs:label "Алма-Ата"@ru } }
                    """, store.dataset()));
            Graph afterWrite = Descriptions.describe(dataset, kazakhstan, 1, memo.namingTriples()).orElseThrow().graph();

            assertTrue(afterWrite.contains(ALMATY, RDFS.label.asNode(), NodeFactory.createLiteralLang("Алма-Ата", "ru")),
                    "Almaty's new name is in the description of the country it is in");
        }
    }

    private TdbGraphStore storeOfTheSeeds() {
        return SeedStores.open(dir.resolve("store"));
    }
}
