package org.medkg.recognize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.medkg.document.SourceDocument;
import org.medkg.gazetteer.Gazetteer;
import org.medkg.lang.NameLexicon;
import org.medkg.lang.ru.RussianMorphology;

/** The standard set of recognizers, one per kind of mention. */
public final class Recognizers {

    private Recognizers() {
    }

    public static Function<SourceDocument, List<Recognizer>> standard() {
        return standard(PlaceRecognizer.standard());
    }

    /** The standard recognizers with the places of another gazetteer (the built-in one and a built file). */
    public static Function<SourceDocument, List<Recognizer>> standard(Gazetteer gazetteer) {
        return standard(gazetteer == Gazetteer.standard() ? PlaceRecognizer.standard() : PlaceRecognizer.create(gazetteer));
    }

    private static Function<SourceDocument, List<Recognizer>> standard(PlaceRecognizer places) {
        RussianMorphology morphology = RussianMorphology.get();
        List<Recognizer> shared = List.of(
                new PersonRecognizer(NameLexicon.get(), morphology),
                new OrganizationRecognizer(morphology, places),
                new EventRecognizer(morphology),
                places);
        DateRecognizer dates = new DateRecognizer();
        return document -> {
            List<Recognizer> all = new ArrayList<>(shared);
            all.add(document.published() == null ? dates : dates.withReferenceDate(document.published()));
            return all;
        };
    }
}
