package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;

/** Folders of real documents converted into an in-memory TDB2 store, each its graph, for the saved queries' tests. */
final class ConvertedCorpus {

    private ConvertedCorpus() {
    }

    /** Converted once for every test class that reads it: none writes to it. */
    private static Dataset seedsAndHemcenter;

    /**
     * The seeds (data/) and the hemcenter articles converted, for reading only; the test is skipped where ../shared
     * is absent.
     */
    static synchronized Dataset seedsAndHemcenter() {
        Path hemcenter = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus", "hemcenter");
        assumeTrue(Files.isDirectory(hemcenter), "no shared corpus at " + hemcenter);
        if (seedsAndHemcenter == null) {
            seedsAndHemcenter = dataset(List.of(Path.of("data"), hemcenter));
        }
        return seedsAndHemcenter;
    }

    /** Converts the folders (every document must convert) and gives a runner over them. */
    static QueryRunner runner(List<Path> folders) {
        return QueryRunner.local(dataset(folders));
    }

    /** Converts the folders (every document must convert) into a store. */
    static Dataset dataset(List<Path> folders) {
        List<String> failures = new ArrayList<>();
        List<ConvertedDocument> documents = Converter.standard().convert(folders, e -> failures.add(e.getMessage()));
        assertEquals(List.of(), failures, "every document converts");
        Dataset dataset = TDB2Factory.createDataset();
        Txn.executeWrite(dataset, () -> documents.forEach(doc ->
                dataset.asDatasetGraph().addGraph(NodeFactory.createURI(doc.graphIri()), doc.graph())));
        return dataset;
    }
}
