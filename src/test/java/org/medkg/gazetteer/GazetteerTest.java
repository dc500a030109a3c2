package org.medkg.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.lang.Language;

class GazetteerTest {

    private final Gazetteer gazetteer = Gazetteer.standard();

    @Test
    void knowsKaragandaInEveryLanguage() {
        Place karaganda = gazetteer.place("karaganda").orElseThrow();
        assertEquals(PlaceKind.CITY, karaganda.kind());
        assertEquals(Optional.of("kazakhstan"), karaganda.countryId());
        assertEquals("Караганда", karaganda.canonicalName(Language.RU));
        assertEquals("Қарағанды", karaganda.canonicalName(Language.KK));
        assertEquals(List.of("Karaganda", "Karagandy", "Qaraghandy"), karaganda.names(Language.EN));
        assertEquals(Optional.of("609655"), karaganda.geonamesId());
        assertEquals("Караганда", karaganda.allNames().get(0));
    }

    @Test
    void keepsFormerNames() {
        Place astana = gazetteer.place("astana").orElseThrow();
        assertTrue(astana.formerNames(Language.RU).containsAll(List.of("Нур-Султан", "Целиноград", "Акмола", "Акмолинск")));
        assertTrue(astana.allNames().contains("Nur-Sultan"));
        assertEquals(List.of("Алма-Ата"), gazetteer.place("almaty").orElseThrow().formerNames(Language.RU));
    }

    @Test
    void coversEveryOblastCentreOfKazakhstan() {
        for (String id : List.of("astana", "almaty", "shymkent", "karaganda", "aktobe", "taraz", "pavlodar",
                "ust-kamenogorsk", "semey", "atyrau", "kostanay", "kyzylorda", "uralsk", "petropavlovsk", "aktau",
                "turkestan", "taldykorgan", "kokshetau", "zhezkazgan", "konaev")) {
            Place city = gazetteer.place(id).orElseThrow(() -> new AssertionError("missing " + id));
            assertEquals(Optional.of("kazakhstan"), city.countryId(), id);
        }
    }

    @Test
    void countriesHaveNoAdjectivesAndCitiesPointAtCountries() {
        for (Place place : gazetteer.places()) {
            if (place.kind() == PlaceKind.COUNTRY) {
                assertTrue(place.russianAdjectives().isEmpty(), place.id());
            } else {
                Place country = gazetteer.place(place.countryId().orElseThrow()).orElseThrow();
                assertEquals(PlaceKind.COUNTRY, country.kind(), place.id());
            }
        }
    }

    @Test
    void readsCautionMarkers() {
        Place atyrau = gazetteer.place("atyrau").orElseThrow();
        assertTrue(atyrau.formerNames(Language.RU).contains("Гурьев"), "the marker is not part of the name");
        assertEquals(Caution.PERSON_NAME, atyrau.caution("Гурьев"));
        assertEquals(Caution.COMMON_WORD, gazetteer.place("semey").orElseThrow().caution("Семей"));
        assertEquals(Caution.NONE, atyrau.caution("Атырау"));
    }

    @Test
    void failsLoudlyWhenTheFileIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Gazetteer.fromResource("/org/medkg/gazetteer/no-such-file.txt"));
        assertTrue(e.getMessage().contains("no-such-file.txt"), e.getMessage());
    }

    @Test
    void namesTheLineOfABadField() {
        String text = "# comment\nid: x\nkind: country\nru: Икс\nlat: 1\nlon: 2\nspelling: Икс\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gazetteer.parse(text, "t.txt"));
        assertEquals("t.txt:7: unknown field 'spelling'", e.getMessage());
    }

    @Test
    void rejectsACityOfAnUnknownCountry() {
        String text = "id: x\nkind: city\ncountry: atlantis\nru: Икс\nlat: 1\nlon: 2\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gazetteer.parse(text, "t.txt"));
        assertTrue(e.getMessage().contains("unknown country: atlantis"), e.getMessage());
    }

    @Test
    void rejectsAdjectivesOfACountryAndMalformedIds() {
        String adjective = "id: x\nkind: country\nru: Икс\nru-adj: иксский\nlat: 1\nlon: 2\n";
        assertThrows(IllegalStateException.class, () -> Gazetteer.parse(adjective, "t.txt"));
        String wikidata = "id: x\nkind: country\nru: Икс\nlat: 1\nlon: 2\nwikidata: 232\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gazetteer.parse(wikidata, "t.txt"));
        assertTrue(e.getMessage().contains("wikidata is malformed"), e.getMessage());
    }

    @Test
    void aFileBesideTheBuiltInOneAddsItsCitiesToTheBuiltInCountries(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("extra.txt");
        Files.writeString(file, """
                # two cities of GeoNames
                id: voronezh
                kind: city
                country: russia
                ru: Воронеж
                en: Voronezh
                lat: 51.6720
                lon: 39.1843
                geonames: 472045

                id: karagandy
                kind: city
                country: kazakhstan
                ru: Караганда
                lat: 49.8019
                lon: 73.1021
                geonames: 609655
                """);
        Gazetteer both = Gazetteer.standard().with(file);
        assertEquals(Optional.of("russia"), both.place("voronezh").orElseThrow().countryId());
        assertTrue(both.place("karagandy").isEmpty(), "the built-in entry of the same GeoNames id wins");
        assertEquals(Gazetteer.standard().places().size() + 1, both.places().size());
    }

    @Test
    void aBadGazetteerFileIsAnErrorNamingIt(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("bad.txt");
        Files.writeString(file, "id: x\nkind: town\nru: Икс\nlat: 1\nlon: 2\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Gazetteer.standard().with(file));
        assertTrue(e.getMessage().startsWith(file + ":1"), e.getMessage());
        Files.writeString(file, "id: karaganda\nkind: city\ncountry: kazakhstan\nru: Икс\nlat: 1\nlon: 2\n");
        e = assertThrows(IllegalStateException.class, () -> Gazetteer.standard().with(file));
        assertEquals(file + ": place id karaganda is the built-in gazetteer's id of another place", e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> Gazetteer.standard().with(folder.resolve("none.txt")));
        assertTrue(e.getMessage().startsWith(folder.resolve("none.txt") + ": cannot read"), e.getMessage());
    }

    @Test
    void knowsEveryCountryOfTheWorldByItsGeoNamesId() {
        long countries = gazetteer.places().stream().filter(place -> place.kind() == PlaceKind.COUNTRY).count();
        assertTrue(countries > 240, "countries: " + countries);
        assertTrue(gazetteer.places().stream().filter(place -> place.kind() == PlaceKind.COUNTRY)
                .allMatch(place -> place.geonamesId().isPresent()), "every country has its GeoNames id");
        assertEquals("Швейцария", gazetteer.place("switzerland").orElseThrow().canonicalName(Language.RU));
        assertEquals("Болгария", gazetteer.place("bulgaria").orElseThrow().canonicalName(Language.KK));
        assertEquals(Caution.COMMON_WORD, gazetteer.place("togo").orElseThrow().caution("Того"));
    }
}
