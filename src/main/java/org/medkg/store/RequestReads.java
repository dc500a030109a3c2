package org.medkg.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * A {@link RemoteDataset} as one request reads it. A page asks many small questions about the same few subjects
 * (an entity's labels, its types, each evidence node's quote): every read with a subject is answered from all of
 * that subject's quads, fetched in one query the first time and kept for the rest of the request. Every remote query
 * of the request stops at its cancel signal. Not shared between threads: one request, one view.
 */
final class RequestReads extends DatasetGraphWrapper {
    private final RemoteDataset remote;
    private final AtomicBoolean cancelSignal;
    private final Map<Node, List<Quad>> quadsBySubject = new HashMap<>();

    RequestReads(RemoteDataset remote, AtomicBoolean cancelSignal) {
        super(remote, remote.getContext());
        this.remote = remote;
        this.cancelSignal = cancelSignal;
    }

    @Override
    public Iterator<Quad> find() {
        return find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o);
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        boolean anyGraph = g == null || !g.isConcrete();
        if (!anyGraph && Quad.isDefaultGraph(g)) {
            return Iter.nullIterator();
        }
        if (s == null || !s.isConcrete()) {
            boolean union = !anyGraph && Quad.isUnionGraph(g);
            return remote.quads(union ? Node.ANY : g, s, p, o, union, cancelSignal);
        }
        List<Quad> matching = new ArrayList<>();
        for (Quad quad : quadsOf(s)) {
            if ((anyGraph || Quad.isUnionGraph(g) || g.equals(quad.getGraph())) && matches(p, quad.getPredicate())
                    && matches(o, quad.getObject())) {
                matching.add(quad);
            }
        }
        if (!anyGraph && Quad.isUnionGraph(g)) {
            Set<Triple> distinct = new LinkedHashSet<>();
            matching.forEach(quad -> distinct.add(quad.asTriple()));
            return Iter.map(distinct.iterator(), triple -> Quad.create(Quad.unionGraph, triple));
        }
        return matching.iterator();
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        if (s != null && s.isConcrete()) {
            return find(g, s, p, o).hasNext();
        }
        return super.contains(g, s, p, o);
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    private List<Quad> quadsOf(Node subject) {
        List<Quad> quads = quadsBySubject.get(subject);
        if (quads == null) {
            quads = new ArrayList<>();
            Iterator<Quad> fetched = remote.quads(Node.ANY, subject, Node.ANY, Node.ANY, false, cancelSignal);
            fetched.forEachRemaining(quads::add);
            quadsBySubject.put(subject, quads);
        }
        return quads;
    }

    private static boolean matches(Node pattern, Node node) {
        return pattern == null || !pattern.isConcrete() || pattern.equals(node);
    }
}
