package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkg.query.BadParameterException;
import org.medkg.query.BadQueryException;
import org.medkg.query.QueryRunner;
import org.medkg.query.SavedQueries;
import org.medkg.query.SavedQuery;
import org.medkg.pipeline.Converter;
import org.medkg.store.LoadProgress;
import org.medkg.store.TdbGraphStore;
import org.medkg.store.VersionedStore;

/** The size bounds of the kept answers, over a real store holding the seeds and a real saved query. */
class KeptAnswersTest {

    @TempDir
    Path dir;

    @Test
    void anAnswerOverTheLimitIsServedButNotKept() throws BadQueryException, BadParameterException {
        try (TdbGraphStore store = TdbGraphStore.open(dir.resolve("store"))) {
            store.load(Converter.standard(Converter.DEFAULT_BASE).convert(List.of(Path.of("data")), e -> {
                throw new AssertionError(e.getMessage(), e);
            }), LoadProgress.none());
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            SavedQuery query = SavedQueries.find(Optional.empty(), "organizers-and-sponsors");
            QueryAnswer answer = QueryAnswer.of(QueryRunner.local(store.dataset()).select(query, Map.of()));
            long size = answer.estimatedBytes();

            KeptAnswers<String, QueryAnswer> fitting = new KeptAnswers<>("test", versions,
                    QueryAnswer::estimatedBytes, size);
            KeptAnswers<String, QueryAnswer> tooSmall = new KeptAnswers<>("test", versions,
                    QueryAnswer::estimatedBytes, size - 1);
            for (int i = 0; i < 3; i++) {
                assertEquals(answer, fitting.answer(query.name(), () -> false, () -> QueryAnswer.of(
                        QueryRunner.local(store.dataset()).select(query, Map.of()))));
                assertEquals(answer, tooSmall.answer(query.name(), () -> false, () -> QueryAnswer.of(
                        QueryRunner.local(store.dataset()).select(query, Map.of()))));
            }
            assertEquals(1, fitting.computations(), "an answer of the limit's size is kept");
            assertEquals(3, tooSmall.computations(), "one byte over the limit: computed for each request");

            // and a floor, for answers cheap to compute again (an entity's page whose lists fit on one page)
            KeptAnswers<String, QueryAnswer> atTheFloor = new KeptAnswers<>("test", versions,
                    QueryAnswer::estimatedBytes, size, size);
            KeptAnswers<String, QueryAnswer> underTheFloor = new KeptAnswers<>("test", versions,
                    QueryAnswer::estimatedBytes, size + 1, Long.MAX_VALUE);
            for (int i = 0; i < 3; i++) {
                assertEquals(answer, atTheFloor.answer(query.name(), () -> false, () -> QueryAnswer.of(
                        QueryRunner.local(store.dataset()).select(query, Map.of()))));
                assertEquals(answer, underTheFloor.answer(query.name(), () -> false, () -> QueryAnswer.of(
                        QueryRunner.local(store.dataset()).select(query, Map.of()))));
            }
            assertEquals(1, atTheFloor.computations(), "an answer of the floor's size is kept");
            assertEquals(3, underTheFloor.computations(), "one byte under the floor: computed for each request");
        }
    }
    @Test
    void answersComputedApartFitTogetherInTheLargestSizeTheLeastRecentlyGivenGoingFirst() throws Exception {
        try (TdbGraphStore store = TdbGraphStore.open(dir.resolve("store"))) {
            store.load(Converter.standard(Converter.DEFAULT_BASE).convert(List.of(Path.of("data")), e -> {
                throw new AssertionError(e.getMessage(), e);
            }), LoadProgress.none());
            VersionedStore versions = (VersionedStore) store.dataset().asDatasetGraph();
            Map<String, QueryAnswer> answers = new LinkedHashMap<>();
            for (String name : List.of("organizers-and-sponsors", "cities-by-activity", "organizations-by-activity")) {
                SavedQuery query = SavedQueries.find(Optional.empty(), name);
                answers.put(name, QueryAnswer.of(QueryRunner.local(store.dataset()).select(query, Map.of())));
            }
            // largest first: the third then fits where the second was
            List<String> names = answers.keySet().stream()
                    .sorted(Comparator.comparingLong(name -> -answers.get(name).estimatedBytes())).toList();
            long firstTwo = answers.get(names.get(0)).estimatedBytes() + answers.get(names.get(1)).estimatedBytes();
            assertTrue(answers.get(names.get(2)).estimatedBytes() > 0, names.toString());
            try (KeptAnswers<String, QueryAnswer> kept = new KeptAnswers<String, QueryAnswer>("test", versions,
                    QueryAnswer::estimatedBytes, firstTwo).computedApart(Duration.ofMinutes(1))) {
                for (String name : List.of(names.get(0), names.get(1), names.get(0))) {
                    assertEquals(answers.get(name), kept.answerApart(name, () -> false, () -> false,
                            cancelSignal -> answers.get(name)));
                }
                assertEquals(2, kept.computations(), "both fit: the first was given again from what was kept");

                // the third lets go of the least recently given (the second), which is computed again when asked
                kept.answerApart(names.get(2), () -> false, () -> false, cancelSignal -> answers.get(names.get(2)));
                kept.answerApart(names.get(0), () -> false, () -> false, cancelSignal -> answers.get(names.get(0)));
                assertEquals(3, kept.computations());
                kept.answerApart(names.get(1), () -> false, () -> false, cancelSignal -> answers.get(names.get(1)));
                assertEquals(4, kept.computations());
            }
        }
    }
}
