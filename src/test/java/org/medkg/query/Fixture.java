package org.medkg.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

/** The hand-made contract graph (fixture.trig) in a real TDB2 store. */
final class Fixture {
    static final Path QUERIES = Path.of("queries");

    private Fixture() {
    }

    /** An in-memory TDB2 dataset holding the fixture's named graphs. */
    static Dataset dataset() {
        Dataset dataset = TDB2Factory.createDataset();
        loadInto(dataset);
        return dataset;
    }

    static void loadInto(Dataset dataset) {
        try (InputStream in = Fixture.class.getResourceAsStream("fixture.trig")) {
            if (in == null) {
                throw new IllegalStateException("fixture.trig is missing from the test resources");
            }
            Txn.executeWrite(dataset, () -> RDFParser.source(in).lang(Lang.TRIG).parse(dataset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SavedQuery saved(String name) {
        try {
            return SavedQueries.find(Optional.of(QUERIES), name);
        } catch (BadQueryException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
