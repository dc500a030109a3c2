package org.medkg.publish;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What every part of the web site shares: the store, the public base under which the graph's IRIs were
 * minted, the saved queries and the query time limit.
 *
 * <p>A request path {@code /id/person/x} stands for the IRI {@code base + "id/person/x"}: the server answers for
 * the IRIs under its base whatever host name it is reached by, so a deployment behind a proxy works unchanged.
 *
 * @param base public base of the minted IRIs, ending with {@code /} (see {@code Converter.DEFAULT_BASE})
 * @param dataset the store, read with the union of the named graphs as its default graph
 * @param queriesFolder a folder of saved queries ({@code *.rq}) beside those shipped with medkg, if any
 * @param queryTimeout how long one query may run
 */
public record Site(String base, DatasetGraph dataset, Optional<Path> queriesFolder, Duration queryTimeout) {

    public Site {
        requireNonNull(base, "base");
        requireNonNull(dataset, "dataset");
        requireNonNull(queriesFolder, "queriesFolder");
        requireNonNull(queryTimeout, "queryTimeout");
        if (!base.endsWith("/")) {
            throw new IllegalArgumentException("base IRI must end with '/': " + base);
        }
    }

    /** The same site reading the store through {@code view}: one request's cancellable view of it. */
    public Site readingThrough(DatasetGraph view) {
        return new Site(base, view, queriesFolder, queryTimeout);
    }

    /** The IRI a request path names: {@code /id/person/x} → {@code base + "id/person/x"}. */
    public String iri(String requestPath) {
        return base + (requestPath.startsWith("/") ? requestPath.substring(1) : requestPath);
    }

    /** The request path of an IRI under the base ({@code /id/person/x}); empty for IRIs from elsewhere. */
    public Optional<String> requestPath(String iri) {
        return iri.startsWith(base) ? Optional.of("/" + iri.substring(base.length())) : Optional.empty();
    }
}
