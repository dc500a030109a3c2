package org.medkg.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.medkg.publish.Site;

/**
 * Where links lead. The graph's own IRIs ({@code /id/…}, {@code /doc/…} under the site's base) lead to their
 * pages under {@code /page/}; other http(s) IRIs (GeoNames, Wikidata) lead to themselves; anything else links
 * nowhere, so a crafted IRI can never become a {@code javascript:} link. A language the reader chose with
 * {@code ?lang=} is carried along.
 */
final class Hrefs {
    static final String PAGE = "/page";

    private final Site site;
    private final PageLanguage language;

    Hrefs(Site site, PageLanguage language) {
        this.site = site;
        this.language = language;
    }

    /** The page of a node of the graph, or the external IRI; empty for blank nodes, literals and odd schemes. */
    Optional<String> of(Node node) {
        if (!node.isURI()) {
            return Optional.empty();
        }
        Optional<String> path = pagePath(node);
        if (path.isPresent()) {
            return Optional.of(local(path.get()));
        }
        String iri = node.getURI();
        return iri.startsWith("https://") || iri.startsWith("http://") ? Optional.of(iri) : Optional.empty();
    }

    /** {@code /page/…} for the graph's own IRIs, percent-encoded. */
    private Optional<String> pagePath(Node node) {
        return node.isURI() ? site.requestPath(node.getURI()).filter(p -> p.startsWith("/id/") || p.startsWith("/doc/"))
                .map(path -> PAGE + encodePath(path)) : Optional.empty();
    }

    /** One page of the entity's page (see {@code Views.entity}); empty for nodes without a page here. */
    Optional<String> page(Node node, int page) {
        return pagePath(node).map(path -> local(path + "?page=" + page));
    }

    /** A path of this site, with the reader's chosen language if any. */
    String local(String path) {
        return language.chosen() ? path + (path.contains("?") ? "&" : "?") + "lang=" + language.code() : path;
    }

    /** Percent-encodes what a path may not hold as is (IRIs keep Cyrillic letters of file names raw). */
    private static String encodePath(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }
}
