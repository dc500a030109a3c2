package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.Test;

/** The same saved query over a real Fuseki endpoint gives the rows it gives over the store. */
class QueryRunnerRemoteTest {

    @Test
    void anEndpointAnswersLikeTheStore() throws BadParameterException {
        Dataset dataset = Fixture.dataset();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        FusekiServer server = FusekiServer.create().loopback(true).port(0).add("/medkg", dataset).build().start();
        try {
            String endpoint = "http://localhost:" + server.getHttpPort() + "/medkg/sparql";
            SavedQuery participants = Fixture.saved("event-participants");
            Map<String, String> values = Map.of("event", "Заседание Международного");
            List<Map<String, String>> remote = Rows.of(QueryRunner.remote(endpoint).select(participants, values));
            List<Map<String, String>> local = Rows.of(QueryRunner.local(dataset).select(participants, values));
            assertTrue(Rows.anyContains(remote, "agentLabel", "Татаурщикова Наталья Станиславовна"), remote.toString());
            assertEquals(local, remote);
            // a page is chosen first and its rows written into the rest of the query, as VALUES sent to the endpoint
            for (Page page : List.of(new Page(1, 2), new Page(2, 2))) {
                assertEquals(Rows.of(QueryRunner.local(dataset).select(participants, values, page).rows()),
                        Rows.of(QueryRunner.remote(endpoint).select(participants, values, page).rows()), page.toString());
            }
            assertEquals(local.subList(0, 2), Rows.of(QueryRunner.remote(endpoint).select(participants, values,
                    new Page(1, 2)).rows()));
        } finally {
            server.stop();
        }
    }

    /**
     * people-who-met and organizations-by-city call medkg's own functions, which a store that is not medkg's does not
     * know (it would read a call as a triple that matches nothing): they are run here, over the endpoint's data, with
     * the store's answer.
     */
    @Test
    void queriesCallingMedkgsFunctionsAreAnsweredOverAStoreThatDoesNotKnowThem() throws BadParameterException {
        Dataset notMedkgs = Fixture.dataset();
        notMedkgs.getContext().set(TDB2.symUnionDefaultGraph, true);
        PropertyFunctionRegistry.set(notMedkgs.getContext(), new PropertyFunctionRegistry());
        FusekiServer server = FusekiServer.create().loopback(true).port(0).add("/medkg", notMedkgs).build().start();
        try {
            String endpoint = "http://localhost:" + server.getHttpPort() + "/medkg/sparql";
            SavedQuery met = Fixture.saved("people-who-met");
            List<Map<String, String>> remote = Rows.of(QueryRunner.remote(endpoint).select(met, Map.of()));
            assertTrue(Rows.anyContains(remote, "secondLabel", "Пивоварова Ирина Алексеевна"), remote.toString());
            assertEquals(Rows.of(QueryRunner.local(Fixture.dataset()).select(met, Map.of())), remote);
            SavedQuery organizations = Fixture.saved("organizations-by-city");
            Map<String, String> city = Map.of("city", "Караганда");
            List<Map<String, String>> counted = Rows.of(QueryRunner.remote(endpoint).select(organizations, city));
            assertTrue(counted.stream().anyMatch(row -> !row.get("people").equals("0")), counted.toString());
            assertEquals(Rows.of(QueryRunner.local(Fixture.dataset()).select(organizations, city)), counted);
        } finally {
            server.stop();
        }
    }
}
