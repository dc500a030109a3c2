package org.medkg.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.medkg.lang.Language;

/** Reads a document of any supported format, chosen by file extension. (Bootstrap version: plain text only.) */
public final class DocumentReaders {

    private static final DocumentReaders STANDARD = new DocumentReaders();

    public static DocumentReaders standard() {
        return STANDARD;
    }

    public boolean isSupported(Path path) {
        return path.getFileName().toString().endsWith(".txt") || path.getFileName().toString().endsWith(".md");
    }

    public SourceDocument read(Path path) throws BadDocumentException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new BadDocumentException(path.toString(), "cannot read: " + e.getMessage(), e);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new SourceDocument(path.toString(), sha256(bytes), Language.RU, null, null, text);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
