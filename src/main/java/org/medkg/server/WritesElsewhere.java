package org.medkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * For a server in front of a remote store: a write sent to it (SPARQL Update, a Graph Store PUT, POST or DELETE) is
 * answered 405 with where to write instead, rather than Fuseki's bare 404 for an endpoint it does not have. Writes
 * are not forwarded: the store's own server decides who may write, and {@code load --endpoint} writes there directly.
 */
final class WritesElsewhere implements Filter {
    private static final Set<String> WRITE_ENDPOINTS = Set.of(MedkgServer.DATASET + "/update", MedkgServer.DATASET + "/data");
    private static final Set<String> WRITE_METHODS = Set.of("PUT", "DELETE", "PATCH");

    private final String storeUrl;

    WritesElsewhere(String storeUrl) {
        this.storeUrl = storeUrl;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        String path = request.getRequestURI();
        if (WRITE_ENDPOINTS.contains(path) || WRITE_METHODS.contains(request.getMethod())) {
            HttpServletResponse response = (HttpServletResponse) servletResponse;
            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            response.setHeader("Allow", "GET, HEAD, POST");
            response.setContentType("text/plain");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().println("medkg: this server reads the store at " + storeUrl + " and writes nothing: "
                    + "write to that store (medkg load --endpoint " + storeUrl + " …)");
            return;
        }
        chain.doFilter(servletRequest, servletResponse);
    }
}
