package fr.recouvrement.registry;

import static org.assertj.core.api.Assertions.assertThat;

import fr.recouvrement.FastTest;
import fr.recouvrement.debtor.LegalForms;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/**
 * What the judicial file takes from the company registry's answer for the parties (CPC 1407): the legal form in French
 * words and the first legal representative, never the auditor the registry lists among the {@code dirigeants}.
 */
@FastTest
class CompanyIdentityTest {

    @Test
    void thePresidentRepresentsTheCompanyNotItsAuditorListedFirst() {
        CompanyRegistry.Representative representative = CompanyRegistry.representative(Spin.JSON(
                FakePublicData.company("552081317", "A", null, "12 RUE DE LA PAIX 75002 PARIS", "75002", "PARIS"))
                .prop("results").elements().get(0));

        assertThat(representative).isEqualTo(new CompanyRegistry.Representative("Jeanne Marie DURAND", "Président"));
    }

    @Test
    void aCompanyMayBeTheRepresentativeByItsDenomination() {
        CompanyRegistry.Representative representative = CompanyRegistry.representative(Spin.JSON("""
                {"siren": "901234567", "nature_juridique": "5710", "dirigeants": [
                  {"siren": "532100000", "denomination": "HOLDING DUPONT", "qualite": "Président",
                   "type_dirigeant": "personne morale"}]}"""));

        assertThat(representative).isEqualTo(new CompanyRegistry.Representative("HOLDING DUPONT", "Président"));
    }

    @Test
    void noRepresentativeWhenTheRegistryNamesNone() {
        // An entrepreneur individuel: the registry lists no dirigeant; an auditor alone represents nothing.
        assertThat(CompanyRegistry.representative(Spin.JSON("{\"siren\": \"901234567\", \"nature_juridique\": \"1000\","
                + " \"dirigeants\": []}"))).isNull();
        assertThat(CompanyRegistry.representative(Spin.JSON("""
                {"siren": "901234567", "dirigeants": [{"nom": "MARTIN", "prenoms": "Luc",
                  "qualite": "Commissaire aux comptes suppléant", "type_dirigeant": "personne physique"}]}""")))
                .isNull();
        assertThat(CompanyRegistry.representative(Spin.JSON("{\"siren\": \"901234567\"}"))).isNull();
    }

    @Test
    void theCommonLegalFormsReadInFrenchAndAnUnknownCodeIsToCheck() {
        assertThat(LegalForms.label("5710")).isEqualTo("Société par actions simplifiée (SAS)");
        assertThat(LegalForms.label("5720")).isEqualTo("Société par actions simplifiée unipersonnelle (SASU)");
        assertThat(LegalForms.label("5499")).isEqualTo("Société à responsabilité limitée (SARL)");
        assertThat(LegalForms.label("5498")).isEqualTo("Entreprise unipersonnelle à responsabilité limitée (EURL)");
        assertThat(LegalForms.label("5599")).contains("Société anonyme");
        assertThat(LegalForms.label("5202")).isEqualTo("Société en nom collectif (SNC)");
        assertThat(LegalForms.label("6540")).isEqualTo("Société civile immobilière (SCI)");
        assertThat(LegalForms.label("1000")).isEqualTo("Entrepreneur individuel");
        assertThat(LegalForms.label("9220")).isEqualTo("Association déclarée");
        assertThat(LegalForms.label("7346")).isEqualTo("catégorie juridique INSEE 7346 (à vérifier)");
        assertThat(LegalForms.label(null)).isNull();
    }
}
