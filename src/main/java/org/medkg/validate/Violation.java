package org.medkg.validate;

import static java.util.Objects.requireNonNull;

/**
 * One way a graph breaks the shapes, already written for people: nodes appear with their label.
 *
 * @param graph   the named graph (document) it was found in, or {@link GraphValidator#UNION} when only
 *                the documents together break the rule (the same event with two start dates…)
 * @param focus   the node that breaks the rule, e.g. {@code <https://…/person/x> "Нестерова Ирина Вадимовна"@ru}
 * @param path    the property concerned, e.g. {@code mkg:speaker}; empty for a rule on the node as a whole
 * @param message the rule, from the shape's sh:message
 * @param value   the offending value, described like the focus; empty when there is none (a missing value)
 */
public record Violation(String graph, String focus, String path, String message, String value) {
    public Violation {
        requireNonNull(graph, "graph");
        requireNonNull(focus, "focus");
        requireNonNull(path, "path");
        requireNonNull(message, "message");
        requireNonNull(value, "value");
    }

    /** One line: graph, focus, path, message and value. */
    public String line() {
        StringBuilder line = new StringBuilder(graph).append(": ").append(focus);
        if (!path.isEmpty()) {
            line.append(" ").append(path);
        }
        line.append(": ").append(message);
        if (!value.isEmpty()) {
            line.append(" (value: ").append(value).append(")");
        }
        return line.toString();
    }

    /** The same violation wherever it was found: what a union check compares against the per-document ones. */
    String withoutGraph() {
        return focus + '\n' + path + '\n' + message + '\n' + value;
    }
}
