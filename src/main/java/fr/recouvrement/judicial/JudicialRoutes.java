package fr.recouvrement.judicial;

import fr.recouvrement.api.TasklistRefusal;
import fr.recouvrement.debtor.Address;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.dunning.JudicialInputs;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.invoice.InvoiceView;
import fr.recouvrement.money.Euros;
import fr.recouvrement.scenario.ScenarioStep;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * "Choisir les voies judiciaires": the decision {@code voie-judiciaire} evaluated once per group of invoices (the
 * undisputed ones by their own total, the disputed ones apart), each route with its court; and "Passer à l'injonction
 * de payer" when a small-claims procedure ends without agreement (docs/droit-francais.md §6).
 *
 * <p>Process variables written: {@code routes}, a JSON list with one entry per group; {@code route} and
 * {@code routeLabel}, the dossier's main route (the first one that goes to court) and every route in a line;
 * {@code priorAttemptRequired} (CPC 750-1) and {@code smallClaims}.
 */
@Component("judicialRoutes")
public class JudicialRoutes {

    static final String ROUTES = "routes";
    static final String PRIOR_ATTEMPT_REQUIRED = "priorAttemptRequired";
    static final String SMALL_CLAIMS = "smallClaims";
    static final String DECISION = "voie-judiciaire";
    static final String PRIOR_ATTEMPT_OUTCOME = "priorAttemptOutcome";
    static final String PRIOR_ATTEMPT_MODE = "priorAttemptMode";
    static final String PRIOR_ATTEMPT_EXEMPTION = "priorAttemptExemption";
    private static final Set<String> PRIOR_ATTEMPT_OUTCOMES = Set.of("ACCORD", "ECHEC", "DISPENSE");
    private static final Set<String> ATTEMPT_MODES = Set.of("CONCILIATION", "MEDIATION", "PROCEDURE_PARTICIPATIVE");
    /** The grounds of CPC 750-1, 1° to 5°, as the form offers them. */
    private static final Set<String> EXEMPTIONS = Set.of("HOMOLOGATION", "RECOURS_PREALABLE", "MOTIF_LEGITIME",
            "CONCILIATION_PAR_LE_JUGE", "PETITES_CREANCES_ECHOUEE");
    private static final String DECISION_MANAGER = "DECISION_MANAGER";
    private static final String SMALL_CLAIMS_ROUTE = "PETITES_CREANCES";
    private static final String ORDER_ROUTE = "INJONCTION_DE_PAYER";

    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final JudicialInputs judicialInputs;
    private final JudicialFile judicialFile;
    private final Clock clock;

    public JudicialRoutes(DossierRepository dossiers, InvoiceRepository invoices, JudicialInputs judicialInputs,
            JudicialFile judicialFile, Clock clock) {
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.judicialInputs = judicialInputs;
        this.judicialFile = judicialFile;
        this.clock = clock;
    }

    @ScenarioStep
    public void choose(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        String debtorType = String.valueOf(execution.getVariable("debtorType"));
        Address seat = seat(dossier.id());
        List<Map<String, Object>> routes = new ArrayList<>();
        for (JudicialInputs.Group group : judicialInputs.groups(dossier.id(), LocalDate.now(clock))) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("insolvent", Boolean.TRUE.equals(execution.getVariable("insolvent")));
            inputs.put("prescribed", group.prescribed());
            inputs.put("disputed", group.disputed());
            inputs.put("amountDue", group.amountClaimed().doubleValue());
            inputs.put("debtorType", debtorType);
            DmnDecisionRuleResult decided = execution.getProcessEngineServices().getDecisionService()
                    .evaluateDecisionTableByKey(DECISION, inputs).getSingleResult();
            routes.add(route(group.invoices(), group.disputed(), group.amountClaimed(), decided.getEntry("route"),
                    decided.getEntry("routeLabel"), debtorType, seat));
        }
        write(execution, routes);
    }

    /**
     * "Passer à l'injonction de payer": the debtor did not agree within the month of the small-claims procedure (CPCE
     * R125-5 ff.), or refused; its invoices go to the injonction de payer, exempt from CPC 750-1, and the judicial
     * file is rebuilt with it.
     */
    @ScenarioStep
    public void smallClaimsFailed(DelegateExecution execution) {
        DossierRepository.DossierRow dossier = dossiers.get(execution.getProcessBusinessKey());
        String debtorType = String.valueOf(execution.getVariable("debtorType"));
        Address seat = seat(dossier.id());
        List<Map<String, Object>> routes = read(execution).stream()
                .map(r -> SMALL_CLAIMS_ROUTE.equals(r.get("route"))
                        ? route(castList(r.get("invoiceNumbers")), false, new BigDecimal((String) r.get("amount")),
                                ORDER_ROUTE, "Injonction de payer, après échec de la procédure simplifiée",
                                debtorType, seat)
                        : r)
                .toList();
        write(execution, routes);
        judicialFile.build(execution);
    }

    /**
     * When the legal team completes "Tenter un règlement amiable (CPC 750-1)": the outcome is an agreement, a failure
     * of the attempt made (by which mode), or an exemption with its ground from the article's list; otherwise Tasklist
     * says what is missing and nothing is recorded.
     */
    @ScenarioStep
    public void checkPriorAttempt(DelegateTask task) {
        Object outcome = task.getVariable(PRIOR_ATTEMPT_OUTCOME);
        if (!oneOf(PRIOR_ATTEMPT_OUTCOMES, outcome)) {
            throw new TasklistRefusal("Indiquez l'issue de la tentative : accord, échec ou dispense (reçu : "
                    + outcome + ").");
        }
        if ("DISPENSE".equals(outcome)) {
            Object ground = task.getVariable(PRIOR_ATTEMPT_EXEMPTION);
            if (!oneOf(EXEMPTIONS, ground)) {
                throw new TasklistRefusal("Une dispense doit citer l'un des motifs de l'article 750-1 du code de"
                        + " procédure civile (reçu : " + ground + ").");
            }
        } else if (!oneOf(ATTEMPT_MODES, task.getVariable(PRIOR_ATTEMPT_MODE))) {
            throw new TasklistRefusal("Indiquez la forme de la tentative : conciliation, médiation ou procédure"
                    + " participative.");
        }
    }

    /** Set.of(...).contains(null) throws: a field left empty is simply not one of the values. */
    private static boolean oneOf(Set<String> values, Object value) {
        return value instanceof String text && values.contains(text);
    }

    /** The routes of a dossier as the process holds them; empty for a dossier routed before they existed. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> read(DelegateExecution execution) {
        return execution.getVariable(ROUTES) instanceof SpinJsonNode routes ? routes.mapTo(List.class) : List.of();
    }

    private void write(DelegateExecution execution, List<Map<String, Object>> routes) {
        List<Map<String, Object>> toCourt = routes.stream().filter(r -> !DECISION_MANAGER.equals(r.get("route")))
                .toList();
        execution.setVariable(ROUTES, Spin.JSON(routes));
        execution.setVariable(JudicialFile.ROUTE, toCourt.isEmpty() ? DECISION_MANAGER : toCourt.get(0).get("route"));
        execution.setVariable(JudicialFile.ROUTE_LABEL, routes.isEmpty()
                ? "Décision du responsable (rien à réclamer)"
                : routes.stream().map(r -> r.get("routeLabel") + " (" + r.get("invoices") + ")")
                        .collect(Collectors.joining("\u202f; ")));
        execution.setVariable(PRIOR_ATTEMPT_REQUIRED,
                routes.stream().anyMatch(r -> Boolean.TRUE.equals(r.get(PRIOR_ATTEMPT_REQUIRED))));
        execution.setVariable(SMALL_CLAIMS, routes.stream().anyMatch(r -> SMALL_CLAIMS_ROUTE.equals(r.get("route"))));
    }

    private static Map<String, Object> route(List<String> numbers, boolean disputed, BigDecimal amount, String route,
            String label, String debtorType, Address seat) {
        CompetentCourt.Named court = CompetentCourt.of(route, debtorType, seat);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("invoiceNumbers", numbers);
        map.put("invoices", String.join(", ", numbers));
        map.put("disputed", disputed);
        map.put("amount", amount.toPlainString());
        map.put("amountText", Euros.format(amount));
        map.put("route", route);
        map.put("routeLabel", label);
        map.put("court", court.court().name());
        map.put("courtLabel", court.label());
        map.put(PRIOR_ATTEMPT_REQUIRED, CompetentCourt.priorAttemptRequired(route, court.court(), amount));
        return map;
    }

    private Address seat(long dossierId) {
        List<InvoiceView> dossierInvoices = invoices.findByDossier(dossierId);
        return dossierInvoices.isEmpty() ? null : dossierInvoices.get(0).debtor().address();
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
