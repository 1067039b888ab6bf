package fr.recouvrement.dunning;

import fr.recouvrement.api.NotFoundException;
import fr.recouvrement.calendar.BusinessCalendar;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceStatus;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.money.Euros;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code recouvrement-amiable}, one method per business action, called from the BPMN as
 * {@code ${dossierCollection.load(execution)}}. Variables are refreshed from the ledger before each user task, so
 * that the agent's form shows what is owed now.
 */
@Component("dossierCollection")
public class DossierCollection {

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<InvoiceStatus, String> STATUS_LABELS = Map.of(
            InvoiceStatus.OPEN, "À recouvrer",
            InvoiceStatus.PAID, "Payée",
            InvoiceStatus.DISPUTED, "En litige",
            InvoiceStatus.PAYMENT_PLAN, "Échéancier",
            InvoiceStatus.JUDICIAL, "Contentieux",
            InvoiceStatus.CANCELLED, "Annulée");
    private static final Set<InvoiceStatus> CLAIMED =
            EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PAYMENT_PLAN, InvoiceStatus.JUDICIAL);

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final BusinessCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;

    public DossierCollection(DossierRepository dossiers, InvoiceRepository invoices, BusinessCalendar calendar,
            JdbcClient jdbc, Clock clock) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** "Lire le dossier": the debtor, the invoices and what they owe, for the DMN and the agents' forms. */
    public void load(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossier(execution);
        List<InvoiceView> dossierInvoices = invoices.findByDossier(dossier.id());
        InvoiceView.DebtorView debtor = dossierInvoices.get(0).debtor();
        BigDecimal due = dossierInvoices.stream().filter(i -> CLAIMED.contains(i.status())).map(InvoiceView::balance)
                .filter(b -> b.signum() > 0).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        execution.setVariable("debtorName", debtor.name());
        execution.setVariable("debtorPhone", debtor.phone() == null ? "" : debtor.phone());
        execution.setVariable("debtorEmail", debtor.email());
        execution.setVariable("debtorType", debtor.type().name());
        execution.setVariable("segment", debtor.segment().name());
        // The DMN compares amounts to thresholds; forms show the exact amount as French text.
        execution.setVariable("amountDue", due.doubleValue());
        execution.setVariable("amountDueText", Euros.format(due));
        execution.setVariable("originDate", dossier.originDate().toString());
        // Shown as a table in the agents' forms: French dates, amounts and statuses.
        execution.setVariable("invoices", Spin.JSON(dossierInvoices.stream().map(i -> Map.of(
                "number", i.number(),
                "dueDate", i.dueDate().format(FRENCH_DATE),
                "amount", Euros.format(i.amount()),
                "balance", Euros.format(i.balance()),
                "status", STATUS_LABELS.get(i.status()))).toList()));
        execution.setVariable("settled", due.signum() == 0
                && dossierInvoices.stream().noneMatch(i -> i.status() == InvoiceStatus.DISPUTED));
    }

    /** "Préparer l'appel de conciliation": the dossier enters the conciliation stage; the call is due per the DMN. */
    public void startConciliation(DelegateExecution execution) {
        setStage(execution, "CONCILIATION");
        @SuppressWarnings("unchecked")
        Map<String, Object> scenario = (Map<String, Object>) execution.getVariable("scenario");
        int sla = ((Number) scenario.get("taskSlaDays")).intValue();
        execution.setVariable("conciliationDueAt", calendar.at9(addBusinessDays(LocalDate.now(clock), sla)));
    }

    /** "Clore le dossier soldé". */
    public void closeSettled(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossier(execution);
        jdbc.sql("""
                update recouvrement.dossier set status = 'CLOSED', closed_at = now(), closing_reason = 'SOLDE',
                    stage = 'TERMINE' where id = ?""").param(dossier.id()).update();
    }

    private void setStage(DelegateExecution execution, String stage) {
        jdbc.sql("update recouvrement.dossier set stage = ? where number = ?")
                .params(stage, execution.getProcessBusinessKey()).update();
    }

    private LocalDate addBusinessDays(LocalDate from, int days) {
        LocalDate day = from;
        for (int i = 0; i < days; i++) {
            day = calendar.onOrAfter(day.plusDays(1));
        }
        return day;
    }

    private DossierRepository.DossierRow dossier(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        return dossiers.findByNumber(number)
                .orElseThrow(() -> new NotFoundException("Aucun dossier n'a le numéro " + number + "."));
    }
}
