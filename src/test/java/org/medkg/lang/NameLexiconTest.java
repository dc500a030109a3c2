package org.medkg.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medkg.lang.NameLexicon.ContextKind;
import org.medkg.lang.NameLexicon.Gender;

/** Full names quoted from ../shared/corpus (ru, kk, en versions and the seeds), part by part. */
class NameLexiconTest {

    private final NameLexicon names = NameLexicon.get();

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # given    | patronymic      | surname         | gender of all three
        Райгүл     | Мұқанбетқызы    | Рамазанова      | FEMALE
        Райгуль    | Муханбетовна    | Рамазанова      | FEMALE
        Raigul     | Mukhanbetovna   | Ramazanova      | FEMALE
        Вадим      | Матвеевич       | Кемайкин        | MALE
        Vadim      | Matveevich      | Kemaikin        | MALE
        Гулчехра   | Зухриддиновна   | Махамадалиева   | FEMALE
        Гүлчехра   | Зухриддинқызы   | Махамадалиева   | FEMALE
        Gulchekhra | Zukhriddinovna  | Makhamadalieva  | FEMALE
        Ақмарал    | Шәріпбайқызы    | Әлназарова      | FEMALE
        Akmaral    | Sharipbaevna    | Alnazarova      | FEMALE
        Аяужан     | Есімбековна     | Есімбекова      | FEMALE
        Таир       | Темырланович    | Нурпеисов       | MALE
        Эльмира    | Женысхановна    | Битанова        | FEMALE
        Умида      | Пулатджановна   | Набиева         | FEMALE
        Valery     | Grigorievich    | Savchenko       | MALE
        Alyona     | Vasilievna      | Zinchenko       | FEMALE
        Лилия      | Денисовна       | Заблоцкая       | FEMALE
        """)
    void readsEachPartOfARealName(String given, String patronymic, String surname, Gender gender) {
        assertEquals(Optional.of(gender), names.givenNameGender(given), given);
        assertEquals(Optional.of(gender), names.patronymicGender(patronymic), patronymic);
        Gender surnameGender = names.surnameGender(surname).orElseThrow(() -> new AssertionError(surname));
        // -енко, -дзе and the like say nothing about gender.
        if (surnameGender != Gender.UNKNOWN) {
            assertEquals(gender, surnameGender, surname);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Nino           | FEMALE
        Нино           | FEMALE
        Inna           | FEMALE
        Марина         | FEMALE
        Гульмира       | FEMALE
        Мақпал         | FEMALE
        Антон          | MALE
        Ирина          | FEMALE
        Saken          | MALE
        """)
    void knowsGivenNamesOfTheRegion(String given, Gender gender) {
        assertEquals(Optional.of(gender), names.givenNameGender(given));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sharashenidze", "Шарашенидзе", "Чейшвили", "Бергер", "Фоминых", "Сескурия", "Бабенко", "Kemaikin"})
    void recognizesSurnamesOfEveryOriginAsSurnames(String surname) {
        assertEquals(true, names.looksLikeSurname(surname), surname);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Центр", "Программа", "Мамыр", "Гематология", "орталығы", "Hematology", "Казахстан",
            "Медицина", "Клиника", "Ассоциация", "protein", "anemia"})
    void commonWordsAreNoNames(String word) {
        assertFalse(names.isGivenName(word), word + " as a given name");
        assertFalse(names.looksLikePatronymic(word), word + " as a patronymic");
        assertFalse(names.looksLikeSurname(word), word + " as a surname");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        профессор    | TITLE
        доцент       | TITLE
        Prof.        | TITLE
        д.м.н.       | DEGREE
        к.м.н.       | DEGREE
        PhD          | DEGREE
        Dr.          | HONORIFIC
        заведующая   | POSITION
        руководитель | POSITION
        меңгерушісі  | POSITION
        директоры    | POSITION
        дәрігер      | POSITION
        basshysy     | POSITION
        akademık     | TITLE
        mınıstri     | POSITION
        """)
    void wordsThatIntroduceAPerson(String word, ContextKind kind) {
        assertEquals(Optional.of(kind), names.nameContextKind(word));
    }

    /** Surnames of ../shared/corpus/external2 whose ending alone makes them one beside an unknown given name. */
    @ParameterizedTest
    @ValueSource(strings = {"Абдыразакова", "Каратаев", "Мырзабекова", "Тілеумбетов", "Әлішева", "Ульманн", "Lvova",
            "Akhunbayev", "Шомбіна"})
    void typicalSurnameEndings(String surname) {
        assertEquals(true, names.hasTypicalSurnameEnding(surname), surname);
    }

    /** -ия, -ер end surnames too (Сескурия, Бергер), but also Түркия and many words: not on their own. */
    @ParameterizedTest
    @ValueSource(strings = {"Түркия", "Бергер", "Мәкен", "Далабай", "Benetis"})
    void endingsThatNeedMoreThanThemselves(String word) {
        assertFalse(names.hasTypicalSurnameEnding(word), word);
    }

    @Test
    void particlesBeforeASurname() {
        assertEquals(true, names.isSurnameParticle("де"));
        assertEquals(true, names.isSurnameParticle("van"));
        assertFalse(names.isSurnameParticle("и"));
        assertFalse(names.isSurnameParticle("De"));
    }

    @Test
    void latinAccentsAreNoOtherName() {
        assertEquals(names.isGivenName("Jurgen"), names.isGivenName("Jürgen"));
        assertEquals(true, names.hasTypicalSurnameEnding("Ereminienė") || names.looksLikeSurname("Ereminienė"));
    }

    @Test
    void ordinaryWordsIntroduceNoOne() {
        assertFalse(names.isNameContext("пациент"));
        assertFalse(names.isNameContext("Центр"));
    }

    @Test
    void aBareEndingIsNoName() {
        assertFalse(names.looksLikePatronymic("Ович"));
        assertFalse(names.looksLikeSurname("Ова"));
    }
}
