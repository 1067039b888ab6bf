package fr.recouvrement.judicial;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.recouvrement.debtor.Address;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The judicial file as data, for a commissaire de justice's or a lawyer's software (docs/api.md): what an injonction de
 * payer request needs (CPC 1407), section by section as the PDF prints it. Amounts are decimal strings in EUR
 * ("1234.50"), dates ISO. {@code routes} is a list so that each group of invoices may have its own route.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JudicialFileContent(
        String format,
        String dossier,
        LocalDate originDate,
        LocalDate asOf,
        List<Route> routes,
        Party creditor,
        Party debtor,
        Claim claim,
        List<Invoice> invoices,
        List<Payment> payments,
        List<Letter> letters,
        List<CallNote> callNotes,
        List<Document> documents) {

    /** The version of this shape; a change that removes or renames a field gets a new one. */
    public static final String FORMAT = "recouvrement/dossier-judiciaire/1";

    /**
     * A procedure for a group of invoices (the disputed ones apart), before its court, with the form to fill when there
     * is one, and whether an attempt at conciliation, mediation or a participative procedure must come first (CPC 750-1).
     */
    public record Route(String route, String label, List<String> invoices, String amount, boolean disputed, Court court,
            boolean priorAttemptRequired, Form form) {
    }

    /** The competent court (territorial rule: the debtor's seat or domicile, CPC 1406). */
    public record Court(String kind, String name) {
    }

    /** The Cerfa form of the request. */
    public record Form(String cerfa, String title) {
    }

    /**
     * A party: legal form, seat and representative as known (null when the ledger does not know them). A debtor's
     * legal form is in French words, with the INSEE code ({@code legalFormCode}) the company registry gave; a
     * creditor's is its configuration's text, without a code.
     */
    public record Party(String type, String name, String legalForm, String legalFormCode, String siren,
            String rcsCity, Address seat, String seatSource, Representative representative, String email,
            String phone) {
    }

    public record Representative(String name, String title) {
    }

    /** What is claimed, on what basis, as of {@code asOf}. */
    public record Claim(String basis, String principal, String penalties, boolean penaltiesKnown, String indemnity,
            String total) {
    }

    /** An invoice of the file with its computation: one penalty period per balance and rate. */
    public record Invoice(String number, String status, LocalDate issueDate, LocalDate dueDate,
            LocalDate performanceDate, String description, String debtorReference, String amount, String paid,
            String credited, String balance, String vatRate, String penalties, String indemnity,
            LocalDate prescriptionDate, List<PenaltyPeriod> penaltyPeriods, String documentUrl) {
    }

    public record PenaltyPeriod(LocalDate from, LocalDate to, long days, String balance, String ratePercent,
            String amount) {
    }

    /** A payment or credit note received on an invoice. */
    public record Payment(String invoice, LocalDate date, String type, String amount, String reference) {
    }

    /** A message sent (or recorded) in the amicable phase; the notice with its AR date. */
    public record Letter(OffsetDateTime date, String step, String channel, String status, String recipient,
            String subject, String trackingNumber, LocalDate receivedOn, String pdfUrl) {
    }

    /** A call or note an agent recorded about an invoice of the dossier. */
    public record CallNote(OffsetDateTime recordedAt, String recordedBy, String invoice, String type,
            LocalDateTime calledAt, String phone, String answeredBy, String outcome, String text) {
    }

    /** A piece of the file: a copy of an invoice, a document of the dossier, a letter. */
    public record Document(String kind, String name, String url) {
    }
}
