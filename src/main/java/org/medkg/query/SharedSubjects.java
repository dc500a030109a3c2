package org.medkg.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.medkg.store.NodeLinks;

/**
 * The pairs of objects that the most subjects link to both (the people who took part in the same events most
 * often), counted from the links. As a SPARQL grouping this makes a row for each pair and each subject, which at
 * 1,000 copies of the corpus (one event held 8,000 people) is 49 million rows and more heap than any server has;
 * counted here object by object, it needs a counter per object and the links as numbers.
 *
 * <p>The objects paired are the links' IRIs; a pair is counted once, its first the lesser IRI; the pairs are ranked
 * by their shared subjects, the most first, ties by the first's IRI, then the second's: what a grouping ordered by
 * {@code DESC(?shared) ?first ?second} gives.
 */
final class SharedSubjects {

    /** Two objects and how many subjects link to both. */
    record Pair(Node first, Node second, int shared) {
    }

    /** A pair by the ranks of its objects in IRI order. */
    private record Ranked(int first, int second, int shared) {
    }

    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingInt(Ranked::shared).reversed()
            .thenComparingInt(Ranked::first).thenComparingInt(Ranked::second);

    private SharedSubjects() {
    }

    /**
     * The {@code limit} pairs that share at least {@code min} subjects, best first. Stops with Jena's
     * {@link QueryCancelledException} once {@code cancelSignal} is set.
     */
    static List<Pair> best(NodeLinks links, int min, int limit, AtomicBoolean cancelSignal) {
        requireNonNull(links, "links");
        requireNonNull(cancelSignal, "cancelSignal");
        if (limit <= 0) {
            return List.of();
        }
        Incidence incidence = Incidence.of(links, Math.max(min, 1));
        PriorityQueue<Ranked> best = new PriorityQueue<>(BEST_FIRST.reversed());
        int objects = incidence.objects.size();
        // how many subjects each object ranked after the one counted for shares with it; reset after each
        int[] shared = new int[objects];
        int[] sharing = new int[objects];
        for (int first = 0; first < objects; first++) {
            if (cancelSignal.get()) {
                throw new QueryCancelledException();
            }
            int sharingCount = 0;
            for (int at = incidence.subjectStart[first]; at < incidence.subjectStart[first + 1]; at++) {
                int subject = incidence.subjectsOf[at];
                int end = incidence.objectStart[subject + 1];
                // the subject's objects are in rank order: those after the first are the slice's end
                int after = Arrays.binarySearch(incidence.objectsOf, incidence.objectStart[subject], end, first) + 1;
                for (int i = after; i < end; i++) {
                    int second = incidence.objectsOf[i];
                    if (shared[second]++ == 0) {
                        sharing[sharingCount++] = second;
                    }
                }
            }
            for (int i = 0; i < sharingCount; i++) {
                int second = sharing[i];
                if (shared[second] >= min) {
                    Ranked pair = new Ranked(first, second, shared[second]);
                    if (best.size() < limit) {
                        best.add(pair);
                    } else if (BEST_FIRST.compare(pair, best.peek()) < 0) {
                        best.poll();
                        best.add(pair);
                    }
                }
                shared[second] = 0;
            }
        }
        List<Ranked> ranked = new ArrayList<>(best);
        ranked.sort(BEST_FIRST);
        return ranked.stream().map(pair -> new Pair(incidence.objects.get(pair.first),
                incidence.objects.get(pair.second), pair.shared)).toList();
    }

    /**
     * Which subject links to which object, among the objects linked from {@code min} subjects or more (no other can
     * share that many), each object by rank in IRI order: each subject's objects and each object's subjects, as
     * slices of one array each.
     */
    private record Incidence(List<Node> objects, int[] objectStart, int[] objectsOf, int[] subjectStart,
            int[] subjectsOf) {

        static Incidence of(NodeLinks links, int min) {
            long[] subjects = distinct(links.subjects().clone());
            long[] objects = distinct(links.objects().clone());
            long[] linked = linked(links, subjects, objects);
            int[] subjectsOfObject = new int[objects.length];
            for (long link : linked) {
                subjectsOfObject[(int) (link % objects.length)]++;
            }
            record Ranking(int object, Node node) {
            }
            List<Ranking> often = new ArrayList<>();
            for (int object = 0; object < objects.length; object++) {
                if (subjectsOfObject[object] >= min) {
                    Node node = links.node().apply(objects[object]);
                    if (node.isURI()) {
                        often.add(new Ranking(object, node));
                    }
                }
            }
            often.sort(Comparator.comparing(ranking -> ranking.node().getURI()));
            int[] rank = new int[objects.length];
            Arrays.fill(rank, -1);
            for (int i = 0; i < often.size(); i++) {
                rank[often.get(i).object()] = i;
            }
            int[] objectStart = new int[subjects.length + 1];
            int[] subjectStart = new int[often.size() + 1];
            for (long link : linked) {
                int object = rank[(int) (link % objects.length)];
                if (object >= 0) {
                    objectStart[(int) (link / objects.length) + 1]++;
                    subjectStart[object + 1]++;
                }
            }
            Arrays.parallelPrefix(objectStart, Integer::sum);
            Arrays.parallelPrefix(subjectStart, Integer::sum);
            int[] objectsOf = new int[objectStart[subjects.length]];
            int[] subjectsOf = new int[objectsOf.length];
            int[] nextObject = Arrays.copyOf(objectStart, subjects.length);
            int[] nextSubject = Arrays.copyOf(subjectStart, often.size());
            for (long link : linked) {
                int object = rank[(int) (link % objects.length)];
                if (object >= 0) {
                    int subject = (int) (link / objects.length);
                    objectsOf[nextObject[subject]++] = object;
                    subjectsOf[nextSubject[object]++] = subject;
                }
            }
            for (int subject = 0; subject < subjects.length; subject++) {
                Arrays.sort(objectsOf, objectStart[subject], objectStart[subject + 1]);
            }
            return new Incidence(often.stream().map(Ranking::node).toList(), objectStart, objectsOf, subjectStart,
                    subjectsOf);
        }

        /**
         * Each (subject, object) once, however many graphs or predicates state it, as subject index × objects +
         * object index.
         */
        private static long[] linked(NodeLinks links, long[] subjects, long[] objects) {
            long[] linked = new long[links.size()];
            for (int i = 0; i < linked.length; i++) {
                linked[i] = (long) Arrays.binarySearch(subjects, links.subjects()[i]) * objects.length
                        + Arrays.binarySearch(objects, links.objects()[i]);
            }
            return distinct(linked);
        }

        /** The numbers sorted, each once: sorted in place, so that at most one copy of a million links is made. */
        private static long[] distinct(long[] sorted) {
            Arrays.sort(sorted);
            int count = 0;
            for (long number : sorted) {
                if (count == 0 || number != sorted[count - 1]) {
                    sorted[count++] = number;
                }
            }
            return Arrays.copyOf(sorted, count);
        }
    }
}
