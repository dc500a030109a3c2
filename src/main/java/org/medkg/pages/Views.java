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
import org.apache.jena.graph.Triple;
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
import org.medkg.store.Footprint;

/** Reads what each page shows from the store, in one read transaction per page, in the page's language. */
public final class Views {
    static final int LATEST_EVENTS = 10;
    static final int SEARCH_HITS = 50;
    /** Rows of each section of an entity's page, and documents it is mentioned in, shown on one page. */
    public static final int ROWS_PER_PAGE = 50;
    /** Documents named beside one fact; the others are counted. */
    public static final int SOURCES_PER_FACT = 10;
    /** Sorts after every date: undated rows come last. */
    private static final String UNDATED = "\uffff";

    private final Site site;
    private final PageLanguage language;
    private final NodeMemo memo;

    public Views(Site site, PageLanguage language) {
        this(site, language, NodeMemo.none());
    }

    /** @param memo the kinds and labels of nodes kept from page to page */
    public Views(Site site, PageLanguage language, NodeMemo memo) {
        this.site = requireNonNull(site, "site");
        this.language = requireNonNull(language, "language");
        this.memo = requireNonNull(memo, "memo");
    }

    /** The first page of the entity with this IRI; empty when no document says anything about it. */
    public Optional<View.EntityView> entity(String iri) {
        return entity(iri, 1);
    }

    /**
     * One page of the entity with this IRI: the {@code page}-th {@value #ROWS_PER_PAGE} rows of each section and of
     * the documents that mention it; empty when no document says anything about it, or when the page is past the
     * last one. Reads the entity's {@link #index} first; a server that keeps it calls the other form.
     */
    public Optional<View.EntityView> entity(String iri, int page) {
        return index(iri).flatMap(index -> entity(iri, page, index));
    }

    /**
     * What every page of the entity with this IRI is cut from; empty when no document says anything about it. It
     * reads every quad about the entity (on a hub's, as many as the documents that name it), and no label.
     */
    public Optional<EntityIndex> index(String iri) {
        Node entity = NodeFactory.createURI(iri);
        Footprint.Recorder recorder = new Footprint.Recorder();
        return read(recorder, store -> {
            if (!store.exists(entity)) {
                return Optional.empty();
            }
            Kind kind = store.kind(entity);
            Map<String, List<EntityIndex.Stated>> sections = new HashMap<>();
            EntitySections.of(kind).forEach(spec -> sections.put(spec.id(), facts(store, entity, spec)));
            // by IRI, which the quads carry, so that only the shown documents are read for their titles
            List<Node> documents = store.triples(Node.ANY, MKG.mentions, entity).stream().map(Triple::getSubject)
                    .distinct().sorted(Comparator.comparing(Views::text)).toList();
            // stated by every document that names a city or a country: read once, not for each page
            List<Node> sameAs = store.triples(entity, OWL.sameAs.asNode(), Node.ANY).stream().map(Triple::getObject)
                    .toList();
            Set<Node> types = store.types(entity);
            return Optional.of(new EntityIndex(kind, types, sections, sameAs, documents, recorder.footprint()));
        });
    }

    /**
     * One page of the entity cut from its index: the {@code page}-th {@value #ROWS_PER_PAGE} rows of each section
     * and of the documents, read for their labels, dates and sentences, so that the page of an entity named in
     * thousands of documents costs what any page costs; empty when the page is past the last one.
     */
    public Optional<View.EntityView> entity(String iri, int page, EntityIndex index) {
        return entity(iri, page, index, null);
    }

    /**
     * As {@link #entity(String, int, EntityIndex)}, telling {@code recorder} every node the page read (labels known
     * already included), so that it can be kept until a write touches one of them.
     */
    public Optional<View.EntityView> entity(String iri, int page, EntityIndex index, Footprint.Recorder recorder) {
        if (page < 1) {
            throw new IllegalArgumentException("page " + page + ": pages are counted from 1");
        }
        Node entity = NodeFactory.createURI(iri);
        return read(recorder, store -> {
            List<EntitySections.Spec> specs = EntitySections.of(index.kind());
            List<View.Section> sections = specs.stream()
                    .map(spec -> section(store, spec, index.section(spec.id()), page))
                    .filter(section -> !section.rows().isEmpty())
                    .toList();
            List<String> types = index.types().stream()
                    .map(type -> OntologyTerms.get().label(type, language.language())).sorted().toList();
            List<View.Link> sameAs = index.sameAs().stream()
                    .flatMap(other -> store.hrefs().of(other).map(href -> new View.Link(href, other.getURI(),
                            Kind.OTHER.key())).stream())
                    .sorted(Comparator.comparing(View.Link::text)).toList();
            List<View.Link> documents = window(index.documents(), page).stream().map(store::link).toList();
            if (page > 1 && sections.isEmpty() && documents.isEmpty()) {
                return Optional.empty();
            }
            List<String> names = store.names(entity);
            boolean more = hasMore(page, index.documents().size())
                    || specs.stream().anyMatch(spec -> hasMore(page, index.section(spec.id()).size()));
            Hrefs hrefs = store.hrefs();
            return Optional.of(new View.EntityView(iri, names.get(0), names.subList(1, names.size()), types,
                    index.kind(), sections, sameAs, documents, index.documents().size(), page,
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
                            .thenComparing(View.EvidenceRow::predicate).thenComparing(View.EvidenceRow::quote)
                            // a sentence that gives several objects lists them by name, whatever the store's order
                            .thenComparing(row -> row.object() == null ? "" : row.object().text())
                            .thenComparing(row -> row.value() == null ? "" : row.value()))
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
        return home(null);
    }

    /**
     * As {@link #home()}, telling {@code recorder} what it read: every typing of an entity counted, every start date,
     * and the shown events and cities.
     */
    public View.HomeView home(Footprint.Recorder recorder) {
        return read(recorder, store -> {
            List<View.Count> counts = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                if (kind != Kind.OTHER) {
                    counts.add(new View.Count(kind, store.countTyped(kind.classes())));
                }
            }
            List<View.FactRow> latest = store.greatestLeastValues(Kind.EVENT.classes(), MKG.startDate, LATEST_EVENTS)
                    .stream()
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
     * The facts at the end of the section's paths from the entity, one row per fact, in the order shown: by the
     * event's date, the role in the order the section lists its properties, then the IRI (or the value), then the IRI
     * of the thing in between. Keys alone order them, so that a page reads the labels of its own rows only.
     */
    private static List<EntityIndex.Stated> facts(StoreReader store, Node entity, EntitySections.Spec spec) {
        List<Node> roleOrder = spec.paths().stream().flatMap(path -> path.get(path.size() - 1).properties().stream())
                .distinct().toList();
        boolean roles = spec.paths().stream().anyMatch(path -> path.get(path.size() - 1).properties().size() > 1);
        Map<EntityIndex.Fact, List<Quad>> facts = new LinkedHashMap<>();
        for (List<EntitySections.Step> path : spec.paths()) {
            // Every hop but the last only finds the things in between; the last one is shown beside each fact.
            Set<Node> reached = Set.of(entity);
            for (EntitySections.Step step : path.subList(0, path.size() - 1)) {
                Set<Node> next = new LinkedHashSet<>();
                reached.forEach(from -> hop(store, Quad.unionGraph, from, step)
                        .forEach(quad -> next.add(other(quad, step))));
                reached = next;
            }
            EntitySections.Step last = path.get(path.size() - 1);
            boolean between = path.size() > 1;
            reached.forEach(from -> hop(store, Node.ANY, from, last).forEach(quad -> facts
                    .computeIfAbsent(new EntityIndex.Fact(roles ? quad.getPredicate() : null,
                            rowKey(other(quad, last)), between ? from : null), f -> new ArrayList<>())
                    .add(quad)));
        }
        Map<EntityIndex.Fact, String> dates = new HashMap<>();
        facts.keySet().forEach(fact -> dates.put(fact, sortDate(store, fact.other())));
        return facts.keySet().stream()
                .sorted(Comparator.<EntityIndex.Fact, String>comparing(dates::get)
                        .thenComparingInt(fact -> fact.predicate() == null ? 0 : roleOrder.indexOf(fact.predicate()))
                        .thenComparing(fact -> text(fact.other()))
                        .thenComparing(fact -> fact.via() == null ? "" : text(fact.via())))
                .map(fact -> stated(fact, facts.get(fact)))
                .toList();
    }

    /**
     * The fact with the first {@value #SOURCES_PER_FACT} documents that state it by the document's IRI, which the
     * quads carry, so that a fact stated by thousands of documents (a city's country) costs the titles and
     * sentences of ten.
     */
    private static EntityIndex.Stated stated(EntityIndex.Fact fact, List<Quad> quads) {
        Map<Node, Quad> byDocument = new LinkedHashMap<>();
        quads.forEach(quad -> byDocument.putIfAbsent(quad.getGraph(), quad));
        return new EntityIndex.Stated(fact, byDocument.values().stream()
                .sorted(Comparator.comparing(quad -> text(quad.getGraph())))
                .limit(SOURCES_PER_FACT).toList(), byDocument.size());
    }

    /** One page of a section: its rows read for their labels, dates and the sentences of their first sources. */
    private View.Section section(StoreReader store, EntitySections.Spec spec, List<EntityIndex.Stated> facts,
                                 int page) {
        List<View.FactRow> rows = window(facts, page).stream().map(stated -> withSources(store, stated)).toList();
        return new View.Section(spec.id(), rows, facts.size(), hasMore(page, facts.size()));
    }

    /** A literal that is not a date stands for its text; anything else for itself. */
    private static Node rowKey(Node other) {
        return other.isLiteral() && !isDate(other) ? NodeFactory.createLiteralString(other.getLiteralLexicalForm())
                : other;
    }

    /** The date a row is ordered by: its own, or the start of the event it links to; undated rows last. */
    private static String sortDate(StoreReader store, Node other) {
        if (other.isLiteral()) {
            return isDate(other) ? other.getLiteralLexicalForm() : UNDATED;
        }
        return store.kind(other) == Kind.EVENT
                ? store.startDate(other).map(Node::getLiteralLexicalForm).orElse(UNDATED) : UNDATED;
    }

    private static String text(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.isURI() ? node.getURI() : node.toString();
    }

    /** The shown row of a fact, read for its labels and date, with the documents that state it. */
    private View.FactRow withSources(StoreReader store, EntityIndex.Stated stated) {
        EntityIndex.Fact fact = stated.fact();
        String role = fact.predicate() == null ? null : OntologyTerms.get().label(fact.predicate(), language.language());
        View.Link via = fact.via() == null ? null : store.link(fact.via());
        List<View.Source> sources = stated.firstSources().stream()
                .map(quad -> store.source(quad.getGraph(),
                        store.quotes(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject())))
                .distinct().sorted(Comparator.comparing(source -> source.link().text())).toList();
        int moreSources = Math.max(0, stated.documents() - SOURCES_PER_FACT);
        Node other = fact.other();
        if (other.isLiteral()) {
            return isDate(other)
                    ? new View.FactRow(null, null, role, store.date(other), via, sources, moreSources)
                    : new View.FactRow(null, other.getLiteralLexicalForm(), role, null, via, sources, moreSources);
        }
        View.DateText date = store.kind(other) == Kind.EVENT
                ? store.startDate(other).map(store::date).orElse(null) : null;
        return new View.FactRow(store.link(other), null, role, date, via, sources, moreSources);
    }

    /** The rows of a list that one page shows. */
    private static <T> List<T> window(List<T> all, int page) {
        int from = (int) Math.min(all.size(), (long) (page - 1) * ROWS_PER_PAGE);
        return all.subList(from, Math.min(all.size(), from + ROWS_PER_PAGE));
    }

    /** Whether a list of this many rows goes on after the page. */
    private static boolean hasMore(int page, int total) {
        return (long) page * ROWS_PER_PAGE < total;
    }

    /** The quads of one hop from {@code from}, in any document's graph or, with the union graph, each once. */
    private static List<Quad> hop(StoreReader store, Node graph, Node from, EntitySections.Step step) {
        return step.properties().stream().flatMap(property -> (step.direction() == EntitySections.Direction.OUT
                        ? store.quads(graph, from, property, Node.ANY)
                        : store.quads(graph, Node.ANY, property, from)).stream())
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
        return read(null, page);
    }

    /** @param recorder told every lookup of the store; null for none */
    private <T> T read(Footprint.Recorder recorder, Function<StoreReader, T> page) {
        StoreReader store = new StoreReader(site.dataset(), language, new Hrefs(site, language), memo.now(), recorder);
        return Txn.calculateRead(site.dataset(), () -> page.apply(store));
    }
}
