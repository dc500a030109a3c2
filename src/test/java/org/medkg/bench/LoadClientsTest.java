package org.medkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
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

    /** A loopback port that was free a moment ago and that nothing listens on now. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
