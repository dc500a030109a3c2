package org.medkg.analyze;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.medkg.recognize.EntityKind;
import org.medkg.recognize.Mention;

/**
 * One entity as one document knows it: its mentions merged, before it has a graph-wide IRI.
 * Attributes hold kind-specific facts: name parts for persons, {@code placeId} for places, {@code type},
 * {@code start}/{@code end} for events.
 */
public final class LocalEntity {
    /** The attribute of an organization that holds the acronym a document spelled out for it. */
    public static final String SPELLED_OUT_ACRONYM = "spelledOutAcronym";

    private final EntityKind kind;
    private String label;
    private final Set<String> altLabels = new LinkedHashSet<>();
    private final Map<String, String> attributes = new TreeMap<>();
    private final List<Mention> mentions = new ArrayList<>();

    LocalEntity(EntityKind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    public EntityKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    void relabel(String newLabel) {
        if (!newLabel.equals(label)) {
            altLabels.add(label);
            label = newLabel;
        }
        altLabels.remove(label);
    }

    public Set<String> altLabels() {
        return altLabels;
    }

    void addAltLabel(String alt) {
        if (!alt.isBlank() && !alt.equals(label)) {
            altLabels.add(alt);
        }
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    public List<Mention> mentions() {
        return mentions;
    }

    void add(Mention mention) {
        add(mention, true);
    }

    /** Adds a mention; one that only refers back (the event, мероприятие) adds no label. */
    void add(Mention mention, boolean naming) {
        mentions.add(mention);
        if (naming) {
            addAltLabel(mention.canonical());
        }
        mention.fields().forEach(attributes::putIfAbsent);
    }

    /** Hands a mention over to another entity, with the name it gave this one unless another mention gives it too. */
    void moveTo(Mention mention, LocalEntity other) {
        mentions.remove(mention);
        if (mentions.stream().noneMatch(m -> m.canonical().equals(mention.canonical()))) {
            altLabels.remove(mention.canonical());
        }
        other.add(mention, true);
    }

    /** Keeps the mention but not its name, unless another mention gives the same name. */
    void unname(Mention mention) {
        if (mentions.stream().noneMatch(m -> m != mention && m.canonical().equals(mention.canonical()))
                && !mention.canonical().equals(label)) {
            altLabels.remove(mention.canonical());
        }
    }

    /** Adds the mention and returns this entity. */
    LocalEntity also(Mention mention) {
        add(mention);
        return this;
    }

    public int firstOffset() {
        return mentions.isEmpty() ? Integer.MAX_VALUE : mentions.get(0).start();
    }
}
