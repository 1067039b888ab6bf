package fr.recouvrement.registry;

import static fr.recouvrement.registry.FakePublicData.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import fr.recouvrement.communication.MailTest;
import fr.recouvrement.money.Euros;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A company in redressement judiciaire (docs/droit-francais.md §8): judgment of 3 November 2026, published at BODACC on
 * 12 November; today is Tuesday 24 November 2026. One dossier holds an invoice performed before the judgment and one
 * performed after it; BODACC is asked as the dossier opens.
 */
class InsolvencyTest extends MailTest {

    private String before;
    private String after;
    private ProcessInstance dossier;

    @BeforeEach
    void openingJudgmentPublished() {
        FakePublicData.bodacc(siren, ok(FakePublicData.openingJudgment(siren,
                "Jugement d'ouverture d'une procédure de redressement judiciaire", "2026-11-03", "2026-11-12")));
        before = newInvoice();
        after = newInvoice();
        // Both due on 25 October; the second was paid for in advance, delivered on 5 November, after the judgment.
        dossier = openDossier(Map.of(before, "2026-09-25", after, "2026-11-05"),
                b2bDebtor("Redressement En Cours", "PME"), "2026-10-25", before, "2000.00", after, "1000.00");
        driver.runDueJobs(dossier.getId());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> invoice(String number) {
        return http.withBasicAuth("agent", "agent").getForObject("/api/invoices/" + number, Map.class);
    }

    @Test
    void theInvoiceBeforeTheJudgmentIsDeclaredWithPenaltiesStoppedTheOneAfterIsClaimedAsUsualInTheNextDossier() {
        // Before: 2,000.00 due 2026-10-25, penalties 2026-10-26..11-02 (the judgment's day stops them) = 8 d × 2,000
        // × 12.00 (2026-H2: ECB 2.00 + 10) / 36,500 = 5.2602... = 5.26; late before the judgment: 40.00.
        Map<String, Object> declared = invoice(before);
        assertThat(declared).containsEntry("insolvencyClaim", "ANTERIEURE").containsEntry("penalties", "5.26")
                .containsEntry("indemnity", "40.00").containsEntry("dossier", "D-" + siren + "-001")
                .containsEntry("warnings", List.of("Exécutée avant le jugement d'ouverture de la procédure collective "
                        + "du débiteur : elle n'est plus réclamée, elle est déclarée au mandataire judiciaire (L622-7)."));
        // After (L622-17): 1,000.00, penalties 2026-10-26..11-24 = 30 d × 1,000 × 12.00 / 36,500 = 9.863... = 9.86,
        // and the 40.00, in the debtor's next dossier.
        Map<String, Object> claimed = invoice(after);
        assertThat(claimed).containsEntry("insolvencyClaim", "POSTERIEURE").containsEntry("penalties", "9.86")
                .containsEntry("indemnity", "40.00").containsEntry("dossier", "D-" + siren + "-002")
                .doesNotContainKey("warnings");

        // The first dossier stopped before any relance; its declaration states the invoice before only.
        assertThat(dossier).isWaitingAt("DeclarerCreance").hasPassed("ConsulterBodaccOuverture", "ReclamerFacturesPosterieures")
                .hasNotPassed("LancerRecouvrement");
        assertThat(task("DeclarerCreance", dossier).getDueDate().toInstant()).isEqualTo(LocalDate.of(2027, 1, 12)
                .atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        assertThat(runtime.getVariables(dossier.getId()))
                .containsEntry("claimPrincipalText", "2\u00a0000,00\u00a0€")
                .containsEntry("claimPenaltiesText", Euros.format(new BigDecimal("5.26")))
                .containsEntry("claimIndemnityText", Euros.format(new BigDecimal("40.00")))
                .containsEntry("claimTotalText", Euros.format(new BigDecimal("2045.26")))
                .containsEntry("foreclosureReliefDueText", "12/05/2027");

        // The next dossier runs its ladder for the invoice after: BODACC found the opening, nothing to declare.
        ProcessInstance next = runtime.createProcessInstanceQuery().processDefinitionKey("recouvrement-amiable")
                .processInstanceBusinessKey("D-" + siren + "-002").singleResult();
        driver.runDueJobs(next.getId());
        assertThat(next).isNotEnded().hasPassed("ConsulterBodaccOuverture", "LancerRecouvrement")
                .hasNotPassed("ProcedureCollectiveConstatee");
        assertThat(runtime.getVariable(next.getId(), "claimToDeclare")).isEqualTo(false);

        complete(task("DeclarerCreance", dossier), withVariables("claimDeclared", true,
                "declarationReference", "LRAR 1A 777 au mandataire"));
        driver.runDueJobs(dossier.getId());
        assertThat(dossier).isEnded().hasPassed("CreanceDeclaree");
        assertThat(invoice(before)).containsEntry("status", "JUDICIAL");
        assertThat(invoice(after)).containsEntry("status", "OPEN");
    }

    @Test
    void twoMonthsAfterThePublicationWithoutADeclarationTheLegalTeamAsksForARelief() {
        clock.set(driver.timerDue(dossier.getId(), "DelaiDeclarationPasse"));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isWaitingAt("DemanderReleveForclusion").hasNotPassed("CreanceDeclareeOuNon");
        // Six months after the publication (L622-26).
        assertThat(task("DemanderReleveForclusion", dossier).getDueDate().toInstant()).isEqualTo(
                LocalDate.of(2027, 5, 12).atTime(9, 0).atZone(ZoneId.of("Europe/Paris")).toInstant());
        complete(task("DemanderReleveForclusion", dossier), withVariables("claimDeclared", false));
        driver.runDueJobs(dossier.getId());

        assertThat(dossier).isEnded().hasPassed("CreanceForclose");
        assertThat(jdbc.queryForObject("select closing_reason from recouvrement.dossier where number = ?",
                String.class, dossierNumber(dossier))).isEqualTo("FORCLUSION");
        assertThat(invoice(before)).containsEntry("status", "JUDICIAL");
    }
}
