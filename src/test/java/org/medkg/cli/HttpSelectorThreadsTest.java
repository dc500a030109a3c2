package org.medkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HttpSelectorThreadsTest {

    @Test
    void aClientsSelectorThreadIsFoundByItsNameAndEndsWhenInterruptedSoTheJvmNeedNotWaitForItAtExit() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            // only this client's selector is stopped here: other tests' clients in this JVM go on
            Set<Thread> before = selectorThreads();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("ok", answer.body());
            Set<Thread> selectors = selectorThreads();
            selectors.removeAll(before);
            // the JDK still names its selector threads so: else stop() finds nothing and exits are slow again
            assertFalse(selectors.isEmpty(), "no HTTP client selector thread found by its name");

            selectors.forEach(Thread::interrupt);

            for (Thread selector : selectors) {
                selector.join(10_000);
                assertFalse(selector.isAlive(), selector.getName() + " still runs");
            }
        } finally {
            server.stop(0);
        }
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(HttpSelectorThreads::isSelector)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
