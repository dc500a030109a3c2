package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** medkg query and medkg queries, run in-process over a real TDB2 store holding the contract fixture. */
class QueryCommandTest {

    @TempDir
    static Path folder;
    private static Path store;

    @BeforeAll
    static void fillStore() {
        store = folder.resolve("store");
        Dataset dataset = TDB2Factory.connectDataset(store.toString());
        Txn.executeWrite(dataset, () -> RDFParser.source(QueryCommandTest.class
                .getResourceAsStream("/org/medkg/query/fixture.trig")).lang(Lang.TRIG).parse(dataset));
    }

    private record Run(int status, String out, String err) {
    }

    private static Run medkg(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Medkg.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void runsASavedQueryByNameWithParameters() {
        Run run = medkg("query", "events-by-year", "--store", store.toString(), "--param", "year=2024", "--format", "csv");
        assertEquals(ExitCodes.OK, run.status(), run.err());
        assertTrue(run.out().startsWith("event,eventLabel,type,start,end,cityLabel"), run.out());
        assertTrue(run.out().contains("Аллергология и иммунология: достижения и перспективы"), run.out());
    }

    @Test
    void runsAQueryFileAndWritesSparqlJson() {
        Run run = medkg("query", "queries/people-who-met.rq", "--store", store.toString(), "--format", "json");
        assertEquals(ExitCodes.OK, run.status(), run.err());
        assertTrue(run.out().contains("\"bindings\"") && run.out().contains("Пивоварова Ирина Алексеевна"), run.out());
    }

    @Test
    void printsATableByDefault() {
        Run run = medkg("query", "participant-cities", "--store", store.toString(), "--param", "event=заседание");
        assertEquals(ExitCodes.OK, run.status(), run.err());
        assertTrue(run.out().contains("| cityLabel") && run.out().contains("\"Москва\"@ru"), run.out());
    }

    @Test
    void anUnknownParameterOrABadValueIsAUsageError() {
        Run unknown = medkg("query", "events-by-year", "--store", store.toString(), "--param", "yaer=2024");
        assertEquals(ExitCodes.USAGE, unknown.status());
        assertTrue(unknown.err().contains("no parameter 'yaer'; it has: lang, year"), unknown.err());
        Run bad = medkg("query", "events-by-year", "--store", store.toString(), "--param", "year=2024г.");
        assertEquals(ExitCodes.USAGE, bad.status());
        assertTrue(bad.err().contains("'2024г.' is not a valid xsd:integer"), bad.err());
    }

    @Test
    void givesEveryRowUnlessAPageIsAsked() {
        String[] query = {"query", "events-in-date-range", "--store", store.toString(), "--param", "from=2000-01-01",
                "--param", "to=2030-12-31", "--format", "csv"};
        Run whole = medkg(query);
        assertEquals(ExitCodes.OK, whole.status(), whole.err());
        List<String> rows = whole.out().lines().skip(1).toList();
        assertTrue(rows.size() >= 3, whole.out());
        assertEquals("", whole.err(), "no note on the whole answer");

        Run first = medkg(with(query, "--size", "1"));
        assertEquals(ExitCodes.OK, first.status(), first.err());
        assertEquals(rows.subList(0, 1), first.out().lines().skip(1).toList());
        assertTrue(first.err().contains("more rows follow: --page 2 --size 1"), first.err());
        Run second = medkg(with(query, "--page", "2", "--size", "1"));
        assertEquals(rows.subList(1, 2), second.out().lines().skip(1).toList());
        Run last = medkg(with(query, "--page", String.valueOf(rows.size()), "--size", "1"));
        assertEquals(rows.subList(rows.size() - 1, rows.size()), last.out().lines().skip(1).toList());
        assertEquals("", last.err(), "nothing follows the last page");
        assertEquals(whole.out(), medkg(with(query, "--size", "all")).out());

        Run bad = medkg(with(query, "--page", "0"));
        assertEquals(ExitCodes.USAGE, bad.status());
        assertTrue(bad.err().contains("parameter 'page': '0' is not a whole number from 1 up"), bad.err());
    }

    private static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void anUnknownQueryAMissingStoreOrAnEndpointThatIsNoUrlIsAUsageError() {
        Run unknownQuery = medkg("query", "events-by-moon", "--store", store.toString());
        assertEquals(ExitCodes.USAGE, unknownQuery.status());
        assertTrue(unknownQuery.err().contains("events-by-moon: no saved query of that name"), unknownQuery.err());
        Run noStore = medkg("query", "events-by-year", "--store", folder.resolve("nothing").toString(), "--param", "year=2024");
        assertEquals(ExitCodes.USAGE, noStore.status());
        assertTrue(noStore.err().contains("no store here"), noStore.err());
        Run notAUrl = medkg("query", "events-by-year", "--endpoint", "localhost:3030/medkg/sparql", "--param",
                "year=2024");
        assertEquals(ExitCodes.USAGE, notAUrl.status());
        assertTrue(notAUrl.err().contains("--endpoint: not an http(s) URL: localhost:3030/medkg/sparql"), notAUrl.err());
    }

    @Test
    void listsTheSavedQueriesWithTheirParameters() {
        Run run = medkg("queries");
        assertEquals(ExitCodes.OK, run.status(), run.err());
        assertTrue(run.out().contains("events-by-year  Events that started in a given year"), run.out());
        assertTrue(run.out().contains("--param year=…  year (xsd:integer, required)"), run.out());
        assertTrue(run.out().contains("--param from=…  from (xsd:date, required)"), run.out());
    }
}
