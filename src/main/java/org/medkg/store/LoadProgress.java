package org.medkg.store;

/** Told as a load gets through its documents, for a progress bar. */
@FunctionalInterface
public interface LoadProgress {

    /** {@code done} of {@code total} documents have been dealt with; called with increasing {@code done}. */
    void documentDone(int done, int total);

    static LoadProgress none() {
        return (done, total) -> {
        };
    }
}
