package org.medkg.server;

import java.util.Optional;

/** The {@code ?page=} of a paged answer (an entity's page, a description), counted from 1. */
final class PageNumber {
    private PageNumber() {
    }

    /** 1 when absent; empty when it is not a whole number from 1 up. */
    static Optional<Integer> of(String value) {
        if (value == null) {
            return Optional.of(1);
        }
        try {
            int page = Integer.parseInt(value.strip());
            return page >= 1 ? Optional.of(page) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
