package org.medkg.pages;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.medkg.rdf.MKG;
import org.medkg.rdf.Prefixes;
import org.medkg.search.NameIndex;
import org.medkg.store.CancellableReads;
import org.medkg.search.SearchHit;
import org.medkg.publish.Site;

/** Reads what each page shows from the store, in one read transaction per page, in the page's language. */
public final class Views {
    static final int LATEST_EVENTS = 10;
    static final int SEARCH_HITS = 50;
    /** Rows of each section of an entity's page, and documents it is mentioned in, shown on one page. */
    public static final int ROWS_PER_PAGE = 50;
    /** Documents named beside one fact; the others are counted. */
    public static final int SOURCES_PER_FACT = 10;

    private final Site site;
    private final PageLanguage language;

    public Views(Site site, PageLanguage language) {
        this.site = requireNonNull(site, "site");
        this.language = requireNonNull(language, "language");
    }

    /** The first page of the entity with this IRI; empty when no document says anything about it. */
    public Optional<View.EntityView> entity(String iri) {
        return entity(iri, 1);
    }

    /**
     * One page of the entity with this IRI: the {@code page}-th {@value #ROWS_PER_PAGE} rows of each section and of
     * the documents that mention it, so that the page of an entity named in thousands of documents stays as small
     * as any; empty when no document says anything about it, or when the page is past the last one.
     */
    public Optional<View.EntityView> entity(String iri, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page " + page + ": pages are counted from 1");
        }
        Node entity = NodeFactory.createURI(iri);
        Window window = new Window(page);
        return read(store -> {
            if (!store.exists(entity)) {
                return Optional.empty();
            }
            Kind kind = store.kind(entity);
            List<View.Section> sections = EntitySections.of(kind).stream()
                    .map(spec -> section(store, entity, spec, window))
                    .filter(section -> !section.rows().isEmpty())
                    .toList();
            List<String> types = store.types(entity).stream()
                    .map(type -> OntologyTerms.get().label(type, language.language())).sorted().toList();
            List<View.Link> sameAs = store.objects(entity, OWL.sameAs.asNode()).stream().distinct()
                    .flatMap(other -> store.hrefs().of(other).map(href -> new View.Link(href, other.getURI(),
                            Kind.OTHER.key())).stream())
                    .sorted(Comparator.comparing(View.Link::text)).toList();
            // by IRI, which the quads carry, so that only the shown documents are read for their titles
            List<Node> allDocuments = store.quads(Node.ANY, Node.ANY, MKG.mentions, entity).stream()
                    .map(Quad::getSubject).distinct().sorted(Comparator.comparing(Node::toString)).toList();
            List<View.Link> documents = window.of(allDocuments).stream().map(store::link).toList();
            if (page > 1 && sections.isEmpty() && documents.isEmpty()) {
                return Optional.empty();
            }
            List<String> names = store.names(entity);
            boolean more = window.hasMore(allDocuments.size())
                    || EntitySections.of(kind).stream().anyMatch(spec -> window.hasMore(window.totals.get(spec.id())));
            Hrefs hrefs = store.hrefs();
            return Optional.of(new View.EntityView(iri, names.get(0), names.subList(1, names.size()), types, kind,
                    sections, sameAs, documents, allDocuments.size(), page,
                    more ? hrefs.page(entity, page + 1).orElse(null) : null,
                    page > 1 ? hrefs.page(entity, page - 1).orElse(null) : null));
        });
    }

    /** The page of the document whose node (and graph) has this IRI; empty when the store has no such document. */
    public Optional<View.DocumentView> document(String iri) {
        Node document = NodeFactory.createURI(iri);
        return read(store -> {
            if (store.quads(document, document, RDF.type.asNode(), MKG.Document).isEmpty()) {
                return Optional.empty();
            }
            Map<Kind, List<View.FactRow>> mentioned = new TreeMap<>();
            store.quads(document, document, MKG.mentions, Node.ANY).stream().map(Quad::getObject).distinct()
                    .forEach(entity -> mentioned.computeIfAbsent(store.kind(entity), k -> new ArrayList<>())
                            .add(new View.FactRow(store.link(entity), null, null, null, null, List.of())));
            List<View.Section> mentions = mentioned.entrySet().stream()
                    .map(entry -> new View.Section(entry.getKey().key(), entry.getValue().stream()
                            .sorted(Comparator.comparing(row -> row.entity().text())).toList()))
                    .toList();
            List<View.EvidenceRow> evidence = store.quads(document, Node.ANY, RDF.type.asNode(), MKG.Evidence).stream()
                    .map(quad -> evidenceRow(store, document, quad.getSubject()))
                    .sorted(Comparator.comparing((View.EvidenceRow row) -> row.subject().text())
                            .thenComparing(View.EvidenceRow::predicate).thenComparing(View.EvidenceRow::quote))
                    .toList();
            return Optional.of(new View.DocumentView(iri, store.label(document),
                    first(store, document, MKG.published).map(store::date).orElse(null),
                    first(store, document, MKG.language).map(Node::getLiteralLexicalForm).orElse(null),
                    first(store, document, MKG.sourceFile).map(Node::getLiteralLexicalForm).orElse(null),
                    mentions, evidence));
        });
    }

    /** Counts of distinct entities by kind, and the events with the latest start dates. */
    public View.HomeView home() {
        return read(store -> {
            List<View.Count> counts = new ArrayList<>();
            Set<Node> events = Set.of();
            for (Kind kind : Kind.values()) {
                if (kind == Kind.OTHER) {
                    continue;
                }
                Set<Node> members = new LinkedHashSet<>();
                kind.classes().forEach(type -> store.quads(Node.ANY, Node.ANY, RDF.type.asNode(), type)
                        .forEach(quad -> members.add(quad.getSubject())));
                counts.add(new View.Count(kind, members.size()));
                if (kind == Kind.EVENT) {
                    events = members;
                }
            }
            List<View.FactRow> latest = events.stream()
                    .flatMap(event -> store.startDate(event).map(date -> Map.entry(event, date)).stream())
                    .sorted(Comparator.comparing((Map.Entry<Node, Node> entry) -> entry.getValue().getLiteralLexicalForm())
                            .reversed())
                    .limit(LATEST_EVENTS)
                    .map(entry -> new View.FactRow(store.link(entry.getKey()), null, null,
                            store.date(entry.getValue()), store.objects(entry.getKey(), MKG.city).stream().findFirst()
                            .map(store::link).orElse(null), List.of()))
                    .toList();
            return new View.HomeView(counts, latest);
        });
    }

    /** The names matching the query, each shown by its label in the page's language; {@code index} may be null. */
    public View.SearchView search(String query, NameIndex index) {
        String asked = query == null ? "" : query.strip();
        if (index == null) {
            return new View.SearchView(asked, false, List.of());
        }
        List<SearchHit> hits = asked.isEmpty() ? List.of()
                : index.search(asked, SEARCH_HITS, CancellableReads.cancelSignal(site.dataset()));
        return read(store -> new View.SearchView(asked, true, hits.stream().map(hit -> {
            Node entity = NodeFactory.createURI(hit.iri());
            String types = String.join(", ", store.types(entity).stream()
                    .map(type -> OntologyTerms.get().label(type, language.language())).sorted().toList());
            return new View.Hit(store.link(entity), types, hit.matchedName());
        }).toList()));
    }

    /** The ontology's classes and properties with their labels and comments in the page's language. */
    public View.OntologyView ontology() {
        OntologyTerms terms = OntologyTerms.get();
        Node ontology = NodeFactory.createURI(MKG.ONTOLOGY_IRI);
        List<View.Term> classes = terms.termsOfType(OWL.Class.asNode()).stream()
                .map(term -> term(term, RDFS.subClassOf.asNode())).toList();
        List<View.Term> properties = new LinkedHashSet<>(concat(terms.termsOfType(OWL.ObjectProperty.asNode()),
                terms.termsOfType(OWL.DatatypeProperty.asNode()))).stream()
                .sorted(Comparator.comparing(Node::getURI))
                .map(term -> term(term, RDFS.subPropertyOf.asNode())).toList();
        return new View.OntologyView(MKG.ONTOLOGY_IRI,
                Labels.best(terms.objects(ontology, DCTerms.title.asNode()), language.language()).orElse(MKG.ONTOLOGY_IRI),
                Labels.best(terms.objects(ontology, DCTerms.description.asNode()), language.language()).orElse(null),
                classes, properties);
    }

    private View.Term term(Node term, Node superProperty) {
        OntologyTerms terms = OntologyTerms.get();
        return new View.Term(OntologyTerms.localName(term), term.getURI(), terms.label(term, language.language()),
                terms.comment(term, language.language()).orElse(null),
                termLinks(terms.objects(term, superProperty)),
                termLinks(terms.objects(term, RDFS.domain.asNode())),
                termLinks(terms.objects(term, RDFS.range.asNode())));
    }

    /** Terms of medkg link to their place on the ontology page; terms of other vocabularies to their IRI. */
    private List<View.Link> termLinks(List<Node> terms) {
        return terms.stream().filter(Node::isURI).map(term -> term.getURI().startsWith(MKG.NS)
                ? new View.Link("#" + OntologyTerms.localName(term), OntologyTerms.get().label(term, language.language()),
                        Kind.OTHER.key())
                : new View.Link(term.getURI(), Prefixes.STANDARD.shortForm(term.getURI()), Kind.OTHER.key()))
                .toList();
    }

    private View.EvidenceRow evidenceRow(StoreReader store, Node document, Node evidence) {
        Optional<Node> subject = first(store, document, evidence, MKG.subject);
        Optional<Node> predicate = first(store, document, evidence, MKG.predicate);
        Optional<Node> object = first(store, document, evidence, MKG.object);
        Optional<Node> value = first(store, document, evidence, MKG.objectValue);
        return new View.EvidenceRow(subject.map(store::link).orElse(new View.Link(null, "", Kind.OTHER.key())),
                predicate.map(p -> OntologyTerms.get().label(p, language.language())).orElse(""),
                object.map(store::link).orElse(null),
                value.map(v -> isDate(v) ? store.date(v).text() : v.getLiteralLexicalForm()).orElse(null),
                first(store, document, evidence, MKG.quote).map(Node::getLiteralLexicalForm).orElse(""));
    }

    /**
     * The facts at the end of the section's paths from the entity, one row per fact, sorted; only the rows in the
     * window get their stating documents (at most {@value #SOURCES_PER_FACT}, the others counted) and quotes.
     */
    private View.Section section(StoreReader store, Node entity, EntitySections.Spec spec, Window window) {
        record Fact(Node predicate, Node other, Node via) {
        }
        Map<Fact, List<Quad>> facts = new LinkedHashMap<>();
        boolean showRole = false;
        for (List<EntitySections.Step> path : spec.paths()) {
            // Every hop but the last only finds the things in between.
            Map<Node, Node> reached = new LinkedHashMap<>();
            reached.put(entity, null);
            for (EntitySections.Step step : path.subList(0, path.size() - 1)) {
                Map<Node, Node> next = new LinkedHashMap<>();
                reached.keySet().forEach(from -> hop(store, from, step).forEach(quad -> {
                    Node between = other(quad, step);
                    next.put(between, between);
                }));
                reached = next;
            }
            EntitySections.Step last = path.get(path.size() - 1);
            showRole |= last.properties().size() > 1;
            reached.forEach((from, via) -> hop(store, from, last).forEach(quad -> facts
                    .computeIfAbsent(new Fact(quad.getPredicate(), other(quad, last), via), f -> new ArrayList<>())
                    .add(quad)));
        }
        boolean roles = showRole;
        // Rows first without their sources, which are what costs: only the shown rows get them.
        Map<View.FactRow, List<Quad>> stated = new LinkedHashMap<>();
        facts.forEach((fact, quads) -> {
            String role = roles ? OntologyTerms.get().label(fact.predicate(), language.language()) : null;
            View.Link via = fact.via() == null ? null : store.link(fact.via());
            Node other = fact.other();
            View.FactRow row;
            if (other.isLiteral()) {
                row = isDate(other)
                        ? new View.FactRow(null, null, role, store.date(other), via, List.of(), 0)
                        : new View.FactRow(null, other.getLiteralLexicalForm(), role, null, via, List.of(), 0);
            } else {
                View.DateText date = store.kind(other) == Kind.EVENT
                        ? store.startDate(other).map(store::date).orElse(null) : null;
                row = new View.FactRow(store.link(other), null, role, date, via, List.of(), 0);
            }
            stated.merge(row, quads, Views::concat);
        });
        List<View.FactRow> sorted = stated.keySet().stream().sorted(ROW_ORDER).toList();
        window.totals.put(spec.id(), sorted.size());
        List<View.FactRow> rows = window.of(sorted).stream().map(row -> withSources(store, row, stated.get(row)))
                .toList();
        return new View.Section(spec.id(), rows, sorted.size(), window.hasMore(sorted.size()));
    }

    /**
     * The row with the documents that state it, with the sentences each gave: the first {@value #SOURCES_PER_FACT}
     * by the document's IRI, shown by title, and how many more there are. Chosen by IRI, which the quads carry,
     * so that a fact stated by thousands of documents (a city's country) costs the titles and sentences of ten.
     */
    private static View.FactRow withSources(StoreReader store, View.FactRow row, List<Quad> quads) {
        Map<Node, Quad> byDocument = new LinkedHashMap<>();
        quads.forEach(quad -> byDocument.putIfAbsent(quad.getGraph(), quad));
        List<View.Source> sources = byDocument.values().stream()
                .sorted(Comparator.comparing(quad -> quad.getGraph().toString()))
                .limit(SOURCES_PER_FACT)
                .map(quad -> store.source(quad.getGraph(),
                        store.quotes(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject())))
                .distinct().sorted(Comparator.comparing(source -> source.link().text())).toList();
        return new View.FactRow(row.entity(), row.value(), row.role(), row.date(), row.via(), sources,
                Math.max(0, byDocument.size() - SOURCES_PER_FACT));
    }

    /** Which rows one page shows, and how many each section has in all. */
    private static final class Window {
        private final int page;
        private final Map<String, Integer> totals = new HashMap<>();

        Window(int page) {
            this.page = page;
        }

        <T> List<T> of(List<T> all) {
            int from = (int) Math.min(all.size(), (long) (page - 1) * ROWS_PER_PAGE);
            return all.subList(from, Math.min(all.size(), from + ROWS_PER_PAGE));
        }

        boolean hasMore(Integer total) {
            return total != null && (long) page * ROWS_PER_PAGE < total;
        }
    }

    /** Events by date (undated last), the rest by role then name, so a person's events read as a timeline. */
    private static final Comparator<View.FactRow> ROW_ORDER = Comparator
            .<View.FactRow, String>comparing(row -> row.date() == null ? "\uffff" : row.date().iso())
            .thenComparing(row -> row.role() == null ? "" : row.role())
            .thenComparing(row -> row.entity() != null ? row.entity().text() : String.valueOf(row.value()));

    private static List<Quad> hop(StoreReader store, Node from, EntitySections.Step step) {
        return step.properties().stream().flatMap(property -> (step.direction() == EntitySections.Direction.OUT
                        ? store.quads(Node.ANY, from, property, Node.ANY)
                        : store.quads(Node.ANY, Node.ANY, property, from)).stream())
                .filter(quad -> step.kinds().isEmpty() || step.kinds().contains(store.kind(other(quad, step))))
                .toList();
    }

    private static Node other(Quad quad, EntitySections.Step step) {
        return step.direction() == EntitySections.Direction.OUT ? quad.getObject() : quad.getSubject();
    }

    private static boolean isDate(Node literal) {
        String datatype = literal.getLiteralDatatypeURI();
        return XSDDatatype.XSDdate.getURI().equals(datatype) || XSDDatatype.XSDgYearMonth.getURI().equals(datatype)
                || XSDDatatype.XSDgYear.getURI().equals(datatype);
    }

    private static Optional<Node> first(StoreReader store, Node subject, Node predicate) {
        return first(store, subject, subject, predicate);
    }

    private static Optional<Node> first(StoreReader store, Node graph, Node subject, Node predicate) {
        return store.quads(graph, subject, predicate, Node.ANY).stream().map(Quad::getObject).findFirst();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private <T> T read(Function<StoreReader, T> page) {
        StoreReader store = new StoreReader(site.dataset(), language, new Hrefs(site, language));
        return Txn.calculateRead(site.dataset(), () -> page.apply(store));
    }
}
