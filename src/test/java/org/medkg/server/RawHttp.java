package org.medkg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A request sent as a hostile client sends it, on a socket of its own: a head, then a body generated as it is sent
 * (never held in memory), with a {@code Content-Length} or in chunks. The answer is read while the body is still being
 * sent, since a server that refuses a body answers before it has it all.
 */
public final class RawHttp {
    private static final int CHUNK = 64 * 1024;

    /** What came back: the status line and headers, the start of the body, and how long it took. */
    public record Answer(int status, String head, String body, Duration took) {
        public boolean hasHeader(String name, String value) {
            return head.lines().anyMatch(line -> line.toLowerCase().startsWith(name.toLowerCase() + ":")
                    && line.substring(line.indexOf(':') + 1).strip().equalsIgnoreCase(value));
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code head} (the request line and headers, without the blank line) and a body of {@code bodyBytes}:
     * {@code start}, then {@code filler} repeated. {@code chunked} sends it in chunks, with no length.
     */
    public static Answer send(int port, String head, String start, String filler, long bodyBytes, boolean chunked)
            throws IOException, InterruptedException {
        long began = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(90).toMillis());
            OutputStream out = socket.getOutputStream();
            // One request per connection: the answer ends when the server closes it.
            String framing = "Connection: close\r\n"
                    + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + bodyBytes);
            out.write((head + "\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Thread sender = new Thread(() -> sendBody(out, body(start, filler, bodyBytes), chunked), "hostile-body");
            sender.setDaemon(true);
            sender.start();
            Answer answer = read(socket.getInputStream(), began);
            sender.interrupt();
            return answer;
        }
    }

    /** A small request with its whole body, sent at once. */
    public static Answer send(int port, String head, String body) throws IOException, InterruptedException {
        return send(port, head, body, "", body.getBytes(StandardCharsets.UTF_8).length, false);
    }

    private static InputStream body(String start, String filler, long bodyBytes) {
        byte[] first = start.getBytes(StandardCharsets.UTF_8);
        byte[] repeated = filler.isEmpty() ? new byte[] {' '} : filler.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= bodyBytes) {
                    return -1;
                }
                long at = position++;
                return at < first.length ? first[(int) at] : repeated[(int) ((at - first.length) % repeated.length)];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= bodyBytes) {
                    return -1;
                }
                int n = (int) Math.min(length, bodyBytes - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) read();
                }
                return n;
            }
        };
    }

    private static void sendBody(OutputStream out, InputStream body, boolean chunked) {
        byte[] buffer = new byte[CHUNK];
        try {
            for (int n; (n = body.read(buffer)) > 0 && !Thread.currentThread().isInterrupted(); ) {
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(buffer, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    out.write(buffer, 0, n);
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException closedByTheServer) {
            // The server answered and closed the connection before it had the whole body: what a limit does.
        }
    }

    /** Reads the status line, the headers and up to 64 KB of body (all of it when its length is given). */
    private static Answer read(InputStream in, long began) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long bodyLength = -1;
        for (int n; (n = in.read(buffer)) > 0; ) {
            received.write(buffer, 0, n);
            byte[] all = received.toByteArray();
            if (headEnd < 0) {
                headEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                if (headEnd >= 0) {
                    String head = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1);
                    bodyLength = head.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                            .mapToLong(line -> Long.parseLong(line.substring(15).strip())).findFirst().orElse(-1);
                }
            }
            if (headEnd >= 0 && (all.length - headEnd - 4 >= Math.min(bodyLength < 0 ? CHUNK : bodyLength, CHUNK))) {
                break;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        byte[] all = received.toByteArray();
        if (headEnd < 0) {
            throw new IOException("no answer, " + all.length + " bytes received after " + took);
        }
        String head = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1);
        String body = new String(Arrays.copyOfRange(all, headEnd + 4, all.length), StandardCharsets.UTF_8);
        int status = Integer.parseInt(head.substring(head.indexOf(' ') + 1, head.indexOf(' ') + 4));
        return new Answer(status, head, body, took);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
