package org.medkg.query;

import java.util.Optional;

/**
 * Which rows of a saved query's answer to give: page {@code number} (from 1) of {@code size} rows, in the query's
 * order. The HTTP API gives {@value #DEFAULT_SIZE} rows unless asked otherwise, at most {@value #LARGEST_SIZE}.
 *
 * @param number the page, counted from 1
 * @param size   the rows a page holds, from 1 to {@value #LARGEST_SIZE}
 */
public record Page(int number, int size) {
    /** The request parameter (and CLI option) of the page's number. */
    public static final String NUMBER_PARAMETER = "page";
    /** The request parameter (and CLI option) of the page's size; {@value #WHOLE} asks for the whole answer. */
    public static final String SIZE_PARAMETER = "size";
    /** The size that asks for every row, unpaged. */
    public static final String WHOLE = "all";
    public static final int DEFAULT_SIZE = 100;
    /** Bounds what one request costs to write and to read labels for; a client wanting more asks the next page. */
    public static final int LARGEST_SIZE = 1000;

    public Page {
        if (number < 1 || size < 1 || size > LARGEST_SIZE) {
            throw new IllegalArgumentException("page " + number + " of " + size + " rows");
        }
    }

    /** The rows before this page. */
    public long offset() {
        return (number - 1L) * size;
    }

    /** The page after this one. */
    public Page next() {
        return new Page(number + 1, size);
    }

    /**
     * The page asked by the text of the two parameters (null when not given): page 1 and {@code defaultSize} rows
     * unless given; empty when the whole answer is asked ({@code size=all}, or no page and no size given with a null
     * {@code defaultSize}).
     *
     * @param query       the query's name, for the error
     * @param defaultSize the size when none is given, or null for the whole answer
     * @throws BadParameterException naming the parameter when it is not a whole number in range
     */
    public static Optional<Page> parse(String query, String number, String size, Integer defaultSize)
            throws BadParameterException {
        int pageNumber = number == null ? 1 : whole(query, NUMBER_PARAMETER, number, Integer.MAX_VALUE);
        if (size != null && size.strip().equals(WHOLE)) {
            if (number != null && pageNumber != 1) {
                throw new BadParameterException(query, NUMBER_PARAMETER, "parameter '" + NUMBER_PARAMETER
                        + "': the whole answer (" + SIZE_PARAMETER + "=" + WHOLE + ") has no page " + pageNumber);
            }
            return Optional.empty();
        }
        if (size == null && (defaultSize == null && number == null)) {
            return Optional.empty();
        }
        int pageSize = size == null ? (defaultSize == null ? DEFAULT_SIZE : defaultSize)
                : whole(query, SIZE_PARAMETER, size, LARGEST_SIZE);
        return Optional.of(new Page(pageNumber, pageSize));
    }

    private static int whole(String query, String parameter, String value, int largest) throws BadParameterException {
        String problem = "parameter '" + parameter + "': '" + value + "' is not a whole number from 1 "
                + (largest == Integer.MAX_VALUE ? "up" : "to " + largest)
                + (parameter.equals(SIZE_PARAMETER) ? " (or '" + WHOLE + "' for every row)" : "");
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 1 || parsed > largest) {
                throw new BadParameterException(query, parameter, problem);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadParameterException(query, parameter, problem);
        }
    }
}
