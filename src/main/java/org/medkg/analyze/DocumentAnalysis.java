package org.medkg.analyze;

import java.util.List;
import org.medkg.document.SourceDocument;

/** What one document says: its entities and the relations between them. */
public record DocumentAnalysis(SourceDocument document, List<LocalEntity> entities, List<Relation> relations) {
}
