package org.medkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LoadClientsTest {

    @Test
    void aRequestWithoutAnAnswerIsCountedWithWhatTheClientWasTold() throws Exception {
        URI nobodyListens = URI.create("http://127.0.0.1:" + closedPort() + "/page/id/place/kazakhstan");

        LoadClients.Stats stats = new LoadClients(1, Duration.ofSeconds(1))
                .oneAtATime(List.of(HttpRequest.newBuilder(nobodyListens), HttpRequest.newBuilder(nobodyListens)));

        assertEquals(2, stats.errors());
        assertEquals(2L, stats.failures().get(0));
        assertEquals(2L, stats.noAnswers().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(stats.noAnswers().keySet().stream().allMatch(reason -> reason.startsWith("ConnectException")),
                stats.noAnswers().toString());
        assertTrue(stats.cell().contains("2 of 2 failed {0=2} (no answer: {ConnectException"), stats.cell());
    }

    @Test
    void aRedirectedRequestLeavesNoTimerThatAbortsALaterOne() throws Exception {
        // as the server answers a description: a 303 with no body, then the document in chunks
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/id/person/x", exchange -> {
            exchange.getResponseHeaders().add("Location", "/data/id/person/x.ttl");
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
        });
        byte[] turtle = "<x> <y> \"z\" .\n".repeat(400).getBytes(StandardCharsets.UTF_8);
        server.createContext("/data/id/person/x.ttl", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(turtle);
            }
        });
        server.start();
        try {
            URI description = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/id/person/x");

            LoadClients.Stats stats = new LoadClients(4, Duration.ofSeconds(3), Duration.ofMillis(300))
                    .run(HttpRequest.newBuilder(description).header("Accept", "text/turtle"));

            assertTrue(stats.requests() > 100, stats.cell());
            assertEquals(0, stats.errors(), stats.cell());
        } finally {
            server.stop(0);
        }
    }

    /** A loopback port that was free a moment ago and that nothing listens on now. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
