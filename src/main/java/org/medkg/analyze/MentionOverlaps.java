package org.medkg.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medkg.recognize.EntityKind;
import org.medkg.recognize.Mention;
import org.medkg.recognize.PersonRecognizer;

/**
 * Decides between mentions that cover the same text. An organization's name wins over a person inside it
 * ({@code НАО «КазНМУ им. С.Д. Асфендиярова»}), over an event title in quotes that is really the organization
 * ({@code «Гематология орталығы» ЖШС}) and over an event word inside its name (International School of Medicine);
 * a person wins over a place with the same letters, unless the place is the unknown word that a surname's ending
 * made a given name; places inside an organization's name stay (the organization's city:
 * {@code Карагандинский филиал}); dates stay.
 */
final class MentionOverlaps {

    private MentionOverlaps() {
    }

    static List<Mention> resolve(List<Mention> mentions) {
        List<Mention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparingInt(Mention::start).thenComparingInt(m -> -m.end()));
        List<Mention> kept = new ArrayList<>();
        for (Mention m : sorted) {
            if (!losesTo(m, sorted)) {
                kept.add(m);
            } else if (m.kind() == EntityKind.EVENT && m.field("quoted") != null) {
                kept.add(withoutTitle(m)); // the quotes held an organization's name, the event word still counts
            }
        }
        return List.copyOf(kept);
    }

    private static Mention withoutTitle(Mention event) {
        Map<String, String> fields = new HashMap<>(event.fields());
        fields.remove("quoted");
        String name = fields.remove("phraseName");
        return new Mention(EntityKind.EVENT, event.start(), event.end(), event.surface(),
                name != null ? name : fields.get("phrase"), fields);
    }

    private static boolean losesTo(Mention m, List<Mention> all) {
        for (Mention other : all) {
            if (other == m || other.end() <= m.start() || other.start() >= m.end()) {
                continue;
            }
            if (beats(other, m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A name known only by its surname's ending whose "given name" is a place: Республики Каракалпакстан Сариев is
     * the place and a surname, not a person called Каракалпакстан.
     */
    private static boolean placeAsGivenName(Mention person, Mention place) {
        return "ending".equals(person.field(PersonRecognizer.EVIDENCE)) && place.start() == person.start();
    }

    private static boolean beats(Mention winner, Mention loser) {
        EntityKind w = winner.kind();
        EntityKind l = loser.kind();
        if (l == EntityKind.DATE || w == EntityKind.DATE) {
            return false;
        }
        if (w == EntityKind.ORGANIZATION && l == w && (winner.field("refersTo") == null) != (loser.field("refersTo") == null)) {
            // Карагандинского филиала ТОО «Центр гематологии»: the name beats the branch that only refers to it
            return winner.field("refersTo") == null;
        }
        if (w == l) {
            return winner.end() - winner.start() > loser.end() - loser.start();
        }
        if (w == EntityKind.ORGANIZATION && (l == EntityKind.PERSON || l == EntityKind.EVENT && loser.field("quoted") != null)) {
            return true;
        }
        if (w == EntityKind.ORGANIZATION && l == EntityKind.EVENT && loser.start() >= winner.start()
                && loser.end() <= winner.end()) {
            return true; // International School of Medicine: an event word inside an organization's name names no event
        }
        if (w == EntityKind.PERSON && (l == EntityKind.CITY || l == EntityKind.COUNTRY) && placeAsGivenName(winner, loser)) {
            return false;
        }
        if ((w == EntityKind.CITY || w == EntityKind.COUNTRY) && l == EntityKind.PERSON && placeAsGivenName(loser, winner)) {
            return true;
        }
        if (w == EntityKind.PERSON && (l == EntityKind.CITY || l == EntityKind.COUNTRY || l == EntityKind.ORGANIZATION && loser.field("acronym") == null && !loser.surface().contains(" "))) {
            return true;
        }
        if (w == EntityKind.EVENT && winner.field("quoted") != null && l == EntityKind.ORGANIZATION
                && loser.start() > winner.start() && loser.field("quoted") == null) {
            return true; // a title that contains an organization's head word is the event's title
        }
        return false;
    }
}
