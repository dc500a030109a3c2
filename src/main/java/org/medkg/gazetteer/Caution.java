package org.medkg.gazetteer;

/** How careful a recognizer must be with one spelling of a place name (the marker after it in places.txt). */
public enum Caution {
    /** An ordinary name: any capitalized occurrence names the place. */
    NONE(""),
    /** Also a common word (Семей, Орал): not taken at a sentence start unless a cue word precedes it. */
    COMMON_WORD("?"),
    /** Also a person's name (Гурьев, Конаев): taken only right after a cue word (г., город, city…). */
    PERSON_NAME("*");

    private final String marker;

    Caution(String marker) {
        this.marker = marker;
    }

    public String marker() {
        return marker;
    }
}
