package org.medkg.query;

import static java.util.Objects.requireNonNull;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * The formats the rows of a saved query are given in, each known by a short name ({@code ?format=csv}) and by
 * its media types (HTTP {@code Accept}); the first media type is the one a response is labelled with.
 */
public enum ResultFormat {
    // the first is the default: what a client that accepts anything gets
    JSON("json", ResultSetLang.RS_JSON, "application/json"),
    CSV("csv", ResultSetLang.RS_CSV),
    TSV("tsv", ResultSetLang.RS_TSV),
    XML("xml", ResultSetLang.RS_XML);

    private final String shortName;
    private final Lang lang;
    private final List<String> mediaTypes;

    ResultFormat(String shortName, Lang lang, String... moreMediaTypes) {
        this.shortName = shortName;
        this.lang = lang;
        this.mediaTypes = Stream.concat(Stream.of(lang.getContentType().getContentTypeStr()),
                Arrays.stream(moreMediaTypes)).toList();
    }

    /** The name for {@code ?format=}. */
    public String shortName() {
        return shortName;
    }

    /** The media type a response in this format is labelled with. */
    public String mediaType() {
        return mediaTypes.get(0);
    }

    /** Every media type that asks for this format. */
    public List<String> mediaTypes() {
        return mediaTypes;
    }

    /** The format of that short name ({@code json}, {@code csv}, {@code tsv}, {@code xml}), case-insensitive. */
    public static Optional<ResultFormat> byShortName(String shortName) {
        requireNonNull(shortName, "shortName");
        return Arrays.stream(values()).filter(f -> f.shortName.equalsIgnoreCase(shortName)).findFirst();
    }

    /**
     * The format that best fits an HTTP {@code Accept} header (its q-values and wildcards honoured); JSON when
     * there is no header; empty when the header accepts none of the formats.
     */
    public static Optional<ResultFormat> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        AcceptList offered = AcceptList.create(Arrays.stream(values())
                .flatMap(f -> f.mediaTypes.stream()).toArray(String[]::new));
        MediaType chosen;
        try {
            chosen = AcceptList.match(new AcceptList(accept), offered);
        } catch (RuntimeException e) {
            // an Accept header that cannot be parsed accepts nothing we can name
            return Optional.empty();
        }
        if (chosen == null) {
            return Optional.empty();
        }
        String chosenType = chosen.getContentTypeStr();
        return Arrays.stream(values()).filter(f -> f.mediaTypes.contains(chosenType)).findFirst();
    }

    /** Writes the rows in this format (UTF-8). */
    public void write(OutputStream out, ResultSet rows) {
        ResultsWriter.create().lang(lang).write(out, rows);
    }
}
