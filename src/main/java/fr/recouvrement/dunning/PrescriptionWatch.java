package fr.recouvrement.dunning;

import static fr.recouvrement.dunning.DossierVariables.PRESCRIPTION_DATE_TEXT;
import static fr.recouvrement.dunning.DossierVariables.PRESCRIPTION_NEAR;
import static fr.recouvrement.dunning.DossierVariables.PRESCRIPTION_WARNING_AT;

import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.calendar.FormDates;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceLegalAmounts;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.scenario.ScenarioStep;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The managers are warned three months before the earliest prescription date among the invoices still owed, so that
 * they act before the claim is lost (docs/droit-francais.md §5).
 */
@Component("prescriptionWatch")
public class PrescriptionWatch {

    private static final Period PRESCRIPTION_WARNING = Period.ofMonths(3);

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final InvoiceLegalAmounts legalAmounts;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public PrescriptionWatch(DossierRepository dossiers, InvoiceRepository invoices, InvoiceLegalAmounts legalAmounts,
            BusinessCalendar calendar, Clock clock) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.legalAmounts = legalAmounts;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * "Planifier l'alerte de prescription": at 09:00 on a business day. The date moves when a payment restarts
     * prescription, so "Vérifier la prescription" checks again when the alert is due.
     */
    @ScenarioStep
    public void planPrescriptionWarning(DelegateExecution execution) {
        LocalDate prescription = earliestPrescription(execution);
        execution.setVariable(PRESCRIPTION_WARNING_AT, calendar.at9(prescription.minus(PRESCRIPTION_WARNING)));
        execution.setVariable(PRESCRIPTION_DATE_TEXT, FormDates.french(prescription));
    }

    /** "Vérifier la prescription": is the earliest prescription date within three months from today? */
    @ScenarioStep
    public void checkPrescription(DelegateExecution execution) {
        LocalDate prescription = earliestPrescription(execution);
        execution.setVariable(PRESCRIPTION_NEAR,
                !LocalDate.now(clock).isBefore(prescription.minus(PRESCRIPTION_WARNING)));
        execution.setVariable(PRESCRIPTION_DATE_TEXT, FormDates.french(prescription));
    }

    /** Among the invoices still owed, disputed ones too. */
    private LocalDate earliestPrescription(DelegateExecution execution) {
        long dossierId = dossiers.get(execution.getProcessBusinessKey()).id();
        return legalAmounts.complete(invoices.findByDossier(dossierId)).stream()
                .filter(i -> i.status().claimed() || i.status() == InvoiceStatus.DISPUTED)
                .map(InvoiceView::prescriptionDate).min(LocalDate::compareTo)
                // Nothing owed: the settlement closes the dossier; the alert goes far away meanwhile.
                .orElse(LocalDate.now(clock).plusYears(5));
    }
}
