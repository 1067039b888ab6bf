package fr.recouvrement.dossier;

import com.fasterxml.jackson.annotation.JsonFormat;
import fr.recouvrement.communication.CommunicationView;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.writeoff.WriteOff;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A debtor's collection dossier: its invoices, what is due, where it stands, what was sent (docs/api.md). */
public record DossierView(
        @Schema(example = "D-552081317-001") String number,
        DossierStatus status,
        @Schema(description = "J : la plus ancienne échéance des factures à l'ouverture du dossier") LocalDate originDate,
        @Schema(nullable = true, example = "RELANCE_1") String stage,
        OffsetDateTime openedAt,
        @Schema(nullable = true) OffsetDateTime closedAt,
        @Schema(nullable = true) String closingReason,
        InvoiceView.DebtorView debtor,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = "string", example = "2500.00", description = "Solde des factures réclamées (hors litiges)")
        BigDecimal amountDue,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = "string", example = "0.00", description = "Solde des factures en litige, suspendues")
        BigDecimal amountDisputed,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = "string", example = "0.00", description = "Avoir du débiteur : ce que ses virements ont payé au-delà"
                + " de ses factures (relevés bancaires), à rembourser ou à imputer")
        BigDecimal unappliedCredit,
        List<InvoiceView> invoices,
        List<CommunicationView> communications,
        @Schema(description = "Les documents joints (le scan d'un échéancier signé…), sans leur contenu")
        List<DossierDocument> documents,
        @Schema(nullable = true, description = "Le passage en perte décidé par un manager : perte HT et TVA récupérable")
        WriteOff writeOff) {
}
