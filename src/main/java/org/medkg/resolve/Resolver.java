package org.medkg.resolve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medkg.analyze.DocumentAnalysis;
import org.medkg.analyze.LocalEntity;
import org.medkg.recognize.EntityKind;

/**
 * Gives every entity of the documents converted together its graph-wide IRI ({@link EntityKeys}), and the label
 * to show for it: for a person, the fullest form of the name any document of the same language gives
 * (Клодзинский Антон Анатольевич over Клодзинский А.А.).
 */
public final class Resolver {

    /** The IRI of each entity that has one, and the label chosen for each. */
    public record Resolution(Map<LocalEntity, String> iris, Map<LocalEntity, String> labels) {
    }

    private final String base;
    private final EntityKeys keys;

    public Resolver(String base, EntityKeys keys) {
        this.base = Objects.requireNonNull(base, "base");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public Resolution resolve(List<DocumentAnalysis> analyses) {
        Map<LocalEntity, String> iris = new HashMap<>();
        Map<String, String> fullest = new HashMap<>();
        for (DocumentAnalysis analysis : analyses) {
            for (LocalEntity entity : analysis.entities()) {
                String key = keys.key(entity);
                if (key == null) {
                    continue;
                }
                iris.put(entity, base + key);
                if (entity.kind() == EntityKind.PERSON) {
                    fullest.merge(key + "@" + analysis.document().language().code(), entity.label(),
                            (a, b) -> b.length() > a.length() ? b : a);
                }
            }
        }
        Map<LocalEntity, String> labels = new HashMap<>();
        for (DocumentAnalysis analysis : analyses) {
            for (LocalEntity entity : analysis.entities()) {
                String key = keys.key(entity);
                String label = key == null ? null : fullest.get(key + "@" + analysis.document().language().code());
                labels.put(entity, label != null ? label : entity.label());
            }
        }
        return new Resolution(iris, labels);
    }
}
