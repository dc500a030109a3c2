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
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line for each write (Graph Store, SPARQL Update): what it wrote to, how many bytes it sent, the answer. Never
 * the body: a 100 MB Graph Store PUT once put its whole body into the log, quoted by the parser's error message (the
 * log configuration now keeps Fuseki's parser messages out, see {@code log4j2.properties}; the client still gets them in its
 * 400).
 */
final class WriteLog implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(WriteLog.class);

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        long began = System.nanoTime();
        Counted counted = new Counted(request);
        try {
            chain.doFilter(counted, response);
        } finally {
            String query = request.getQueryString();
            LOG.info("{} {}{}: {} bytes, answered {} in {} ms", request.getMethod(), request.getRequestURI(),
                    query == null ? "" : "?" + query, Math.max(counted.bytes.get(), request.getContentLengthLong()),
                    response.getStatus(),
                    (System.nanoTime() - began) / 1_000_000);
        }
    }

    /** The request, counting the bytes of its body as they are read (a form is read by Jetty: its length counts). */
    private static final class Counted extends HttpServletRequestWrapper {
        private final AtomicLong bytes = new AtomicLong();
        private ServletInputStream stream;

        Counted(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream body = super.getInputStream();
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b >= 0) {
                            bytes.incrementAndGet();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int read = body.read(buffer, offset, length);
                        if (read > 0) {
                            bytes.addAndGet(read);
                        }
                        return read;
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }

                    @Override
                    public void close() throws IOException {
                        body.close();
                    }
                };
            }
            return stream;
        }
    }
}
