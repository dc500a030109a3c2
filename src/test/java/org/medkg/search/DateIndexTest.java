package org.medkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.io.IOX;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.rdf.MKG;

/**
 * The events of a span of days, from a TDB2 store written through the index's dataset, as loads and the server write:
 * dates as GRAPH.md writes them (a day, a year-month, a year), an end, a start stated by two documents that
 * disagree, a date that is no day, and writes that are undone.
 */
class DateIndexTest {
    private static final String ID = "http://localhost:3030/id/event/";
    private static final Node FIRST_DOCUMENT = NodeFactory.createURI("http://localhost:3030/doc/data/a.md");
    private static final Node SECOND_DOCUMENT = NodeFactory.createURI("http://localhost:3030/doc/data/b.md");
    private static final AtomicBoolean NEVER = new AtomicBoolean();

    @TempDir
    Path dir;
    private DatasetGraph tdb;
    private LuceneNameIndex index;

    @BeforeEach
    void open() {
        tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve("store")));
        index = LuceneNameIndex.open(dir.resolve("store").resolve(LuceneNameIndex.FOLDER), tdb);
        Txn.executeWrite(index.dataset(), () -> {
            DatasetGraph store = index.dataset();
            // the conference of a seed: 19-21 September 2024
            store.add(date(FIRST_DOCUMENT, "conference", MKG.startDate, "2024-09-19", XSDDatatype.XSDdate));
            store.add(date(FIRST_DOCUMENT, "conference", MKG.endDate, "2024-09-21", XSDDatatype.XSDdate));
            store.add(date(FIRST_DOCUMENT, "meeting", MKG.startDate, "2024-09-18", XSDDatatype.XSDdate));
            store.add(date(FIRST_DOCUMENT, "seminar", MKG.startDate, "2024-09", XSDDatatype.XSDgYearMonth));
            store.add(date(FIRST_DOCUMENT, "congress", MKG.startDate, "2024", XSDDatatype.XSDgYear));
            // a course from May to the first days of September
            store.add(date(FIRST_DOCUMENT, "course", MKG.startDate, "2024-05-22", XSDDatatype.XSDdate));
            store.add(date(FIRST_DOCUMENT, "course", MKG.endDate, "2024-09-02", XSDDatatype.XSDdate));
            // two documents that disagree on a forum's year
            store.add(date(FIRST_DOCUMENT, "forum", MKG.startDate, "2019-05-01", XSDDatatype.XSDdate));
            store.add(date(SECOND_DOCUMENT, "forum", MKG.startDate, "2024-09-10", XSDDatatype.XSDdate));
            // an end without a start: no event any query lists
            store.add(date(FIRST_DOCUMENT, "school", MKG.endDate, "2024-09-10", XSDDatatype.XSDdate));
            // a date no day reads: it may be in any span, the query's own comparison decides
            store.add(date(SECOND_DOCUMENT, "webinar", MKG.startDate, "30 февраля", XSDDatatype.XSDstring));
        });
    }

    @AfterEach
    void close() {
        index.close();
        TDBInternal.expel(tdb);
    }

    @Test
    void theEventsOfASpanAreThoseWhoseDaysOverlapIt() {
        assertEquals(events("conference", "meeting", "seminar", "congress", "course", "forum", "webinar"),
                overlapping("2024-09-01", "2024-09-30"));
        assertEquals(events("seminar", "congress", "course", "forum", "webinar"),
                overlapping("2024-09-01", "2024-09-02"));
        assertEquals(events("conference", "seminar", "congress", "webinar"), overlapping("2024-09-20", "2024-09-20"));
        assertEquals(events("forum", "webinar"), overlapping("2019-01-01", "2019-12-31"));
        assertEquals(events("webinar"), overlapping("2031-01-01", "2031-12-31"));
    }

    @Test
    void aDeletedDateIsFollowedAcrossGraphs() {
        Txn.executeWrite(index.dataset(), () -> index.dataset().removeGraph(SECOND_DOCUMENT));
        assertEquals(events("conference", "meeting", "seminar", "congress", "course"),
                overlapping("2024-09-01", "2024-09-30"));
        assertEquals(events("forum"), overlapping("2019-05-01", "2019-05-01"));

        Txn.executeWrite(index.dataset(), () -> index.dataset().delete(
                date(FIRST_DOCUMENT, "course", MKG.endDate, "2024-09-02", XSDDatatype.XSDdate)));
        assertEquals(events("course", "congress"), overlapping("2024-05-01", "2024-05-31"));
        assertEquals(events("seminar", "congress"), overlapping("2024-09-01", "2024-09-02"));
    }

    @Test
    void anAbortedWriteLeavesTheDatesAsTheyWere() {
        index.dataset().begin(TxnType.WRITE);
        index.dataset().add(date(FIRST_DOCUMENT, "visit", MKG.startDate, "2031-03-01", XSDDatatype.XSDdate));
        index.dataset().delete(date(FIRST_DOCUMENT, "meeting", MKG.startDate, "2024-09-18", XSDDatatype.XSDdate));
        index.dataset().abort();
        index.dataset().end();
        assertEquals(events("webinar"), overlapping("2031-01-01", "2031-12-31"));
        assertTrue(overlapping("2024-09-18", "2024-09-18").contains(ID + "meeting"));
    }

    @Test
    void aBlankEventCannotBeNamedSoTheIndexCannotTell() {
        Quad blank = new Quad(FIRST_DOCUMENT, NodeFactory.createBlankNode(), MKG.startDate,
                NodeFactory.createLiteralDT("2010-06-01", XSDDatatype.XSDdate));
        Txn.executeWrite(index.dataset(), () -> index.dataset().add(blank));
        assertEquals(Optional.empty(), index.eventsOverlapping(span("2010-01-01", "2010-12-31"), NEVER));
        assertTrue(index.eventsOverlapping(span("2024-09-01", "2024-09-30"), NEVER).isPresent());
    }

    @Test
    void anIndexWithoutDatesIndexesThemWhenOpened() {
        // the store holds dates the index never saw, written to TDB2 alone, as before dates were indexed
        index.close();
        TDBInternal.expel(tdb);
        tdb = DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve("store")));
        Txn.executeWrite(tdb, () -> tdb.add(date(FIRST_DOCUMENT, "visit", MKG.startDate, "2031-03",
                XSDDatatype.XSDgYearMonth)));
        Path folder = dir.resolve("store").resolve(LuceneNameIndex.FOLDER);
        IOX.deleteAll(folder);
        index = LuceneNameIndex.open(folder, tdb);
        assertEquals(events("visit", "webinar"), overlapping("2031-03-15", "2031-03-15"));
        assertEquals(events("conference", "meeting", "seminar", "congress", "course", "forum", "webinar"),
                overlapping("2024-09-01", "2024-09-30"));
    }

    private Set<String> overlapping(String first, String last) {
        return index.eventsOverlapping(span(first, last), NEVER).orElseThrow();
    }

    private static DaySpan span(String first, String last) {
        return new DaySpan(LocalDate.parse(first).toEpochDay(), LocalDate.parse(last).toEpochDay());
    }

    private static Set<String> events(String... names) {
        return Set.of(Arrays.stream(names).map(name -> ID + name).toArray(String[]::new));
    }

    private static Quad date(Node graph, String event, Node predicate, String value, XSDDatatype type) {
        return new Quad(graph, NodeFactory.createURI(ID + event), predicate, NodeFactory.createLiteralDT(value, type));
    }
}
