package org.medkg.lang.ru;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.medkg.lang.WordCache;

/**
 * Russian word forms from the morfologik dictionaries that LanguageTool ships: analysis (form → lemma + tags)
 * and synthesis (lemma + tags → form). Tags look like {@code NN:Fam:Fem:Sin:Nom}; see LanguageTool's
 * {@code tags_russian.txt}. Lookups are lower case; the dictionaries are loaded once.
 */
public final class RussianMorphology {

    /** One reading of a word form. */
    public record Analysis(String lemma, String tags) {
        public boolean has(String tag) {
            for (String part : tags.split(":")) {
                if (part.equals(tag)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String RESOURCES = "/org/languagetool/resource/ru/";
    private static final int CACHED_WORDS = 100_000;
    private static final RussianMorphology INSTANCE = new RussianMorphology();

    private final Dictionary analysisDictionary;
    private final Dictionary synthesisDictionary;
    // DictionaryLookup is not thread safe: one per thread.
    private final ThreadLocal<DictionaryLookup> analysis;
    private final ThreadLocal<DictionaryLookup> synthesis;
    private final WordCache<List<Analysis>> analyses = new WordCache<>(this::lookUp, CACHED_WORDS);

    private RussianMorphology() {
        analysisDictionary = load("russian.dict");
        synthesisDictionary = load("russian_synth.dict");
        analysis = ThreadLocal.withInitial(() -> new DictionaryLookup(analysisDictionary));
        synthesis = ThreadLocal.withInitial(() -> new DictionaryLookup(synthesisDictionary));
    }

    public static RussianMorphology get() {
        return INSTANCE;
    }

    private static Dictionary load(String name) {
        URL url = RussianMorphology.class.getResource(RESOURCES + name);
        if (url == null) {
            throw new IllegalStateException("Russian dictionary missing from the class path: " + name);
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Russian dictionary " + name, e);
        }
    }

    /** All readings of a word form; empty when the dictionary does not know it. */
    public List<Analysis> analyze(String word) {
        return analyses.get(word.toLowerCase(Locale.ROOT).replace('ё', 'е'));
    }

    private List<Analysis> lookUp(String key) {
        List<Analysis> result = new ArrayList<>();
        for (WordData data : analysis.get().lookup(key)) {
            result.add(new Analysis(String.valueOf(data.getStem()), String.valueOf(data.getTag())));
        }
        return List.copyOf(result);
    }

    /** The forms of a lemma that carry exactly these tags, e.g. ("нестеров", "NN:Fam:Fem:Sin:Nom") → нестерова. */
    public List<String> synthesize(String lemma, String tags) {
        List<String> forms = new ArrayList<>();
        for (WordData data : synthesis.get().lookup(lemma.toLowerCase(Locale.ROOT) + "|" + tags)) {
            forms.add(String.valueOf(data.getStem()));
        }
        return forms;
    }
}
