package fr.recouvrement.communication;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * A letter waiting to be printed follows its dossier: when a payment, a new invoice or a dispute changed what it
 * claims, it is written again, and the print-and-post task links the new PDF.
 */
@Component
public class PendingLetters {

    private final CommunicationRepository communications;
    private final DeliveryPreparation preparation;
    private final RuntimeService runtime;

    PendingLetters(CommunicationRepository communications, DeliveryPreparation preparation, RuntimeService runtime) {
        this.communications = communications;
        this.preparation = preparation;
        this.runtime = runtime;
    }

    /**
     * Runs in the caller's transaction.
     *
     * @param extras what the steps' templates need beyond the ledger (the notice's deadline)
     * @return the PDF link of the registered letter (notice) waiting to be posted, if it was written again
     */
    public Optional<String> refresh(long dossierId, Map<String, Object> extras) {
        Optional<String> noticeUrl = Optional.empty();
        for (long id : communications.pendingIds(dossierId, List.of("LETTER", "LRAR"))) {
            DeliveryRow row = communications.lock(id);
            if (!preparation.stale(row)) {
                continue;
            }
            DeliveryRow current = preparation.rewrite(row, extras);
            if ("LRAR".equals(current.channel())) {
                noticeUrl = Optional.of(current.pdfUrl());
            } else {
                runtime.createProcessInstanceQuery().processDefinitionKey(CommunicationOutbox.DELIVERY_PROCESS)
                        .processInstanceBusinessKey(current.dossierNumber() + "/" + current.step()).unlimitedList()
                        .forEach(delivery -> runtime.setVariables(delivery.getId(), Map.of(
                                DeliveryVariables.COMMUNICATION_ID, current.id(),
                                DeliveryVariables.PDF_URL, current.pdfUrl())));
            }
        }
        return noticeUrl;
    }
}
