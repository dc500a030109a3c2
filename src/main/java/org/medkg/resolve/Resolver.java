package org.medkg.resolve;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medkg.analyze.DocumentAnalysis;
import org.medkg.analyze.LocalEntity;
import org.medkg.recognize.EntityKind;

/**
 * Gives every entity of the documents converted together its graph-wide IRI ({@link EntityKeys}), and the label
 * to show for it: for a person, the fullest form of the name any document of the same language gives
 * (Клодзинский Антон Анатольевич over Клодзинский А.А.). A surname written alone joins the one person of that
 * surname the documents name with an initial.
 *
 * <p>A large batch is resolved in windows, one after the other, so that its documents need not all be held at once:
 * a resolver remembers what the windows before told it (acronyms spelled out, persons named with an initial, the
 * fullest form of each name), and each window is resolved with that and its own documents. What only a later window
 * says does not reach the graphs of earlier ones. What is remembered grows with the distinct entities, not with the
 * documents.
 */
public final class Resolver {

    /** The IRI of each entity that has one, and the label chosen for each. */
    public record Resolution(Map<LocalEntity, String> iris, Map<LocalEntity, String> labels) {
    }

    private final String base;
    private final EntityKeys keys;
    /** Acronyms (lower case) spelled out so far, with the first full name given for each. */
    private final Map<String, String> acronyms = new HashMap<>();
    /** Person keys named with an initial so far, by the key without its initial. */
    private final Map<String, Set<String>> withInitial = new HashMap<>();
    /** The fullest form of each person's name so far, by key and language ({@code key@lang}). */
    private final Map<String, String> fullest = new HashMap<>();

    public Resolver(String base, EntityKeys keys) {
        this.base = Objects.requireNonNull(base, "base");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Resolves the next window of documents, with what the windows before it said. */
    public Resolution resolve(List<DocumentAnalysis> analyses) {
        addSpelledOutAcronyms(analyses);
        EntityKeys keys = this.keys.withAcronyms(Map.copyOf(acronyms));
        Map<LocalEntity, String> iris = new HashMap<>();
        Map<LocalEntity, String> keyOf = new HashMap<>();
        for (DocumentAnalysis analysis : analyses) {
            Map<String, Integer> undatedOfType = new HashMap<>();
            Map<String, Integer> eventKeysHere = new HashMap<>();
            String page = pageOf(analysis.document().sourceFile());
            for (LocalEntity entity : analysis.entities()) {
                String pagePlace = null;
                if (page != null && entity.kind() == EntityKind.EVENT && EntityKeys.undated(entity)) {
                    String type = entity.attribute("type").toLowerCase(Locale.ROOT);
                    int n = undatedOfType.merge(type, 1, Integer::sum);
                    pagePlace = page + "-" + type + (n == 1 ? "" : "-" + n);
                }
                String key = keys.key(entity, pagePlace);
                if (key == null) {
                    continue;
                }
                if (entity.kind() == EntityKind.EVENT) {
                    // Two schools of one type on one day in one document: the second is -2 in every language.
                    int n = eventKeysHere.merge(key, 1, Integer::sum);
                    key = n == 1 ? key : key + "-" + n;
                }

                keyOf.put(entity, key);
            }
        }
        joinSurnamesAlone(keyOf);
        for (DocumentAnalysis analysis : analyses) {
            for (LocalEntity entity : analysis.entities()) {
                String key = keyOf.get(entity);
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
                String key = keyOf.get(entity);
                String label = key == null ? null : fullest.get(key + "@" + analysis.document().language().code());
                labels.put(entity, label != null ? label : entity.label());
            }
        }
        return new Resolution(iris, labels);
    }

    /**
     * A surname alone (Dr. Klodzinsky, in a page whose other language versions give the full name) is the person of
     * that surname whom the documents converted together name with an initial, when they name exactly one.
     */
    private void joinSurnamesAlone(Map<LocalEntity, String> keyOf) {
        for (Map.Entry<LocalEntity, String> e : keyOf.entrySet()) {
            if (e.getKey().kind() == EntityKind.PERSON && !EntityKeys.surnameAlone(e.getKey())) {
                String key = e.getValue();
                withInitial.computeIfAbsent(key.substring(0, key.lastIndexOf('-')), k -> new HashSet<>()).add(key);
            }
        }
        for (Map.Entry<LocalEntity, String> e : keyOf.entrySet()) {
            Set<String> named = withInitial.get(e.getValue());
            if (e.getKey().kind() == EntityKind.PERSON && EntityKeys.surnameAlone(e.getKey()) && named != null
                    && named.size() == 1) {
                e.setValue(named.iterator().next());
            }
        }
    }

    /** Remembers the acronyms (lower case) the documents spell out, with the first full name given for each. */
    private void addSpelledOutAcronyms(List<DocumentAnalysis> analyses) {
        for (DocumentAnalysis analysis : analyses) {
            for (LocalEntity entity : analysis.entities()) {
                String acronym = entity.attribute(LocalEntity.SPELLED_OUT_ACRONYM);
                if (acronym != null) {
                    acronyms.putIfAbsent(acronym.toLowerCase(Locale.ROOT), entity.label());
                }
            }
        }
    }

    private static final Pattern TRANSLATED_PAGE = Pattern.compile("(.+)\\.(ru|kk|en)\\.[A-Za-z]+");

    /** The page a translated document belongs to (its folder and name without the language), or null. */
    static String pageOf(String sourceFile) {
        Path path = Path.of(sourceFile);
        Matcher m = TRANSLATED_PAGE.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        Path folder = path.toAbsolutePath().normalize().getParent();
        String name = (folder == null || folder.getFileName() == null ? "" : folder.getFileName() + "-") + m.group(1);
        return Transliteration.slug(name);
    }
}
