package fr.recouvrement.communication;

import fr.recouvrement.dossier.DossierStatus;
import java.util.Map;

/**
 * A communication as its delivery reads it, with the dossier or invoice it belongs to, and what its step added to the
 * template's model ({@code extras}, empty for none).
 */
record DeliveryRow(long id, Long dossierId, String dossierNumber, DossierStatus dossierStatus, Long invoiceId,
        String invoiceNumber, String step, int occurrence, int revision, String channel, CommunicationStatus status,
        String recipient, String subject, String body, byte[] pdf, String pdfName, String snapshot,
        Map<String, Object> extras, Long replacedBy) {

    String pdfUrl() {
        return dossierNumber != null ? CommunicationDelivery.pdfUrl(dossierNumber, id)
                : "/api/invoices/" + invoiceNumber + "/communications/" + id + "/pdf";
    }
}
