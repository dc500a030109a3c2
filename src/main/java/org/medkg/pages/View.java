package org.medkg.pages;

import java.util.List;

/**
 * What the pages show, read from the store and handed to the templates: plain text and hrefs only, so a template
 * can do nothing but print them (escaped). Message keys are built from the ids here ({@code section.speakers}).
 */
public final class View {
    private View() {
    }

    /**
     * Something a page names, with where it leads.
     *
     * @param href the page (or, for things from elsewhere, the http(s) IRI) it links to; null when it links nowhere
     * @param text what to show
     * @param kind the {@link Kind#key()} of what it names, for CSS
     */
    public record Link(String href, String text, String kind) {
    }

    /** A date as shown ({@code text}) and as machines read it ({@code iso}, for {@code <time datetime>}). */
    public record DateText(String text, String iso) {
    }

    /**
     * A document that states a fact.
     *
     * @param link the document's page, shown by its title
     * @param quotes the sentences of that document the fact was extracted from (may be none)
     */
    public record Source(Link link, List<String> quotes) {
    }

    /**
     * One fact on a page: the thing it links to (or a value), with what role it plays, and who said it.
     *
     * @param entity the linked entity, null when the fact is a value
     * @param value the value (a position, a date) when there is no entity
     * @param role the property's label, shown when a section mixes properties (speaker, participant)
     * @param date the date of the linked event, or the value itself when it is a date
     * @param via the entity the fact was reached through (the city of an event in a country), or null
     * @param sources the documents that state it (the first few, when many do)
     * @param moreSources how many other documents state it
     */
    public record FactRow(Link entity, String value, String role, DateText date, Link via, List<Source> sources,
                          int moreSources) {
        /** A fact with all the documents that state it. */
        public FactRow(Link entity, String value, String role, DateText date, Link via, List<Source> sources) {
            this(entity, value, role, date, via, sources, 0);
        }

        public boolean event() {
            return entity != null && Kind.EVENT.key().equals(entity.kind());
        }
    }

    /**
     * A titled group of facts; the title is the message {@code section.<id>}.
     *
     * @param rows the facts shown on this page
     * @param total how many facts the section has on all pages
     * @param more whether a later page shows more of them
     */
    public record Section(String id, List<FactRow> rows, int total, boolean more) {
        /** A section shown whole. */
        public Section(String id, List<FactRow> rows) {
            this(id, rows, rows.size(), false);
        }
    }

    /**
     * One page of an entity: what it is, and a window of each section and of the documents that mention it.
     *
     * @param documents the documents shown on this page
     * @param documentsTotal how many documents mention it
     * @param page which page this is, from 1
     * @param nextPage the next page, when some section or the documents go on there; else null
     * @param previousPage the page before, or null on the first
     */
    public record EntityView(String iri, String label, List<String> otherLabels, List<String> types, Kind kind,
                             List<Section> sections, List<Link> sameAs, List<Link> documents, int documentsTotal,
                             int page, String nextPage, String previousPage) {
        public String kindKey() {
            return kind.key();
        }

        /** The number of the first row of each section on this page, counted from 1. */
        public int firstRow() {
            return (page - 1) * Views.ROWS_PER_PAGE + 1;
        }

        /** Whether the documents go on on a later page. */
        public boolean moreDocuments() {
            return (long) page * Views.ROWS_PER_PAGE < documentsTotal;
        }
    }

    /** One extracted statement of a document, with the sentence it came from. */
    public record EvidenceRow(Link subject, String predicate, Link object, String value, String quote) {
    }

    public record DocumentView(String iri, String title, DateText published, String language, String sourceFile,
                               List<Section> mentions, List<EvidenceRow> evidence) {
    }

    /** How many distinct entities of a kind the store holds. */
    public record Count(Kind kind, long count) {
        public String key() {
            return kind.key();
        }
    }

    public record HomeView(List<Count> counts, List<FactRow> latestEvents) {
    }

    public record Hit(Link link, String type, String matchedName) {
    }

    /** @param available false when the server has no name index */
    public record SearchView(String query, boolean available, List<Hit> hits) {
    }

    /** A class or property of the ontology; {@code id} is its local name, the anchor on the ontology page. */
    public record Term(String id, String iri, String label, String comment, List<Link> superTerms,
                       List<Link> domain, List<Link> range) {
    }

    public record OntologyView(String iri, String title, String description, List<Term> classes,
                               List<Term> properties) {
    }
}
