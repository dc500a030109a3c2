package org.medkg.text;

/** A sentence or a list item: the unit inside which relations between mentions are read. */
public record Segment(int start, int end, int paragraph) {

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
