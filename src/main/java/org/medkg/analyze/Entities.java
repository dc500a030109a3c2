package org.medkg.analyze;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkg.recognize.EntityKind;
import org.medkg.recognize.Mention;

/** The entities of one document, found again by the keys that make two mentions one entity. */
final class Entities {
    private final List<LocalEntity> all = new ArrayList<>();
    private final Map<String, LocalEntity> byKey = new HashMap<>();

    List<LocalEntity> all() {
        return List.copyOf(all);
    }

    List<LocalEntity> ofKind(EntityKind kind) {
        return all.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Forgets an entity whose mentions all went to another; its keys lead to nothing then. */
    void remove(LocalEntity entity) {
        all.remove(entity);
        byKey.values().removeIf(e -> e == entity);
    }

    LocalEntity newEntity(EntityKind kind, String label) {
        LocalEntity entity = new LocalEntity(kind, label);
        all.add(entity);
        return entity;
    }

    /** A person already seen whose name parts agree with the mention's (initials agree with full parts). */
    LocalEntity findPerson(Mention m) {
        for (LocalEntity p : ofKind(EntityKind.PERSON)) {
            if (agrees(p.attribute("family"), m.field("family"))
                    && agrees(p.attribute("given"), m.field("given"))
                    && agrees(p.attribute("patronymic"), m.field("patronymic"))
                    && agrees(p.attribute("givenInitial"), m.field("givenInitial"))
                    && agrees(p.attribute("patronymicInitial"), m.field("patronymicInitial"))
                    && (m.field("family") != null || p.attribute("given") != null)) {
                return p;
            }
        }
        return null;
    }

    private static boolean agrees(String known, String seen) {
        return known == null || seen == null || normal(known).equals(normal(seen));
    }

    LocalEntity organization(Mention m) {
        return byKey.computeIfAbsent("org:" + organizationKey(m.canonical()), k -> newEntity(EntityKind.ORGANIZATION, clean(m.canonical())))
                .also(m);
    }

    /**
     * The organization whose name an acronym spells out, or the reverse (see the analyzer): both mentions are one
     * entity, labelled with the full name and knowing its acronym, and later mentions of either join it.
     */
    LocalEntity acronymOf(LocalEntity named, Mention m) {
        boolean acronymLast = m.field("acronym") != null;
        String acronym = acronymLast ? m.field("acronym") : named.label();
        named.add(m);
        if (!acronymLast) {
            named.relabel(clean(m.canonical()));
        }
        named.attributes().put(LocalEntity.SPELLED_OUT_ACRONYM, acronym);
        byKey.putIfAbsent("org:" + organizationKey(m.canonical()), named);
        return named;
    }

    LocalEntity place(Mention m) {
        return byKey.computeIfAbsent("place:" + m.field("placeId"), k -> newEntity(m.kind(), m.canonical())).also(m);
    }

    LocalEntity namedEvent(Mention m) {
        String key = "event:" + normal(m.canonical());
        LocalEntity event = byKey.get(key);
        if (event == null) {
            event = newEntity(EntityKind.EVENT, clean(m.canonical()));
            event.attributes().put("type", m.field("type"));
            byKey.put(key, event);
        } else if (event.attribute("type").equals("Event") || event.attribute("type").equals("Course")
                && m.field("refersBack") == null) {
            event.attributes().put("type", m.field("type"));
        }
        return event;
    }

    LocalEntity lastEventOfType(String type) {
        LocalEntity found = null;
        for (LocalEntity e : ofKind(EntityKind.EVENT)) {
            if (type.equals(e.attribute("type"))) {
                found = e;
            }
        }
        return found;
    }

    static String organizationKey(String name) {
        return normal(name).replaceAll("[«»\"“”„]", "").replaceAll("\\s+", " ").strip();
    }

    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('ё', 'е').strip();
    }

    static String clean(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
