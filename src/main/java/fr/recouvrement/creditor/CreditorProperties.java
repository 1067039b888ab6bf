package fr.recouvrement.creditor;

import fr.recouvrement.debtor.Siren;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * The creditor whose invoices are collected, as its letters and e-mails name it (docs/droit-francais.md §4: both
 * parties' identities, the payment means). Configured under {@code recouvrement.creditor}; checked at start-up, since a
 * letter with a wrong IBAN or SIREN is worse than no letter.
 *
 * @param rcsCity the city of the registry (greffe) where the creditor is registered at the RCS, printed beside its
 *     SIREN ("RCS Lyon", Code de commerce R123-237); empty for a creditor not registered at the RCS
 */
@ConfigurationProperties("recouvrement.creditor")
public record CreditorProperties(
        String name,
        String legalForm,
        String siren,
        String addressLine1,
        String addressLine2,
        String postalCode,
        String city,
        String email,
        String replyTo,
        String phone,
        String iban,
        String bic,
        String signatoryName,
        String signatoryTitle,
        String rcsCity) {

    public CreditorProperties {
        List<String> problems = new ArrayList<>();
        require(problems, name, "name");
        require(problems, addressLine1, "address-line1");
        require(problems, postalCode, "postal-code");
        require(problems, city, "city");
        require(problems, email, "email");
        require(problems, signatoryName, "signatory-name");
        if (!Siren.isValid(siren)) {
            problems.add("siren (9 chiffres, clé de Luhn) : " + siren);
        }
        if (!Iban.isValid(iban)) {
            problems.add("iban (contrôle modulo 97) : " + iban);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Configuration du créancier (recouvrement.creditor) invalide : "
                    + String.join(" ; ", problems));
        }
        iban = Iban.normalize(iban);
        replyTo = StringUtils.hasText(replyTo) ? replyTo : email;
    }

    private static void require(List<String> problems, String value, String property) {
        if (!StringUtils.hasText(value)) {
            problems.add(property + " manquant");
        }
    }
}
