package org.medkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The watch over a connection, on a real Jetty on a loopback port: it must never read what a client that stays
 * sends next. A keep-alive client sends its next request as soon as it has its whole response, and a servlet may go
 * on working after that (Fuseki logs and ends its transaction; a page closes its writer and returns): the watchdog,
 * looking ten times a second, would then take the first byte of the next request, which Jetty answered with 501.
 */
@Timeout(60)
class RequestWatchTest {
    /** How long the servlet lingers after its response is complete: several of the watchdog's looks. */
    private static final long LINGER_MILLIS = 700;

    private final DatasetGraph store = DatabaseMgr.createDatasetGraph();
    private final QueryWatchdog watchdog = new QueryWatchdog(Duration.ofSeconds(30), store);
    private Server jetty;
    private int port;

    @BeforeEach
    void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(watchdog.filter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                RequestWatch.of(request).reads(store);
                response.setContentType("text/plain");
                try (Writer out = response.getWriter()) {
                    out.write(request.getRequestURI());
                }
                try {
                    Thread.sleep(LINGER_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }), "/*");
        jetty.setHandler(context);
        jetty.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
        watchdog.close();
    }

    @Test
    void theNextRequestOnAKeptConnectionIsLeftWhole() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String path : new String[] {"/first", "/second", "/third"}) {
                out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String status = in.readLine();
                int length = -1;
                for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                    if (header.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring("content-length:".length()).strip());
                    }
                }
                assertEquals("HTTP/1.1 200 OK", status, path);
                assertTrue(length > 0, path + ": a body of known length, so the client may go on at once");
                char[] body = new char[length];
                assertEquals(length, in.read(body, 0, length));
                assertEquals(path, new String(body));
            }
        }
    }
}
