package org.medkg.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.medkg.pipeline.ConvertedDocument;
import org.medkg.pipeline.Converter;
import org.medkg.rdf.MKG;
import org.medkg.resolve.Transliteration;
import org.medkg.text.DataLines;

/**
 * The surnames of the scaled corpus: those medkg itself finds in the original documents, each made different in
 * every copy by a prefix of syllables that writes the copy's number (Григорьевой → Бумагригорьевой). The prefix goes
 * before the surname so that its case ending stays as the sentence needs it.
 */
final class NameVariants {
    private static final String SYLLABLES = "/org/medkg/bench/surname-syllables.txt";
    /** Endings cut from a nominative surname to reach the stem its other cases share (Григорьева → Григорьев). */
    private static final Pattern NOMINATIVE_ENDING = Pattern.compile("(?:ий|ый|ая|а|я|ь|й)$");
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}\\p{M}]+");
    private static final String PERSON_PATH = "id/person/";
    /** Shorter stems would begin too many other words. */
    private static final int MIN_STEM = 4;

    private record Syllable(String cyrillic, String latin) {
    }

    private final Set<String> stems;
    private final List<Syllable> digits;

    private NameVariants(Set<String> stems, List<Syllable> digits) {
        this.stems = Set.copyOf(stems);
        this.digits = List.copyOf(digits);
    }

    /** The surnames medkg finds in {@code sources}, with the syllables in the order {@code seed} gives them. */
    static NameVariants foundIn(List<Path> sources, long seed) {
        Set<String> stems = new TreeSet<>();
        for (ConvertedDocument document : Converter.standard().convert(sources, failure -> { })) {
            surnames(document.graph()).stream().map(NameVariants::stem).filter(stem -> stem.length() >= MIN_STEM)
                    .forEach(stems::add);
        }
        List<Syllable> syllables = new ArrayList<>(DataLines.entries(NameVariants.class, SYLLABLES).stream()
                .map(line -> line.split(" ")).map(parts -> new Syllable(parts[0], parts[1])).toList());
        Collections.shuffle(syllables, new Random(seed));
        return new NameVariants(stems, syllables);
    }

    /** Whether {@code stem} begins the forms of a surname found. */
    boolean isSurnameStem(String stem) {
        return stems.contains(stem);
    }

    /** The surname form {@code word} as copy {@code copy} spells it; copy 0 keeps the originals. */
    String variant(String word, int copy) {
        if (copy == 0) {
            return word;
        }
        boolean latin = word.codePoints().filter(Character::isLetter).allMatch(c -> c < 0x0250);
        StringBuilder prefix = new StringBuilder();
        for (int rest = copy; rest > 0; rest /= digits.size()) {
            Syllable digit = digits.get(rest % digits.size());
            prefix.insert(0, latin ? digit.latin() : digit.cyrillic());
        }
        String capitalized = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1);
        return capitalized + Character.toLowerCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * The words of the persons' labels that are their surnames: those whose spelling-neutral key is the surname
     * key of the person's IRI ({@code id/person/klodzinski-a} → Клодзинский, Klodzinsky).
     */
    private static Set<String> surnames(Graph graph) {
        Set<String> surnames = new TreeSet<>();
        for (Triple typed : graph.find(Node.ANY, RDF.type.asNode(), MKG.Person).toList()) {
            Node person = typed.getSubject();
            String iri = person.getURI();
            int at = iri.indexOf(PERSON_PATH);
            if (at < 0) {
                continue;
            }
            String key = iri.substring(at + PERSON_PATH.length()).replaceFirst("-[a-z]$", "");
            for (Node property : List.of(RDFS.label.asNode(), SKOS.altLabel.asNode())) {
                graph.find(person, property, Node.ANY).forEachRemaining(label -> {
                    var words = NAME_WORD.matcher(label.getObject().getLiteralLexicalForm());
                    while (words.find()) {
                        String word = words.group();
                        if (word.length() > 2 && Character.isUpperCase(word.charAt(0))
                                && Transliteration.key(word).equals(key)) {
                            surnames.add(word);
                        }
                    }
                });
            }
        }
        return surnames;
    }

    private static String stem(String surname) {
        return NOMINATIVE_ENDING.matcher(surname).replaceFirst("");
    }
}
