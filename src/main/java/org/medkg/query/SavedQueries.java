package org.medkg.query;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The saved queries of a folder of {@code .rq} files (by default {@code queries/} in the working directory). */
public final class SavedQueries {
    /** The system property that moves the default folder. */
    public static final String FOLDER_PROPERTY = "medkg.queries";
    public static final String EXTENSION = ".rq";

    private SavedQueries() {
    }

    /** The folder given by the system property {@value #FOLDER_PROPERTY}, else {@code queries}. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty(FOLDER_PROPERTY, "queries"));
    }

    /** One saved query file; its name is the file name without {@code .rq}. */
    public static SavedQuery read(Path file) throws BadQueryException {
        requireNonNull(file, "file");
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new BadQueryException(file.toString(), "not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadQueryException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
        return SavedQuery.parse(name, file.toString(), text);
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
     * A query given as a file ({@code something.rq} or any existing file) or as the name of a query in the folder.
     */
    public static SavedQuery find(Path folder, String nameOrFile) throws BadQueryException {
        requireNonNull(nameOrFile, "nameOrFile");
        Path asFile = Path.of(nameOrFile);
        if (nameOrFile.endsWith(EXTENSION) || Files.isRegularFile(asFile)) {
            if (!Files.isRegularFile(asFile)) {
                throw new BadQueryException(nameOrFile, "no such file");
            }
            return read(asFile);
        }
        Path file = folder.resolve(nameOrFile + EXTENSION);
        if (!Files.isRegularFile(file)) {
            throw new BadQueryException(nameOrFile, "no saved query of that name in " + folder
                    + " ('medkg queries' lists them)");
        }
        return read(file);
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
}
