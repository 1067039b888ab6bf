package fr.recouvrement.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * One node: the packaged jar started as a JVM of its own ({@code java -jar}) in production mode, on a fixed HTTP port
 * kept across restarts, its output appended to {@code <directory>/node.log}. The harness talks to it through
 * {@code /api} and {@code /engine-rest} as its administrator.
 */
final class Node implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String PASSWORD = "Dr1ll-Admin-Pass";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Path jar;
    private final Path directory;
    private final Map<String, String> settings;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private Process process;
    private int starts;
    /** CPU time of this node's earlier JVMs (killed or stopped), in seconds. */
    private double earlierCpu;

    Node(String name, Path jar, Path directory, Map<String, String> settings) throws IOException {
        this.name = name;
        this.jar = jar;
        this.directory = directory;
        this.settings = settings;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
        Files.createDirectories(directory);
    }

    String name() {
        return name;
    }

    /** Starts the JVM and waits until {@code /actuator/health} answers UP; returns the start-up time in seconds. */
    double start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g",
                "-Dpdfbox.fontcache=" + directory.resolve("fontcache").toAbsolutePath(), "-jar",
                jar.toAbsolutePath().toString()));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--server.port=" + port);
        starts++;
        Path log = directory.resolve("node.log");
        Files.writeString(log, "%n===== start %d of node %s%n".formatted(starts, name), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        long started = System.nanoTime();
        process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(5).toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " stopped while starting: see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // Not listening yet.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Node " + name + " not up within 5 minutes: see " + log);
    }

    /**
     * Extracts the executable jar as Spring Boot advises for production ({@code -Djarmode=tools extract}): the
     * application jar beside its libraries in {@code lib/}, loaded by the JDK's own class loader. Started as a nested
     * jar, every class or resource probe at run time (a JSON variable's type, a template, mime.types) walks the nested
     * jars: a tenth of a node's CPU in the drills (docs/reliability.md, «Throughput»).
     */
    static Path extract(Path jar, Path destination) throws IOException, InterruptedException {
        FileSystemUtils.deleteRecursively(destination);
        Process extract = new ProcessBuilder("java", "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
                "extract", "--destination", destination.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("Extraction of " + jar + " failed: " + extract.exitValue());
        }
        return destination.resolve(jar.getFileName());
    }

    /** CPU time of every JVM of this node so far, in seconds. */
    double cpuSeconds() {
        return earlierCpu + currentCpu();
    }

    private double currentCpu() {
        return process == null ? 0 : process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /** SIGKILL: the JVM dies wherever it is, its jobs still locked in the database. */
    void kill9() throws InterruptedException {
        earlierCpu += currentCpu();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM: Spring's graceful shutdown. */
    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            earlierCpu += currentCpu();
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON call that must succeed (2xx); its answer, or null when it has no body. */
    JsonNode call(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(method, path, "application/json", json);
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " on node " + name + ": " + answer.statusCode() + " "
                    + answer.body());
        }
        return answer.body().isEmpty() ? null : JSON.readTree(answer.body());
    }
}
