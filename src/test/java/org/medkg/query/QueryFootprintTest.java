package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.store.TdbGraphStore;
import org.medkg.store.VersionedStore;

/** Whether a write could change a saved query's answer, judged by what the query reads. */
class QueryFootprintTest {
    private static final String PREFIXES = """
            PREFIX mkg: <https://w3id.org/medkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX mkgf: <https://w3id.org/medkg/function#>
            """;

    @TempDir
    Path dir;

    @Test
    void aQueryOfRolesGivenAsValuesIsChangedByAWriteOfARoleAndNotByAWriteOfADocumentsChecksum() throws Exception {
        SavedQuery roles = query("""
                SELECT ?person (COUNT(?event) AS ?events) WHERE {
                  VALUES ?role { mkg:speaker mkg:participant } ?event ?role ?person
                } GROUP BY ?person
                """);

        assertFalse(changes(roles, "<urn:x:doc> mkg:sha256 \"00ff\""));
        assertTrue(changes(roles, "<urn:x:event> mkg:speaker <urn:x:person>"));
        assertFalse(changes(roles, "<urn:x:event> mkg:organizer <urn:x:person>"));
    }

    @Test
    void aVariablePredicateThatNoValuesOfItsGroupBindsMayReadAnything() throws Exception {
        SavedQuery apart = query("""
                SELECT ?s ?o WHERE { { VALUES ?p { mkg:speaker } } UNION { ?s ?p ?o } }
                """);
        SavedQuery negated = query("SELECT ?s WHERE { ?s !mkg:speaker ?o }");
        SavedQuery graphs = query("SELECT ?g WHERE { GRAPH ?g { } }");

        for (SavedQuery query : new SavedQuery[] {apart, negated, graphs}) {
            assertTrue(changes(query, "<urn:x:doc> mkg:sha256 \"00ff\""), query.query().toString());
        }
    }

    @Test
    void aPathOrAnExistsReadsItsLinks() throws Exception {
        SavedQuery path = query("SELECT ?org ?country WHERE { ?org mkg:city/mkg:country ?country }");
        SavedQuery exists = query("""
                SELECT ?event WHERE { ?event mkg:startDate ?date FILTER EXISTS { ?event mkg:city ?city } }
                """);

        assertTrue(changes(path, "<urn:x:city> mkg:country <urn:x:country>"));
        assertFalse(changes(path, "<urn:x:event> mkg:startDate \"2024-01-01\""));
        assertTrue(changes(exists, "<urn:x:event> mkg:city <urn:x:city>"));
        assertFalse(changes(exists, "<urn:x:doc> rdfs:label \"Курс\""));
    }

    @Test
    void aFunctionOfMedkgsReadsTheLinksOfThePredicatesItIsGiven() throws Exception {
        SavedQuery counted = query("SELECT ?people WHERE { ?people mkgf:subjectCount (<urn:x:center> mkg:affiliation) }");
        SavedQuery paired = query("""
                SELECT * WHERE { (?first ?second ?events) mkgf:sharedSubjects (2 10 mkg:speaker mkg:participant) }
                """);

        assertTrue(changes(counted, "<urn:x:person> mkg:affiliation <urn:x:center>"));
        assertFalse(changes(counted, "<urn:x:event> mkg:organizer <urn:x:center>"));
        assertTrue(changes(paired, "<urn:x:event> mkg:participant <urn:x:person>"));
        assertFalse(changes(paired, "<urn:x:person> rdfs:label \"Пивоварова\""));
    }

    /**
     * A document loaded again with a corrected line that names no one differs by its checksum alone: no shipped
     * query is computed again for it, which each would be if it could read anything (a variable predicate its group
     * does not bind, as expert-profile's NOT EXISTS had).
     */
    @Test
    void noShippedQueryIsChangedByAWriteOfADocumentsChecksum() throws Exception {
        for (SavedQuery shipped : SavedQueries.load(Path.of("queries"), broken -> {
            throw new AssertionError(broken.getMessage(), broken);
        })) {
            assertFalse(changes(shipped, "<urn:x:doc> mkg:sha256 \"00ff\""), shipped.name());
        }
    }

    /** Whether writing {@code triple} into a store may change the query's answer, as the store judges it. */
    private boolean changes(SavedQuery query, String triple) {
        Path store = dir.resolve("store-" + System.nanoTime());
        try (TdbGraphStore opened = TdbGraphStore.open(store)) {
            VersionedStore versions = (VersionedStore) opened.dataset().asDatasetGraph();
            long before = versions.dataVersion();
            Txn.executeWrite(opened.dataset(), () -> UpdateAction.parseExecute(
                    PREFIXES + "INSERT DATA { GRAPH <urn:x:doc> { " + triple + " } }", opened.dataset()));
            return !versions.unchangedFor(query.footprint(), before, versions.dataVersion());
        }
    }

    private static SavedQuery query(String select) throws BadQueryException {
        return SavedQuery.parse("test", "a test", "#+ summary: a test\n" + PREFIXES + select);
    }
}
