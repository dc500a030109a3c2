package org.medkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteGraphStoreTest extends GraphStoreScenarios {

    private DatasetGraph served;
    private FusekiServer server;
    private RemoteGraphStore store;

    @BeforeEach
    void start() {
        served = DatasetGraphFactory.createTxnMem();
        server = FusekiServer.create().port(0).loopback(true).add("/ds", served).build().start();
        store = RemoteGraphStore.connect("http://localhost:" + server.getPort() + "/ds");
    }

    @AfterEach
    void stop() {
        store.close();
        server.stop();
    }

    @Override
    GraphStore store() {
        return store;
    }

    @Override
    Graph storedGraph(String graphIri) {
        return served.calculateRead(() -> {
            Graph copy = GraphFactory.createDefaultGraph();
            served.getGraph(NodeFactory.createURI(graphIri)).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    @Override
    Set<String> storedGraphNames() {
        Set<String> names = new HashSet<>();
        served.executeRead(() -> served.listGraphNodes().forEachRemaining(name -> names.add(name.getURI())));
        return names;
    }

    @Test
    void aServerThatWantsAPasswordGetsTheOneGiven(@TempDir Path dir) throws IOException {
        Path passwords = Files.writeString(dir.resolve("passwd"), "loader: s3cret\n");
        DatasetGraph guarded = DatasetGraphFactory.createTxnMem();
        FusekiServer secured = FusekiServer.create().port(0).loopback(true).auth(AuthScheme.BASIC)
                .passwordFile(passwords.toString()).serverAuthPolicy(Auth.policyAllowSpecific("loader"))
                .add("/ds", guarded).build().start();
        String url = "http://localhost:" + secured.getPort() + "/ds";
        try (RemoteGraphStore anonymous = RemoteGraphStore.connect(url);
             RemoteGraphStore loader = RemoteGraphStore.connect(url, "loader", "s3cret")) {

            LoadReport refused = anonymous.load(SEEDS, LoadProgress.none());
            LoadReport accepted = loader.load(SEEDS, LoadProgress.none());

            assertEquals(SEEDS.size(), refused.failed().size());
            assertTrue(refused.failed().get(0).problem().contains("Unauthorized"), refused.failed().get(0).problem());
            assertEquals(names(SEEDS), accepted.added());
            assertEquals(SEEDS.size(), guarded.calculateRead(() -> Iter.count(guarded.listGraphNodes())));
        } finally {
            secured.stop();
        }
    }
}
