package org.medkg.cli;

import java.nio.file.Path;
import org.medkg.gazetteer.Gazetteer;
import picocli.CommandLine.Option;

/**
 * {@code --gazetteer FILE}: a gazetteer file made by {@code medkg gazetteer build}, whose places are recognized
 * beside the built-in ones, shared by every command that converts documents.
 */
final class GazetteerOption {

    static final String VARIABLE = "MEDKG_GAZETTEER";

    @Option(names = "--gazetteer", paramLabel = "FILE", defaultValue = "${env:" + VARIABLE + ":-}",
            description = "More places, from `medkg gazetteer build`, beside the built-in gazetteer. "
                    + "Default: $" + VARIABLE + ", else the built-in one alone.")
    private String file;

    private Gazetteer gazetteer;

    /** The built-in gazetteer, with the file's places when one is given; read once. */
    Gazetteer gazetteer() {
        if (gazetteer == null) {
            try {
                gazetteer = file == null || file.isBlank() ? Gazetteer.standard() : Gazetteer.standard().with(Path.of(file));
            } catch (IllegalStateException e) {
                throw new UnusableInputException("gazetteer " + e.getMessage());
            }
        }
        return gazetteer;
    }
}
