package fr.recouvrement.writeoff;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One invoice of a write-off (docs/droit-francais.md §11): its balance including VAT split into the loss excluding VAT
 * and the VAT the creditor may recover.
 */
public record WriteOffLine(
        @Schema(example = "F-2026-0042") String invoice,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = "string", example = "1200.00", description = "Reste dû TTC passé en perte") BigDecimal balance,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "20.00") BigDecimal vatRate,
        boolean vatOnReceipt,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1000.00")
        BigDecimal amountExcludingVat,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = "string", example = "200.00", description = "TVA récupérable par facture rectificative (CGI 272-1)")
        BigDecimal vatRecoverable) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /**
     * The split of a balance including VAT: excluding VAT = balance × 100 / (100 + rate), rounded to the cent half up,
     * and the VAT the difference, so that both add up to the balance. A payment received in part paid its share of VAT:
     * the split applies to what is left. VAT due on receipt was never paid on what was not received: nothing to
     * recover.
     */
    public static WriteOffLine of(String invoice, BigDecimal balance, BigDecimal vatRate, boolean vatOnReceipt) {
        BigDecimal excluding = balance.multiply(HUNDRED).divide(HUNDRED.add(vatRate), 2, RoundingMode.HALF_UP);
        BigDecimal vat = vatOnReceipt ? BigDecimal.ZERO.setScale(2) : balance.subtract(excluding);
        return new WriteOffLine(invoice, balance, vatRate, vatOnReceipt, excluding, vat);
    }
}
