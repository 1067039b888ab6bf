package fr.recouvrement.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public registers as the drills see them, on the loopback (JDK HTTP server): the company registry's
 * {@code /search?q=SIREN} and BODACC's records. Up, every company is active in Paris and BODACC knows no procedure;
 * down, every request is answered {@code 503} or {@code 429}, in turn.
 */
final class RegistryStub implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private volatile boolean down;

    RegistryStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "drill-registry");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void down(boolean down) {
        this.down = down;
    }

    long requests() {
        return requests.get();
    }

    long refusals() {
        return refusals.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (down) {
                int status = refusals.incrementAndGet() % 2 == 0 ? 429 : 503;
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            String body;
            if (exchange.getRequestURI().getPath().startsWith("/search")) {
                String siren = URLDecoder.decode(query.substring(query.indexOf("q=") + 2).split("&")[0],
                        StandardCharsets.UTF_8);
                body = """
                        {"results": [{"siren": "%s", "nom_complet": "CLIENT %s", "etat_administratif": "A",
                          "siege": {"adresse": "1 RUE DU COMMERCE 75011 PARIS", "code_postal": "75011",
                                    "libelle_commune": "PARIS"}}]}""".formatted(siren, siren);
            } else {
                body = "{\"total_count\": 0, \"results\": []}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
