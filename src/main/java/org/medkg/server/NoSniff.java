package org.medkg.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * {@code X-Content-Type-Options: nosniff} on every response of the server, so that no browser takes a text answer
 * that quotes the request (a 404 naming the path, a parse error quoting the query) for HTML or script. Put on each
 * request as it comes in, before any part of the site sees it; and again on the error pages Jetty writes itself, for
 * which it may have cleared the headers, and on the answers to requests it cannot even parse.
 */
final class NoSniff extends Handler.Wrapper {
    static final HttpField HEADER = new HttpField("X-Content-Type-Options", "nosniff");

    private NoSniff(Handler site) {
        super(site);
    }

    /** Puts the header on every answer of {@code server}: wraps its handler and replaces its error handlers. */
    static void onEveryResponse(Server server) {
        server.setHandler(new NoSniff(server.getHandler()));
        server.setErrorHandler(new Errors());
        for (org.eclipse.jetty.server.handler.ContextHandler context
                : server.getDescendants(org.eclipse.jetty.server.handler.ContextHandler.class)) {
            if (context.getErrorHandler() instanceof ErrorHandler errors) {
                context.setErrorHandler(new ErrorsOf(errors));
            }
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HEADER);
        return super.handle(request, response, callback);
    }

    /** Jetty's own error pages, and its answers to requests it cannot parse, with the header. */
    private static final class Errors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            response.getHeaders().put(HEADER);
            return super.handle(request, response, callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HEADER);
            return super.badMessageError(status, reason, fields);
        }
    }

    /** A context's own error handler (Fuseki's), with the header. */
    private static final class ErrorsOf implements Request.Handler {
        private final Request.Handler errors;

        ErrorsOf(Request.Handler errors) {
            this.errors = errors;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            response.getHeaders().put(HEADER);
            return errors.handle(request, response, callback);
        }
    }
}
