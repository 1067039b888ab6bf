package fr.recouvrement.judicial;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import fr.recouvrement.debtor.Address;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The court of each route and the CPC 750-1 attempt, as docs/droit-francais.md §6 states them. */
@FastTest
class CompetentCourtTest {

    private static final Address SEAT = new Address("12 rue de la Paix", null, "75002", "Paris", "FR");

    @ParameterizedTest(name = "{0} against {1}, {2} EUR: {3}, prior attempt {4}")
    @CsvSource({
        // A claim of 5,000 EUR or less before the tribunal judiciaire: an amicable attempt first (CPC 750-1) ...
        "ASSIGNATION,         B2C,    5000.00, TRIBUNAL_JUDICIAIRE,            true",
        // ... not above 5,000 EUR, not before the commercial court, never for an injonction de payer (its exception).
        "ASSIGNATION,         B2C,    5000.01, TRIBUNAL_JUDICIAIRE,            false",
        "ASSIGNATION,         B2B,    1200.00, TRIBUNAL_ACTIVITES_ECONOMIQUES, false",
        "INJONCTION_DE_PAYER, B2C,    1200.00, TRIBUNAL_JUDICIAIRE,            false",
        "INJONCTION_DE_PAYER, B2B,    9000.00, TRIBUNAL_ACTIVITES_ECONOMIQUES, false",
        "PETITES_CREANCES,    B2B,    1200.00, COMMISSAIRE_DE_JUSTICE,         false",
        "REFERE_PROVISION_TA, PUBLIC, 1200.00, TRIBUNAL_ADMINISTRATIF,         false",
        "DECLARATION_CREANCE, B2B,    1200.00, MANDATAIRE_JUDICIAIRE,          false",
        "DECISION_MANAGER,    B2B,    1200.00, NONE,                           false"
    })
    void eachRouteNamesItsCourt(String route, String debtorType, BigDecimal amount, CompetentCourt.Court court,
            boolean priorAttempt) {
        CompetentCourt.Named named = CompetentCourt.of(route, debtorType, SEAT);

        assertThat(named.court()).isEqualTo(court);
        assertThat(CompetentCourt.priorAttemptRequired(route, named.court(), amount)).isEqualTo(priorAttempt);
        // French typography in what the judicial file prints: no plain space before ';' or ':'.
        assertThat(named.label()).doesNotContain(" ;", " :");
    }

    @ParameterizedTest
    @CsvSource({
        "B2B, Tribunal des activités économiques (anciennement tribunal de commerce) du siège du débiteur (75002 Paris)",
        "B2C, Tribunal judiciaire du domicile ou du siège du débiteur (75002 Paris)"
    })
    void theCourtIsTheOneOfTheDebtorsSeat(String debtorType, String court) {
        assertThat(CompetentCourt.of("INJONCTION_DE_PAYER", debtorType, SEAT).label()).startsWith(court);
        assertThat(CompetentCourt.of("PETITES_CREANCES", debtorType, SEAT).label())
                .contains("injonction de payer devant le " + court.substring(0, 1).toLowerCase() + court.substring(1));
    }
}
