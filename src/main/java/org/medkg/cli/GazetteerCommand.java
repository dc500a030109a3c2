package org.medkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.medkg.gazetteer.GazetteerBuilder;
import org.medkg.gazetteer.GeoNamesDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Gazetteer files: {@code medkg gazetteer build} makes one out of GeoNames' dump. */
@Command(name = "gazetteer", header = "Makes gazetteer files for --gazetteer.",
        subcommands = GazetteerCommand.Build.class)
public final class GazetteerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Reads GeoNames' cities and countries and writes the cities the built-in gazetteer lacks. */
    @Command(name = "build", header = "Writes a gazetteer file of cities from GeoNames' dump (cities15000, countryInfo.txt).",
            description = "Takes the cities of the region's countries above --min-population, every capital, and "
                    + "elsewhere the cities above --world-min-population, with Russian, Kazakh and English names, "
                    + "coordinates and GeoNames ids; the built-in gazetteer's cities are left out. Data from GeoNames "
                    + "(https://www.geonames.org/), CC BY 4.0.")
    static final class Build implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "PATH",
                description = "A folder holding cities15000.txt or cities15000.zip and countryInfo.txt, or the cities file.")
        private Path from;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The gazetteer file to write.")
        private Path output;

        @Option(names = "--countries", split = ",", paramLabel = "CC",
                description = "ISO codes of the region's countries. Default: KZ,UZ,KG,TJ,TM,RU,BY,UA,AZ,GE,AM,MN,CN.")
        private Set<String> countries = GazetteerBuilder.Selection.REGION;

        @Option(names = "--min-population", paramLabel = "N",
                description = "Least population of a city in the region's countries. Default: ${DEFAULT-VALUE}.")
        private long minPopulation = GazetteerBuilder.Selection.REGION_MIN_POPULATION;

        @Option(names = "--world-min-population", paramLabel = "N",
                description = "Least population of a city elsewhere (capitals are always taken). Default: ${DEFAULT-VALUE}.")
        private long worldMinPopulation = GazetteerBuilder.Selection.WORLD_MIN_POPULATION;

        @Override
        public Integer call() {
            GeoNamesDump dump;
            try {
                dump = GeoNamesDump.read(from);
            } catch (NoSuchFileException e) {
                throw new UnusableInputException(e.getFile() + ": no such file");
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                throw new UnusableInputException(e.getMessage());
            }
            GazetteerBuilder.Selection selection = new GazetteerBuilder.Selection(
                    countries.stream().map(String::toUpperCase).collect(Collectors.toSet()),
                    minPopulation, worldMinPopulation);
            GazetteerBuilder.Result result = GazetteerBuilder.standard().build(dump, selection, from.toString());
            try {
                Files.writeString(output, result.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UnusableInputException(output + ": cannot write: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + result.cities() + " cities to " + output);
            result.leftOut().forEach((why, count) -> out.println("  left out " + count + ": " + why));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
