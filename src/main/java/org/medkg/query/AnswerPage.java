package org.medkg.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The rows of one page of a saved query's answer, and whether the answer has rows after them.
 *
 * @param rows the page's rows, in the query's order
 * @param more whether a next page has rows
 */
public record AnswerPage(ResultSetRewindable rows, boolean more) {
    public AnswerPage {
        requireNonNull(rows, "rows");
    }

    /** The page out of rows read with one more than it holds ({@link SavedQuery#paged}): that one only tells more. */
    static AnswerPage ofOneMore(ResultSet results, Page page) {
        return of(Var.varList(results.getResultVars()), bindings(results), 0, page.size());
    }

    /** The page of a whole answer's rows: those from the page's offset on, as many as it holds. */
    public static AnswerPage of(List<Var> vars, List<Binding> whole, Page page) {
        return of(vars, whole, page.offset(), page.size());
    }

    private static AnswerPage of(List<Var> vars, List<Binding> rows, long offset, int size) {
        int from = (int) Math.min(offset, rows.size());
        int to = (int) Math.min(offset + size, rows.size());
        List<Binding> shown = rows.subList(from, to);
        return new AnswerPage(ResultSetFactory.makeRewindable(ResultSet.adapt(RowSetStream.create(vars,
                shown.iterator()))), rows.size() > to);
    }

    private static List<Binding> bindings(ResultSet results) {
        List<Binding> rows = new ArrayList<>();
        while (results.hasNext()) {
            rows.add(results.nextBinding());
        }
        return rows;
    }
}
