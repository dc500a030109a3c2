package org.medkg.query;

import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sys.JenaSubsystemLifecycle;

/**
 * Registers medkg's SPARQL functions when Jena starts (found through {@code META-INF/services}), so that every
 * query run in the process knows them: saved queries, the server's SPARQL endpoint and {@code query} alike.
 */
public final class QueryFunctions implements JenaSubsystemLifecycle {
    /** The namespace of medkg's SPARQL functions. */
    public static final String NS = "https://w3id.org/medkg/function#";

    @Override
    public void start() {
        PropertyFunctionRegistry.get().put(SharedSubjectsFunction.IRI, SharedSubjectsFunction.class);
        PropertyFunctionRegistry.get().put(SubjectCountFunction.IRI, SubjectCountFunction.class);
    }

    @Override
    public void stop() {
    }

    /** After ARQ (30), whose registry this fills. */
    @Override
    public int level() {
        return 500;
    }
}
