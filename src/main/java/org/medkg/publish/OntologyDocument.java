package org.medkg.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.medkg.rdf.OntologyResources;

/**
 * The ontology as published: in Turtle the bundled file itself, byte for byte (its comments explain the
 * alignments), in the other formats written from the parsed graph.
 */
public final class OntologyDocument {

    private OntologyDocument() {
    }

    public static void write(Format format, String base, OutputStream out) throws IOException {
        if (format == Format.TURTLE) {
            out.write(Holder.TURTLE);
        } else {
            Publishing.write(OntologyResources.ontology(), format, base, out);
        }
    }

    private static final class Holder {
        static final byte[] TURTLE = read();

        private static byte[] read() {
            try (InputStream in = OntologyDocument.class.getResourceAsStream(OntologyResources.ONTOLOGY)) {
                if (in == null) {
                    throw new IllegalStateException("medkg: resource missing from the classpath: "
                            + OntologyResources.ONTOLOGY);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("medkg: cannot read " + OntologyResources.ONTOLOGY, e);
            }
        }
    }
}
