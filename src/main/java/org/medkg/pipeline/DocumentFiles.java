package org.medkg.pipeline;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.medkg.document.BadDocumentException;
import org.medkg.document.DocumentReaders;

/**
 * The document files named by the inputs: a file as given, a folder walked for files of the supported formats
 * (symbolic links inside it are not followed into folders, as {@code find} does not). A folder that cannot be
 * walked is named and skipped, and the walk goes on. A file of a supported format that is not a regular one — a
 * pipe, a device, a broken link — is kept, so that reading names it; files of other formats are not documents.
 */
final class DocumentFiles {

    private DocumentFiles() {
    }

    /** The files in the order of the inputs, each folder's sorted; each failure goes to {@code onFailure}. */
    static List<Path> find(List<Path> inputs, DocumentReaders readers, Consumer<BadDocumentException> onFailure) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                files.addAll(walk(input, readers, onFailure));
            } else if (Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
                files.add(input);
            } else {
                onFailure.accept(new BadDocumentException(input.toString(), "no such file or folder"));
            }
        }
        return files;
    }

    private static List<Path> walk(Path folder, DocumentReaders readers, Consumer<BadDocumentException> onFailure) {
        List<Path> files = new ArrayList<>();
        List<BadDocumentException> failures = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (readers.isSupported(file) && !Files.isDirectory(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    failures.add(BadDocumentException.cannotRead(file, e));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) {
                    if (e != null) {
                        failures.add(BadDocumentException.cannotRead(directory, e));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // the visitor above never throws, so this is the folder itself failing
            failures.add(BadDocumentException.cannotRead(folder, e));
        }
        failures.sort(Comparator.comparing(BadDocumentException::getMessage));
        failures.forEach(onFailure);
        files.sort(null);
        return files;
    }
}
