package fr.recouvrement.dunning;

import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.dossier.DossierOpening;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.event.EventRecorder;
import fr.recouvrement.event.EventRequest;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.penalties.InsolvencyClaim;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The event subprocess "Procédure collective" of {@code recouvrement-amiable} (docs/droit-francais.md §8): the dossier
 * keeps the invoices born before the opening judgment, to declare; those born after it go on being claimed in the
 * debtor's next dossier.
 */
@Component("insolvencyDeclaration")
public class InsolvencyDeclaration {

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final DossierOpening opening;
    private final DossierClosing closing;
    private final EventRecorder events;
    private final Clock clock;

    // The variables of "Revendiquer les biens": set by debtorChecks when the procedure is found, typed by the legal team.
    static final String GOODS_TO_RECLAIM_TEXT = "goodsToReclaimText";
    static final String RECLAIM_DUE_AT = "reclaimDueAt";
    static final String OPENING_JUDGMENT_DATE = "openingJudgmentDate";
    static final String RECLAIM_SENT = "reclaimSent";
    static final String RECLAIM_SENT_ON = "reclaimSentOn";
    static final String GOODS_RECOVERED = "goodsRecovered";
    static final String RECLAIM_COMMENT = "reclaimComment";
    private static final String SENT_ON_LABEL = "La date d'envoi de la revendication";

    public InsolvencyDeclaration(DossierRepository dossiers, InvoiceRepository invoices,
            InvoiceLegalAmounts legalAmounts, DossierOpening opening, DossierClosing closing, EventRecorder events,
            Clock clock) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
        this.opening = opening;
        this.closing = closing;
        this.events = events;
        this.clock = clock;
    }

    /**
     * "Réclamer à part les factures postérieures": the dossier takes no new invoice, and each unpaid invoice born on
     * or after the judgment's day leaves it for the debtor's next dossier (opened by the first of them), whose ladder
     * claims it with its penalties and 40 € (L622-17). The dossier is left with the claim to declare.
     */
    @ScenarioStep
    public void separateLaterInvoices(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        dossiers.closeToNewInvoices(dossier.id());
        dossiers.moveToStage(dossier.number(), "JUDICIAIRE");
        List<InvoiceView> later = legalAmounts.complete(invoices.findByDossier(dossier.id())).stream()
                .filter(i -> i.insolvencyClaim() == InsolvencyClaim.POSTERIEURE && i.balance().signum() > 0
                        && i.status() != InvoiceStatus.PAID && i.status() != InvoiceStatus.CANCELLED)
                .toList();
        for (InvoiceView invoice : later) {
            invoices.unlinkFromDossier(invoice.number());
            opening.place(invoice.number());
        }
    }

    /**
     * "Clore le dossier forclos": neither declared in time nor relieved of the foreclosure (L622-26), the claim can no
     * longer be paid in the procedure; its invoices leave amicable collection.
     */
    @ScenarioStep
    public void closeForeclosed(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        invoices.changeStatusInDossier(dossier.id(),
                EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PAYMENT_PLAN, InvoiceStatus.DISPUTED),
                InvoiceStatus.JUDICIAL);
        closing.close(dossier, "FORCLUSION");
    }

    /**
     * When the legal team completes "Revendiquer les biens": the sending date, when the claim was sent, is a day between
     * the opening judgment and today (otherwise Tasklist says why and nothing is recorded); the outcome goes to the
     * dossier's timeline, on the first invoice concerned, so that whoever opens the dossier later reads it.
     */
    @ScenarioStep
    public void recordGoodsClaim(DelegateTask task) {
        String goods = (String) task.getVariable(GOODS_TO_RECLAIM_TEXT);
        LocalDate deadline = ((Date) task.getVariable(RECLAIM_DUE_AT)).toInstant().atZone(clock.getZone())
                .toLocalDate();
        StringBuilder line = new StringBuilder("Revendication des biens vendus avec réserve de propriété (")
                .append(goods).append(") : ");
        if (Boolean.TRUE.equals(task.getVariable(RECLAIM_SENT))) {
            LocalDate sentOn = FormDates.between(task, RECLAIM_SENT_ON, SENT_ON_LABEL,
                    LocalDate.parse((String) task.getVariable(OPENING_JUDGMENT_DATE)), "le jugement d'ouverture",
                    LocalDate.now(clock));
            line.append("adressée le ").append(FormDates.french(sentOn))
                    .append(sentOn.isAfter(deadline) ? ", après le délai du " + FormDates.french(deadline) : "")
                    .append(Boolean.TRUE.equals(task.getVariable(GOODS_RECOVERED))
                            ? " ; biens récupérés." : " ; biens non récupérés.");
        } else {
            line.append("non adressée (délai : ").append(FormDates.french(deadline)).append(").");
        }
        Object comment = task.getVariable(RECLAIM_COMMENT);
        if (comment != null && !comment.toString().isBlank()) {
            line.append(' ').append(comment.toString().strip());
        }
        // The text lists "F-1 (reste dû …), F-2 (…)": an invoice number holds no space.
        String firstInvoice = goods.substring(0, goods.indexOf(' '));
        events.recordFromDossier(firstInvoice, new EventRequest("NOTE", null, null, null, null, null,
                line.toString()), task.getAssignee() == null ? "recouvrement-amiable" : task.getAssignee());
    }
}
