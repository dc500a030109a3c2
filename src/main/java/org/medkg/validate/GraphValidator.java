package org.medkg.validate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.vocabulary.RDFS;
import org.medkg.lang.Language;
import org.medkg.rdf.OntologyResources;

/**
 * Checks graphs against the medkg SHACL shapes ({@code ontology/shapes.ttl}) and reports each violation
 * as a readable line. The ontology's class hierarchy is added to the data while validating, so a
 * {@code mkg:Meeting} is checked as a {@code mkg:Event} and a {@code mkg:Expert} counts as a {@code mkg:Person}.
 */
public final class GraphValidator {
    /** The name violations carry when they appear only in the union of all named graphs. */
    public static final String UNION = "(all documents together)";
    /** The name violations carry when they are in the dataset's default graph. */
    public static final String DEFAULT_GRAPH = "(default graph)";

    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::graph)
            .thenComparing(Violation::focus).thenComparing(Violation::path).thenComparing(Violation::message)
            .thenComparing(Violation::value);

    private final Shapes shapes;
    private final Graph classHierarchy;
    private final PrefixMap prefixes;
    private final Prologue pathPrefixes;

    private GraphValidator(Graph shapesGraph, Graph ontology) {
        this.shapes = Shapes.parse(requireNonNull(shapesGraph, "shapesGraph"));
        this.classHierarchy = GraphFactory.createDefaultGraph();
        requireNonNull(ontology, "ontology").find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY)
                .filterKeep(triple -> triple.getObject().isURI())
                .forEachRemaining(classHierarchy::add);
        this.prefixes = PrefixMapFactory.create(shapesGraph.getPrefixMapping());
        this.pathPrefixes = new Prologue(shapesGraph.getPrefixMapping());
    }

    /** The validator for the shapes and ontology bundled with medkg. */
    public static GraphValidator standard() {
        return Standard.INSTANCE;
    }

    /** A validator for other shapes, with the class hierarchy of the given ontology. */
    public static GraphValidator of(Graph shapes, Graph ontology) {
        return new GraphValidator(shapes, ontology);
    }

    /** Validates one graph; its violations carry {@code graphName}. */
    public ValidationResult validate(Graph graph, String graphName) {
        requireNonNull(graph, "graph");
        requireNonNull(graphName, "graphName");
        List<Violation> violations = check(graph, graphName);
        violations.sort(ORDER);
        return new ValidationResult(1, violations);
    }

    /**
     * Validates each named graph of the dataset (a document's graph must be valid on its own), the default
     * graph when it has triples, and the union of the named graphs, which finds what no single document
     * breaks: an event given two start dates by two documents, a person who speaks in one and only
     * attends in another. A union violation already found in a single graph is not repeated.
     */
    public ValidationResult validate(DatasetGraph dataset) {
        requireNonNull(dataset, "dataset");
        List<Violation> violations = new ArrayList<>();
        int graphs = 0;
        if (!dataset.getDefaultGraph().isEmpty()) {
            violations.addAll(check(dataset.getDefaultGraph(), DEFAULT_GRAPH));
            graphs++;
        }
        List<Node> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(names::add);
        for (Node name : names) {
            violations.addAll(check(dataset.getGraph(name), NodeFmtLib.str(name, prefixes)));
            graphs++;
        }
        if (names.size() > 1) {
            Set<String> seen = new HashSet<>();
            violations.forEach(violation -> seen.add(violation.withoutGraph()));
            for (Violation violation : check(dataset.getUnionGraph(), UNION)) {
                if (!seen.contains(violation.withoutGraph())) {
                    violations.add(violation);
                }
            }
        }
        violations.sort(ORDER);
        return new ValidationResult(graphs, violations);
    }

    private List<Violation> check(Graph data, String graphName) {
        Graph withHierarchy = new Union(data, classHierarchy);
        List<Violation> violations = new ArrayList<>();
        for (ReportEntry entry : ShaclValidator.get().validate(shapes, withHierarchy).getEntries()) {
            violations.add(new Violation(graphName,
                    describe(entry.focusNode(), data),
                    entry.resultPath() == null ? "" : PathWriter.asString(entry.resultPath(), pathPrefixes),
                    entry.message() == null ? "" : entry.message(),
                    entry.value() == null ? "" : describe(entry.value(), data)));
        }
        return violations;
    }

    /** A node as written in Turtle, followed by its label when the graph gives it one. */
    private String describe(Node node, Graph graph) {
        String written = NodeFmtLib.str(node, prefixes);
        Node label = label(node, graph);
        return label == null ? written : written + " " + NodeFmtLib.str(label, prefixes);
    }

    /** The label in the first of the corpus languages that has one (ru, kk, en), else any label. */
    private static Node label(Node node, Graph graph) {
        if (node.isLiteral()) {
            return null;
        }
        List<Node> labels = graph.find(node, RDFS.label.asNode(), Node.ANY).mapWith(Triple::getObject)
                .filterKeep(Node::isLiteral).toList();
        for (Language language : Language.values()) {
            for (Node label : labels) {
                if (label.getLiteralLanguage().equalsIgnoreCase(language.code())) {
                    return label;
                }
            }
        }
        return labels.stream().min(Comparator.comparing(Node::getLiteralLexicalForm)).orElse(null);
    }

    private static final class Standard {
        static final GraphValidator INSTANCE =
                new GraphValidator(OntologyResources.shapes(), OntologyResources.ontology());
    }
}
