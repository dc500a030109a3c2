package org.medkg.query;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The saved queries: those shipped in medkg's jar (the project's top-level {@code queries/} folder, copied there by the
 * build), so that every command finds them from any working directory, and those of a folder of {@code .rq} files a
 * user adds, where a file named like a shipped query replaces it.
 */
public final class SavedQueries {
    public static final String EXTENSION = ".rq";
    /** Where the build puts the shipped queries on the class path. */
    private static final String SHIPPED = "/org/medkg/queries/";

    private SavedQueries() {
    }

    /** The queries shipped in the jar, by name. A broken one is a packaging bug: it fails loudly. */
    public static List<SavedQuery> shipped() {
        return Shipped.QUERIES;
    }

    /** The shipped queries and those of {@code folder} (if given), which replace shipped ones of the same name. */
    public static List<SavedQuery> available(Optional<Path> folder, Consumer<BadQueryException> onBroken)
            throws BadQueryException {
        Map<String, SavedQuery> byName = new LinkedHashMap<>();
        shipped().forEach(query -> byName.put(query.name(), query));
        if (folder.isPresent()) {
            for (SavedQuery query : load(folder.get(), onBroken)) {
                byName.put(query.name(), query);
            }
        }
        return byName.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** One saved query file; its name is the file name without {@code .rq}. */
    public static SavedQuery read(Path file) throws BadQueryException {
        requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BadQueryException(file.toString(), "not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadQueryException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
        return SavedQuery.parse(nameOf(file), file.toString(), text);
    }

    /** Every {@code .rq} file of the folder, by name; each broken one is reported and left out. */
    public static List<SavedQuery> load(Path folder, Consumer<BadQueryException> onBroken) throws BadQueryException {
        List<SavedQuery> queries = new ArrayList<>();
        for (Path file : files(folder)) {
            try {
                queries.add(read(file));
            } catch (BadQueryException e) {
                onBroken.accept(e);
            }
        }
        return List.copyOf(queries);
    }

    /**
     * A query given as a file ({@code something.rq} or any existing file), else by name: in {@code folder} (if given),
     * else among the shipped ones.
     */
    public static SavedQuery find(Optional<Path> folder, String nameOrFile) throws BadQueryException {
        requireNonNull(nameOrFile, "nameOrFile");
        Path asFile = Path.of(nameOrFile);
        if (nameOrFile.endsWith(EXTENSION) || Files.isRegularFile(asFile)) {
            if (!Files.isRegularFile(asFile)) {
                throw new BadQueryException(nameOrFile, "no such file");
            }
            return read(asFile);
        }
        if (folder.isPresent()) {
            Path file = folder.get().resolve(nameOrFile + EXTENSION);
            if (Files.isRegularFile(file)) {
                return read(file);
            }
        }
        return shipped().stream().filter(query -> query.name().equals(nameOrFile)).findFirst()
                .orElseThrow(() -> new BadQueryException(nameOrFile, "no saved query of that name"
                        + folder.map(f -> " in " + f + " or").orElse("") + " in medkg ('medkg queries' lists them)"));
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
    }

    private static List<Path> files(Path folder) throws BadQueryException {
        if (!Files.isDirectory(folder)) {
            throw new BadQueryException(folder.toString(), "no such folder of saved queries");
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(EXTENSION)).filter(Files::isRegularFile)
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadQueryException(folder.toString(), "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** The shipped queries, read once, from the jar or (in a build) from the classes folder. */
    private static final class Shipped {
        static final List<SavedQuery> QUERIES = readShipped();

        private static List<SavedQuery> readShipped() {
            URL folder = SavedQueries.class.getResource(SHIPPED);
            if (folder == null) {
                throw new IllegalStateException("no saved queries at " + SHIPPED + " on the class path: a broken build");
            }
            try {
                URI uri = folder.toURI();
                if (!uri.getScheme().equals("jar")) {
                    return readAll(Path.of(uri));
                }
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readAll(jar.getPath(SHIPPED));
                } catch (FileSystemAlreadyExistsException opened) {
                    return readAll(FileSystems.getFileSystem(uri).getPath(SHIPPED));
                }
            } catch (URISyntaxException | IOException | BadQueryException e) {
                throw new IllegalStateException("the saved queries shipped with medkg cannot be read: "
                        + e.getMessage(), e);
            }
        }

        private static List<SavedQuery> readAll(Path folder) throws BadQueryException {
            List<SavedQuery> queries = new ArrayList<>();
            for (Path file : files(folder)) {
                queries.add(read(file));
            }
            return Collections.unmodifiableList(queries);
        }
    }
}
