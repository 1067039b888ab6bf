package fr.recouvrement.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The managers' figures (docs/api.md, «KPIs»): managers, analysts and administrators only. */
@RestController
@RequestMapping("/api/kpis")
@Tag(name = "Indicateurs")
public class KpiController {

    private final Kpis kpis;
    private final Clock clock;

    KpiController(Kpis kpis, Clock clock) {
        this.kpis = kpis;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Les indicateurs du recouvrement : encours, balance âgée, DSO, débiteurs, prescriptions, "
            + "recouvrement par étape, et la situation du moment",
            description = "ledger : au jour asOf (aujourd'hui par défaut) ; recovery : de from à to (les douze mois "
                    + "jusqu'à asOf par défaut) ; operational : toujours la situation du moment. Filtres : segment, "
                    + "debtorType (B2B, B2C). Montants en principal, en EUR.")
    public KpiReport get(@RequestParam(required = false) String asOf, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String segment,
            @RequestParam(required = false) String debtorType) {
        return kpis.report(KpiQuery.parse(asOf, from, to, segment, debtorType, LocalDate.now(clock)));
    }
}
