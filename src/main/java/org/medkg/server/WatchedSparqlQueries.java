package org.medkg.server;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.medkg.store.CancellableReads;
import org.medkg.store.RemoteStoreException;

/**
 * Fuseki's SPARQL query endpoint, each query reading the store through its request's {@link RequestWatch}; a remote
 * store that cannot answer makes it answer 502 Bad Gateway with the reason.
 */
final class WatchedSparqlQueries extends SPARQL_QueryDataset {

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        DatasetGraph view = RequestWatch.of(action.getRequest()).reads(dataset);
        // Fuseki gives each request's context a cancel signal of its own, which the query would take over the view's.
        action.getContext().set(ARQConstants.symCancelQuery, CancellableReads.cancelSignal(view));
        return super.createQueryExec(action, query, view);
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        try {
            super.execute(queryString, action);
        } catch (RemoteStoreException e) {
            // Fuseki would answer 500: the store behind this server failed, not this server.
            ServletOps.error(HttpServletResponse.SC_BAD_GATEWAY, e.getMessage());
        }
    }
}
