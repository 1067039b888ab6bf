package fr.recouvrement.benchmark;

import fr.recouvrement.MutableClock;
import fr.recouvrement.RecouvrementApplication;
import fr.recouvrement.TestClockConfiguration;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bank statement import at size (docs/performance.md, «A 10,000-entry statement»), run on demand with the heap it
 * must fit in: {@code ./mvnw -Pbenchmark verify -Dbenchmark.main=fr.recouvrement.benchmark.BankStatementBenchmark
 * -Dbenchmark.heap=-Xmx256m -Dbenchmark.args=--entries=10000}. The default run without its job executor, {@code
 * entries} invoices of as many debtors inserted in SQL, then one camt.053 of {@code entries} credits, each naming one
 * invoice, sent to {@code POST /api/bank-statements}; prints the time and the heap's peak during the import.
 */
public final class BankStatementBenchmark {

    private static final LocalDate TODAY = MutableClock.DEFAULT_TODAY;
    private static final String IBAN = "FR7630004005500001012345690";

    private BankStatementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = 10_000;
        for (String arg : String.join(" ", args).trim().split("\\s+")) {
            if (arg.startsWith("--entries=")) {
                entries = Integer.parseInt(arg.substring("--entries=".length()));
            }
        }
        try {
            run(entries);
        } catch (Exception | Error e) {
            e.printStackTrace();
            // The application's threads would keep the JVM alive: end it with a failure.
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(int entries) throws Exception {
        Path folder = Path.of("target", "benchmark").toAbsolutePath();
        Files.createDirectories(folder);
        Path data = folder.resolve("postgres-bank-" + System.currentTimeMillis());
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RecouvrementApplication.class,
                TestClockConfiguration.class).run("--server.port=0",
                "--recouvrement.embedded-postgres.data-directory=" + data,
                "--recouvrement.embedded-postgres.clean-data-directory=true",
                "--recouvrement.connect.registry-enabled=false", "--recouvrement.connect.bodacc-enabled=false",
                "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                "--recouvrement.penalties.half-years[2026-H2].ecb-rate=2.00",
                "--recouvrement.penalties.half-years[2026-H2].legal-rate=2.50",
                // Counts the import's SQL statements (statements(...)); the benchmark's database only.
                "--recouvrement.embedded-postgres.server-config[shared_preload_libraries]=pg_stat_statements");
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        jdbc.execute("create extension if not exists pg_stat_statements");
        System.out.printf("# Recouvrement bank statement benchmark: %d entries, heap max %d MB, %d cores, %s %s%n",
                entries, Runtime.getRuntime().maxMemory() / 1_048_576, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));

        insertInvoices(jdbc, entries);
        Path statement = folder.resolve("camt053-" + entries + ".xml");
        writeStatement(statement, entries);
        line("relevé camt.053 écrit", "%d Mo", Files.size(statement) / 1_048_576);

        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        jdbc.queryForList("select pg_stat_statements_reset()");
        long started = System.nanoTime();
        HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + app.getEnvironment().getProperty("local.server.port") + "/api/bank-statements"))
                        .timeout(Duration.ofMinutes(30))
                        .header("Content-Type", "application/xml")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "agent:agent".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofFile(statement)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        // The sum of each pool's peak: an upper bound of the heap used at any one moment.
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Import refusé : " + answer.statusCode() + " " + answer.body());
        }
        statements(jdbc, folder, entries);
        System.out.println(answer.body().length() > 300 ? answer.body().substring(0, 300) + "…" : answer.body());
        line("import de " + entries + " écritures (une requête, une transaction)", "%.1f s", seconds);
        line("écritures par seconde", "%.0f", entries / seconds);
        line("tas avant l'import, après GC", "%d Mo", before / 1_048_576);
        line("tas maximal pendant l'import (somme des pics des zones)", "%d Mo", peak / 1_048_576);
        line("factures soldées", "%d", jdbc.queryForObject("select count(*) from recouvrement.invoice"
                + " where number like 'BANK-%' and status = 'PAID'", Long.class));
        line("écritures enregistrées", "%d", jdbc.queryForObject("select count(*) from recouvrement.bank_entry",
                Long.class));
        app.close();
    }

    /**
     * The SQL statements PostgreSQL ran for the import, per entry, on one line; the 25 that took the most time go to
     * {@code target/benchmark/sql-bank.txt}, to tell what bounds the import.
     */
    private static void statements(JdbcTemplate jdbc, Path folder, int entries) throws Exception {
        String ownDatabase = "dbid = (select oid from pg_database where datname = current_database())";
        Map<String, Object> total = jdbc.queryForMap("select coalesce(sum(calls), 0) as calls, "
                + "coalesce(sum(total_exec_time), 0) as ms from pg_stat_statements where " + ownDatabase);
        line("requêtes SQL par écriture (temps PostgreSQL)", "%s", String.format(Locale.ROOT, "%.1f (%.2f ms)",
                ((Number) total.get("calls")).doubleValue() / entries,
                ((Number) total.get("ms")).doubleValue() / entries));
        StringBuilder top = new StringBuilder("calls/entry\tms/entry\trows/call\tstatement\n");
        for (Map<String, Object> row : jdbc.queryForList("select calls, total_exec_time, rows, query from "
                + "pg_stat_statements where " + ownDatabase + " order by total_exec_time desc limit 25")) {
            long calls = ((Number) row.get("calls")).longValue();
            top.append(String.format(Locale.ROOT, "%.2f\t%.3f\t%.1f\t%s%n", (double) calls / entries,
                    ((Number) row.get("total_exec_time")).doubleValue() / entries,
                    calls == 0 ? 0.0 : ((Number) row.get("rows")).doubleValue() / calls,
                    row.get("query").toString().replaceAll("\\s+", " ")));
        }
        Files.writeString(folder.resolve("sql-bank.txt"), top);
    }

    /** One debtor per invoice, due a month ago, inserted in SQL: the engine plays no part in what is measured. */
    private static void insertInvoices(JdbcTemplate jdbc, int count) {
        jdbc.update("""
                insert into recouvrement.debtor (type, siren, name, segment, email, address_line1, postal_code, city,
                                                 country)
                select 'B2B', '8' || lpad(g::text, 8, '0'), 'Banque ' || g, 'PME', 'compta' || g || '@banque.test',
                       g || ' rue des Virements', '69003', 'Lyon', 'FR'
                from generate_series(1, ?) g""", count);
        jdbc.update("""
                with first as (select min(id) as id from recouvrement.debtor where email like '%@banque.test')
                insert into recouvrement.invoice (number, debtor_id, issue_date, due_date, amount, currency, status)
                select 'BANK-' || g, first.id + g - 1, cast(? as date) - 60, cast(? as date) - 30,
                       100 + g % 900 + (g % 100) / 100.0, 'EUR', 'OPEN'
                from generate_series(1, ?) g, first""", TODAY, TODAY, count);
        jdbc.execute("analyze");
    }

    /** A camt.053.001.02 of {@code count} booked credits, each paying one invoice in full and naming it. */
    private static void writeStatement(Path file, int count) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                      <BkToCstmrStmt>
                        <GrpHdr><MsgId>BENCH-STMT</MsgId><CreDtTm>%1$sT22:00:00</CreDtTm></GrpHdr>
                        <Stmt>
                          <Id>BENCH-1</Id>
                          <CreDtTm>%1$sT22:00:00</CreDtTm>
                          <Acct><Id><IBAN>%2$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
                    """.formatted(TODAY, IBAN));
            for (int g = 1; g <= count; g++) {
                String amount = String.format(Locale.ROOT, "%d.%02d", 100 + g % 900, g % 100);
                out.write("""
                              <Ntry>
                                <Amt Ccy="EUR">%1$s</Amt>
                                <CdtDbtInd>CRDT</CdtDbtInd>
                                <Sts>BOOK</Sts>
                                <BookgDt><Dt>%2$s</Dt></BookgDt>
                                <ValDt><Dt>%2$s</Dt></ValDt>
                                <AcctSvcrRef>BENCH-%3$d</AcctSvcrRef>
                                <NtryDtls><TxDtls>
                                  <Refs><EndToEndId>BENCH-E2E-%3$d</EndToEndId></Refs>
                                  <AmtDtls><TxAmt><Amt Ccy="EUR">%1$s</Amt></TxAmt></AmtDtls>
                                  <RltdPties><Dbtr><Nm>BANQUE %3$d</Nm></Dbtr></RltdPties>
                                  <RmtInf><Ustrd>Reglement facture BANK-%3$d</Ustrd></RmtInf>
                                </TxDtls></NtryDtls>
                              </Ntry>
                        """.formatted(amount, TODAY, g));
            }
            out.write("""
                        </Stmt>
                      </BkToCstmrStmt>
                    </Document>
                    """);
        }
    }

    private static void line(String figure, String format, Object value) {
        System.out.printf("%-80s %s%n", figure, String.format(Locale.ROOT, format, value));
    }
}
