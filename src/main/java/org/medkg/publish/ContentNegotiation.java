package org.medkg.publish;

import java.util.List;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;

/**
 * Picks a format from an HTTP {@code Accept} header: the offer with the highest q-value wins, a more specific
 * range beats a wildcard at the same q, and the order of the offers breaks the remaining ties (so with
 * {@code *}{@code /*} or no header the first offer, Turtle, is chosen). A q-value of 0 means "not this".
 * When nothing offered is acceptable the first offer is given anyway: a data document is more use than a 406.
 */
public final class ContentNegotiation {

    private ContentNegotiation() {
    }

    public static Format choose(String accept, List<Format> offers) {
        if (offers.isEmpty()) {
            throw new IllegalArgumentException("no formats offered");
        }
        if (accept == null || accept.isBlank()) {
            return offers.get(0);
        }
        AcceptList proposals = new AcceptList(accept);
        Format best = null;
        double bestQ = 0;
        int bestSpecificity = -1;
        for (Format offer : offers) {
            MediaRange range = proposals.match(MediaType.create(offer.mediaType()));
            if (range == null || range.get_q() <= 0) {
                continue;
            }
            if (range.get_q() > bestQ || (range.get_q() == bestQ && specificity(range) > bestSpecificity)) {
                best = offer;
                bestQ = range.get_q();
                bestSpecificity = specificity(range);
            }
        }
        return best != null ? best : offers.get(0);
    }

    /** 2 for a full media type, 1 for a type with any subtype, 0 for any type at all. */
    private static int specificity(MediaRange range) {
        if ("*".equals(range.getType())) {
            return 0;
        }
        return "*".equals(range.getSubType()) ? 1 : 2;
    }
}
