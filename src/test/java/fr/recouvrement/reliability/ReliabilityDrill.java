package fr.recouvrement.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.recouvrement.debtor.Siren;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reliability drills of docs/reliability.md ({@code ./mvnw -Preliability verify}): two nodes of the packaged jar
 * in production mode on one PostgreSQL, the harness's own SMTP server and public registers. Each drill registers its
 * own batch of overdue invoices (one company each, due ten days ago: each dossier opens and sends its relance 1 at
 * once, late entry), does what an operator would through the HTTP APIs (the agents' «Vérifier un envoi incertain»
 * task, Cockpit's retry), checks every e-mail at the server, and prints one line of figures.
 *
 * <p>Time is moved by setting the due date of the jobs waiting for a retry ({@code PUT /engine-rest/job/{id}/duedate}),
 * never with faketime: the nodes run in real time, as in production, and only the jobs under test move.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityDrill {

    private static final int INVOICES = Integer.getInteger("drill.invoices", 2000);
    private static final int KILLS = Integer.getInteger("drill.kills", 5);
    private static final int CHECKS = Integer.getInteger("drill.checks", Math.min(INVOICES, 100));
    private static final long SEED = Long.getLong("drill.seed", System.currentTimeMillis());
    private static final String DOMAIN = "fournitures-drill.fr";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Path WORK = Path.of("target", "reliability");
    private static final List<String> FIGURES = new ArrayList<>();

    private static DrillDatabase database;
    private static DrillSmtpServer smtp;
    private static RegistryStub registry;
    private static Node nodeA;
    private static Node nodeB;
    private static final Random random = new Random(SEED);
    private static int debtors;
    /** Uncertain e-mails the harness answered since the last outcome: «déjà envoyé», «renvoyer». */
    private static long confirmed;
    private static long resent;
    /** CPU seconds of node A, node B and PostgreSQL when the current batch was registered. */
    private static double[] cpuAtBatch;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(WORK);
        database = new DrillDatabase(WORK.resolve("postgres").toAbsolutePath());
        smtp = new DrillSmtpServer();
        registry = new RegistryStub();
        Path jar = Node.extract(Path.of(System.getProperty("drill.jar", "target/recouvrement-0.1.0-SNAPSHOT.jar")),
                WORK.resolve("app"));
        nodeA = new Node("A", jar, WORK.resolve("node-a"), settings("node-A"));
        nodeB = new Node("B", jar, WORK.resolve("node-b"), settings("node-B"));
        // One after the other: the first creates Camunda's and Flyway's schemas, the second finds them.
        double a = nodeA.start();
        double b = nodeB.start();
        System.out.printf(Locale.ROOT, "# drills: %d invoices a batch, %d kills, %d register checks, seed %d, "
                + "nodes up in %.0f s and %.0f s, load %s%n", INVOICES, KILLS, CHECKS, SEED, a, b, load());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            FIGURES.forEach(System.out::println);
            Files.write(WORK.resolve("figures.txt"), FIGURES);
        } finally {
            for (AutoCloseable part : new AutoCloseable[] {nodeA, nodeB, smtp, registry, database}) {
                if (part != null) {
                    part.close();
                }
            }
        }
    }

    /** Production settings, as an operator would give them, with the harness's servers and a 60 s job lock. */
    private static Map<String, String> settings(String hostname) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", database.jdbcUrl());
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "postgres");
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", Integer.toString(smtp.port()));
        settings.put("camunda.bpm.admin-user.id", Node.ADMIN);
        settings.put("camunda.bpm.admin-user.password", Node.PASSWORD);
        settings.put("recouvrement.creditor.name", "Fournitures Drill");
        settings.put("recouvrement.creditor.siren", "800000002");
        settings.put("recouvrement.creditor.address-line1", "1 rue du Test");
        settings.put("recouvrement.creditor.postal-code", "75001");
        settings.put("recouvrement.creditor.city", "Paris");
        settings.put("recouvrement.creditor.email", "recouvrement@" + DOMAIN);
        settings.put("recouvrement.creditor.iban", "FR76 3000 4005 5000 0101 2345 690");
        settings.put("recouvrement.creditor.signatory-name", "Jean Test");
        settings.put("recouvrement.connect.registry-url", registry.url());
        settings.put("recouvrement.connect.bodacc-url", registry.url());
        settings.put("recouvrement.connect.registry-requests-per-second", "50");
        // A killed node's jobs come back a minute later instead of five.
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", "60000");
        // An idle executor looks for jobs every 5 s at most: a job whose due date the drill moved runs within seconds.
        settings.put("camunda.bpm.job-execution.max-wait", "5000");
        // Named in the job log, so that the figures say which node ran what.
        settings.put("camunda.bpm.generic-properties.properties.hostname", hostname);
        settings.put("logging.level.root", "WARN");
        return settings;
    }

    @Test
    @Order(1)
    void twoNodesOneDatabase() throws Exception {
        long started = System.nanoTime();
        String batch = register("N", INVOICES);
        settle(batch, INVOICES, Duration.ofMinutes(20));
        Outcome outcome = outcome(batch, INVOICES);
        report("1 deux nœuds", started, outcome, "par nœud " + perNode());
        outcome.assertClean();
    }

    /**
     * Five kills during one batch of 2,000 rather than five batches: the same five kills at random moments, each while
     * relances are being sent, and the run stays within 30 minutes on two cores. A kill may meet the jobs the previous
     * one left locked, or the other node still starting, which a separate batch would not.
     */
    @Test
    @Order(2)
    void killNineMidBatch() throws Exception {
        long started = System.nanoTime();
        String batch = register("K", INVOICES);
        long registered = System.nanoTime();
        // The moments: counts of e-mails sent, drawn between 5 % and 60 % of the batch. A killed node restarts in the
        // background: a start takes 15 s on an idle machine but up to two minutes beside a busy node, and waiting for
        // it would let the other node send the rest of the batch before the next kill. The next kill, at its count,
        // may then find the other node still starting; a node is killed again only once it is up.
        long[] targets = random.longs(KILLS, Math.round(INVOICES * 0.05), Math.round(INVOICES * 0.60)).sorted()
                .toArray();
        ExecutorService starter = Executors.newFixedThreadPool(2);
        Map<Node, Future<Double>> restarts = new HashMap<>();
        List<String> kills = new ArrayList<>();
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                Node victim = kill % 2 == 0 ? nodeA : nodeB;
                long target = targets[kill];
                waitUntil(Duration.ofMinutes(10), () -> sent(batch) >= target);
                Future<Double> restarting = restarts.remove(victim);
                if (restarting != null) {
                    kills.add(String.format(Locale.ROOT, "%s redémarré en %.0f s", victim.name(), restarting.get()));
                }
                double at = seconds(registered);
                long sentAtKill = sent(batch);
                assertThat(sentAtKill).as("kill %d of %d while the batch is being sent: %d invoices are too few for "
                        + "so many kills (-Ddrill.kills)", kill + 1, KILLS, INVOICES).isLessThan(INVOICES);
                victim.kill9();
                restarts.put(victim, starter.submit(victim::start));
                kills.add(String.format(Locale.ROOT, "%s tué à %.0f s, %d envoyés (visé %d)", victim.name(), at,
                        sentAtKill, target));
            }
            for (Map.Entry<Node, Future<Double>> restart : restarts.entrySet()) {
                kills.add(String.format(Locale.ROOT, "%s redémarré en %.0f s", restart.getKey().name(),
                        restart.getValue().get()));
            }
        } finally {
            starter.shutdown();
        }
        settle(batch, INVOICES, Duration.ofMinutes(20));
        Outcome outcome = outcome(batch, INVOICES);
        report("2 kill -9 ×" + KILLS, started, outcome, String.join(", ", kills));
        outcome.assertClean();
    }

    @Test
    @Order(3)
    void flakyMailServer() throws Exception {
        long started = System.nanoTime();
        long refusedBefore = smtp.refused();
        long droppedBefore = smtp.dropped();
        smtp.faults(3, 50);
        String batch = register("F", INVOICES);
        int cockpitRetries = 0;
        try {
            settle(batch, INVOICES, Duration.ofMinutes(20));
            for (int round = 0; round < 10 && failed(batch) > 0; round++) {
                // Cockpit's «Retry» on each incident: one more attempt, the fault still on.
                for (JsonNode job : jobs("activityId=RemettreMessage&noRetriesLeft=true")) {
                    nodeA.call("PUT", "/engine-rest/job/" + job.get("id").asText() + "/retries", "{\"retries\": 1}");
                    cockpitRetries++;
                }
                settle(batch, INVOICES, Duration.ofMinutes(10));
            }
        } finally {
            smtp.faults(0, 0);
        }
        Outcome outcome = outcome(batch, INVOICES);
        report("3 SMTP capricieux", started, outcome, String.format(Locale.ROOT,
                "451 reçus %d, connexions coupées après le corps %d, relances Cockpit %d",
                smtp.refused() - refusedBefore, smtp.dropped() - droppedBefore, cockpitRetries));
        outcome.assertClean();
    }

    @Test
    @Order(4)
    void databaseRestart() throws Exception {
        long started = System.nanoTime();
        String batch = register("P", INVOICES);
        long target = Math.max(1, INVOICES / 4);
        waitUntil(Duration.ofMinutes(10), () -> sent(batch) >= target);
        long sentAtStop = sent(batch);
        long restart = database.restart(5_000);
        long back = System.nanoTime();
        waitUntil(Duration.ofMinutes(5), () -> sent(batch) > sentAtStop || sent(batch) >= INVOICES);
        double resumed = (System.nanoTime() - back) / 1e9;
        settle(batch, INVOICES, Duration.ofMinutes(20));
        Outcome outcome = outcome(batch, INVOICES);
        report("4 redémarrage PostgreSQL", started, outcome, String.format(Locale.ROOT,
                "base arrêtée à %d envoyés, absente %.1f s, envois repris %.1f s après, nœuds vivants %s/%s",
                sentAtStop, restart / 1000.0, resumed, nodeA.alive(), nodeB.alive()));
        assertThat(nodeA.alive() && nodeB.alive()).as("both nodes survive without a restart").isTrue();
        outcome.assertClean();
    }

    @Test
    @Order(5)
    void publicDataDown() throws Exception {
        long started = System.nanoTime();
        String batch = register("R", CHECKS);
        settle(batch, CHECKS, Duration.ofMinutes(10));
        List<String> dossiers = database.rows("""
                select distinct d.number from recouvrement.dossier d join recouvrement.invoice i on i.dossier_id = d.id
                where i.number like ? order by d.number""", batch + "%")
                .stream().map(row -> (String) row[0]).toList();
        registry.down(true);
        long requestsBefore = registry.requests();
        for (int i = 0; i < dossiers.size(); i++) {
            (i % 2 == 0 ? nodeA : nodeB).call("POST", "/engine-rest/process-definition/key/verification-debiteur/start",
                    "{\"businessKey\": \"" + dossiers.get(i) + "\"}");
        }
        // Each failure is seen once: the minutes between it and its next attempt, in the order they happen.
        Map<String, Integer> retriesSeen = new HashMap<>();
        TreeMap<Long, Integer> waits = new TreeMap<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        int incidents = 0;
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> failing = jobs("processDefinitionKey=verification-debiteur&withException=true");
            long waiting = 0;
            for (JsonNode job : failing) {
                int retries = job.get("retries").asInt();
                String id = job.get("id").asText();
                if (retries == 0 || retriesSeen.getOrDefault(id, -1) == retries) {
                    continue;
                }
                retriesSeen.put(id, retries);
                long minutes = (long) Math.ceil(Duration.between(Instant.now(),
                        OffsetDateTime.parse(job.get("dueDate").asText(), ENGINE_DATE).toInstant()).toSeconds() / 60.0);
                waits.merge(minutes, 1, Integer::sum);
                nodeA.call("PUT", "/engine-rest/job/" + id + "/duedate",
                        "{\"duedate\": \"" + ENGINE_DATE.format(OffsetDateTime.now(ZoneOffset.UTC)) + "\"}");
                waiting++;
            }
            incidents = (int) count("/engine-rest/incident/count?processDefinitionKey=verification-debiteur");
            if (incidents == dossiers.size()) {
                break;
            }
            Thread.sleep(waiting > 0 ? 500 : 2000);
        }
        long requestsDown = registry.requests() - requestsBefore;
        registry.down(false);
        // Cockpit's «Retry» on each incident, once the registers answer again.
        for (JsonNode job : jobs("processDefinitionKey=verification-debiteur&noRetriesLeft=true")) {
            nodeB.call("PUT", "/engine-rest/job/" + job.get("id").asText() + "/retries", "{\"retries\": 1}");
        }
        waitUntil(Duration.ofMinutes(10), () -> count(
                "/engine-rest/process-instance/count?processDefinitionKey=verification-debiteur") == 0);
        long completed = count("/engine-rest/history/process-instance/count?processDefinitionKey=verification-debiteur"
                + "&finished=true");
        long left = count("/engine-rest/incident/count");
        String line = String.format(Locale.ROOT,
                "drill 5 registres indisponibles: %d vérifications, attentes observées {minutes=échecs} %s, temps déplacé par vérification %d min, "
                        + "incidents %d/%d, requêtes refusées %d (503/429), après retour et relance Cockpit terminées "
                        + "%d/%d, incidents restants %d, %.0f s, charge %s",
                dossiers.size(), waits, waits.keySet().stream().mapToLong(Long::longValue).sum(), incidents, dossiers.size(), requestsDown, completed,
                dossiers.size(), left, seconds(started), load());
        FIGURES.add(line);
        System.out.println(line);
        assertThat(waits.keySet()).containsExactly(1L, 5L, 15L, 60L, 240L);
        assertThat(waits.values()).allMatch(failures -> failures == dossiers.size());
        assertThat(incidents).isEqualTo(dossiers.size());
        assertThat(completed).isEqualTo(dossiers.size());
        assertThat(left).isZero();
    }

    // ----- the batch

    /** Registers a batch of overdue invoices, each of its own company, half through each node (CSV import). */
    private static String register(String prefix, int invoices) throws IOException, InterruptedException {
        cpuAtBatch = cpu();
        LocalDate due = LocalDate.now(PARIS).minusDays(10);
        String header = "number;issueDate;dueDate;amount;currency;description;debtorName;siren;type;segment;email;"
                + "phone;line1;line2;postalCode;city;country\n";
        StringBuilder[] files = {new StringBuilder(header), new StringBuilder(header)};
        for (int i = 0; i < invoices; i++) {
            int debtor = ++debtors;
            files[i % 2].append(String.join(";", prefix + "-" + i, due.minusDays(30).toString(), due.toString(),
                    String.format(Locale.ROOT, "%d.%02d", 100 + random.nextInt(9_900), random.nextInt(100)), "EUR",
                    "Prestation " + i, "Client " + debtor, siren(debtor), "B2B", "PME",
                    "compta" + debtor + "@client.test", "", debtor + " rue du Commerce", "", "75011", "Paris", "FR"))
                    .append('\n');
        }
        Node[] nodes = {nodeA, nodeB};
        for (int n = 0; n < 2; n++) {
            HttpResponse<String> answer = nodes[n].send("POST", "/api/invoices/import", "text/csv",
                    files[n].toString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"rejected\":[]");
        }
        return prefix + "-";
    }

    private static String siren(int debtor) {
        String body = String.format("%08d", 20_000_000 + debtor);
        for (int check = 0; check <= 9; check++) {
            if (Siren.isValid(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException();
    }

    private static final String BATCH_EMAILS = """
            from recouvrement.communication c
            where c.channel = 'EMAIL' and (c.dossier_id in (select dossier_id from recouvrement.invoice where number like ?)
               or c.invoice_id in (select id from recouvrement.invoice where number like ?))""";

    private static long sent(String batch) {
        return database.count("select count(*) " + BATCH_EMAILS + " and c.status = 'SENT'", batch + "%", batch + "%");
    }

    private static long failed(String batch) {
        return database.count("select count(*) " + BATCH_EMAILS + " and c.status = 'FAILED'", batch + "%",
                batch + "%");
    }

    /**
     * Waits until every dossier of the batch has its relance 1 and no e-mail is pending, being sent or uncertain:
     * meanwhile moves the due date of each job waiting for a retry (the minutes pass at once) and answers each
     * «Vérifier un envoi incertain» as an agent would, from what the mail server holds.
     */
    private static void settle(String batch, int invoices, Duration timeout) throws Exception {
        waitUntil(timeout, () -> {
            try {
                moveRetries("withException=true&withRetriesLeft=true");
                verifyUncertain();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            long relances = database.count("select count(distinct c.dossier_id) " + BATCH_EMAILS
                    + " and c.step = 'RELANCE_1' and c.status <> 'CANCELLED'", batch + "%", batch + "%");
            long open = database.count("select count(*) " + BATCH_EMAILS
                    + " and c.status in ('PENDING', 'SENDING', 'UNKNOWN')", batch + "%", batch + "%");
            return relances == invoices && open == 0;
        });
    }

    private static void moveRetries(String filter) throws IOException, InterruptedException {
        String now = ENGINE_DATE.format(OffsetDateTime.now(ZoneOffset.UTC));
        for (JsonNode job : jobs(filter)) {
            if (OffsetDateTime.parse(job.get("dueDate").asText(), ENGINE_DATE).isAfter(OffsetDateTime.now())) {
                nodeA.send("PUT", "/engine-rest/job/" + job.get("id").asText() + "/duedate", "application/json",
                        "{\"duedate\": \"" + now + "\"}");
            }
        }
    }

    /** The agents' answer to each uncertain e-mail: «déjà envoyé» when the server holds it, «renvoyer» otherwise. */
    private static void verifyUncertain() throws IOException, InterruptedException {
        JsonNode tasks = nodeB.call("GET", "/engine-rest/task?taskDefinitionKey=VerifierEnvoi&maxResults=2000", null);
        for (JsonNode task : tasks) {
            String id = task.get("id").asText();
            long communication = nodeB.call("GET", "/engine-rest/task/" + id + "/variables/communicationId", null)
                    .get("value").asLong();
            String recipient = (String) database.rows("select recipient from recouvrement.communication where id = ?",
                    communication).get(0)[0];
            boolean there = smtp.times(messageId(communication), recipient) > 0;
            nodeB.send("POST", "/engine-rest/task/" + id + "/complete", "application/json",
                    "{\"variables\": {\"verification\": {\"value\": \"" + (there ? "ENVOYE" : "RENVOYER") + "\"}}}");
            if (there) {
                confirmed++;
            } else {
                resent++;
            }
        }
    }

    private static String messageId(long communication) {
        return "<communication-" + communication + "@" + DOMAIN + ">";
    }

    private static List<JsonNode> jobs(String filter) throws IOException, InterruptedException {
        List<JsonNode> jobs = new ArrayList<>();
        nodeA.call("GET", "/engine-rest/job?maxResults=2000&" + filter, null).forEach(jobs::add);
        return jobs;
    }

    private static long count(String path) {
        try {
            return nodeA.call("GET", path, null).get("count").asLong();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(Duration timeout, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(1000);
        }
    }

    // ----- the figures

    /** What the batch came to: the ledger against the mail server. */
    private record Outcome(int invoices, long emails, long sentOnce, long lost, long unknownTasks, long failed,
            long duplicates, long incidents, long confirmed, long resent) {

        void assertClean() {
            assertThat(duplicates).as("messages twice at the server").isZero();
            assertThat(lost).as("e-mails SENT in the ledger but never at the server").isZero();
            assertThat(sentOnce).as("e-mails SENT, each once at the server").isEqualTo(emails);
            assertThat(incidents).as("incidents left").isZero();
        }
    }

    private static Outcome outcome(String batch, int invoices) throws IOException, InterruptedException {
        List<Object[]> rows = database.rows("select c.id, c.status, c.recipient " + BATCH_EMAILS
                + " and c.status not in ('CANCELLED', 'SKIPPED')", batch + "%", batch + "%");
        long sentOnce = 0;
        long lost = 0;
        long failed = 0;
        for (Object[] row : rows) {
            int times = smtp.times(messageId(((Number) row[0]).longValue()), (String) row[2]);
            if ("SENT".equals(row[1])) {
                sentOnce += times == 1 ? 1 : 0;
                lost += times == 0 ? 1 : 0;
            } else if ("FAILED".equals(row[1])) {
                failed++;
            }
        }
        long tasks = nodeA.call("GET", "/engine-rest/task/count?taskDefinitionKey=VerifierEnvoi", null).get("count")
                .asLong();
        Outcome outcome = new Outcome(invoices, rows.size(), sentOnce, lost, tasks, failed, smtp.duplicates().size(),
                count("/engine-rest/incident/count"), confirmed, resent);
        confirmed = 0;
        resent = 0;
        return outcome;
    }

    private static void report(String drill, long started, Outcome o, String details) {
        String line = String.format(Locale.ROOT, "drill %s: %d factures, %d e-mails, envoyés une fois %d, perdus %d, "
                        + "doublons au serveur %d, incertains %d (déjà envoyés %d, renvoyés %d), FAILED %d, incidents %d, "
                        + "%s, %.0f s, %s, charge %s", drill, o.invoices(), o.emails(), o.sentOnce(), o.lost(),
                o.duplicates(), o.confirmed() + o.resent(), o.confirmed(), o.resent(), o.failed(), o.incidents(), details,
                seconds(started), cpuPerEmail(o.emails()), load());
        FIGURES.add(line);
        System.out.println(line);
        if (o.duplicates() > 0) {
            System.out.println("  doublons : " + smtp.duplicates());
        }
    }

    /** Deliveries that succeeded, by the node that ran them. */
    private static String perNode() {
        Map<String, Long> byNode = new TreeMap<>();
        database.rows("""
                select hostname_, count(*) from act_hi_job_log
                where act_id_ = 'RemettreMessage' and job_state_ = 2 group by hostname_""")
                .forEach(row -> byNode.put(String.valueOf(row[0]), ((Number) row[1]).longValue()));
        return byNode.toString();
    }

    private static double[] cpu() {
        return new double[] {nodeA.cpuSeconds(), nodeB.cpuSeconds(), database.cpuSeconds()};
    }

    /** What one e-mail of the batch cost in CPU, from registration to the last check: the throughput's measure. */
    private static String cpuPerEmail(long emails) {
        double[] now = cpu();
        double nodes = now[0] - cpuAtBatch[0] + now[1] - cpuAtBatch[1];
        double postgres = now[2] - cpuAtBatch[2];
        return String.format(Locale.ROOT, "CPU par e-mail nœuds %.0f ms + PostgreSQL %.0f ms", 1000 * nodes / emails,
                1000 * postgres / emails);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
