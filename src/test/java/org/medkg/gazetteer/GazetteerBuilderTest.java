package org.medkg.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medkg.lang.Language;

/** Builds a gazetteer from the GeoNames extract in ../shared/geonames (skipped when absent) and reads it back. */
class GazetteerBuilderTest {

    private static Gazetteer gazetteer;
    private static String builtText;

    @BeforeAll
    static void build() throws IOException {
        builtText = Files.readString(BuiltGazetteer.file());
        gazetteer = BuiltGazetteer.withBuiltIn();
    }

    private static Place byGeonamesId(String id) {
        return gazetteer.places().stream().filter(place -> place.geonamesId().equals(Optional.of(id))).findFirst()
                .orElseThrow(() -> new AssertionError("no place with GeoNames id " + id));
    }

    @Test
    void knowsTheCitiesTheHandListMissed() {
        record City(String geonamesId, String russian, String english, String country) {
        }
        for (City city : List.of(new City("491687", "Смоленск", "Smolensk", "russia"),
                new City("2013348", "Владивосток", "Vladivostok", "russia"), new City("548408", "Киров", "Kirov", "russia"),
                new City("468902", "Ярославль", "Yaroslavl", "russia"), new City("627907", "Гомель", "Gomel", "belarus"),
                new City("501175", "Ростов-на-Дону", "Rostov-on-Don", "russia"),
                new City("2929670", "Эрфурт", "Erfurt", "germany"), new City("1816670", "Пекин", "Beijing", "china"))) {
            Place place = byGeonamesId(city.geonamesId());
            assertEquals(city.russian(), place.canonicalName(Language.RU));
            assertTrue(place.names(Language.EN).contains(city.english()), place.names(Language.EN).toString());
            assertEquals(Optional.of(city.country()), place.countryId());
        }
    }

    @Test
    void citiesOnlyGeoNamesHasComeWithTheirRussianNames() {
        Place voronezh = byGeonamesId("472045");
        assertEquals("voronezh", voronezh.id());
        assertEquals("Воронеж", voronezh.canonicalName(Language.RU));
        assertEquals(List.of("воронежский"), voronezh.russianAdjectives());
        assertEquals(Optional.of("russia"), voronezh.countryId());
        // Ukrainian Харків and Одеса stand beside the Russian spellings among the alternate names
        assertEquals("Харьков", byGeonamesId("706483").canonicalName(Language.RU));
        assertEquals("Одесса", byGeonamesId("698740").canonicalName(Language.RU));
        assertTrue(byGeonamesId("706483").names(Language.EN).contains("Kharkov"), "the Russian spelling in English too");
        assertEquals("Нукус", byGeonamesId("601294").canonicalName(Language.RU));
    }

    @Test
    void aCityTheBuiltInGazetteerHasKeepsItsEntryAndId() {
        assertFalse(builtText.contains("geonames: 491687\n"), "Smolensk is built in: the built file leaves it out");
        assertEquals("smolensk", byGeonamesId("491687").id());
        assertEquals("astana", byGeonamesId("1526273").id());
        long brazils = gazetteer.places().stream().filter(place -> place.allNames().contains("Бразилия")).count();
        assertEquals(1, brazils, "Бразилия stays the country's name, not Brasília's");
    }

    @Test
    void namesThatAreAlsoWordsOrSurnamesAreMarked() {
        assertEquals(Caution.PERSON_NAME, byGeonamesId("548408").caution("Киров"), "built in, marked by hand");
        Place kovrov = byGeonamesId("543460");
        assertEquals(Caution.PERSON_NAME, kovrov.caution("Ковров"), "a surname in the Russian dictionary");
        assertTrue(kovrov.russianAdjectives().isEmpty(), "no adjective for a name that is a surname");
        assertEquals(Caution.COMMON_WORD, byGeonamesId("2019528").caution("Находка"), "listed in name-cautions.txt");
        assertEquals(Caution.NONE, byGeonamesId("524305").caution("Мурманск"), "an ordinary city name is not marked");
        assertEquals(Caution.PERSON_NAME, byGeonamesId("473247").caution("Владимир"), "a given name");
        assertEquals(Caution.PERSON_NAME, byGeonamesId("484646").caution("Тамбов"), "a surname in the dictionary");
    }

    @Test
    void theFileSaysHowItWasMadeAndCreditsGeoNames() {
        assertTrue(builtText.startsWith("# Cities for medkg"), builtText.substring(0, 80));
        assertTrue(builtText.contains("medkg gazetteer build --from ../shared/geonames"));
        assertTrue(builtText.contains("GeoNames (https://www.geonames.org/)") && builtText.contains("CC BY 4.0"));
    }
}
