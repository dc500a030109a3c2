package org.medkg.cli;

import org.medkg.pipeline.Converter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --base IRI}: the public address the graph's IRIs are minted under ({@code {base}id/…}, {@code {base}doc/…}),
 * shared by every command that converts or serves, so that what {@code load} minted is what {@code serve} answers.
 */
final class BaseOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    private String base = Converter.DEFAULT_BASE;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = "${env:MEDKG_BASE:-" + Converter.DEFAULT_BASE + "}",
            description = "Public base of the minted IRIs, ending with '/'. Default: $MEDKG_BASE, else "
                    + Converter.DEFAULT_BASE + ".")
    void setBase(String value) {
        if (!value.endsWith("/")) {
            throw new ParameterException(command.commandLine(), "--base must end with '/': " + value);
        }
        base = value;
    }

    String base() {
        return base;
    }
}
