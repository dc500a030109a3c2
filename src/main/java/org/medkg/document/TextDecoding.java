package org.medkg.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of a text format to a string, strictly: NUL bytes mean a binary file; bytes that are not UTF-8 are
 * decoded as windows-1251 only when that gives plausible Russian (nearly every non-ASCII byte a Cyrillic letter,
 * mostly lower case), otherwise the file is refused. A byte-order mark is dropped; a UTF-16 one selects UTF-16.
 */
final class TextDecoding {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private TextDecoding() {
    }

    static String decode(String file, byte[] bytes) throws BadDocumentException {
        if (hasUtf16ByteOrderMark(bytes)) {
            try {
                return strict(StandardCharsets.UTF_16, bytes);
            } catch (CharacterCodingException e) {
                throw new BadDocumentException(file, "not valid UTF-16 although it starts with a UTF-16 byte-order mark");
            }
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadDocumentException(file, "binary file, not text (NUL byte at offset " + i + ")");
            }
        }
        try {
            return strict(StandardCharsets.UTF_8, bytes).replace("\uFEFF", "");
        } catch (CharacterCodingException notUtf8) {
            if (looksLikeWindows1251(bytes)) {
                return new String(bytes, WINDOWS_1251);
            }
            throw new BadDocumentException(file, "not valid UTF-8 (byte 0x%02X at offset %d) and not Russian windows-1251"
                    .formatted(bytes[firstInvalidUtf8(bytes)] & 0xFF, firstInvalidUtf8(bytes)));
        }
    }

    /** Notepad's "Unicode": NUL bytes there are half characters, not a sign of a binary file. */
    private static boolean hasUtf16ByteOrderMark(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF);
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** In windows-1251, 0xC0–0xFF are А–я and 0xA8/0xB8 are Ё/ё; Russian text is mostly lower case (0xE0–0xFF). */
    private static boolean looksLikeWindows1251(byte[] bytes) {
        int high = 0;
        int letters = 0;
        int lowerCase = 0;
        for (byte b : bytes) {
            int u = b & 0xFF;
            if (u >= 0x80) {
                high++;
                if (u >= 0xC0 || u == 0xA8 || u == 0xB8) {
                    letters++;
                    lowerCase += u >= 0xE0 || u == 0xB8 ? 1 : 0;
                }
            }
        }
        return high > 0 && letters >= 0.95 * high && lowerCase >= 0.6 * letters;
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return Math.min(in.position(), bytes.length - 1);
    }
}
