package org.medkg.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Pages shaped like the hemcenter site's, with sentences from its articles. */
class HtmlReaderTest {

    private static final HtmlReader READER = new HtmlReader();

    private static DocumentContent read(String html) throws BadDocumentException {
        return READER.read("page.html", html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTitleDateAndBodyText() throws Exception {
        DocumentContent page = read("""
                <!DOCTYPE html><html><head>
                <title>Гости отделения | Центр гематологии</title>
                <meta property="og:title" content="Гости отделения">
                <meta property="article:published_time" content="2017-05-10T10:00:00+06:00">
                <style>p { color: red }</style><script>var tracking = 1;</script>
                </head><body>
                <header><a href="/">Центр гематологии</a></header>
                <nav><ul><li>Новости</li><li>Контакты</li></ul></nav>
                <article><h1>Гости отделения</h1>
                <p>Наше отделение с ознакомительным визитом посетила главный врач областной клинической больницы
                г. Белгорода (Россия) Чефранова Ж.Ю.</p>
                <p>Прием будет вести Марғұлан Т.М. по адресу:<br>г. Балхаш, ул. Казбековой 25, поликлиника № 1.</p>
                <ul><li>Талдыкорган</li><li>Усть-Каменогорск</li></ul>
                </article>
                <footer>© Центр гематологии</footer>
                </body></html>
                """);
        assertEquals("Гости отделения", page.title());
        assertEquals(LocalDate.of(2017, 5, 10), page.published());
        assertEquals("""
                Гости отделения

                Наше отделение с ознакомительным визитом посетила главный врач областной клинической больницы \
                г. Белгорода (Россия) Чефранова Ж.Ю.

                Прием будет вести Марғұлан Т.М. по адресу:
                г. Балхаш, ул. Казбековой 25, поликлиника № 1.

                • Талдыкорган
                • Усть-Каменогорск""", page.text());
    }

    @Test
    void tableCellsStayApartAndEachRowIsALine() throws Exception {
        // A programme table, a shape the corpus lacks, built from the facts of the hemcenter article
        // 2022-08-06-patient-school: the talk, its speaker and where he works.
        DocumentContent page = read("""
                <html><body><h2>Программа</h2>
                <table><thead><tr><th>Время</th><th>Тема</th><th>Докладчик</th></tr></thead>
                <tbody><tr><td>18:30</td><td><p>Как взять под контроль</p><p>иммунную тромбоцитопению</p></td>
                <td>Клодзинский А.А.<br>ТОО «Центр гематологии»</td></tr></tbody></table>
                <ol start="2"><li>Сатаева М.С.</li><li>Волобуева Н.В.</li></ol>
                </body></html>
                """);
        assertEquals("""
                Программа

                | Время | Тема | Докладчик
                | 18:30 | Как взять под контроль иммунную тромбоцитопению | Клодзинский А.А. ТОО «Центр гематологии»

                2. Сатаева М.С.
                3. Волобуева Н.В.""", page.text());
    }

    @Test
    void fallsBackToTitleElementAndTimeElement() throws Exception {
        DocumentContent page = read("""
                <html><head><title>Hemostasis School for the Doctors of Balkhash</title></head><body>
                <time datetime="2021-08-16">August 16</time>
                <p>LLP "Hematology Center" invites you to the free Hemostasis School.</p></body></html>
                """);
        assertEquals("Hemostasis School for the Doctors of Balkhash", page.title());
        assertEquals(LocalDate.of(2021, 8, 16), page.published());
    }

    @Test
    void pageWithoutMetadataHasNone() throws Exception {
        DocumentContent page = read("<p>Біз үшін өте қуанышты оқиға болды.</p>");
        assertNull(page.title());
        assertNull(page.published());
        assertEquals("Біз үшін өте қуанышты оқиға болды.", page.text());
    }
}
