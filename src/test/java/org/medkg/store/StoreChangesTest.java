package org.medkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.rdf.MKG;

/** What the store knows of what each write changed: whether an answer computed before it still holds after it. */
class StoreChangesTest {
    private static final String SEED = "000_be1d552f40914512.txt";
    private static final Node MEETING = NodeFactory.createURI("http://localhost:3030/id/event/2024-09-19-meeting");
    private static final Node ALMATY = NodeFactory.createURI("http://localhost:3030/id/place/almaty");
    private static final Node KAZAKHSTAN = NodeFactory.createURI("http://localhost:3030/id/place/kazakhstan");

    @TempDir
    Path dir;
    private Path seeds;

    @BeforeEach
    void copyTheSeeds() throws IOException {
        // in a folder named like the project's, so that a document's graph is the one it has there
        seeds = Files.createDirectories(dir.resolve("docs").resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("data"))) {
            for (Path file : files.toList()) {
                Files.copy(file, seeds.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void aDocumentReloadedWithALineThatNamesNoOneLeavesWhatWasReadOfItsEntities() throws IOException {
        try (TdbGraphStore store = TdbGraphStore.open(dir.resolve("store"))) {
            store.load(convert(seeds), LoadProgress.none());
            VersionedStore versions = versions(store);
            long before = versions.dataVersion();
            Path seed = seeds.resolve(SEED);
            Files.writeString(seed, Files.readString(seed) + "\n\nИсправлено.\n");

            LoadReport reload = store.load(convert(seed), LoadProgress.none());

            assertEquals(1, reload.replaced().size(), reload.toString());
            long after = versions.dataVersion();
            assertTrue(after > before);
            assertTrue(versions.unchangedFor(read(lookup -> {
                lookup.lookup(MEETING, Node.ANY, Node.ANY);
                lookup.lookup(Node.ANY, MKG.city, ALMATY);
                lookup.lookup(Node.ANY, MKG.country, KAZAKHSTAN);
            }), before, after), "the meeting, its city and its country are stated as they were");
            assertFalse(versions.unchangedFor(read(lookup -> lookup.lookup(Node.ANY, MKG.sha256, Node.ANY)),
                    before, after), "the document's sha256 changed");
        }
    }

    @Test
    void aSparqlUpdateIsKnownByWhatItWrote() {
        try (TdbGraphStore store = TdbGraphStore.open(dir.resolve("store"))) {
            store.load(convert(seeds), LoadProgress.none());
            VersionedStore versions = versions(store);
            long before = versions.dataVersion();

            Txn.executeWrite(store.dataset(), () -> UpdateAction.parseExecute("""
                    PREFIX mkg: <https://w3id.org/medkg/ontology#>
                    INSERT DATA { GRAPH <urn:x:added> {
                      <urn:x:event> a mkg:Conference ; mkg:city <http://localhost:3030/id/place/almaty> } }
                    """, store.dataset()));

            long after = versions.dataVersion();
            assertFalse(versions.unchangedFor(read(lookup -> lookup.lookup(Node.ANY, MKG.city, ALMATY)), before, after),
                    "a new event in Almaty");
            assertTrue(versions.unchangedFor(read(lookup -> lookup.lookup(MEETING, Node.ANY, Node.ANY)), before, after));
            assertFalse(versions.unchangedFor(read(lookup -> lookup.lookup(MEETING, Node.ANY, Node.ANY)), before - 1,
                    after), "the load before it wrote millions of quads, as far as anyone knows");
        }
    }

    @Test
    void aWriteAbandonedChangesNothingAndAStoreEmptiedWholesaleIsNotKnown() {
        try (TdbGraphStore store = TdbGraphStore.open(dir.resolve("store"))) {
            store.load(convert(seeds), LoadProgress.none());
            VersionedStore versions = versions(store);
            DatasetGraph dataset = store.dataset().asDatasetGraph();
            Footprint meeting = read(lookup -> lookup.lookup(MEETING, Node.ANY, Node.ANY));
            long before = versions.dataVersion();

            dataset.begin(TxnType.WRITE);
            dataset.add(Quad.create(NodeFactory.createURI("urn:x:note"), MEETING, MKG.city, ALMATY));
            dataset.abort();
            dataset.end();
            Txn.executeWrite(dataset, () -> dataset.add(Quad.create(NodeFactory.createURI("urn:x:note"),
                    NodeFactory.createURI("urn:x:other"), MKG.city, ALMATY)));
            long afterOther = versions.dataVersion();

            assertTrue(versions.unchangedFor(meeting, before, afterOther), "the abandoned write is not the next one's");

            Txn.executeWrite(dataset, dataset::clear);

            assertFalse(versions.unchangedFor(meeting, afterOther, versions.dataVersion()));
        }
    }

    private static VersionedStore versions(TdbGraphStore store) {
        return (VersionedStore) store.dataset().asDatasetGraph();
    }

    private static List<ConvertedDocument> convert(Path documents) {
        return Converter.standard(Converter.DEFAULT_BASE).convert(List.of(documents), e -> {
            throw new AssertionError(e.getMessage(), e);
        });
    }

    private static Footprint read(Consumer<Footprint.Recorder> lookups) {
        Footprint.Recorder recorder = new Footprint.Recorder();
        lookups.accept(recorder);
        return recorder.footprint();
    }
}
