package fr.recouvrement.dunning;

import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.event.PaymentPlan;
import fr.recouvrement.invoice.InvoiceRepository;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Reads from the ledger the facts that date a dossier's next step ({@link LadderFacts}). */
@Component
public class LadderFactsReader {

    private final InvoiceRepository invoices;
    private final CommunicationRepository communications;
    private final PaymentPlanCheck paymentPlan;

    LadderFactsReader(InvoiceRepository invoices, CommunicationRepository communications,
            PaymentPlanCheck paymentPlan) {
        this.invoices = invoices;
        this.communications = communications;
        this.paymentPlan = paymentPlan;
    }

    /** For the process: a missed payment plan is broken first, so that the ladder resumes. */
    LadderFacts enforcingPlan(DossierRepository.DossierRow dossier, Scenario scenario, LocalDate today) {
        return read(dossier, scenario, today, true);
    }

    /** For a preview: the same facts, and nothing written. */
    public LadderFacts readOnly(DossierRepository.DossierRow dossier, Scenario scenario, LocalDate today) {
        return read(dossier, scenario, today, false);
    }

    private LadderFacts read(DossierRepository.DossierRow dossier, Scenario scenario, LocalDate today,
            boolean enforcePlan) {
        // On hold, or every invoice settled or disputed: wait until released or resolved (LadderSteps.resumeLadder).
        boolean waiting = dossier.onHoldSince() != null || invoices.findByDossier(dossier.id()).stream()
                .noneMatch(i -> i.status().claimed() && i.balance().signum() > 0);
        if (waiting) {
            return new LadderFacts(dossier.originDate(), dossier.holdDays(), true, null, null, null);
        }
        int grace = scenario.promiseGraceDays();
        LocalDate planCheck = enforcePlan
                ? paymentPlan.enforce(dossier.id(), grace, today).orElse(null)
                : paymentPlan.progress(dossier.id(), grace, today).map(PaymentPlan.Progress::nextCheck).orElse(null);
        return new LadderFacts(dossier.originDate(), dossier.holdDays(), false,
                communications.lastMessageDay(dossier.id()).orElse(null), dossier.promiseUntil(), planCheck);
    }
}
