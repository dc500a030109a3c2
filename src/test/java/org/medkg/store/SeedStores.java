package org.medkg.store;

import java.nio.file.Path;
import java.util.List;
import org.medkg.pipeline.Converter;

/** A real TDB2 store holding the project's seed documents ({@code data/}), for tests of what reads it. */
public final class SeedStores {

    private SeedStores() {
    }

    /** Opens a store in {@code dir} and loads the seeds into it, as {@code medkg load data} would. */
    public static TdbGraphStore open(Path dir) {
        TdbGraphStore store = TdbGraphStore.open(dir);
        store.load(Converter.standard(Converter.DEFAULT_BASE).convert(List.of(Path.of("data")), e -> {
            throw new AssertionError(e.getMessage(), e);
        }), LoadProgress.none());
        return store;
    }
}
