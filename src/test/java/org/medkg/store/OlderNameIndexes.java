package org.medkg.store;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.jena.atlas.io.IOX;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.medkg.search.LuceneNameIndex;
import org.medkg.search.NameAnalyzer;
import org.medkg.search.NameGrams;

/**
 * The name index of a closed store written again as an earlier medkg made it: jena-text's documents (one for each
 * graph that states a name, in the first two layouts), for a test that the store indexes its names or its dates again
 * when opened.
 */
public final class OlderNameIndexes {

    private OlderNameIndexes() {
    }

    /** As medkg made it before the trigrams of fragment searches: jena-text's documents alone. */
    public static void beforeTheTrigrams(Path storeDir) throws IOException {
        write(storeDir, false, true);
    }

    /** As medkg made it before each name was indexed once: a document per graph, with its entity key. */
    public static void aDocumentPerGraph(Path storeDir) throws IOException {
        write(storeDir, true, true);
    }

    /** As medkg made it before the dates of events were indexed: names and their trigrams, no graph. */
    public static void beforeTheDates(Path storeDir) throws IOException {
        write(storeDir, true, false);
    }

    private static void write(Path storeDir, boolean entityKey, boolean perGraph) throws IOException {
        Path folder = storeDir.resolve(LuceneNameIndex.FOLDER);
        IOX.deleteAll(folder);
        EntityDefinition definition = perGraph ? new EntityDefinition("iri", "name", "graph")
                : new EntityDefinition("iri", "name");
        LuceneNameIndex.NAME_PREDICATES.forEach(predicate -> definition.set("name", predicate));
        definition.setLangField("lang");
        definition.setUidField("uid");
        TextIndexConfig config = new TextIndexConfig(definition);
        config.setAnalyzer(new NameAnalyzer());
        config.setValueStored(true);
        TextIndexLucene older = new TextIndexLucene(FSDirectory.open(folder), config) {
            @Override
            protected Document doc(Entity entity) {
                Document doc = super.doc(entity);
                if (entityKey) {
                    doc.add(new SortedDocValuesField("entity", new BytesRef(entity.getId())));
                }
                if (!perGraph) {
                    NameGrams.of(entity.get("name").toString())
                            .forEach(gram -> doc.add(new StringField("gram", gram, Field.Store.NO)));
                }
                return doc;
            }
        };
        DatasetGraph plain = DatabaseMgr.connectDatasetGraph(Location.create(storeDir));
        Txn.executeRead(plain, () -> plain.find().forEachRemaining(quad -> {
            Entity entity = TextQueryFuncs.entityFromQuad(definition, quad);
            if (entity != null) {
                older.addEntity(entity);
            }
        }));
        older.commit();
        older.close();
        TDBInternal.expel(plain);
    }
}
