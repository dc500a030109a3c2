package org.medkg.search;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds entities by any of their names, in any language, case or script: {@code Клодзинского},
 * {@code Klodzinsky} and {@code Клодзинский} find the same person.
 */
public interface NameIndex {

    /**
     * The best matches first, at most {@code limit}; none for a blank query. Once {@code cancelSignal} is set (by
     * another thread: a time limit, a client that left) the search stops with Jena's
     * {@link org.apache.jena.query.QueryCancelledException}, as a query would.
     */
    List<SearchHit> search(String query, int limit, AtomicBoolean cancelSignal);
}
