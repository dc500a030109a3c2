package org.medkg.server;

import static java.util.Objects.requireNonNull;

import org.apache.jena.fuseki.FusekiConfigException;
import org.apache.jena.fuseki.server.Validators;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.GraphTarget;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.fuseki.system.DataUploader;
import org.apache.jena.fuseki.system.UploadDetails;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.medkg.store.GraphReplacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graph Store writes, where a PUT to a named graph — how {@code load --endpoint} sends each document — replaces the
 * graph by the store's own {@link GraphReplacement}, as {@code load --store} does: only the quads that differ are
 * written, and only their names indexed. Fuseki's own PUT clears the graph through the name index's wrapper, quad by
 * quad, and adds every quad again, each asked of TDB2 first and each name indexed again.
 *
 * <p>The body is parsed before the write transaction begins, so that a bad body is answered 400 with nothing
 * written, and the store's one writer is not held while a client sends. A graph is then held in memory once, as a
 * load holds a document's. The replacement is one write transaction, so readers see the old graph or the new one.
 * Other writes (POST, DELETE, a PUT to the default graph) are Fuseki's.
 */
final class GraphStoreWrites extends GSP_RW {
    private static final Logger LOG = LoggerFactory.getLogger(GraphStoreWrites.class);
    private final GraphReplacement replacement;

    GraphStoreWrites(GraphReplacement replacement) {
        this.replacement = requireNonNull(replacement, "replacement");
    }

    @Override
    protected void execPutGSP(HttpAction action) {
        // Which graph: read from the request alone, before any transaction (the dataset is not read).
        GraphTarget target = GraphTarget.determineTargetGSP(action.getDataset(), action);
        if (target.isDefault() || target.isUnion() || !target.graphName().isURI()) {
            super.execPutGSP(action);
            return;
        }
        if (ActionLib.getContentType(action) == null) {
            ServletOps.errorBadRequest("No Content-Type:");
        }
        String name = target.graphName().getURI();
        try {
            Validators.graphName(name);
        } catch (FusekiConfigException e) {
            ServletOps.errorBadRequest("Bad URI: " + name);
        }
        Graph graph = GraphFactory.createGraphMem();
        UploadDetails details;
        try {
            details = DataUploader.incomingData(action, StreamRDFLib.graph(graph));
        } catch (RiotParseException e) {
            ServletOps.errorParseError(e);
            return;
        } catch (RiotException e) {
            ServletOps.errorBadRequest(e.getMessage());
            return;
        }
        try {
            action.beginWrite();
            try {
                details.setExistedBefore(replacement.replace(target.graphName(), graph));
                action.commit();
            } catch (RuntimeException | Error e) {
                action.abortSilent();
                throw e;
            } finally {
                action.end();
            }
        } catch (ActionErrorException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            // the client is told 500 and no more: why the server could not write is for its log
            LOG.warn("PUT of {}: not written: {}", name, e.toString(), e);
            ServletOps.errorOccurred(e.getMessage());
        }
        ServletOps.uploadResponse(action, details);
    }
}
