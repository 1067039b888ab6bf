package fr.recouvrement.writeoff;

import com.fasterxml.jackson.annotation.JsonFormat;
import fr.recouvrement.money.Euros;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/** A dossier written off by a manager's decision (passage en perte), invoice by invoice (docs/droit-francais.md §11). */
public record WriteOff(
        OffsetDateTime recordedAt,
        List<WriteOffLine> invoices,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1200.00") BigDecimal balance,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1000.00")
        BigDecimal amountExcludingVat,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "200.00")
        BigDecimal vatRecoverable,
        @Schema(description = "Comment récupérer la TVA") String vatRecovery) {

    /** CGI 272-1 and BOI-TVA-DED-40-10-20: how the VAT comes back, and on what evidence. */
    public static final String VAT_RECOVERY = "TVA récupérable par l'émission d'une facture rectificative adressée au"
            + " débiteur (CGI art. 272-1), une fois la créance définitivement irrécouvrable : justificatif, le jugement"
            + " de clôture de la liquidation judiciaire pour insuffisance d'actif ou un certificat d'irrécouvrabilité.";

    public static WriteOff of(OffsetDateTime recordedAt, List<WriteOffLine> invoices) {
        return new WriteOff(recordedAt, List.copyOf(invoices), sum(invoices, WriteOffLine::balance),
                sum(invoices, WriteOffLine::amountExcludingVat), sum(invoices, WriteOffLine::vatRecoverable),
                VAT_RECOVERY);
    }

    /** The decision's outcome, as the closed process keeps it. */
    public String outcome() {
        return "Passage en perte de " + Euros.format(balance) + " TTC : perte " + Euros.format(amountExcludingVat)
                + " HT, TVA récupérable " + Euros.format(vatRecoverable) + ".";
    }

    private static BigDecimal sum(List<WriteOffLine> lines, Function<WriteOffLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
