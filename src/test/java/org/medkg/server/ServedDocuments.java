package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.store.LoadProgress;
import org.medkg.store.TdbGraphStore;

/**
 * What the web tests stand on: real documents converted with IRIs minted under the address the server really
 * listens on (as a deployment does with --base), loaded into a real TDB2 store, served on a free loopback port.
 */
public final class ServedDocuments implements AutoCloseable {
    /** The development corpus beside the project; tests that need it skip when it is absent. */
    public static final Path HEMCENTER = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus", "hemcenter");

    private final String base;
    private final List<ConvertedDocument> documents;
    private final TdbGraphStore store;
    private final MedkgServer server;

    private ServedDocuments(String base, List<ConvertedDocument> documents, TdbGraphStore store, MedkgServer server) {
        this.base = base;
        this.documents = documents;
        this.store = store;
        this.server = server;
    }

    /** Converts and loads the inputs (each must convert), and starts a server with the given extra settings. */
    public static ServedDocuments serve(List<Path> inputs, Path storeDir, UnaryOperator<MedkgServer.Builder> settings)
            throws IOException {
        int port = freePort();
        String base = "http://127.0.0.1:" + port + "/";
        List<String> failures = new ArrayList<>();
        List<ConvertedDocument> documents = Converter.standard(base).convert(inputs, e -> failures.add(e.getMessage()));
        assertEquals(List.of(), failures, "every document converts");
        TdbGraphStore store = TdbGraphStore.open(storeDir);
        store.load(documents, LoadProgress.none());
        MedkgServer server = settings.apply(MedkgServer.builder().dataset(store.dataset().asDatasetGraph())
                .host("127.0.0.1").port(port).base(base)).build().start();
        return new ServedDocuments(base, documents, store, server);
    }

    /** The site's root, ending with {@code /}: also the base the IRIs were minted under. */
    public String base() {
        return base;
    }

    public List<ConvertedDocument> documents() {
        return documents;
    }

    public TdbGraphStore store() {
        return store;
    }

    public MedkgServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
        store.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
