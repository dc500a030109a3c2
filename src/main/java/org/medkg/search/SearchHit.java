package org.medkg.search;

import static java.util.Objects.requireNonNull;

/**
 * One entity found by a name search.
 *
 * @param iri the entity
 * @param matchedName the name (label or other spelling) that matched, as written in the graph
 * @param score how well it matched; higher is better, comparable only within one search
 */
public record SearchHit(String iri, String matchedName, double score) {

    public SearchHit {
        requireNonNull(iri, "iri");
        requireNonNull(matchedName, "matchedName");
    }
}
