package org.medkg.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.medkg.rdf.MKG;

/**
 * What the page of each kind of entity shows, as data: sections of facts, each found by following properties
 * from the entity. The section's title is the message {@code section.<id>}.
 */
final class EntitySections {

    /** Whether a step follows the entity's own triples or the triples that point at it. */
    enum Direction { OUT, IN }

    /**
     * One hop: along these properties, to things of these kinds (any, values included, when empty).
     */
    record Step(Direction direction, List<Node> properties, Set<Kind> kinds) {
        static Step out(Node... properties) {
            return new Step(Direction.OUT, List.of(properties), Set.of());
        }

        static Step in(Kind from, Node... properties) {
            return new Step(Direction.IN, List.of(properties), Set.of(from));
        }
    }

    /**
     * A section: the facts found at the end of each path. On a path of two hops the fact shown is the last one,
     * and the thing in between (an event's city, for a country's page) is shown beside it.
     */
    record Spec(String id, List<List<Step>> paths) {
        static Spec of(String id, Step... path) {
            return new Spec(id, List.of(List.of(path)));
        }

        Spec or(Step... path) {
            return new Spec(id, Stream.concat(paths.stream(), Stream.of(List.of(path))).toList());
        }
    }

    private static final Step CITY_OF_COUNTRY = Step.in(Kind.CITY, MKG.country);

    private static final Map<Kind, List<Spec>> BY_KIND = Map.of(
            Kind.EVENT, List.of(
                    Spec.of("dates", Step.out(MKG.startDate, MKG.endDate)),
                    Spec.of("place", Step.out(MKG.city)),
                    Spec.of("organizers", Step.out(MKG.organizer)),
                    Spec.of("sponsors", Step.out(MKG.sponsor)),
                    Spec.of("speakers", Step.out(MKG.speaker)),
                    Spec.of("participants", Step.out(MKG.participant))),
            Kind.PERSON, List.of(
                    Spec.of("timeline", Step.in(Kind.EVENT, MKG.speaker, MKG.participant, MKG.organizer, MKG.sponsor)),
                    Spec.of("positions", Step.out(MKG.position, MKG.degree, MKG.academicTitle)),
                    Spec.of("affiliations", Step.out(MKG.affiliation)),
                    Spec.of("place", Step.out(MKG.city))),
            Kind.ORGANIZATION, List.of(
                    Spec.of("people", Step.in(Kind.PERSON, MKG.affiliation)),
                    Spec.of("events", Step.in(Kind.EVENT, MKG.organizer, MKG.sponsor)),
                    Spec.of("place", Step.out(MKG.city, MKG.country))),
            Kind.CITY, List.of(
                    Spec.of("events-here", Step.in(Kind.EVENT, MKG.city)),
                    Spec.of("people-here", Step.in(Kind.PERSON, MKG.city)),
                    Spec.of("organizations-here", Step.in(Kind.ORGANIZATION, MKG.city)),
                    Spec.of("place", Step.out(MKG.country))),
            Kind.COUNTRY, List.of(
                    Spec.of("cities", CITY_OF_COUNTRY),
                    Spec.of("events-here", CITY_OF_COUNTRY, Step.in(Kind.EVENT, MKG.city)),
                    Spec.of("people-here", CITY_OF_COUNTRY, Step.in(Kind.PERSON, MKG.city)),
                    Spec.of("organizations-here", Step.in(Kind.ORGANIZATION, MKG.country))
                            .or(CITY_OF_COUNTRY, Step.in(Kind.ORGANIZATION, MKG.city))));

    private EntitySections() {
    }

    static List<Spec> of(Kind kind) {
        return BY_KIND.getOrDefault(kind, List.of());
    }
}
