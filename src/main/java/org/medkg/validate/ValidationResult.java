package org.medkg.validate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What validation found.
 *
 * @param graphsChecked how many graphs were validated (named graphs, not counting their union)
 * @param violations    every violation, in a stable order: by graph, then focus, then path
 */
public record ValidationResult(int graphsChecked, List<Violation> violations) {
    public ValidationResult {
        requireNonNull(violations, "violations");
        violations = List.copyOf(violations);
    }

    public boolean conforms() {
        return violations.isEmpty();
    }

    /** One readable line per violation. */
    public List<String> lines() {
        return violations.stream().map(Violation::line).toList();
    }
}
