package org.medkg.resolve;

import java.util.Locale;
import java.util.Map;
import org.medkg.analyze.LocalEntity;

/**
 * The key that names one real-world entity in every document and language, from which its IRI is made, so that
 * the same input always gives the same IRIs and a document loaded later joins the entities already stored:
 * <ul>
 *   <li>person: surname and first initial, spelling-neutral ({@code person/klodzinski-a}) — the same person
 *       written with initials or in full, in Cyrillic or Latin, is one key;</li>
 *   <li>city and country: the gazetteer's id ({@code place/karaganda});</li>
 *   <li>event: start date and type when the date is known ({@code event/2024-05-22-course}), so an announcement
 *       and a later report of one event meet; else its name;</li>
 *   <li>organization: the meanings of the words of its name ({@link OrganizationKeys}), so its Russian, Kazakh
 *       and English names meet.</li>
 * </ul>
 */
public final class EntityKeys {

    private final OrganizationKeys organizations;
    private final Map<String, String> acronymFullNames;

    public EntityKeys(OrganizationKeys organizations) {
        this(organizations, Map.of());
    }

    private EntityKeys(OrganizationKeys organizations, Map<String, String> acronymFullNames) {
        this.organizations = organizations;
        this.acronymFullNames = Map.copyOf(acronymFullNames);
    }

    /**
     * These keys, where an organization's acronym that the documents spell out stands for its full name
     * ({@code ПСПбГМУ им. И.П.Павлова} = {@code Первый Санкт-Петербургский … университет им. И.П. Павлова}).
     *
     * @param fullNames full names by acronym in lower case
     */
    public EntityKeys withAcronyms(Map<String, String> fullNames) {
        return new EntityKeys(organizations, fullNames);
    }

    /** The key, or null when the entity cannot be named reliably enough to get one. */
    public String key(LocalEntity entity) {
        return key(entity, null);
    }

    /**
     * The key, where an event with no date that is the n-th of its type on a page translated into several
     * languages ({@code item.ru.md}, {@code item.kk.md}, {@code item.en.md}) is keyed by that page and place, so its
     * versions meet although their names are in different languages.
     *
     * @param pagePlace {@code page/type-n} for such an event, else null
     */
    public String key(LocalEntity entity, String pagePlace) {
        return switch (entity.kind()) {
            case PERSON -> person(entity);
            case CITY, COUNTRY -> "place/" + entity.attribute("placeId");
            case EVENT -> undated(entity) && pagePlace != null ? "event/" + pagePlace : event(entity);
            case ORGANIZATION -> organization(entity.label());
            default -> null;
        };
    }

    /**
     * An event with no date, or only a year (Excellence in Healthcare – 2025): its date does not tell it from other
     * events of its type.
     */
    public static boolean undated(LocalEntity entity) {
        String start = entity.attribute("start");
        return start == null || start.length() == YEAR_LENGTH;
    }

    private static final int YEAR_LENGTH = 4;

    private String organization(String name) {
        String key = organizations.key(name, acronymFullNames);
        return key.isEmpty() ? null : "organization/" + limit(key);
    }

    /** A person known by the surname alone (Dr. Klodzinsky): the key has no initial. */
    static boolean surnameAlone(LocalEntity entity) {
        return entity.attribute("givenInitial") == null;
    }

    private static String person(LocalEntity entity) {
        String family = entity.attribute("family");
        if (family == null) {
            return null;
        }
        String initial = entity.attribute("givenInitial");
        String key = Transliteration.key(family);
        return "person/" + key + (initial == null ? "" : "-" + Transliteration.key(initial).substring(0, 1));
    }

    private static String event(LocalEntity entity) {
        String type = entity.attribute("type").toLowerCase(Locale.ROOT);
        if (!undated(entity)) {
            return "event/" + entity.attribute("start") + "-" + type;
        }
        return "event/" + type + "-" + limit(Transliteration.key(entity.label()));
    }

    private static String limit(String key) {
        return key.length() <= 80 ? key : key.substring(0, 80).replaceAll("-[^-]*$", "");
    }
}
