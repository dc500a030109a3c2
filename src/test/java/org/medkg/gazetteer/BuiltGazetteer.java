package org.medkg.gazetteer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gazetteer file built from the GeoNames extract in ../shared/geonames, made once for every test class that
 * needs it (a test calling it is skipped when the extract is absent).
 */
public final class BuiltGazetteer {

    public static final Path GEONAMES = Path.of(System.getProperty("medkg.shared", "../shared")).resolve("geonames");

    private static Path file;

    private BuiltGazetteer() {
    }

    /** The built file, written to a temporary folder. */
    public static synchronized Path file() {
        assumeTrue(Files.isDirectory(GEONAMES), "no ../shared/geonames: skipped");
        if (file == null) {
            try {
                Path folder = Files.createTempDirectory("medkg-gazetteer");
                folder.toFile().deleteOnExit();
                Path built = folder.resolve("cities.txt");
                Files.writeString(built, GazetteerBuilder.standard()
                        .build(GeoNamesDump.read(GEONAMES), GazetteerBuilder.Selection.standard(), "../shared/geonames").text());
                built.toFile().deleteOnExit();
                file = built;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /** The built-in gazetteer with the built file beside it. */
    public static Gazetteer withBuiltIn() {
        return Gazetteer.standard().with(file());
    }
}
