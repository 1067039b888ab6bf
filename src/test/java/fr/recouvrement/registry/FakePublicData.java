package fr.recouvrement.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real HTTP server on the loopback that answers as the company registry and BODACC do (docs/droit-francais.md §8),
 * with bodies shaped like theirs. Unless a test says otherwise, every SIREN is an active SAS whose registered
 * office is 12 rue de la Paix in Paris, whose president is Jeanne Marie DURAND (its auditor listed first among its
 * {@code dirigeants}, as the registry may), with nothing published at BODACC. One server for the shared test context.
 */
public final class FakePublicData {

    /** One answer: a status, a body, and how long to wait before answering (a slow register). */
    public record Answer(int status, String body, long delayMillis) {
    }

    private static final Map<String, Deque<Answer>> REGISTRY = new ConcurrentHashMap<>();
    private static final Map<String, Deque<Answer>> BODACC = new ConcurrentHashMap<>();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final Pattern SIREN_IN_WHERE = Pattern.compile("registre like \"([0-9]{9})\"");
    private static final HttpServer SERVER = start();

    private FakePublicData() {
    }

    /** Points the application at this server (the test context's initializer). */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String base = "http://127.0.0.1:" + SERVER.getAddress().getPort();
            TestPropertyValues.of("recouvrement.connect.registry-url=" + base + "/registre",
                    "recouvrement.connect.bodacc-url=" + base + "/bodacc").applyTo(context);
        }
    }

    /** The next answers of the registry for this SIREN, in order; the last one repeats. */
    public static void registry(String siren, Answer... answers) {
        REGISTRY.put(siren, new ArrayDeque<>(List.of(answers)));
    }

    public static void bodacc(String siren, Answer... answers) {
        BODACC.put(siren, new ArrayDeque<>(List.of(answers)));
    }

    /** Every request received, as "METHOD path?query | User-Agent". */
    public static List<String> requests() {
        return List.copyOf(REQUESTS);
    }

    public static Answer ok(String body) {
        return new Answer(200, body, 0);
    }

    public static String company(String siren, String state, String closedOn, String address, String postalCode,
            String city) {
        return """
                {"results": [{"siren": "%s", "nom_complet": "SOCIETE %s", "nom_raison_sociale": "SOCIETE %s",
                  "etat_administratif": "%s", "date_fermeture": %s, "nature_juridique": "5710",
                  "siege": {"siret": "%s00012", "adresse": "%s", "code_postal": "%s", "libelle_commune": "%s",
                            "etat_administratif": "%s"},
                  "dirigeants": [
                    {"siren": "775726417", "denomination": "AUDIT ET CONSEIL", "qualite": "Commissaire aux comptes titulaire",
                     "type_dirigeant": "personne morale"},
                    {"nom": "DURAND", "prenoms": "Jeanne Marie", "annee_de_naissance": "1971",
                     "date_de_naissance": "1971-04", "qualite": "Président", "nationalite": "Française",
                     "type_dirigeant": "personne physique"}]}],
                 "total_results": 1, "page": 1, "per_page": 10, "total_pages": 1}"""
                .formatted(siren, siren, siren, state, closedOn == null ? "null" : "\"" + closedOn + "\"", siren,
                        address, postalCode, city, state);
    }

    public static String noCompany() {
        return "{\"results\": [], \"total_results\": 0, \"page\": 1, \"per_page\": 10, \"total_pages\": 0}";
    }

    /** An opening judgment of a collective procedure, as BODACC publishes it: {@code jugement} is a JSON string. */
    public static String openingJudgment(String siren, String nature, String judgmentDate, String publishedOn) {
        String jugement = "{\\\"type\\\": \\\"initial\\\", \\\"famille\\\": \\\"Jugement d'ouverture\\\", "
                + "\\\"nature\\\": \\\"" + nature + "\\\", \\\"date\\\": \\\"" + judgmentDate + "\\\", "
                + "\\\"complementJugement\\\": \\\"Mandataire judiciaire : Me Durand\\\"}";
        return """
                {"total_count": 2, "results": [
                  {"id": "A202600123", "publicationavis": "A", "familleavis": "collective",
                   "familleavis_lib": "Procédures collectives", "typeavis": "annonce", "typeavis_lib": "Avis initial",
                   "dateparution": "%s", "tribunal": "Tribunal de commerce de Paris", "commercant": "SOCIETE %s",
                   "registre": ["%s", "%s %s %s"], "jugement": "%s"},
                  {"id": "A202500999", "familleavis": "immatriculation", "familleavis_lib": "Immatriculations",
                   "dateparution": "2019-03-02", "tribunal": "Tribunal de commerce de Paris", "registre": ["%s"]}]}"""
                .formatted(publishedOn, siren, siren, siren.substring(0, 3), siren.substring(3, 6),
                        siren.substring(6), jugement, siren);
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/registre/search", exchange -> {
                String siren = query(exchange).getOrDefault("q", "");
                answer(exchange, next(REGISTRY, siren, ok(company(siren, "A", null, "12 RUE DE LA PAIX 75002 PARIS",
                        "75002", "PARIS"))));
            });
            server.createContext("/bodacc/api/explore/v2.1/catalog/datasets/annonces-commerciales/records", exchange -> {
                Matcher siren = SIREN_IN_WHERE.matcher(query(exchange).getOrDefault("where", ""));
                answer(exchange, next(BODACC, siren.find() ? siren.group(1) : "",
                        ok("{\"total_count\": 0, \"results\": []}")));
            });
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer next(Map<String, Deque<Answer>> answers, String siren, Answer byDefault) {
        Deque<Answer> queue = answers.get(siren);
        if (queue == null) {
            return byDefault;
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " | "
                + exchange.getRequestHeaders().getFirst("User-Agent"));
        Map<String, String> params = new ConcurrentHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // The client gave up (a timeout under test): nothing more to say.
        }
    }
}
