package org.medkg.recognize;

import java.util.function.Consumer;
import org.medkg.lang.Language;

/** Finds mentions of one kind of thing in a document's text and pushes them into a sink. */
public interface Recognizer {
    void recognize(String text, Language language, Consumer<Mention> sink);
}
