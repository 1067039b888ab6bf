package fr.recouvrement.benchmark;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import fr.recouvrement.MutableClock;
import fr.recouvrement.RecouvrementApplication;
import fr.recouvrement.TestClockConfiguration;
import fr.recouvrement.communication.MessageWriter;
import jakarta.mail.Flags;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark of docs/performance.md, run on demand ({@code ./mvnw -Pbenchmark verify}, docs/operations.md), never by
 * {@code ./mvnw verify}. It starts the whole application in the default run (embedded PostgreSQL under
 * {@code target/benchmark/}, GreenMail as the SMTP server, the job executor on), registers a synthetic portfolio,
 * moves the shared clock to make each step due, and prints one line per figure.
 */
public final class Benchmark {

    private static final String AGENTS = "agents-recouvrement";
    private static final LocalDate TODAY = MutableClock.DEFAULT_TODAY;
    /** The portfolio falls due on Tuesday 8 December 2026: pre-due reminders on the 1st, relance 1 on the 15th. */
    private static final LocalDate DUE = LocalDate.of(2026, 12, 8);

    private final int invoices;
    private final int perDebtor;
    /** The invoices of the managers' portfolio (kpis()), inserted in SQL; 0: no such step. */
    private final int kpiInvoices;
    /** Only the managers' figures, without the collection steps before them. */
    private final boolean kpiOnly;
    /** Any other {@code --name=value}: an application setting for this run (job executor, history level...). */
    private final List<String> settings;
    private final Random random = new Random(20261124);
    private final AtomicLong peakHeap = new AtomicLong();
    private ConfigurableApplicationContext app;
    private JdbcTemplate jdbc;
    private MutableClock clock;
    private JobExecutor jobExecutor;
    private String base;

    private Benchmark(int invoices, int perDebtor, int kpiInvoices, boolean kpiOnly, List<String> settings) {
        this.invoices = invoices;
        this.perDebtor = perDebtor;
        this.kpiInvoices = kpiInvoices;
        this.kpiOnly = kpiOnly;
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        int invoices = 10_000;
        Integer perDebtor = null;
        int kpiInvoices = 100_000;
        boolean kpiOnly = false;
        List<String> settings = new ArrayList<>();
        for (String arg : String.join(" ", args).trim().split("\\s+")) {
            if (arg.startsWith("--invoices=")) {
                invoices = Integer.parseInt(arg.substring("--invoices=".length()));
            } else if (arg.startsWith("--per-debtor=")) {
                perDebtor = Integer.parseInt(arg.substring("--per-debtor=".length()));
            } else if (arg.startsWith("--kpi-invoices=")) {
                kpiInvoices = Integer.parseInt(arg.substring("--kpi-invoices=".length()));
            } else if (arg.equals("--kpi-only")) {
                kpiOnly = true;
            } else if (arg.startsWith("--")) {
                settings.add(arg);
            }
        }
        // The large run measures the task list at one dossier per invoice (docs/performance.md).
        try {
            new Benchmark(invoices, perDebtor != null ? perDebtor : invoices >= 50_000 ? 1 : 3, kpiInvoices, kpiOnly,
                    settings).run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            // The application's threads would keep the JVM alive: end it with a failure.
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Path data = Path.of("target", "benchmark", "postgres-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(data.getParent());
        Thread sampler = new Thread(this::sampleHeap, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        // Arguments, as on a command line: they win over application.yaml; the run's own settings replace these.
        Map<String, String> arguments = new java.util.LinkedHashMap<>();
        arguments.put("server.port", "0");
        arguments.put("recouvrement.embedded-postgres.data-directory", data.toString());
        arguments.put("recouvrement.embedded-postgres.clean-data-directory", "true");
        // Benchmark values, not published rates: the shipped table stops at 2026-H1.
        arguments.put("recouvrement.penalties.half-years[2026-H2].ecb-rate", "2.00");
        arguments.put("recouvrement.penalties.half-years[2026-H2].legal-rate", "2.50");
        arguments.put("logging.level.root", "WARN");
        // Counts the SQL statements of each step (statements(...)); the benchmark's database only.
        arguments.put("recouvrement.embedded-postgres.server-config[shared_preload_libraries]", "pg_stat_statements");
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            arguments.put(setting.substring(2, equals < 0 ? setting.length() : equals),
                    equals < 0 ? "true" : setting.substring(equals + 1));
        }
        app = new SpringApplicationBuilder(RecouvrementApplication.class, TestClockConfiguration.class)
                .run(arguments.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        jdbc = app.getBean(JdbcTemplate.class);
        clock = app.getBean(MutableClock.class);
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) app
                .getBean(org.camunda.bpm.engine.ProcessEngine.class).getProcessEngineConfiguration();
        jobExecutor = engine.getJobExecutor();
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        jdbc.execute("create extension if not exists pg_stat_statements");
        header(engine);
        if (!kpiOnly) {
            collection();
        }
        if (kpiInvoices > 0) {
            kpis();
        }
        System.gc();
        line("tas après GC, fin (données vivantes)", "%d Mo", usedHeap() / 1_048_576);
        line("tas maximal observé", "%d Mo", peakHeap.get() / 1_048_576);
        line("taille de la base", "%d Mo",
                jdbc.queryForObject("select pg_database_size(current_database())", Long.class) / 1_048_576);
        app.close();
    }

    /** The collection steps, from registration to relance 1, through the engine. */
    private void collection() throws Exception {
        registerPortfolio();
        deliver("pré-échéance (e-mail seul)", LocalDateTime.of(2026, 12, 1, 9, 0, 1),
                "select count(*) from recouvrement.communication where step = 'PRE_ECHEANCE' and status = 'SENT'",
                invoices);
        int dossiers = openDossiers();
        // The conciliation calls are open now; relance 1 adds no task.
        taskQuery();
        System.gc();
        line("tas après GC, dossiers ouverts (données vivantes)", "%d Mo", usedHeap() / 1_048_576);
        deliver("relance 1 (e-mail + relevé PDF)", LocalDateTime.of(2026, 12, 15, 9, 0, 1),
                "select count(*) from recouvrement.communication where step = 'RELANCE_1' and status = 'SENT'",
                dossiers);
        double engineRate = lastRate;
        double floorRate = floor(Math.min(dossiers, 2_000));
        line("ratio moteur / plancher (relance 1)", "%.2f", engineRate / floorRate);
    }

    private void header(ProcessEngineConfigurationImpl engine) {
        var executor = app.getEnvironment();
        System.out.printf("# Recouvrement benchmark: %s, %d invoices for the managers' figures, %d cores, %s %s, %s, "
                        + "history %s, job executor %s-%s threads queue %s, %d jobs per acquisition, import batches of 500%s%n",
                kpiOnly ? "managers' figures only" : invoices + " invoices, " + perDebtor + " per debtor", kpiInvoices,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                jdbc.queryForObject("select version()", String.class).replaceAll(" on .*", ""),
                engine.getHistory(), executor.getProperty("camunda.bpm.job-execution.core-pool-size"),
                executor.getProperty("camunda.bpm.job-execution.max-pool-size"),
                executor.getProperty("camunda.bpm.job-execution.queue-capacity"),
                jobExecutor.getMaxJobsPerAcquisition(), settings.isEmpty() ? "" : ", settings " + settings);
    }

    /**
     * The managers' figures at size: a portfolio of {@code kpiInvoices} invoices over fifteen months, inserted in SQL
     * (the engine plays no part in what GET /api/kpis reads), then GET /api/kpis, the daily snapshot and the 12-week
     * trend, timed end to end over HTTP; the costliest statements go to {@code target/benchmark/sql-indicateurs.txt}.
     */
    private void kpis() throws Exception {
        LocalDate today = clock.today();
        long inserting = System.nanoTime();
        insertKpiPortfolio(today);
        jdbc.execute("analyze");
        line("indicateurs : " + kpiInvoices + " factures insérées en SQL, puis ANALYZE", "%.1f s", seconds(inserting));
        line("indicateurs : factures dues au " + today, "%d",
                count("select count(*) from recouvrement.invoice i where i.status <> 'PAID'"));
        resetStatements();
        List<Long> kpis = timeGets("/api/kpis", 7);
        line("GET /api/kpis, premier appel (froid)", "%d ms", kpis.get(0));
        line("GET /api/kpis, médiane des 6 appels suivants (min–max)", "%s", median(kpis.subList(1, kpis.size())));
        statements("indicateurs", "appel", kpis.size());
        List<Long> segment = timeGets("/api/kpis?segment=PME&debtorType=B2B", 5);
        line("GET /api/kpis?segment=PME&debtorType=B2B, médiane de 5 appels (min–max)", "%s", median(segment));

        // The next 06:00: the process's timer fires and the snapshot is taken by the job executor.
        LocalDateTime sixOClock = today.plusDays(1).atTime(6, 0);
        long snapshot = moveClock(sixOClock);
        waitFor("relevé du " + sixOClock.toLocalDate(), () -> count("select count(*) from recouvrement.kpi_snapshot "
                + "where day = date '" + sixOClock.toLocalDate() + "'"), 1);
        line("relevé quotidien des indicateurs (minuteur de 6 h, job compris)", "%d ms",
                (System.nanoTime() - snapshot) / 1_000_000);
        // Twelve weeks of rows, copies of that day's: what the chart reads.
        jdbc.update("insert into recouvrement.kpi_snapshot select s.day - n, s.taken_at - n * interval '1 day', "
                + "s.outstanding_amount, s.outstanding_invoices, s.overdue_amount, s.overdue_invoices, s.aged_balance, "
                + "s.dso_days, s.dso_capped, s.stages from recouvrement.kpi_snapshot s cross join generate_series(1, 83) n "
                + "where s.day = ? on conflict (day) do nothing", sixOClock.toLocalDate());
        List<Long> trend = timeGets("/api/kpis/trend", 7);
        line("GET /api/kpis/trend (12 semaines, " + count("select count(*) from recouvrement.kpi_snapshot") + " relevés), "
                + "médiane de 6 appels après le premier (min–max)", "%s", median(trend.subList(1, trend.size())));
    }

    /**
     * A quarter of the debtors per invoice, one in ten a consumer; invoices issued every day of the last 450, due 30
     * days later; of those due for over 45 days, six in ten paid in full, one in ten half paid, one in ten credited a
     * tenth; one in 97 disputed; every debtor owing a late invoice has an open dossier at the stage its oldest late
     * invoice puts it, with its history. Deterministic: amounts and choices follow the invoice's number.
     */
    private void insertKpiPortfolio(LocalDate today) {
        int debtors = Math.max(1, kpiInvoices / 4);
        jdbc.update("""
                insert into recouvrement.debtor (type, siren, name, segment, email, address_line1, postal_code, city,
                                                 country)
                select case when g % 10 = 9 then 'B2C' else 'B2B' end,
                       case when g % 10 = 9 then null else '9' || lpad(g::text, 8, '0') end,
                       'Indicateurs ' || g,
                       (array['PME', 'PME', 'PME', 'GRAND_COMPTE', 'FIDELE', 'MAUVAIS_PAYEUR'])[g % 6 + 1],
                       'compta' || g || '@indicateurs.test', g || ' rue des Comptes', '69003', 'Lyon', 'FR'
                from generate_series(1, ?) g""", debtors);
        jdbc.update("""
                with first as (select min(id) as id from recouvrement.debtor where email like '%@indicateurs.test')
                insert into recouvrement.invoice (number, debtor_id, issue_date, due_date, amount, currency, status)
                select 'KPI-' || g, first.id + g % ?, cast(? as date) - g % 450, cast(? as date) - g % 450 + 30,
                       50 + (g * 7919) % 19950 + (g % 100) / 100.0, 'EUR',
                       case when g % 97 = 0 then 'DISPUTED'
                            when g % 10 < 6 and g % 450 > 75 then 'PAID' else 'OPEN' end
                from generate_series(1, ?) g, first""", debtors, today, today, kpiInvoices);
        jdbc.update("""
                insert into recouvrement.payment (invoice_id, reference, type, amount, paid_on)
                select i.id, 'KPI-' || i.id,
                       case when n % 10 = 7 then 'CREDIT_NOTE' else 'PAYMENT' end,
                       case when n % 10 = 6 then round(i.amount / 2, 2) when n % 10 = 7 then round(i.amount / 10, 2)
                            else i.amount end,
                       least(i.due_date + n % 30, cast(? as date))
                from (select i.*, cast(substr(i.number, 5) as int) as n from recouvrement.invoice i
                      where i.number like 'KPI-%') i
                where i.status = 'PAID' or (n % 10 in (6, 7) and n % 450 > 75)""", today);
        jdbc.update("""
                insert into recouvrement.dossier (number, debtor_id, debtor_type, sequence, status, origin_date, stage,
                                                  opened_at)
                select 'D-KPI-' || d.id, d.id, d.type, 1, 'OPEN', late.oldest,
                       case when cast(? as date) - late.oldest < 7 then 'CONCILIATION'
                            when cast(? as date) - late.oldest < 15 then 'RELANCE_1'
                            when cast(? as date) - late.oldest < 30 then 'RELANCE_2'
                            when cast(? as date) - late.oldest < 45 then 'RELANCE_3'
                            else 'MISE_EN_DEMEURE' end,
                       late.oldest + 1
                from recouvrement.debtor d
                join (select debtor_id, min(due_date) as oldest from recouvrement.invoice
                      where number like 'KPI-%' and status <> 'PAID' and due_date < cast(? as date) group by debtor_id) late
                  on late.debtor_id = d.id""", today, today, today, today, today);
        jdbc.update("""
                update recouvrement.invoice i set dossier_id = dos.id
                from recouvrement.dossier dos
                where dos.number like 'D-KPI-%' and dos.debtor_id = i.debtor_id and i.status <> 'PAID'
                  and i.due_date < cast(? as date)""", today);
        jdbc.update("""
                insert into recouvrement.dossier_stage (dossier_id, stage, entered_at)
                select id, 'CONCILIATION', opened_at from recouvrement.dossier where number like 'D-KPI-%'
                union all
                select id, stage, opened_at + interval '7 days' from recouvrement.dossier
                where number like 'D-KPI-%' and stage <> 'CONCILIATION'""");
        jdbc.update("""
                insert into recouvrement.invoice_event (invoice_id, dossier_id, type, payload, created_by, created_at)
                select id, dossier_id, 'DISPUTE', '{"reason": "Prestation contestée"}', 'benchmark',
                       cast(due_date as timestamp) + interval '10 days'
                from recouvrement.invoice where number like 'KPI-%' and status = 'DISPUTED'""");
    }

    /** {@code times} GET requests as a manager, each timed end to end, in milliseconds, in the order they ran. */
    private List<Long> timeGets(String path, int times) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("manager:manager".getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - started) / 1_000_000);
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + answer.statusCode() + " " + answer.body());
            }
        }
        return millis;
    }

    private static String median(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) + " ms (" + sorted.get(0) + "–" + sorted.get(sorted.size() - 1) + ")";
    }

    /** Half the portfolio through the CSV import, half through the JSON API, four clients at once. */
    private void registerPortfolio() throws Exception {
        int csvCount = invoices / 2;
        StringBuilder csv = new StringBuilder("number;issueDate;dueDate;amount;currency;description;debtorName;siren;"
                + "type;segment;email;phone;line1;line2;postalCode;city;country\n");
        List<String> json = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            int debtor = i / perDebtor;
            String siren = siren(debtor);
            String amount = String.format(java.util.Locale.ROOT, "%d.%02d", 100 + random.nextInt(19_900),
                    random.nextInt(100));
            String number = "BENCH-" + i;
            String segment = debtor % 10 == 0 ? "GRAND_COMPTE" : debtor % 10 == 1 ? "FIDELE" : "PME";
            if (i < csvCount) {
                csv.append(String.join(";", number, DUE.minusDays(30).toString(), DUE.toString(), amount, "EUR",
                        "Prestation " + i, "Client " + debtor, siren, "B2B", segment, "compta" + debtor + "@client.test",
                        "", debtor + " rue du Commerce", "", "75011", "Paris", "FR")).append('\n');
            } else {
                json.add("""
                        {"number": "%s", "issueDate": "%s", "dueDate": "%s", "amount": "%s", "currency": "EUR",
                         "description": "Prestation %d", "debtor": {"name": "Client %d", "siren": "%s", "type": "B2B",
                         "segment": "%s", "email": "compta%d@client.test", "address": {"line1": "%d rue du Commerce",
                         "postalCode": "75011", "city": "Paris", "country": "FR"}}}"""
                        .formatted(number, DUE.minusDays(30), DUE, amount, i, debtor, siren, segment, debtor, debtor));
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        resetStatements();
        long registration = System.nanoTime();
        HttpResponse<String> imported = http.send(request("/api/invoices/import", "text/csv", csv.toString()),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("Import refused: " + imported.body());
        }
        line("factures importées par CSV", "%.0f /s", csvCount / seconds(registration));
        long api = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String body : json) {
            answers.add(clients.submit(() -> http.send(request("/api/invoices", "application/json", body),
                    HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        for (Future<Integer> answer : answers) {
            if (answer.get() != 201) {
                throw new IllegalStateException("Registration refused: " + answer.get());
            }
        }
        clients.shutdown();
        line("factures enregistrées par l'API (4 clients)", "%.0f /s", json.size() / seconds(api));
        // Started: each follow-up has read its invoice, asked the DMN and waits at its pre-due timer.
        waitFor("suivis démarrés", () -> count("select count(*) from act_ru_job where type_ = 'timer'"
                + " and process_def_key_ = 'suivi-facture'"), invoices);
        line("suivis de facture démarrés, jusqu'à leur premier minuteur (CSV et API)", "%.0f /s",
                invoices / seconds(registration));
        statements("enregistrement et démarrage", "facture", invoices);
    }

    /** The due date passes unpaid: each invoice joins its debtor's dossier, which starts its ladder. */
    private int openDossiers() throws InterruptedException, IOException {
        int expected = (invoices + perDebtor - 1) / perDebtor;
        resetStatements();
        long started = moveClock(LocalDateTime.of(2026, 12, 9, 9, 0, 1));
        waitFor("dossiers", () -> count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " where j.type_ = 'timer' and d.act_id_ = 'DateRelance1'"), expected);
        line("dossiers ouverts jusqu'à leur relance 1 planifiée", "%.0f /s", expected / seconds(started));
        statements("ouverture des dossiers", "facture", invoices);
        return expected;
    }

    private double lastRate;

    /** Makes a step due by moving the shared clock, then counts its messages until all were sent through SMTP. */
    private void deliver(String what, LocalDateTime at, String sentQuery, int expected) throws Exception {
        GreenMail smtp = app.getBean(GreenMail.class);
        smtp.purgeEmailFromAllMailboxes();
        AtomicLong received = new AtomicLong();
        AtomicLong polls = new AtomicLong();
        resetStatements();
        long started = moveClock(at);
        waitFor(what, () -> {
            // Every 5 s: listing 100,000 mailboxes is not free.
            if (polls.incrementAndGet() % 25 == 0) {
                received.addAndGet(drain(smtp));
            }
            return count(sentQuery);
        }, expected);
        lastRate = expected / seconds(started);
        line(what + " : rendus, stockés et remis par SMTP", "%.0f /s", lastRate);
        line(what + " : messages reçus par le serveur SMTP", "%d", received.addAndGet(drain(smtp)));
        statements(what, "message", expected);
    }

    /**
     * The floor: the same rendering of relance 1, then a plain JDBC insert in a transaction of its own, no engine and
     * no SMTP, with as many threads as the job executor's core pool.
     */
    private double floor(int dossierCount) throws Exception {
        jdbc.execute("create table if not exists recouvrement.benchmark_floor (id bigserial primary key, "
                + "dossier_id bigint, subject text, body text, pdf bytea)");
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, number from recouvrement.dossier order by id limit ?", dossierCount);
        MessageWriter writer = app.getBean(MessageWriter.class);
        int threads = Integer.parseInt(app.getEnvironment().getProperty("camunda.bpm.job-execution.core-pool-size", "4"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            done.add(pool.submit(() -> {
                var message = writer.dossierStep((Long) row.get("id"), (String) row.get("number"), "RELANCE_1",
                        "EMAIL", Map.of()).message();
                jdbc.update("insert into recouvrement.benchmark_floor (dossier_id, subject, body, pdf) values (?, ?, ?, ?)",
                        row.get("id"), message.subject(), message.body(), message.pdf());
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double rate = rows.size() / seconds(started);
        line("plancher : même rendu + INSERT JDBC, sans moteur ni SMTP (" + threads + " fils)", "%.0f /s", rate);
        return rate;
    }

    /**
     * An agent's task list: candidate group, sorted by due date, first page, with authorizations on as in Tasklist;
     * then the same query without the authorization check, to tell what that check costs.
     */
    private void taskQuery() {
        TaskService tasks = app.getBean(TaskService.class);
        IdentityService identity = app.getBean(IdentityService.class);
        long open = tasks.createTaskQuery().taskCandidateGroup(AGENTS).count();
        identity.setAuthentication("agent", List.of(AGENTS));
        List<Long> authorized;
        try {
            authorized = timeTaskQuery(tasks);
        } finally {
            identity.clearAuthentication();
        }
        line("requête de la liste de tâches d'un agent (" + open + " tâches ouvertes) p50", "%.1f ms",
                authorized.get(authorized.size() / 2) / 1000.0);
        line("requête de la liste de tâches d'un agent p95", "%.1f ms",
                authorized.get(authorized.size() * 95 / 100) / 1000.0);
        List<Long> unchecked = timeTaskQuery(tasks);
        line("la même requête sans contrôle d'autorisation p50", "%.1f ms", unchecked.get(unchecked.size() / 2) / 1000.0);
    }

    /** 200 timed runs after 20 to warm up, in microseconds, sorted. */
    private static List<Long> timeTaskQuery(TaskService tasks) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            long started = System.nanoTime();
            tasks.createTaskQuery().taskCandidateGroup(AGENTS).orderByDueDate().asc().listPage(0, 15);
            if (i >= 20) {
                micros.add((System.nanoTime() - started) / 1_000);
            }
        }
        Collections.sort(micros);
        return micros;
    }

    /**
     * Counts the messages the SMTP server holds and removes exactly those: at 100,000 relances with their PDF,
     * GreenMail would keep gigabytes in the heap. A message arriving meanwhile is counted at the next call.
     */
    private static long drain(GreenMail smtp) {
        long drained = 0;
        try {
            for (MailFolder folder : smtp.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
                // A copy: the folder's own list shrinks with the expunge.
                List<StoredMessage> messages = List.copyOf(folder.getMessages());
                if (!messages.isEmpty()) {
                    messages.forEach(message -> message.setFlag(Flags.Flag.DELETED, true));
                    folder.expunge();
                    drained += messages.size();
                }
            }
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
        return drained;
    }

    private void resetStatements() {
        jdbc.queryForList("select pg_stat_statements_reset()");
    }

    /**
     * The SQL statements PostgreSQL ran since {@link #resetStatements()}, per unit of work, on one line; the 25 that
     * took the most time go to {@code target/benchmark/sql-<step>.txt}, to tell what bounds a step.
     */
    private void statements(String step, String unit, int units) throws IOException {
        String ownDatabase = "dbid = (select oid from pg_database where datname = current_database())";
        Map<String, Object> total = jdbc.queryForMap("select coalesce(sum(calls), 0) as calls, "
                + "coalesce(sum(total_exec_time), 0) as ms from pg_stat_statements where " + ownDatabase);
        line(step + " : requêtes SQL par " + unit + " (temps PostgreSQL)", "%s",
                String.format(java.util.Locale.ROOT, "%.1f (%.2f ms)",
                        ((Number) total.get("calls")).doubleValue() / units,
                        ((Number) total.get("ms")).doubleValue() / units));
        StringBuilder top = new StringBuilder("calls/" + unit + "\tms/" + unit + "\trows/call\tstatement\n");
        for (Map<String, Object> row : jdbc.queryForList("select calls, total_exec_time, rows, query from "
                + "pg_stat_statements where " + ownDatabase + " order by total_exec_time desc limit 25")) {
            long calls = ((Number) row.get("calls")).longValue();
            top.append(String.format(java.util.Locale.ROOT, "%.2f\t%.3f\t%.1f\t%s%n", (double) calls / units,
                    ((Number) row.get("total_exec_time")).doubleValue() / units,
                    calls == 0 ? 0.0 : ((Number) row.get("rows")).doubleValue() / calls,
                    row.get("query").toString().replaceAll("\\s+", " ")));
        }
        Path file = Path.of("target", "benchmark", "sql-" + step.replaceAll("[^\\p{L}\\d]+", "-") + ".txt");
        Files.writeString(file, top);
    }

    private long moveClock(LocalDateTime parisTime) {
        clock.set(parisTime.atZone(MutableClock.PARIS).toInstant());
        jobExecutor.jobWasAdded();
        return System.nanoTime();
    }

    private void waitFor(String what, LongSupplier current, long expected) throws InterruptedException {
        // 30 minutes, or 10 a second for the large run's steps.
        long minutes = Math.max(30, expected / 600);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        long last = -1;
        while (System.nanoTime() < deadline) {
            last = current.getAsLong();
            if (last >= expected) {
                return;
            }
            jobExecutor.jobWasAdded();
            Thread.sleep(200);
        }
        throw new IllegalStateException(what + ": " + last + " of " + expected + " after " + minutes + " minutes");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private HttpRequest request(String path, String type, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Content-Type", type)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "agent:agent".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A valid SIREN (Luhn) per debtor. */
    private static String siren(int debtor) {
        String body = String.format("%08d", 10_000_000 + debtor);
        for (int check = 0; check <= 9; check++) {
            if (fr.recouvrement.debtor.Siren.isValid(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void line(String figure, String format, Object value) {
        System.out.printf("%-80s %s%n", figure, String.format(java.util.Locale.ROOT, format, value));
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void sampleHeap() {
        while (true) {
            peakHeap.accumulateAndGet(usedHeap(), Math::max);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
