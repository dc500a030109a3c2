package org.medkg.pages;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.query.QueryCancelledException;
import org.medkg.lang.Language;
import org.medkg.publish.Site;

/**
 * One kind of HTML page: decides the reader's language, asks its {@link Handler} what to show, and renders that
 * template with what every page has (the language switcher, the navigation links).
 */
public final class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /**
     * The request as a page handler needs it.
     *
     * @param renderer the page as this request would be answered with it, in HTML: for a handler that keeps it
     */
    public record PageRequest(String path, HttpServletRequest http, PageLanguage language, Views views,
                              Function<Page, String> renderer) {
        public String parameter(String name) {
            return http.getParameter(name);
        }

        /** The page's HTML as this request would get it: its template with what every page has. */
        public String render(Page page) {
            return renderer.apply(page);
        }
    }

    /**
     * What to answer: the template, the HTTP status and the template's own variables; or a page rendered already.
     *
     * @param html the page's HTML, rendered for an earlier request with the same language and parameters; else null
     */
    public record Page(int status, String template, Map<String, Object> model, String html) {
        public static Page ok(String template, Map<String, Object> model) {
            return new Page(HttpServletResponse.SC_OK, template, model, null);
        }

        /** A page rendered already ({@link PageRequest#render}). */
        public static Page rendered(String html) {
            return new Page(HttpServletResponse.SC_OK, null, Map.of(), requireNonNull(html, "html"));
        }

        public static Page notFound(String path) {
            return new Page(HttpServletResponse.SC_NOT_FOUND, "not-found", Map.of("path", path), null);
        }

        /** The page's reads of the store were stopped at the server's time limit. */
        static Page tooSlow(Duration timeLimit) {
            return new Page(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too-slow",
                    Map.of("seconds", Math.max(1, timeLimit.toSeconds())), null);
        }
    }

    /** Makes the page for a request. */
    @FunctionalInterface
    public interface Handler {
        Page handle(PageRequest request);
    }

    /** A link of the language switcher: the same page in another language. */
    public record LanguageOption(String code, String name, String href, boolean current) {
    }

    /** The site's own pages, linked from every page's header, carrying the reader's chosen language. */
    public record Navigation(String home, String search, String sparql, String ontology) {
    }

    // Each language's name as its own speakers write it, the same on every page.
    private static final Map<Language, String> LANGUAGE_NAMES =
            Map.of(Language.RU, "Русский", Language.KK, "Қазақша", Language.EN, "English");

    private final transient Function<HttpServletRequest, Site> sites;
    private final transient NodeMemo memo;
    private final transient Templates templates;
    private final transient Handler handler;

    /**
     * @param sites the site as each request reads it (under the server's time limit, while its client waits)
     * @param memo the kinds and labels of nodes kept from page to page
     * @param templates the pages' templates
     * @param handler what the page shows
     */
    public PageServlet(Function<HttpServletRequest, Site> sites, NodeMemo memo, Templates templates, Handler handler) {
        this.sites = requireNonNull(sites, "sites");
        this.memo = requireNonNull(memo, "memo");
        this.templates = requireNonNull(templates, "templates");
        this.handler = requireNonNull(handler, "handler");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageLanguage language = PageLanguage.of(request.getParameter("lang"), request.getHeader("Accept-Language"));
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        Site site = sites.apply(request);
        Page page;
        try {
            page = handler.handle(new PageRequest(path, request, language, new Views(site, language, memo),
                    handled -> render(handled, request, language, site)));
        } catch (QueryCancelledException e) {
            page = Page.tooSlow(site.queryTimeout());
            response.setHeader("Retry-After", page.model().get("seconds").toString());
        }
        // Rendered whole before anything is sent, so a failing template gives a 500, not half a page with a 200.
        String html = page.html() != null ? page.html() : render(page, request, language, site);
        response.setStatus(page.status());
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Content-Language", language.code());
        response.setHeader("Vary", "Accept-Language");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Defence in depth behind the escaping: no script but the site's own files runs on its pages.
        response.setHeader("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
        try (Writer out = response.getWriter()) {
            out.write(html);
        }
    }

    /** The page's template with its variables and what every page has: the language switcher, the navigation. */
    private String render(Page page, HttpServletRequest request, PageLanguage language, Site site) {
        Hrefs hrefs = new Hrefs(site, language);
        Map<String, Object> model = new HashMap<>(page.model());
        model.put("lang", language.code());
        model.put("chosenLang", language.chosen() ? language.code() : null);
        model.put("languages", switcher(request, language));
        model.put("nav", new Navigation(hrefs.local("/"), "/search", hrefs.local("/sparql"),
                hrefs.local(Hrefs.PAGE + "/ontology")));
        StringWriter html = new StringWriter();
        templates.render(page.template(), language, model, html);
        return html.toString();
    }

    /** The same request with {@code lang} set to each language, the other parameters kept. */
    private static List<LanguageOption> switcher(HttpServletRequest request, PageLanguage current) {
        List<LanguageOption> options = new ArrayList<>();
        for (Language language : Language.values()) {
            StringBuilder query = new StringBuilder("lang=").append(language.code());
            request.getParameterMap().forEach((name, values) -> {
                if (!name.equals("lang")) {
                    for (String value : values) {
                        query.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                }
            });
            options.add(new LanguageOption(language.code(), LANGUAGE_NAMES.get(language),
                    request.getRequestURI() + "?" + query, language == current.language()));
        }
        return options;
    }
}
