package fr.recouvrement.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' figures and the aged balance as a spreadsheet (docs/api.md, «KPIs»): managers, analysts and
 * administrators only.
 */
@RestController
@RequestMapping("/api/kpis")
@Tag(name = "Indicateurs")
public class KpiController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Kpis kpis;
    private final AgedBalanceExport export;
    private final KpiSnapshotRepository snapshots;
    private final Clock clock;

    KpiController(Kpis kpis, AgedBalanceExport export, KpiSnapshotRepository snapshots, Clock clock) {
        this.kpis = kpis;
        this.export = export;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Les indicateurs du recouvrement : encours, balance âgée, DSO, débiteurs, prescriptions, "
            + "recouvrement par étape, et la situation du moment",
            description = "ledger : au jour asOf (aujourd'hui par défaut) ; recovery : de from à to (les douze mois "
                    + "jusqu'à asOf par défaut) ; operational : toujours la situation du moment. Filtres : segment, "
                    + "debtorType (B2B, B2C, PUBLIC). Montants en principal, en EUR.")
    public KpiReport get(@RequestParam(required = false) String asOf, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String segment,
            @RequestParam(required = false) String debtorType) {
        return kpis.report(KpiQuery.parse(asOf, from, to, segment, debtorType, LocalDate.now(clock)));
    }

    @GetMapping("/trend")
    @Operation(summary = "L'évolution des indicateurs : un relevé par jour, pris à 6 h, heure de Paris",
            description = "Encours, retard, balance âgée, DSO et dossiers par étape de tout le portefeuille, du jour "
                    + "from au jour to (les douze dernières semaines par défaut). Un jour sans relevé (application "
                    + "arrêtée) n'a pas de ligne.")
    public KpiTrend trend(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        KpiTrend.Period period = KpiTrend.Period.parse(from, to, LocalDate.now(clock));
        return new KpiTrend(period.from(), period.to(), "EUR", snapshots.between(period.from(), period.to()));
    }

    @GetMapping("/aged-balance.csv")
    @Operation(summary = "La balance âgée, une ligne par facture due, en CSV pour un tableur français",
            description = "Séparateur ;, virgule décimale, UTF-8 avec BOM. Paramètres : asOf, segment, debtorType.")
    public ResponseEntity<byte[]> agedBalanceCsv(@RequestParam(required = false) String asOf,
            @RequestParam(required = false) String segment, @RequestParam(required = false) String debtorType) {
        KpiQuery query = KpiQuery.parse(asOf, null, null, segment, debtorType, LocalDate.now(clock));
        return file(export.csv(export.lines(query)), CSV, query, "csv");
    }

    @GetMapping("/aged-balance.xlsx")
    @Operation(summary = "La balance âgée, une ligne par facture due, en classeur Excel",
            description = "Montants et dates en cellules numériques, aux formats français. Paramètres : asOf, segment,"
                    + " debtorType.")
    public ResponseEntity<byte[]> agedBalanceXlsx(@RequestParam(required = false) String asOf,
            @RequestParam(required = false) String segment, @RequestParam(required = false) String debtorType) {
        KpiQuery query = KpiQuery.parse(asOf, null, null, segment, debtorType, LocalDate.now(clock));
        return file(export.xlsx(export.lines(query)), XLSX, query, "xlsx");
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, KpiQuery query, String extension) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("balance-agee-" + query.asOf() + "." + extension).build().toString())
                .body(content);
    }
}
