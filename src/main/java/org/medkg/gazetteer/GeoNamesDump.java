package org.medkg.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The rows of GeoNames' own dump files, read as published (https://www.geonames.org/, CC BY 4.0): a cities file
 * ({@code cities15000.txt} or the zip it comes in) and {@code countryInfo.txt}. A file that does not have the
 * dump's shape is an error naming the file and line.
 */
public final class GeoNamesDump {

    /** One row of a cities file: the columns medkg uses. */
    public record City(String geonameId, String name, String asciiName, List<String> alternateNames,
                       double latitude, double longitude, String featureCode, String countryCode, long population) {
        public City {
            alternateNames = List.copyOf(alternateNames);
        }
    }

    /** One row of countryInfo.txt: ISO code, English name, capital and the country's GeoNames id. */
    public record Country(String isoCode, String name, String capital, String geonameId) {
    }

    private static final int CITY_COLUMNS = 19;
    private static final int COUNTRY_COLUMNS = 17;
    private static final String CITIES_FILE = "cities15000";
    private static final String COUNTRIES_FILE = "countryInfo.txt";

    private final List<City> cities;
    private final List<Country> countries;

    private GeoNamesDump(List<City> cities, List<Country> countries) {
        this.cities = List.copyOf(cities);
        this.countries = List.copyOf(countries);
    }

    /**
     * Reads a folder holding {@code cities15000.txt} (or {@code cities15000.zip}) and {@code countryInfo.txt}, or a
     * cities file itself ({@code .txt} or {@code .zip}) with {@code countryInfo.txt} beside it.
     */
    public static GeoNamesDump read(Path from) throws IOException {
        if (!Files.exists(from)) {
            throw new IllegalArgumentException(from + ": no such file or folder");
        }
        Path folder = Files.isDirectory(from) ? from : from.toAbsolutePath().getParent();
        Path citiesFile = Files.isDirectory(from) ? citiesFileIn(from) : from;
        Path countriesFile = folder.resolve(COUNTRIES_FILE);
        if (!Files.isRegularFile(countriesFile)) {
            throw new IllegalArgumentException(countriesFile + ": no such file (GeoNames' countryInfo.txt is needed)");
        }
        return new GeoNamesDump(readCities(citiesFile), readCountries(countriesFile));
    }

    public List<City> cities() {
        return cities;
    }

    public List<Country> countries() {
        return countries;
    }

    private static Path citiesFileIn(Path folder) {
        for (String extension : List.of(".txt", ".zip")) {
            Path file = folder.resolve(CITIES_FILE + extension);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalArgumentException(folder + ": holds neither " + CITIES_FILE + ".txt nor " + CITIES_FILE + ".zip");
    }

    static List<City> readCities(Path file) throws IOException {
        if (file.getFileName().toString().endsWith(".zip")) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (entry.getName().endsWith(".txt") && !entry.getName().contains("/")) {
                        return readCities(zip, file + "!" + entry.getName());
                    }
                }
            }
            throw new IllegalArgumentException(file + ": the zip holds no cities .txt file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return readCities(in, file.toString());
        }
    }

    private static List<City> readCities(InputStream in, String source) throws IOException {
        List<City> cities = new ArrayList<>();
        int number = 0;
        for (String line : lines(in)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < CITY_COLUMNS) {
                throw new IllegalArgumentException(source + ":" + number + ": expected " + CITY_COLUMNS
                        + " tab-separated columns of a GeoNames cities file, got " + columns.length);
            }
            try {
                List<String> alternates = columns[3].isEmpty() ? List.of() : List.of(columns[3].split(","));
                cities.add(new City(columns[0], columns[1], columns[2], alternates,
                        Double.parseDouble(columns[4]), Double.parseDouble(columns[5]), columns[7], columns[8],
                        columns[14].isEmpty() ? 0 : Long.parseLong(columns[14])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + number + ": not a number where GeoNames has one: "
                        + e.getMessage());
            }
        }
        if (cities.isEmpty()) {
            throw new IllegalArgumentException(source + ": holds no city");
        }
        return cities;
    }

    static List<Country> readCountries(Path file) throws IOException {
        List<Country> countries = new ArrayList<>();
        int number = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (String line : lines(in)) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length < COUNTRY_COLUMNS || !columns[0].matches("[A-Z]{2}")) {
                    throw new IllegalArgumentException(file + ":" + number
                            + ": not a row of GeoNames' countryInfo.txt (ISO code, ISO3, …, geonameid)");
                }
                countries.add(new Country(columns[0], columns[4], columns[5], columns[16]));
            }
        }
        return countries;
    }

    private static List<String> lines(InputStream in) throws IOException {
        // Not closed here: a zip stream stays open for its caller.
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return reader.lines().toList();
    }
}
