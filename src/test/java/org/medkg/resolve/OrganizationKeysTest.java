package org.medkg.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medkg.gazetteer.BuiltGazetteer;
import org.medkg.gazetteer.Gazetteer;
import org.medkg.lang.kk.KazakhMorphology;
import org.medkg.lang.ru.RussianMorphology;

/** One organization's Russian, Kazakh and English names, as the corpus writes them, share one key. */
class OrganizationKeysTest {

    private static final OrganizationKeys KEYS =
            new OrganizationKeys(RussianMorphology.get(), KazakhMorphology.get(), Gazetteer.standard());

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Центр гематологии | Гематология орталығы | Hematology Center
            Министерство здравоохранения Республики Узбекистан | Өзбекстан Республикасы Денсаулық сақтау министрлігі | Ministry of Health of the Republic of Uzbekistan
            Республиканский специализированный научно-практический медицинский центр гематологии | Республикалық мамандандырылған ғылыми-практикалық гематология медициналық орталығы | Republican Specialized Scientific and Practical Medical Center of Hematology
            Германский госпиталь | Германия госпиталі | German Hospital
            ТОО «Центр гематологии» | «Гематология орталығы» ЖШС | LLP Hematology Center
            Первого Санкт-Петербургского государственного медицинского университета им. И.П. Павлова | акад. И.П. Павлов атындағы Бірінші Санкт-Петербург мемлекеттік медицина университетінің | Pavlov First Saint Petersburg State Medical University
            Казахстанское профессиональное общество онкогематологов | Қазақстандық онкогематолог-дәрігерлер кәсіби қоғамы | Kazakhstan Professional Society of Oncohematologists
            Министерство образования и науки Республики Казахстан | Қазақстан Республикасы Білім және ғылым министрлігі | Ministry of Education and Science of the Republic of Kazakhstan
            Министерство здравоохранения Кыргызской Республики | Қырғыз Республикасы Денсаулық сақтау министрлігі | Ministry of Health of the Kyrgyz Republic
            Сенат Парламента Республики Казахстан | Қазақстан Республикасы Парламенті Сенаты | Senate of the Parliament of the Republic of Kazakhstan
            Казахский национальный медицинский университет | Қазақ ұлттық медицина университеті | Kazakh National Medical University
            """)
    void translationsShareAKey(String russian, String kazakh, String english) {
        assertEquals(KEYS.key(russian), KEYS.key(kazakh));
        assertEquals(KEYS.key(russian), KEYS.key(english));
    }

    /** The same name in another case keeps its key: the dictionary's adjective, not a noun of the same spelling. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Научный центр педиатрии и детской хирургии | Научного центра педиатрии и детской хирургии
            Научно-исследовательский институт детской онкологии | Научно-исследовательского института детской онкологии
            """)
    void casesOfOneNameShareAKey(String nominative, String oblique) {
        assertEquals(KEYS.key(nominative), KEYS.key(oblique));
        assertEquals(KEYS.key(nominative), KEYS.key(nominative.replace("детской", "детский")));
    }

    /** An acronym a document spells out stands for the full name's words, whatever else the name carries. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ПСПбГМУ им. И.П.Павлова | Первого Санкт-Петербургского государственного медицинского университета им. И.П. Павлова
            ПСПбГМУ | Pavlov First Saint Petersburg State Medical University
            """)
    void spelledOutAcronymsShareTheFullNamesKey(String withAcronym, String fullName) {
        Map<String, String> spelledOut = Map.of("пспбгму", "Pavlov First Saint Petersburg State Medical University");
        assertEquals(KEYS.key(fullName), KEYS.key(withAcronym, spelledOut));
        assertNotEquals(KEYS.key(fullName), KEYS.key(withAcronym));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Казахстанское общество врачей-гематологов | Казахстанское профессиональное общество онкогематологов
            Научный центр педиатрии и детской хирургии | Центр гематологии
            """)
    void differentOrganizationsKeepDifferentKeys(String one, String other) {
        assertNotEquals(KEYS.key(one), KEYS.key(other));
    }

    /**
     * With the cities built from GeoNames (skipped without ../shared/geonames), a city of the file names an
     * organization in every language, and a surname that declines like a town (Павлова, also Павлово's genitive)
     * stays the surname.
     */
    @Test
    void citiesOfABuiltGazetteerNameOrganizationsButNotSurnames() {
        OrganizationKeys built = new OrganizationKeys(RussianMorphology.get(), KazakhMorphology.get(),
                BuiltGazetteer.withBuiltIn());
        assertEquals(built.key("Воронежский государственный медицинский университет"),
                built.key("Voronezh State Medical University"));
        String pavlov = "Первого Санкт-Петербургского государственного медицинского университета им. И.П. Павлова";
        assertEquals(KEYS.key(pavlov), built.key(pavlov));
    }
}
