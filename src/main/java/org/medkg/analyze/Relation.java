package org.medkg.analyze;

/**
 * A fact one document states: an entity's property with another entity or a literal as its value, and the
 * sentence it was read from.
 *
 * @param subject  the entity the fact is about
 * @param property a property of the contract (local name: {@code speaker}, {@code affiliation}, {@code degree}…)
 * @param object   the entity it points to, or null for a literal
 * @param literal  the literal value, or null
 * @param evidence the sentence or list item that says it
 */
public record Relation(LocalEntity subject, String property, LocalEntity object, String literal, String evidence) {
}
