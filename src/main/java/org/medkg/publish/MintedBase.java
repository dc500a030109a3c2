package org.medkg.publish;

import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/** Whether a store's IRIs were minted under the base a server is about to answer for. */
public final class MintedBase {

    private MintedBase() {
    }

    /**
     * Whether the store holds documents but none minted under {@code base}: it was loaded with another base, and
     * every IRI the server answers for would be unknown.
     */
    public static boolean dataMintedElsewhere(DatasetGraph dataset, String base) {
        return Txn.calculateRead(dataset, () -> StoreQueries.ask(dataset, StoreQueries.ANY_DATA, Map.of())
                && !StoreQueries.ask(dataset, StoreQueries.DOCUMENT_UNDER, Map.of("prefix", StoreQueries.string(base))));
    }
}
