package org.medkg.search;

import java.util.List;

/**
 * Finds entities by any of their names, in any language, case or script: {@code Клодзинского},
 * {@code Klodzinsky} and {@code Клодзинский} find the same person.
 */
public interface NameIndex {

    /** The best matches first, at most {@code limit}; none for a blank query. */
    List<SearchHit> search(String query, int limit);
}
