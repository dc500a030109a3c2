package org.medkg.server;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A response whose every write, flush and close goes through its request's {@link RequestWatch}: once a client has
 * its whole response it may send its next request on the same connection, and the watch must read nothing more from
 * it. Anything that sends part of a response passes here.
 */
final class WatchedResponse extends HttpServletResponseWrapper {

    /** Something that may send part of the response. */
    @FunctionalInterface
    interface Send {
        void run() throws IOException;
    }

    /** Runs a {@link Send} under the watch. */
    @FunctionalInterface
    interface Sending {
        void send(Send send) throws IOException;
    }

    private final Sending sending;
    private ServletOutputStream stream;
    private PrintWriter writer;

    WatchedResponse(HttpServletResponse response, Sending sending) {
        super(response);
        this.sending = sending;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Stream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            writer = new PrintWriter(new FilterWriter(super.getWriter()) {
                @Override
                public void write(int c) throws IOException {
                    sending.send(() -> super.write(c));
                }

                @Override
                public void write(char[] chars, int offset, int length) throws IOException {
                    sending.send(() -> super.write(chars, offset, length));
                }

                @Override
                public void write(String text, int offset, int length) throws IOException {
                    sending.send(() -> super.write(text, offset, length));
                }

                @Override
                public void flush() throws IOException {
                    sending.send(() -> super.flush());
                }

                @Override
                public void close() throws IOException {
                    sending.send(() -> super.close());
                }
            });
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        sending.send(() -> super.flushBuffer());
    }

    @Override
    public void sendError(int status) throws IOException {
        sending.send(() -> super.sendError(status));
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        sending.send(() -> super.sendError(status, message));
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        sending.send(() -> super.sendRedirect(location));
    }

    private final class Stream extends ServletOutputStream {
        private final ServletOutputStream out;

        Stream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            sending.send(() -> out.write(b));
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            sending.send(() -> out.write(bytes, offset, length));
        }

        @Override
        public void flush() throws IOException {
            sending.send(() -> out.flush());
        }

        @Override
        public void close() throws IOException {
            sending.send(() -> out.close());
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
