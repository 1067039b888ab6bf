package fr.recouvrement.invoice;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.debtor.Debtor;
import fr.recouvrement.debtor.DebtorDetails;
import fr.recouvrement.debtor.DebtorType;
import fr.recouvrement.penalties.InsolvencyClaim;
import fr.recouvrement.penalties.LegalAmounts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An invoice as the API returns it. Amounts are decimal strings with two decimals ("1234.50"). */
public record InvoiceView(
        @Schema(example = "F-2026-0042") String number,
        LocalDate issueDate,
        LocalDate dueDate,
        @Schema(description = "Livraison ou exécution de la prestation, d'où court la prescription ; la date d'émission"
                + " si elle n'a pas été donnée")
        LocalDate performanceDate,
        @Schema(example = "Maintenance annuelle") String description,
        @Schema(nullable = true, example = "BC-2026-118",
                description = "La référence du débiteur pour cette facture (bon de commande, numéro de compte),"
                        + " rappelée dans chaque message")
        String debtorReference,
        @Schema(description = "Marchandises vendues avec réserve de propriété : revendiquées en cas de procédure"
                + " collective (L624-9)")
        boolean retentionOfTitle,
        @Schema(example = "EUR") String currency,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1500.00") BigDecimal amount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "500.00") BigDecimal paid,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "0.00") BigDecimal credited,
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = "string", example = "1000.00") BigDecimal balance,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = "string", nullable = true, description = "Pénalités de retard ; null tant qu'elles ne sont pas calculées")
        BigDecimal penalties,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = "string", nullable = true, description = "Indemnité forfaitaire de recouvrement (40 EUR, B2B)")
        BigDecimal indemnity,
        @Schema(nullable = true) LocalDate prescriptionDate,
        @Schema(nullable = true, description = "Procédure collective du débiteur : ANTERIEURE, exécutée avant le jugement"
                + " d'ouverture, déclarée et plus réclamée (L622-7) ; POSTERIEURE, réclamée comme d'habitude (L622-17) ;"
                + " null sans procédure connue")
        InsolvencyClaim insolvencyClaim,
        InvoiceStatus status,
        @Schema(example = "PRE_ECHEANCE") String stage,
        @Schema(nullable = true, example = "D-552081317-001") String dossier,
        DebtorView debtor,
        @Schema(description = "Le PDF de la facture est conservé (POST …/document) et joint à la mise en demeure")
        boolean document,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = "string", example = "20.00", description = "Taux de TVA en pour cent (20.00 à défaut)")
        BigDecimal vatRate,
        @Schema(description = "TVA exigible à l'encaissement : un passage en perte n'en récupère rien")
        boolean vatOnReceipt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    /** The invoice's debtor. */
    public record DebtorView(
            long id, DebtorType type, @Schema(example = "552081317") String siren, String name,
            @Schema(example = "PME", description = "Un segment que nomme la décision DMN scenario-recouvrement déployée")
            String segment,
            String email, String phone, Address address) {

        public static DebtorView of(Debtor debtor) {
            DebtorDetails details = debtor.details();
            return new DebtorView(debtor.id(), details.type(), details.siren(), details.name(), details.segment(),
                    details.email(), details.phone(), details.address());
        }
    }

    /**
     * Time-barred on {@code day}: its prescription date is past, so no letter, e-mail or judicial file may demand it
     * (docs/droit-francais.md §5). Known only once InvoiceLegalAmounts has filled in the prescription date.
     */
    public boolean prescribedOn(LocalDate day) {
        return prescriptionDate != null && prescriptionDate.isBefore(day);
    }

    /**
     * What a dossier may demand on {@code day}, the one rule every letter, e-mail and judicial file applies: a balance
     * left, a status that claims it (not disputed, paid or cancelled), not prescribed, and not born before its
     * debtor's opening judgment (paying it is forbidden, L622-7: it is declared instead).
     */
    public boolean claimableOn(LocalDate day) {
        return owed() && !prescribedOn(day) && insolvencyClaim != InsolvencyClaim.ANTERIEURE;
    }

    /** What the claim declaration lists on {@code day}: owed, not prescribed, born before the opening judgment. */
    public boolean declarableOn(LocalDate day) {
        return owed() && !prescribedOn(day) && insolvencyClaim == InsolvencyClaim.ANTERIEURE;
    }

    /** Time-barred while still unpaid: left out of what is claimed, and shown as prescribed. */
    public boolean owedButPrescribedOn(LocalDate day) {
        return owed() && prescribedOn(day);
    }

    private boolean owed() {
        return status.claimed() && balance.signum() > 0;
    }

    InvoiceView withLegalAmounts(LegalAmounts legal) {
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(legal.warnings());
        return new InvoiceView(number, issueDate, dueDate, performanceDate, description, debtorReference, retentionOfTitle, currency, amount,
                paid, credited, balance, legal.penalties(), legal.indemnity(), legal.prescriptionDate(),
                legal.insolvencyClaim(), status, stage, dossier, debtor, document, vatRate, vatOnReceipt,
                List.copyOf(allWarnings));
    }

    InvoiceView withWarnings(List<String> newWarnings) {
        List<String> allWarnings = new ArrayList<>(newWarnings);
        allWarnings.addAll(warnings);
        return new InvoiceView(number, issueDate, dueDate, performanceDate, description, debtorReference, retentionOfTitle, currency, amount,
                paid, credited, balance, penalties, indemnity, prescriptionDate, insolvencyClaim, status, stage, dossier,
                debtor, document, vatRate, vatOnReceipt, List.copyOf(allWarnings));
    }
}
