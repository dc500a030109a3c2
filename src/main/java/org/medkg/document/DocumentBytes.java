package org.medkg.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The bytes of a document file, read only from a regular file (a symbolic link to one is fine) and never more
 * than a limit: a file larger than the limit is refused before it is opened, and the read stops one byte past the
 * limit in case the file grew meanwhile. A pipe or device is refused without being opened, since opening a pipe
 * waits for a writer and a device such as {@code /dev/zero} never ends.
 */
final class DocumentBytes {

    private DocumentBytes() {
    }

    static byte[] read(Path path, DocumentFormat format, ReadingLimits limits) throws BadDocumentException {
        String file = path.toString();
        long limit = limits.maxBytes(format);
        BasicFileAttributes attributes = attributes(path);
        if (attributes.isDirectory()) {
            throw new BadDocumentException(file, "cannot read: is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new BadDocumentException(file, "cannot read: not a regular file (a device, pipe or socket)");
        }
        if (attributes.size() > limit) {
            throw tooLarge(file, attributes.size(), limit, format);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) limit + 1);
        } catch (IOException e) {
            throw BadDocumentException.cannotRead(path, e);
        }
        if (bytes.length > limit) {
            throw tooLarge(file, bytes.length, limit, format);
        }
        return bytes;
    }

    /** The attributes of what the path leads to, following symbolic links. */
    private static BasicFileAttributes attributes(Path path) throws BadDocumentException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw BadDocumentException.cannotRead(path, e);
        }
    }

    private static BadDocumentException tooLarge(String file, long size, long limit, DocumentFormat format) {
        return new BadDocumentException(file, "too large: " + ReadingLimits.size(size) + ", more than the limit of "
                + ReadingLimits.size(limit) + " for " + format.name() + " files ("
                + ReadingLimits.byteLimitOption(format) + ")");
    }
}
