package org.medkg.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medkg.lang.NameLexicon;
import org.medkg.lang.ru.RussianMorphology;
import org.medkg.text.DataLines;

/**
 * The {@link Caution} a generated place name gets, so that a city that is also a word or a name gives no false
 * mentions in running text. In order:
 * <ol>
 *   <li>spellings listed in {@code name-cautions.txt} (words the dictionary cannot tell from a city: Находка,
 *       Курган; English words: Male, Mobile) get the marker listed there;</li>
 *   <li>a given name (NameLexicon) and a name of three letters or fewer (Бор, Ири, which Kazakh suffix rules
 *       find in Ирина) are taken only after a cue word, as person's names are;</li>
 *   <li>a word the Russian dictionary knows as a surname (Киров, Пушкин, Королёв) is a person's name, and so is a
 *       name one of whose case forms is a given name or surname (Ален → Алена);</li>
 *   <li>a word the Russian dictionary reads as an adjective, verb or other part of speech (Белый, Мирный), as a
 *       living being (Орёл, Сокол) or as a form of another word (Луга = луга of луг), a word of LanguageTool's
 *       list of common Russian words (Мост, Море), and a name one of whose case forms is another word (Трой →
 *       Трое) is a common word.</li>
 * </ol>
 */
final class NameCautions {

    private static final String RESOURCE = "/org/medkg/gazetteer/name-cautions.txt";
    /** The ten thousand commonest Russian word forms, shipped with LanguageTool's Russian dictionaries. */
    private static final String COMMON_WORDS = "/org/languagetool/resource/ru/common_words.txt";
    /** Names this short are too often acronyms or what is left of a longer word without its suffix (Ири of Ирина). */
    private static final int LONGEST_SHORT_NAME = 3;
    private static final List<String> PERSON_NAME_TAGS = List.of("Fam", "Name", "Patr");

    private final RussianMorphology morphology;
    private final NameLexicon names;
    private final RussianPlaceForms forms;
    private final Map<String, Caution> listed = new HashMap<>();
    private final Set<String> commonWords = new HashSet<>();

    NameCautions(RussianMorphology morphology, NameLexicon names) {
        this.morphology = morphology;
        this.names = names;
        this.forms = RussianPlaceForms.get();
        try (InputStream in = NameCautions.class.getResourceAsStream(COMMON_WORDS)) {
            if (in == null) {
                throw new IllegalStateException("LanguageTool's list of common Russian words is missing: " + COMMON_WORDS);
            }
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(word -> commonWords.add(key(word)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (DataLines.Line line : DataLines.read(NameCautions.class, RESOURCE)) {
            String[] columns = line.text().split("\\s+", 2);
            Caution caution = columns.length < 2 ? null : switch (columns[0]) {
                case "?" -> Caution.COMMON_WORD;
                case "*" -> Caution.PERSON_NAME;
                default -> null;
            };
            if (caution == null) {
                throw line.error("expected `? NAME` or `* NAME`");
            }
            listed.put(key(columns[1]), caution);
        }
    }

    Caution of(String name) {
        Caution caution = listed.get(key(name));
        if (caution != null) {
            return caution;
        }
        if (name.contains(" ")) {
            return Caution.NONE; // a name of several words is no word (Нижний Новгород)
        }
        if (names.isGivenName(name) || name.codePoints().filter(Character::isLetter).count() <= LONGEST_SHORT_NAME) {
            return Caution.PERSON_NAME;
        }
        String lower = key(name);
        Caution strictest = Caution.NONE;
        for (RussianMorphology.Analysis reading : morphology.analyze(name)) {
            strictest = stricter(strictest, reading.has("Fam") ? Caution.PERSON_NAME : otherWord(reading, lower));
        }
        if (commonWords.contains(lower)) {
            strictest = stricter(strictest, Caution.COMMON_WORD);
        }
        // A case form may be another word: Ален → Алена (Алёна, a given name), Трой → Трое (a numeral).
        for (String form : forms.nounForms(name)) {
            if (!form.equals(lower)) {
                for (RussianMorphology.Analysis reading : morphology.analyze(form)) {
                    String lemma = key(reading.lemma());
                    // Мурманском is also a form of мурманский, the city's own adjective
                    boolean ownAdjective = lemma.startsWith(lower) && lemma.endsWith("ий");
                    if (!lemma.equals(lower) && !ownAdjective) {
                        strictest = stricter(strictest, PERSON_NAME_TAGS.stream().anyMatch(reading::has)
                                ? Caution.PERSON_NAME : Caution.COMMON_WORD);
                    }
                }
            }
        }
        return strictest;
    }

    /** A reading that is no city: another part of speech, a living being, or a form of another word. */
    private static Caution otherWord(RussianMorphology.Analysis reading, String lower) {
        boolean personName = PERSON_NAME_TAGS.stream().anyMatch(reading::has);
        boolean other = !reading.tags().startsWith("NN") || reading.has("Anim") || !key(reading.lemma()).equals(lower);
        return personName ? Caution.NONE : other ? Caution.COMMON_WORD : Caution.NONE;
    }

    private static Caution stricter(Caution a, Caution b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
