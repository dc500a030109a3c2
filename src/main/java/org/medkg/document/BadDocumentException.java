package org.medkg.document;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A document that cannot be read; the message names the file and says what is wrong with it. */
public class BadDocumentException extends Exception {
    public BadDocumentException(String file, String problem) {
        super(file + ": " + problem);
    }

    public BadDocumentException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    /** A file or folder the system would not open, with the reason in a few words (the path is named once). */
    public static BadDocumentException cannotRead(Path path, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = Files.isSymbolicLink(path) ? "broken symbolic link" : "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            reason = fileSystem.getReason();
        } else {
            reason = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        String what = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "cannot read folder: " : "cannot read: ";
        return new BadDocumentException(path.toString(), what + reason, e);
    }
}
