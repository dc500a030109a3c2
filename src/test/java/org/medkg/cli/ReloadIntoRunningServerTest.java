package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.search.LuceneNameIndex;
import org.medkg.search.SearchHit;
import org.medkg.server.MedkgServer;
import org.medkg.server.ServedDocuments;
import org.medkg.store.TdbGraphStore;

/**
 * A changed document re-loaded into the running server, as the README tells an editor to ({@code load --endpoint},
 * one Graph Store PUT per document): its graph, and only its graph, is replaced, and the name index follows. The
 * server replaces a graph by the store's own difference, so a served store must end as {@code load --store} leaves
 * a closed one. A real medkg server on a free loopback port, over real TDB2 stores, with the seeds in {@code data/}
 * and, when present, the hemcenter site.
 */
class ReloadIntoRunningServerTest {

    private static final Path SEEDS = Path.of("data");
    /** A conference report whose list of experts the editor corrects. */
    private static final String REPORT = "000_be1d552f40914512.txt";
    private static final String OTHER = "002_d6f503734638d6f4.txt";
    /** The report names this expert in one entry of its list (two lines: the PDF broke a word), and only there. */
    private static final String STRUCK_OUT = "Битанова";
    private static final String EDITOR = "editor";
    private static final String PASSWORD = "s3cret";

    @TempDir
    Path dir;

    @Test
    void aChangedDocumentReplacesExactlyItsGraphAndTheNameIndexFollows() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        Files.copy(SEEDS.resolve(REPORT), documents.resolve(REPORT));
        Files.copy(SEEDS.resolve(OTHER), documents.resolve(OTHER));
        // A real paragraph of another seed, naming guests from Tbilisi, whom neither document names.
        String added = Files.readAllLines(SEEDS.resolve("001_d9529d5f736d3bf0.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("Nino Sharashenidze")).findFirst().orElseThrow();

        try (Served served = Served.open(dir.resolve("store"))) {
            CommandRun first = served.load(documents);
            assertTrue(first.out().contains("added: 2"), first.out() + first.err());
            Set<String> otherBefore = served.quadsOf(graphOf(OTHER));
            Set<String> reportBefore = served.quadsOf(graphOf(REPORT));
            assertFalse(served.search(STRUCK_OUT).isEmpty(), "the listed expert is found before the change");
            assertTrue(served.search("Sharashenidze").isEmpty(), "the guest is named by neither document yet");

            String report = Files.readString(documents.resolve(REPORT));
            int entry = report.indexOf("– " + STRUCK_OUT);
            int next = report.indexOf("\n– ", entry);
            Files.writeString(documents.resolve(REPORT), report.substring(0, entry) + report.substring(next + 1)
                    + "\n" + added + "\n");

            CommandRun reload = served.load(documents);
            assertTrue(reload.out().contains("replaced: 1"), reload.out() + reload.err());
            assertTrue(reload.out().contains("unchanged: 1"), reload.out());
            assertEquals(Set.of(), served.search(STRUCK_OUT), "the expert struck out of the list is no longer found");
            Set<String> guest = served.search("Sharashenidze");
            assertEquals(1, guest.size(), "the guest named in the added paragraph is found: " + guest);
            assertEquals(otherBefore, served.quadsOf(graphOf(OTHER)), "the other document's graph is untouched");
            Set<String> reportAfter = served.quadsOf(graphOf(REPORT));
            assertNotEquals(reportBefore, reportAfter);
            assertEquals(converted(documents.resolve(REPORT)), reportAfter, "the graph is the changed document's");
            assertTrue(reportAfter.stream().anyMatch(quad -> quad.contains("<" + guest.iterator().next() + ">")),
                    "the guest found is the one the changed document names");
        }
    }

    /** A body that is not RDF is refused before anything is written: the stored graph stays whole. */
    @Test
    void aBrokenBodyIsRefusedAndTheStoredGraphStaysWhole() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        Files.copy(SEEDS.resolve(OTHER), documents.resolve(OTHER));
        try (Served served = Served.open(dir.resolve("store"))) {
            assertTrue(served.load(documents).out().contains("added: 1"));
            Set<String> stored = served.quadsOf(graphOf(OTHER));
            // A whole triple, then one cut short, as a client that died while sending would leave it.
            String cutShort = "<urn:x:s> <urn:x:p> <urn:x:o> .\n<urn:x:s> <urn:x:p> \"";
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            served.server().graphStoreWriteUrl().orElseThrow() + "?graph=" + graphOf(OTHER)))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (EDITOR + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/n-triples")
                    .PUT(HttpRequest.BodyPublishers.ofString(cutShort)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, put.statusCode(), put.body());
            assertEquals(stored, served.quadsOf(graphOf(OTHER)));
        }
    }

    /**
     * The corpus loaded into a served store over HTTP and into a closed one with {@code load --store}, then every
     * document changed and loaded again both ways: the same quads and the same entries in the name index, none
     * left over, none twice.
     */
    @Test
    void theServedStoreEndsAsLoadStoreLeavesAClosedOne() throws Exception {
        List<Path> sources = new ArrayList<>(List.of(SEEDS));
        if (Files.isDirectory(ServedDocuments.HEMCENTER)) {
            sources.add(ServedDocuments.HEMCENTER);
        }
        Path servedStore = dir.resolve("served");
        Path closedStore = dir.resolve("closed");
        try (Served served = Served.open(servedStore)) {
            for (int round = 0; round <= 1; round++) {
                List<Path> documents = ChangedCopies.write(sources, dir.resolve("documents"), round);
                CommandRun overHttp = served.load(documents.toArray(Path[]::new));
                assertTrue(overHttp.out().contains(round == 0 ? "replaced: 0" : "added: 0"), overHttp.out());
                List<String> load = new ArrayList<>(List.of("load", "--store", closedStore.toString()));
                documents.forEach(folder -> load.add(folder.toString()));
                CommandRun local = CommandRun.run(load.toArray(String[]::new));
                assertEquals(overHttp.status(), local.status(), local.err());
                assertEquals(overHttp.out(), local.out());
            }
        }
        assertEquals(quads(closedStore), quads(servedStore));
        List<String> closedNames = nameEntries(closedStore);
        assertTrue(closedNames.size() > 100, closedNames.size() + " names");
        assertEquals(closedNames, nameEntries(servedStore));
    }

    private static String graphOf(String file) {
        return "http://localhost:3030/doc/documents/" + file;
    }

    /** The quads {@code convert} writes for one document, in N-Quads. */
    private Set<String> converted(Path document) {
        Path nquads = dir.resolve("converted.nq");
        CommandRun convert = CommandRun.run("convert", "--format", "nquads", "-o", nquads.toString(),
                document.toString());
        assertEquals(ExitCodes.OK, convert.status(), convert.err());
        DatasetGraph dataset = RDFDataMgr.loadDatasetGraph(nquads.toString());
        Set<String> quads = new TreeSet<>();
        dataset.find().forEachRemaining(quad -> quads.add(NodeFmtLib.str(quad)));
        return quads;
    }

    /** Every quad of a closed store, in N-Quads. */
    private static Set<String> quads(Path store) {
        try (TdbGraphStore opened = TdbGraphStore.open(store)) {
            return opened.dataset().calculateRead(() -> {
                Set<String> quads = new TreeSet<>();
                opened.dataset().asDatasetGraph().find().forEachRemaining(quad -> quads.add(NodeFmtLib.str(quad)));
                return quads;
            });
        }
    }

    /** Every entry of a closed store's name index, each as its stored fields, sorted: a multiset of entries. */
    private static List<String> nameEntries(Path store) throws IOException {
        List<String> entries = new ArrayList<>();
        try (FSDirectory directory = FSDirectory.open(store.resolve(LuceneNameIndex.FOLDER));
             DirectoryReader reader = DirectoryReader.open(directory)) {
            Bits live = MultiBits.getLiveDocs(reader);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    Document entry = reader.storedFields().document(doc);
                    entries.add(entry.getFields().stream().map(field -> field.name() + "=" + value(field)).sorted()
                            .collect(Collectors.joining(" ")));
                }
            }
        }
        entries.sort(null);
        return entries;
    }

    private static String value(IndexableField field) {
        return field.stringValue() != null ? field.stringValue() : String.valueOf(field.binaryValue());
    }

    /** A store served as {@code serve --user editor --password-file …} serves it, in this JVM. */
    private record Served(TdbGraphStore store, MedkgServer server) implements AutoCloseable {
        static Served open(Path dir) {
            TdbGraphStore store = TdbGraphStore.open(dir);
            store.compactInBackground(ServeCommand.COMPACTION_QUIET);
            MedkgServer server = MedkgServer.builder().dataset(store.dataset().asDatasetGraph()).port(0)
                    .credentials(EDITOR, PASSWORD).build().start();
            return new Served(store, server);
        }

        CommandRun load(Path... documents) {
            List<String> load = new ArrayList<>(List.of("load", "--endpoint", server.datasetUrl(), "--user", EDITOR,
                    "--password", PASSWORD));
            for (Path folder : documents) {
                load.add(folder.toString());
            }
            return CommandRun.run(load.toArray(String[]::new));
        }

        Set<String> quadsOf(String graph) {
            Node name = NodeFactory.createURI(graph);
            return store.dataset().calculateRead(() -> {
                Set<String> quads = new TreeSet<>();
                store.dataset().asDatasetGraph().find(name, Node.ANY, Node.ANY, Node.ANY)
                        .forEachRemaining((Quad quad) -> quads.add(NodeFmtLib.str(quad)));
                return quads;
            });
        }

        /** The entities the site's search finds for {@code name}. */
        Set<String> search(String name) {
            return store.names().search(name, 100, new AtomicBoolean()).stream().map(SearchHit::iri)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        @Override
        public void close() {
            server.stop();
            store.close();
        }
    }
}
