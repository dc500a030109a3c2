package org.medkg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LineUnwrapperTest {

    private static final LineUnwrapper UNWRAPPER = LineUnwrapper.standard();

    @Test
    void joinsWordsHyphenatedAtLineEnds() {
        assertEquals("конференции «Аллергология и иммунология: достижения и перспективы», а также",
                UNWRAPPER.unwrap("конференции «Ал-\nлергология и иммунология: достижения и перспективы», а также"));
    }

    @Test
    void softLineBreaksBecomeSpaces() {
        String seedLines = """
                – Битанова Эльмира Женысхановна, к.м.н., профессор, Председатель ОАИИР, НАО «КазНМУ им. С.Д. Асфендия-
                рова» (Алматы, Казахстан);
                – Жубантурлиева Айнагуль Баубековна, к.м.н., доцент, Заместитель председателя ОАИИР, НАО «КазНМУ\s
                им. С.Д. Асфендиярова» (Алматы, Казахстан);\s
                """;
        assertEquals("""
                – Битанова Эльмира Женысхановна, к.м.н., профессор, Председатель ОАИИР, НАО «КазНМУ им. С.Д. \
                Асфендиярова» (Алматы, Казахстан);
                – Жубантурлиева Айнагуль Баубековна, к.м.н., доцент, Заместитель председателя ОАИИР, НАО «КазНМУ \
                им. С.Д. Асфендиярова» (Алматы, Казахстан);""", UNWRAPPER.unwrap(seedLines));
    }

    @Test
    void keepsHyphenBeforeCapitalisedSecondPart() {
        assertEquals("Павлодар, Астана, Усть-Каменогорск, Алматы",
                UNWRAPPER.unwrap("Павлодар, Астана, Усть-\nКаменогорск, Алматы"));
    }

    @Test
    void keepsHyphenAfterCompoundFirstPart() {
        assertEquals("в области клинико-лабораторной диагностики",
                UNWRAPPER.unwrap("в области клинико-\nлабораторной диагностики"));
    }

    @Test
    void joinsWithoutHyphenWhenTheDocumentHasTheJoinedWord() {
        assertEquals("иммунодефицитов и иммунодефицитов",
                UNWRAPPER.unwrap("иммунодефицитов и иммуно-\nдефицитов"));
    }

    @Test
    void joinsAcrossAPageBreak() {
        assertEquals("Казахстан» состоялось заседание", UNWRAPPER.unwrap("Казахстан» состоя-\n\nлось заседание"));
    }

    @Test
    void listItemsStayOnTheirOwnLines() {
        assertEquals("в составе:\n– Нурпеисов Таир Темырланович, д.м.н.;\n– Битанова Эльмира Женысхановна, к.м.н.",
                UNWRAPPER.unwrap("в составе:\n– Нурпеисов Таир Темырланович, д.м.н.;\n– Битанова Эльмира Женысхановна, к.м.н."));
    }

    @Test
    void programmeLinesThatStartWithATimeStayOnTheirOwnLines() {
        // The schedule of the hemcenter article 2022-11-29-two-patient-schools (kk) as a PDF programme would wrap it,
        // each line as wide as the page; a date at a line's start (19.09.24) starts no line of its own.
        String page = """
                17:00–18:00 Көптік миеломаға арналған мектеп: медициналық директор А.А. Клодзинский
                18:00–19:00 Миелофиброз және шынайы полицитемияға арналған мектеп: И.В. Механцева
                және О.В. Брунер, гематолог-дәрігерлер, «Гематология орталығы» ЖШС, Қарағанды
                19.09.24 г. по 21.09.24 г. VIII Международной научно-практической конференции
                """;
        assertEquals("""
                17:00–18:00 Көптік миеломаға арналған мектеп: медициналық директор А.А. Клодзинский
                18:00–19:00 Миелофиброз және шынайы полицитемияға арналған мектеп: И.В. Механцева \
                және О.В. Брунер, гематолог-дәрігерлер, «Гематология орталығы» ЖШС, Қарағанды \
                19.09.24 г. по 21.09.24 г. VIII Международной научно-практической конференции""", UNWRAPPER.unwrap(page));
    }

    @Test
    void seedResolutionIsUnwrapped() throws IOException {
        // The seed has no-break spaces after short words; the normalizer (applied after unwrapping) makes them spaces.
        String text = TextNormalizer.standard().normalize(
                UNWRAPPER.unwrap(Files.readString(Path.of("data/000_be1d552f40914512.txt"), StandardCharsets.UTF_8)));
        assertTrue(text.contains("«Аллергология и иммунология: достижения и перспективы»"));
        assertTrue(text.contains("НАО «КазНМУ им. С.Д. Асфендиярова» (Алматы, Казахстан)"));
        assertTrue(text.contains("ОО «Западно-Казахстанская ассоциация аллергологов, иммунологов и пульмонологов»"));
        assertTrue(text.contains("в области клинико-лабораторной диагностики"));
        assertTrue(text.contains("\n– Ковзель Елена Фёдоровна, д.м.н., профессор"));
        assertTrue(text.contains("иммунодефициты.\n\nЧленами Международного"), "a short last line ends its paragraph");
        assertFalse(text.contains("-\n"), "no line ends with a hyphen");
    }
}
