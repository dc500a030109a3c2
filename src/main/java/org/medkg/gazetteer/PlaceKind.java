package org.medkg.gazetteer;

import org.medkg.recognize.EntityKind;

/** What a gazetteer entry is. */
public enum PlaceKind {
    CITY(EntityKind.CITY), COUNTRY(EntityKind.COUNTRY);

    private final EntityKind entityKind;

    PlaceKind(EntityKind entityKind) {
        this.entityKind = entityKind;
    }

    /** The kind of mention that names a place of this kind. */
    public EntityKind entityKind() {
        return entityKind;
    }
}
