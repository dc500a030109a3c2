package org.medkg.analyze;

import java.util.Set;
import java.util.TreeSet;

/** A document's relations as an analyst reads them: "subject | property | object", objects by label. */
final class AnalysisFacts {

    private AnalysisFacts() {
    }

    static Set<String> of(DocumentAnalysis analysis) {
        Set<String> facts = new TreeSet<>();
        for (Relation r : analysis.relations()) {
            facts.add(r.subject().label() + " | " + r.property() + " | "
                    + (r.object() != null ? r.object().label() : r.literal()));
        }
        return facts;
    }
}
