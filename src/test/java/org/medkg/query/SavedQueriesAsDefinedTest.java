package org.medkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;

/**
 * The saved queries that read shared links and labels as tables, or group before reading them (so that a hub's
 * facts, stated again by every document naming it, are read once), or test what is rare before what is common (an
 * event's dates before its type), answer the rows of their plain definition: the same query written the obvious way,
 * each link followed and each label read for every row. Over what the converter makes of the seeds and the hemcenter
 * articles, where hubs (the hematology center, Almaty, Kazakhstan) are named by many documents.
 */
class SavedQueriesAsDefinedTest {

    private static final String PREFIXES = """
            PREFIX mkg: <https://w3id.org/medkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """;

    /** The event classes, and an event typed mkg:Event beside a subclass reported by its subclass only. */
    private static final String EVENT_CLASS = """
              FILTER(?class IN (mkg:Event, mkg:Conference, mkg:Congress, mkg:Forum, mkg:Symposium, mkg:Seminar,
                                mkg:Workshop, mkg:MasterClass, mkg:School, mkg:Course, mkg:Webinar, mkg:Meeting,
                                mkg:Visit))
              FILTER(?class != mkg:Event || NOT EXISTS { ?event a ?narrower .
                     FILTER(?narrower != mkg:Event && STRSTARTS(STR(?narrower), STR(mkg:))) })
            """;

    /** An event's end, its labels and its city's, read for every row. */
    private static final String EVENT_AND_CITY_LABELS = """
              OPTIONAL { ?event mkg:endDate ?end }
              OPTIONAL { ?event rdfs:label ?eventPreferred FILTER(LANGMATCHES(LANG(?eventPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?event rdfs:label ?eventAny }
              OPTIONAL { ?event mkg:city/rdfs:label ?cityPreferred FILTER(LANGMATCHES(LANG(?cityPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?event mkg:city/rdfs:label ?cityAny }
            }
            GROUP BY ?event ?class ?start ?end
            """;

    private static final String EVENT_COLUMNS = """
            SELECT ?event (COALESCE(MIN(?eventPreferred), MIN(?eventAny)) AS ?eventLabel)
                   (STRAFTER(STR(?class), "#") AS ?type) ?start ?end
                   (COALESCE(MIN(?cityPreferred), MIN(?cityAny)) AS ?cityLabel)
            """;

    private static final String EVENTS_BY_CITY = """
            SELECT ?event (COALESCE(MIN(?eventPreferred), MIN(?eventAny)) AS ?eventLabel)
                   (STRAFTER(STR(?class), "#") AS ?type) ?start ?end
                   ?city (COALESCE(MIN(?cityPreferred), MIN(?cityAny)) AS ?cityLabel)
            WHERE {
              ?event mkg:city ?city ; a ?class .
              FILTER EXISTS { ?city rdfs:label|skos:altLabel ?cityName
                              FILTER(CONTAINS(REPLACE(LCASE(STR(?cityName)), "ё", "е"), REPLACE(LCASE(?_city), "ё", "е"))) }
            """ + EVENT_CLASS + """
              OPTIONAL { ?event mkg:startDate ?start }
              OPTIONAL { ?event mkg:endDate ?end }
              OPTIONAL { ?event rdfs:label ?eventPreferred FILTER(LANGMATCHES(LANG(?eventPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?event rdfs:label ?eventAny }
              OPTIONAL { ?city rdfs:label ?cityPreferred FILTER(LANGMATCHES(LANG(?cityPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?city rdfs:label ?cityAny }
            }
            GROUP BY ?event ?class ?start ?end ?city
            """;

    private static final String ORGANIZATIONS_BY_CITY = """
            SELECT ?organization (COALESCE(MIN(?organizationPreferred), MIN(?organizationAny)) AS ?organizationLabel)
                   (COALESCE(MIN(?cityPreferred), MIN(?cityAny)) AS ?cityLabel)
                   (COUNT(DISTINCT ?person) AS ?people) (COUNT(DISTINCT ?event) AS ?events)
            WHERE {
              ?organization a mkg:Organization ; mkg:city ?city .
              FILTER EXISTS { ?city rdfs:label|skos:altLabel ?cityName
                              FILTER(CONTAINS(REPLACE(LCASE(STR(?cityName)), "ё", "е"), REPLACE(LCASE(?_city), "ё", "е"))) }
              OPTIONAL { ?person mkg:affiliation ?organization }
              OPTIONAL { ?event mkg:organizer|mkg:sponsor ?organization }
              OPTIONAL { ?organization rdfs:label ?organizationPreferred
                         FILTER(LANGMATCHES(LANG(?organizationPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?organization rdfs:label ?organizationAny }
              OPTIONAL { ?city rdfs:label ?cityPreferred FILTER(LANGMATCHES(LANG(?cityPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?city rdfs:label ?cityAny }
            }
            GROUP BY ?organization ?city
            """;

    private static final String EVENTS_BY_YEAR = EVENT_COLUMNS + """
            WHERE {
              ?event a ?class ; mkg:startDate ?start .
              FILTER(xsd:integer(SUBSTR(STR(?start), 1, 4)) = ?_year_xsd_integer)
            """ + EVENT_CLASS + EVENT_AND_CITY_LABELS;

    private static final String EVENTS_BY_TYPE = """
            SELECT ?event (COALESCE(MIN(?eventPreferred), MIN(?eventAny)) AS ?eventLabel) ?start ?end
                   (COALESCE(MIN(?cityPreferred), MIN(?cityAny)) AS ?cityLabel)
            WHERE {
              ?event a ?class .
              FILTER(?class = IRI(CONCAT(STR(mkg:), ?_type)))
              OPTIONAL { ?event mkg:startDate ?start }
            """ + EVENT_AND_CITY_LABELS;

    /** An event's span [first day of its start, last day of its end or start] overlaps the range. */
    private static final String EVENTS_IN_DATE_RANGE = EVENT_COLUMNS + """
            WHERE {
              ?event a ?class ; mkg:startDate ?start .
              OPTIONAL { ?event mkg:endDate ?end }
              BIND(STR(?start) AS ?s)
              BIND(STR(COALESCE(?end, ?start)) AS ?e)
              FILTER(IF(STRLEN(?s) = 4, CONCAT(?s, "-01-01"), IF(STRLEN(?s) = 7, CONCAT(?s, "-01"), SUBSTR(?s, 1, 10)))
                       <= STR(?_to_xsd_date)
                     && IF(STRLEN(?e) = 4, CONCAT(?e, "-12-31"), IF(STRLEN(?e) = 7, CONCAT(?e, "-31"), SUBSTR(?e, 1, 10)))
                       >= STR(?_from_xsd_date))
            """ + EVENT_CLASS + EVENT_AND_CITY_LABELS;

    private static final String CROSS_BORDER = """
            SELECT ?person (COALESCE(MIN(?personPreferred), MIN(?personAny)) AS ?personLabel)
                   (COALESCE(MIN(?homePreferred), MIN(?homeAny)) AS ?homeCountry)
                   ?event (COALESCE(MIN(?eventPreferred), MIN(?eventAny)) AS ?eventLabel) ?role
                   (COALESCE(MIN(?hostPreferred), MIN(?hostAny)) AS ?eventCountry)
            WHERE {
              {
                SELECT DISTINCT ?person ?home ?event ?role ?host WHERE {
                  VALUES (?relation ?role) { (mkg:speaker "speaker") (mkg:participant "participant") }
                  ?event ?relation ?person ; mkg:city/mkg:country ?host .
                  { ?person mkg:city/mkg:country ?home }
                  UNION { ?person mkg:affiliation/mkg:city/mkg:country ?home
                          FILTER NOT EXISTS { ?person mkg:city ?ownCity } }
                  FILTER(?home != ?host)
                  FILTER EXISTS { ?host rdfs:label|skos:altLabel ?hostName
                                  FILTER(CONTAINS(REPLACE(LCASE(STR(?hostName)), "ё", "е"),
                                                  REPLACE(LCASE(COALESCE(?__country, "")), "ё", "е"))) }
                }
              }
              OPTIONAL { ?person rdfs:label ?personPreferred FILTER(LANGMATCHES(LANG(?personPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?person rdfs:label ?personAny }
              OPTIONAL { ?home rdfs:label ?homePreferred FILTER(LANGMATCHES(LANG(?homePreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?home rdfs:label ?homeAny }
              OPTIONAL { ?event rdfs:label ?eventPreferred FILTER(LANGMATCHES(LANG(?eventPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?event rdfs:label ?eventAny }
              OPTIONAL { ?host rdfs:label ?hostPreferred FILTER(LANGMATCHES(LANG(?hostPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?host rdfs:label ?hostAny }
            }
            GROUP BY ?person ?home ?event ?role ?host
            """;

    private static final String ORGANIZERS_AND_SPONSORS = """
            SELECT ?agent (COALESCE(MIN(?agentPreferred), MIN(?agentAny)) AS ?agentLabel) ?role
                   ?event (COALESCE(MIN(?eventPreferred), MIN(?eventAny)) AS ?eventLabel) ?start
                   (COALESCE(MIN(?cityPreferred), MIN(?cityAny)) AS ?cityLabel)
            WHERE {
              VALUES (?relation ?role) { (mkg:organizer "organizer") (mkg:sponsor "sponsor") }
              ?event ?relation ?agent .
              FILTER EXISTS { ?agent rdfs:label|skos:altLabel ?agentName
                              FILTER(CONTAINS(REPLACE(LCASE(STR(?agentName)), "ё", "е"),
                                              REPLACE(LCASE(COALESCE(?__organization, "")), "ё", "е"))) }
              OPTIONAL { ?event mkg:startDate ?start }
              OPTIONAL { ?agent rdfs:label ?agentPreferred FILTER(LANGMATCHES(LANG(?agentPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?agent rdfs:label ?agentAny }
              OPTIONAL { ?event rdfs:label ?eventPreferred FILTER(LANGMATCHES(LANG(?eventPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?event rdfs:label ?eventAny }
              OPTIONAL { ?event mkg:city/rdfs:label ?cityPreferred FILTER(LANGMATCHES(LANG(?cityPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?event mkg:city/rdfs:label ?cityAny }
            }
            GROUP BY ?agent ?role ?event ?start
            """;

    private static final String EXPERTS_BY_QUALIFICATION = """
            SELECT ?person (COALESCE(MIN(?personPreferred), MIN(?personAny)) AS ?personLabel)
                   (GROUP_CONCAT(DISTINCT STR(?qualification); separator=", ") AS ?qualifications)
                   (GROUP_CONCAT(DISTINCT ?affiliationLabel; separator="; ") AS ?affiliations)
            WHERE {
              ?person mkg:degree|mkg:academicTitle ?qualification .
              FILTER EXISTS { ?person mkg:degree|mkg:academicTitle ?wanted
                              FILTER(CONTAINS(LCASE(STR(?wanted)), LCASE(?_qualification))) }
              OPTIONAL { ?person rdfs:label ?personPreferred FILTER(LANGMATCHES(LANG(?personPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?person rdfs:label ?personAny }
              OPTIONAL {
                ?person mkg:affiliation ?affiliation .
                OPTIONAL { ?affiliation rdfs:label ?affiliationPreferred
                           FILTER(LANGMATCHES(LANG(?affiliationPreferred), COALESCE(?__lang, "ru"))) }
                OPTIONAL { ?affiliation rdfs:label ?affiliationAny }
              }
              BIND(IF(BOUND(?affiliation), COALESCE(?affiliationPreferred, ?affiliationAny, STR(?affiliation)), "")
                   AS ?affiliationLabel)
            }
            GROUP BY ?person
            """;

    private static final String EVENT_PARTICIPANTS = """
            SELECT ?event (COALESCE(MIN(?eventPreferred), MIN(?eventAny)) AS ?eventLabel) ?start
                   ?role ?agent (COALESCE(MIN(?agentPreferred), MIN(?agentAny)) AS ?agentLabel)
            WHERE {
              ?event rdfs:label|skos:altLabel ?eventName .
              FILTER(CONTAINS(REPLACE(LCASE(STR(?eventName)), "ё", "е"), REPLACE(LCASE(?_event), "ё", "е")))
              VALUES (?relation ?role) { (mkg:organizer "organizer") (mkg:sponsor "sponsor") (mkg:speaker "speaker")
                                         (mkg:participant "participant") }
              ?event ?relation ?agent .
              OPTIONAL { ?event mkg:startDate ?start }
              OPTIONAL { ?event rdfs:label ?eventPreferred FILTER(LANGMATCHES(LANG(?eventPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?event rdfs:label ?eventAny }
              OPTIONAL { ?agent rdfs:label ?agentPreferred FILTER(LANGMATCHES(LANG(?agentPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?agent rdfs:label ?agentAny }
            }
            GROUP BY ?event ?start ?role ?agent
            """;

    /** A person's own city, else their organizations' cities. */
    private static final String PARTICIPANT_CITIES = """
            SELECT ?city (COALESCE(MIN(?cityPreferred), MIN(?cityAny)) AS ?cityLabel) (COUNT(DISTINCT ?person) AS ?people)
                   (GROUP_CONCAT(DISTINCT STR(?personLabel); separator=", ") AS ?names)
            WHERE {
              ?event rdfs:label|skos:altLabel ?eventName .
              FILTER(CONTAINS(REPLACE(LCASE(STR(?eventName)), "ё", "е"), REPLACE(LCASE(?_event), "ё", "е")))
              ?event mkg:speaker|mkg:participant ?person .
              { ?person mkg:city ?city }
              UNION { ?person mkg:affiliation/mkg:city ?city . FILTER NOT EXISTS { ?person mkg:city ?ownCity } }
              OPTIONAL { ?person rdfs:label ?personPreferred FILTER(LANGMATCHES(LANG(?personPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?person rdfs:label ?personAny }
              BIND(COALESCE(?personPreferred, ?personAny, STR(?person)) AS ?personLabel)
              OPTIONAL { ?city rdfs:label ?cityPreferred FILTER(LANGMATCHES(LANG(?cityPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?city rdfs:label ?cityAny }
            }
            GROUP BY ?city
            """;

    private static final String CITIES_BY_ACTIVITY = """
            SELECT ?city (COALESCE(MIN(?cityPreferred), MIN(?cityAny)) AS ?cityLabel)
                   (COALESCE(MIN(?countryPreferred), MIN(?countryAny)) AS ?countryLabel)
                   (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?organization) AS ?organizations)
                   (COUNT(DISTINCT ?person) AS ?people)
            WHERE {
              ?city a mkg:City .
              {
                ?event a ?eventClass ; mkg:city ?city .
                FILTER(?eventClass IN (mkg:Event, mkg:Conference, mkg:Congress, mkg:Forum, mkg:Symposium, mkg:Seminar,
                                       mkg:Workshop, mkg:MasterClass, mkg:School, mkg:Course, mkg:Webinar, mkg:Meeting,
                                       mkg:Visit))
              }
              UNION { ?organization a mkg:Organization ; mkg:city ?city . }
              UNION { ?person a ?personClass ; mkg:city ?city . FILTER(?personClass IN (mkg:Person, mkg:Expert)) }
              OPTIONAL { ?city rdfs:label ?cityPreferred FILTER(LANGMATCHES(LANG(?cityPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?city rdfs:label ?cityAny }
              OPTIONAL { ?city mkg:country/rdfs:label ?countryPreferred
                         FILTER(LANGMATCHES(LANG(?countryPreferred), COALESCE(?__lang, "ru"))) }
              OPTIONAL { ?city mkg:country/rdfs:label ?countryAny }
            }
            GROUP BY ?city
            """;

    private static QueryRunner runner;

    @BeforeAll
    static void convert() {
        Path hemcenter = Path.of(System.getProperty("medkg.shared", "../shared"), "corpus", "hemcenter");
        assumeTrue(Files.isDirectory(hemcenter), "no shared corpus at " + hemcenter);
        List<ConvertedDocument> documents = Converter.standard().convert(List.of(Path.of("data"), hemcenter),
                e -> { });
        Dataset dataset = TDB2Factory.createDataset();
        Txn.executeWrite(dataset, () -> documents.forEach(doc ->
                dataset.asDatasetGraph().addGraph(NodeFactory.createURI(doc.graphIri()), doc.graph())));
        runner = QueryRunner.local(dataset);
    }

    /** query, parameters, its plain definition, the columns that hold lists and their separator. */
    static Stream<Arguments> definitions() {
        return Stream.of(
                arguments("cross-border-participation", Map.of(), CROSS_BORDER, Map.of()),
                arguments("cross-border-participation", Map.of("country", "Казахстан", "lang", "en"), CROSS_BORDER,
                        Map.of()),
                arguments("organizers-and-sponsors", Map.of(), ORGANIZERS_AND_SPONSORS, Map.of()),
                arguments("organizers-and-sponsors", Map.of("organization", "центр", "lang", "kk"),
                        ORGANIZERS_AND_SPONSORS, Map.of()),
                arguments("experts-by-qualification", Map.of("qualification", "д.м.н."), EXPERTS_BY_QUALIFICATION,
                        Map.of("qualifications", ", ", "affiliations", "; ")),
                arguments("experts-by-qualification", Map.of("qualification", "проф", "lang", "en"),
                        EXPERTS_BY_QUALIFICATION, Map.of("qualifications", ", ", "affiliations", "; ")),
                arguments("event-participants", Map.of("event", "школ"), EVENT_PARTICIPANTS, Map.of()),
                arguments("event-participants", Map.of("event", "Гематопатология", "lang", "kk"), EVENT_PARTICIPANTS,
                        Map.of()),
                arguments("participant-cities", Map.of("event", "школ"), PARTICIPANT_CITIES, Map.of("names", ", ")),
                arguments("participant-cities", Map.of("event", "Заседание", "lang", "en"), PARTICIPANT_CITIES,
                        Map.of("names", ", ")),
                arguments("cities-by-activity", Map.of(), CITIES_BY_ACTIVITY, Map.of()),
                arguments("cities-by-activity", Map.of("lang", "kk"), CITIES_BY_ACTIVITY, Map.of()),
                arguments("events-by-city", Map.of("city", "Алматы"), EVENTS_BY_CITY, Map.of()),
                arguments("events-by-city", Map.of("city", "астан", "lang", "en"), EVENTS_BY_CITY, Map.of()),
                arguments("organizations-by-city", Map.of("city", "Алматы"), ORGANIZATIONS_BY_CITY, Map.of()),
                arguments("organizations-by-city", Map.of("city", "астан", "lang", "kk"), ORGANIZATIONS_BY_CITY,
                        Map.of()),
                arguments("events-by-year", Map.of("year", "2024"), EVENTS_BY_YEAR, Map.of()),
                arguments("events-by-year", Map.of("year", "2019", "lang", "kk"), EVENTS_BY_YEAR, Map.of()),
                arguments("events-by-type", Map.of("type", "Conference"), EVENTS_BY_TYPE, Map.of()),
                arguments("events-by-type", Map.of("type", "School", "lang", "en"), EVENTS_BY_TYPE, Map.of()),
                arguments("events-in-date-range", Map.of("from", "2024-09-01", "to", "2024-09-30"),
                        EVENTS_IN_DATE_RANGE, Map.of()),
                arguments("events-in-date-range", Map.of("from", "2019-01-01", "to", "2019-12-31", "lang", "en"),
                        EVENTS_IN_DATE_RANGE, Map.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("definitions")
    void answersTheRowsOfItsPlainDefinition(String name, Map<String, String> values, String definition,
                                            Map<String, String> lists) throws Exception {
        SavedQuery saved = Fixture.saved(name);
        SavedQuery plain = SavedQuery.parse(name, "plain definition of " + name,
                "#+ summary: plain definition\n#+ defaults:\n#+   - lang: ru\n" + PREFIXES + definition);
        List<String> expected = rows(runner.select(plain, values), lists);
        assertFalse(expected.isEmpty(), name + " " + values + " has rows on the corpus");
        assertEquals(expected, rows(runner.select(saved, values), lists));
    }

    /** The rows as sorted text (the order of tied rows, and of the items of a list, is not defined). */
    private static List<String> rows(org.apache.jena.query.ResultSet results, Map<String, String> lists) {
        List<String> rows = new ArrayList<>();
        for (Map<String, String> row : Rows.of(results)) {
            Map<String, String> normal = new LinkedHashMap<>(row);
            lists.forEach((column, separator) -> normal.computeIfPresent(column, (c, list) -> {
                String[] items = list.split(java.util.regex.Pattern.quote(separator));
                Arrays.sort(items);
                return String.join(separator, items);
            }));
            rows.add(new java.util.TreeMap<>(normal).toString());
        }
        return rows.stream().sorted().toList();
    }
}
