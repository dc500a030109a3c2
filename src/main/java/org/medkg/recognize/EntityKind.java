package org.medkg.recognize;

/** What a mention names. */
public enum EntityKind {
    PERSON, ORGANIZATION, CITY, COUNTRY, EVENT, DATE
}
