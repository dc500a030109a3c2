package org.medkg.publish;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;

/**
 * What a published resource can be read as: four RDF syntaxes and the HTML page. Each has the extension its
 * data document ends with ({@code /data/id/person/x.ttl}) and the name {@code ?format=} takes.
 */
public enum Format {
    // The first RDF format is what a client gets when it states no preference (*/* or no Accept).
    TURTLE("ttl", "text/turtle", Lang.TURTLE),
    JSONLD("jsonld", "application/ld+json", Lang.JSONLD),
    RDFXML("rdf", "application/rdf+xml", Lang.RDFXML),
    NTRIPLES("nt", "application/n-triples", Lang.NTRIPLES),
    HTML("html", "text/html", null);

    private final String extension;
    private final String mediaType;
    private final Lang lang;

    Format(String extension, String mediaType, Lang lang) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.lang = lang;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The Jena syntax; empty for HTML. */
    public Optional<Lang> lang() {
        return Optional.ofNullable(lang);
    }

    public boolean isRdf() {
        return lang != null;
    }

    /** The RDF formats, the default one first. */
    public static List<Format> rdf() {
        return Arrays.stream(values()).filter(Format::isRdf).toList();
    }

    /** The format an extension or a {@code ?format=} value names, case-insensitively. */
    public static Optional<Format> byExtension(String extension) {
        String wanted = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.extension.equals(wanted)).findFirst();
    }

    /** The accepted {@code ?format=} values of some formats, for error messages: "ttl, jsonld, rdf". */
    public static String extensions(List<Format> formats) {
        return formats.stream().map(Format::extension).collect(Collectors.joining(", "));
    }
}
