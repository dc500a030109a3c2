package org.medkg.server;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The rows of a saved query as the server keeps them: its variables and its bindings, from which each request
 * writes its own result set in any result format. Immutable, so many requests may write it at once.
 */
record QueryAnswer(List<Var> vars, List<Binding> rows) {
    /**
     * The most heap the kept answers may take in all, estimated: an eighth of the heap (64 MB of the server's default
     * 512 MB). The six queries that read the whole graph are estimated at 12–550 kB at 10× the corpus, but
     * cross-border-participation alone gives 6.6 MB of CSV at 1,000×, which needs a larger heap (MEDKG_HEAP).
     */
    static long keptAtMostInAll() {
        return Runtime.getRuntime().maxMemory() / 8;
    }
    /** A rough cost of a term beside its characters (its node and string objects) and of a row (its binding). */
    private static final long BYTES_PER_TERM = 48;
    private static final long BYTES_PER_ROW = 32;

    QueryAnswer {
        vars = List.copyOf(vars);
        rows = List.copyOf(rows);
    }

    /** Reads the rows out of a result set. */
    static QueryAnswer of(ResultSet results) {
        List<Var> vars = Var.varList(results.getResultVars());
        List<Binding> rows = new ArrayList<>();
        while (results.hasNext()) {
            rows.add(results.nextBinding());
        }
        return new QueryAnswer(vars, rows);
    }

    /** The rows as a result set of their own, to write once. */
    ResultSet results() {
        return ResultSet.adapt(RowSetStream.create(vars, rows.iterator()));
    }

    /** About the heap the rows hold: two bytes a character (Cyrillic text) and the objects around them. */
    long estimatedBytes() {
        long bytes = 0;
        for (Binding row : rows) {
            bytes += BYTES_PER_ROW;
            for (Var var : vars) {
                Node term = row.get(var);
                if (term != null) {
                    bytes += BYTES_PER_TERM + 2L * characters(term);
                }
            }
        }
        return bytes;
    }

    private static long characters(Node term) {
        if (term.isLiteral()) {
            return term.getLiteralLexicalForm().length() + term.getLiteralLanguage().length();
        }
        return term.isURI() ? term.getURI().length() : term.toString().length();
    }
}
