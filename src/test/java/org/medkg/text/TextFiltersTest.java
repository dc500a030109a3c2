package org.medkg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One line per filter, each with text from the corpus. */
class TextFiltersTest {

    @Test
    void compositionJoinsCombiningMarks() {
        assertEquals("Ковзель Елена Фёдоровна", new UnicodeCompositionFilter().apply("Ковзель Елена Фе\u0308доровна"));
    }

    @Test
    void invisibleCharactersAreRemoved() {
        assertEquals("Аллергология", new InvisibleCharacterFilter().apply("Ал\u00ADлерго\u200Bлогия\uFEFF"));
    }

    @Test
    void oddSpacesBecomeSpacesButLinesSurvive() {
        assertEquals("г. Караганда, пр. Сакена Сейфуллина, 17.\nВ программе",
                new SpaceFilter().apply("г.\u00A0Караганда, пр.\u202FСакена\tСейфуллина, 17.\r\nВ программе"));
    }

    @Test
    void dashLookalikesMapToHyphenEnDashOrEmDash() {
        assertEquals("Усть-Каменогорск — Алматы, 19–21.09.24",
                new DashFilter().apply("Усть\u2010Каменогорск - Алматы, 19\u201221.09.24"));
    }

    @Test
    void doubleQuotesBecomeGuillemets() {
        assertEquals("LLP «Hematology Center» и ТОО «Сан-Мед Сервис» и «Gray Book»",
                new QuoteFilter().apply("LLP \"Hematology Center\" и ТОО „Сан-Мед Сервис“ и “Gray Book”"));
    }

    @Test
    void aTitleInSingleQuotesBecomesGuillemetsAndApostrophesStay() {
        // external2/en-lsmu: "the scientific-practical conference ‘Innovations in …’ organized jointly"
        assertEquals("the conference «Innovations in the Treatment of Heart Failure» organized by the Center’s staff",
                new QuoteFilter().apply(
                        "the conference ‘Innovations in the Treatment of Heart Failure’ organized by the Center’s staff"));
        assertEquals("the Center’s Patient School", new QuoteFilter().apply("the Center’s Patient School"));
    }

    @Test
    void latinLookalikesInsideKazakhWordsBecomeKazakhLetters() {
        assertEquals("Іс-шараның құрметті қонағы Nino Sharashenidze мәселелерді",
                MixedScriptFilter.intoCyrillic().apply("Iс-шараның құрметтi қонағы Nino Sharashenidze мəселелерді"));
    }

    @Test
    void cyrillicLookalikesInsideLatinWordsBecomeLatinLetters() {
        // external2/kk-egemen-lat: "DDU-nyń MSAK jónindegi Eýropalyq ortalyǵynyń basshysy Melıtta Iаkab",
        // "О́zbekstan Respýblıkasynyń" typed with a Cyrillic а and О
        assertEquals("Melıtta Iakab, Ózbekstan Respýblıkasynyń, Клодзинский",
                new UnicodeCompositionFilter().apply(MixedScriptFilter.intoLatin().apply(
                        "Melıtta I\u0430kab, \u041E\u0301zbekstan Respýblıkasynyń, Клодзинский")));
    }

    @Test
    void standardChainAppliesEveryFilter() {
        assertEquals("«Қазақстан гематолог-дәрігерлер қоғамы» — РҚБ",
                TextNormalizer.standard().normalize("\u201EҚазақстан гематолог\u2011дәрiгерлер\u00A0қоғамы\u201C - РҚБ"));
    }
}
