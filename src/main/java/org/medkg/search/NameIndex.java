package org.medkg.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds entities by any of their names, in any language, case or script: {@code Клодзинского},
 * {@code Klodzinsky} and {@code Клодзинский} find the same person.
 */
public interface NameIndex {

    /**
     * The most entities {@link #entitiesContaining} gives: a candidate costs a seek for its own names, while the scan
     * that replaces them reads every name of the store (at 1,000 copies of the corpus, a surname that 1,030 people
     * hold took expert-profile 3.9-7.4 s by the scan). The bound keeps the set, and the query built from it, to a few
     * megabytes.
     */
    int MAX_CANDIDATES = 20_000;

    /**
     * The best matches first, at most {@code limit}; none for a blank query. Once {@code cancelSignal} is set (by
     * another thread: a time limit, a client that left) the search stops with Jena's
     * {@link org.apache.jena.query.QueryCancelledException}, as a query would.
     */
    List<SearchHit> search(String query, int limit, AtomicBoolean cancelSignal);

    /**
     * The candidates for a fragment of a name: the IRIs of every entity one of whose names ({@code rdfs:label},
     * {@code skos:altLabel}, {@code skos:prefLabel}) contains the fragment as the saved queries compare them
     * ({@link NameGrams#normalize}), and perhaps some whose names only hold its pieces, which the caller must check.
     * Empty when the index cannot tell: a fragment shorter than {@value NameGrams#LENGTH} characters, more than
     * {@value #MAX_CANDIDATES} entities, a blank node among them, or an index not in step with its store. Stops as
     * {@link #search} does once {@code cancelSignal} is set.
     */
    Optional<Set<String>> entitiesContaining(String fragment, AtomicBoolean cancelSignal);
}
