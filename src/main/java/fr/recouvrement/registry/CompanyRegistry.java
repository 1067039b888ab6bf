package fr.recouvrement.registry;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The company registry (recherche-entreprises, docs/droit-francais.md §8): {@code GET /search?q={siren}}. An unknown
 * SIREN, or a company whose data is not public, answers 200 with empty {@code results}.
 */
@Component
class CompanyRegistry {

    /**
     * A company as the registry describes it: active ({@code A}) or closed ({@code C}), its registered office, its
     * catégorie juridique (INSEE code, {@code nature_juridique}) and its first legal representative, if the registry
     * names them.
     */
    record Company(String siren, String name, boolean closed, LocalDate closedOn, String officeLine1,
            String officePostalCode, String officeCity, String legalFormCode, Representative representative) {
    }

    /** A legal representative: a person ("Jeanne DURAND") or a company (its denomination), with its quality. */
    record Representative(String name, String title) {
    }

    private final PublicDataClient client;

    CompanyRegistry(PublicDataClient client) {
        this.client = client;
    }

    Optional<Company> find(String siren) {
        SpinJsonNode answer = client.registry("/search?q=" + siren);
        if (!answer.hasProp("results")) {
            return Optional.empty();
        }
        for (SpinJsonNode result : answer.prop("results").elements()) {
            if (siren.equals(text(result, "siren"))) {
                SpinJsonNode office = result.hasProp("siege") ? result.prop("siege") : null;
                String postalCode = office == null ? null : text(office, "code_postal");
                String city = office == null ? null : text(office, "libelle_commune");
                String date = text(result, "date_fermeture");
                return Optional.of(new Company(siren, text(result, "nom_complet"),
                        "C".equals(text(result, "etat_administratif")), date == null ? null : LocalDate.parse(date),
                        office == null ? null : streetOf(text(office, "adresse"), postalCode, city), postalCode, city,
                        text(result, "nature_juridique"), representative(result)));
            }
        }
        return Optional.empty();
    }

    /**
     * The first of {@code dirigeants} who represents the company: the registry lists its auditors among them
     * ("Commissaire aux comptes titulaire"), who never do. A person has {@code nom} and {@code prenoms}, a company
     * {@code denomination}.
     */
    static Representative representative(SpinJsonNode result) {
        if (!result.hasProp("dirigeants") || !result.prop("dirigeants").isArray()) {
            return null;
        }
        for (SpinJsonNode dirigeant : result.prop("dirigeants").elements()) {
            String title = text(dirigeant, "qualite");
            if (title != null && title.toLowerCase(Locale.FRANCE).startsWith("commissaire aux comptes")) {
                continue;
            }
            String denomination = text(dirigeant, "denomination");
            String lastName = text(dirigeant, "nom");
            String firstNames = text(dirigeant, "prenoms");
            String name = denomination != null ? denomination
                    : lastName == null ? null : firstNames == null ? lastName : firstNames + " " + lastName;
            if (name != null) {
                return new Representative(name, title);
            }
        }
        return null;
    }

    /**
     * {@code siege.adresse} is the whole address ("8 BOULEVARD HAUSSMANN 75009 PARIS 9"): the street is before the
     * code.
     */
    static String streetOf(String address, String postalCode, String city) {
        if (address == null) {
            return null;
        }
        String street = address.strip();
        if (postalCode != null) {
            int at = street.lastIndexOf(" " + postalCode);
            if (at > 0) {
                street = street.substring(0, at);
            }
        } else if (city != null && street.toUpperCase(Locale.FRANCE).endsWith(city.toUpperCase(Locale.FRANCE))) {
            street = street.substring(0, street.length() - city.length()).strip();
        }
        return street;
    }

    static String text(SpinJsonNode node, String name) {
        if (!node.hasProp(name) || node.prop(name).isNull()) {
            return null;
        }
        String value = node.prop(name).value().toString().strip();
        return value.isEmpty() ? null : value;
    }
}
