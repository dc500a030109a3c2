package org.medkg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.document.BadDocumentException;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;

/**
 * The project's own run of the team's scorer ({@code ../shared/eval/score.py}) on the development gold: converts
 * every gold document, hands the N-Quads to the scorer and fails when entity F1 drops below 0.90, so that a
 * regression in extraction shows up in CI. Skips where ../shared or python3 is absent.
 */
class DevGoldEvaluationTest {

    private static final Path SHARED = Path.of(System.getProperty("medkg.shared", "../shared"));
    private static final double ENTITY_F1_FLOOR = 0.90;

    @TempDir
    Path work;

    @Test
    void entityF1OnTheDevGoldStaysAboveTheFloor() throws Exception {
        Path scorer = SHARED.resolve("eval/score.py");
        Path gold = SHARED.resolve("gold/dev");
        assumeTrue(Files.isRegularFile(scorer) && Files.isDirectory(gold), "no scorer or gold in ../shared");
        assumeTrue(python3Available(), "python3 is not installed");

        List<Path> documents = goldDocuments(gold);
        List<BadDocumentException> failures = new ArrayList<>();
        List<ConvertedDocument> converted = Converter.standard().convert(documents, failures::add);
        assertEquals(List.of(), failures);
        Path nquads = work.resolve("dev.nq");
        DatasetGraph dataset = DatasetGraphFactory.create();
        converted.forEach(doc -> dataset.addGraph(NodeFactory.createURI(doc.graphIri()), doc.graph()));
        try (OutputStream out = Files.newOutputStream(nquads)) {
            RDFDataMgr.write(out, dataset, Lang.NQUADS);
        }

        Path summary = work.resolve("summary.json");
        Process run = new ProcessBuilder("python3", scorer.toString(), "--gold", gold.toString(),
                "--corpus", SHARED.resolve("corpus").toString(), "--nq", nquads.toString(),
                "--json", summary.toString()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(5, TimeUnit.MINUTES), "the scorer did not finish");
        assertEquals(0, run.exitValue(), output);
        System.out.println(output);

        JsonNode result = new ObjectMapper().readTree(summary.toFile());
        assertTrue(result.get("documents_without_graph").isEmpty(), "every gold document has its graph");
        double entityF1 = result.get("entities").get("all").get("f1").asDouble();
        assertTrue(entityF1 >= ENTITY_F1_FLOOR, "entity F1 " + entityF1 + " is below " + ENTITY_F1_FLOOR + "\n" + output);
    }

    /** The files the gold annotates: an article's language versions, or a single seed file. */
    private static List<Path> goldDocuments(Path gold) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> documents = new ArrayList<>();
        try (var files = Files.list(gold)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode annotation = json.readTree(file.toFile());
                Path article = SHARED.resolve("corpus").resolve(annotation.get("article").asText());
                if (Files.isRegularFile(article)) {
                    documents.add(article);
                } else {
                    annotation.get("documents").forEach(d -> documents.add(article.resolve(d.asText())));
                }
            }
        }
        return documents;
    }

    private static boolean python3Available() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
