package org.medkg.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * The whole store as gzipped N-Quads: every named graph (one per document) with its name, streamed straight out
 * of one read transaction, so the dump is one consistent state of the store however long the download takes.
 */
public final class Dump {

    private Dump() {
    }

    /** Writes the dump and finishes the gzip stream; {@code out} is left open. */
    public static void writeGzippedNQuads(DatasetGraph dataset, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        try {
            Txn.executeRead(dataset, () -> {
                StreamRDF quads = StreamRDFWriter.getWriterStream(gzip, Lang.NQUADS);
                quads.start();
                List<Node> graphs = new ArrayList<>();
                dataset.listGraphNodes().forEachRemaining(graphs::add);
                for (Node graph : graphs) {
                    dataset.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::quad);
                }
                quads.finish();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        gzip.finish();
    }
}
