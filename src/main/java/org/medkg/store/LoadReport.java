package org.medkg.store;

import java.util.List;

/**
 * What a load did, each list holding graph names in the order the documents were given.
 *
 * @param added     graphs that were not in the store before
 * @param replaced  graphs that were there with another sha256 (or none) and were replaced
 * @param unchanged graphs that were there with the same sha256 and were left alone
 * @param failed    documents that could not be stored (their old graphs, if any, are still there)
 */
public record LoadReport(List<String> added, List<String> replaced, List<String> unchanged,
                         List<LoadFailure> failed) {

    public LoadReport {
        added = List.copyOf(added);
        replaced = List.copyOf(replaced);
        unchanged = List.copyOf(unchanged);
        failed = List.copyOf(failed);
    }

    /** A report with no failures. */
    public LoadReport(List<String> added, List<String> replaced, List<String> unchanged) {
        this(added, replaced, unchanged, List.of());
    }

    /** Whether the load wrote anything. */
    public boolean changedStore() {
        return !added.isEmpty() || !replaced.isEmpty();
    }
}
