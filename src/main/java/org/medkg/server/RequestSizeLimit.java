package org.medkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Bounds the body of every request that reads the store: a SPARQL query posted as {@code application/sparql-query}
 * or as a form, a saved query's form, anything posted to the pages. A body over the limit is answered 413 before it is
 * read, from its {@code Content-Length}; a body sent in chunks, with no length, is read up to the limit and no further.
 * Without this a 100 MB form was a 500 with a stack trace in the log, and a 100 MB query went unanswered for minutes
 * while the server read and parsed it.
 *
 * <p>The editor's writes (Graph Store, SPARQL Update) are not bounded: they carry whole documents, and only an
 * authenticated user reaches them.
 */
final class RequestSizeLimit implements Filter {
    private final long maxBytes;
    /** Request paths whose bodies are not bounded: the write endpoints. */
    private final Set<String> unbounded;

    RequestSizeLimit(long maxBytes, Set<String> unbounded) {
        this.maxBytes = maxBytes;
        this.unbounded = Set.copyOf(unbounded);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (unbounded.contains(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > maxBytes) {
            refuse(response);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            if (isForm(request)) {
                // Jetty parses a form itself, from the connection, under the context's limit (this one): parsed here,
                // its failure is answered here, instead of inside Fuseki as a 500.
                try {
                    if (request.getCharacterEncoding() == null) {
                        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    }
                    request.getParameterMap();
                } catch (RuntimeException tooLarge) {
                    refuse(response);
                    return;
                }
            } else {
                byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (body.length > maxBytes) {
                    refuse(response);
                    return;
                }
                request = new ReadBody(request, body);
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    /** 413, closing the connection so that the rest of the body is never read. */
    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().println("medkg: the body of this request is larger than the server's limit of " + maxBytes
                + " bytes for queries and forms");
    }

    /** A request whose body has been read (it was under the limit): it is read again from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
                    : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
