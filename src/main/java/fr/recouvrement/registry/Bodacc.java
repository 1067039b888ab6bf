package fr.recouvrement.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * BODACC's commercial announcements (docs/droit-francais.md §8): the newest announcements for a SIREN, of which an
 * opening judgment of a collective procedure ({@code familleavis = collective}; sauvegarde, redressement or
 * liquidation) matters here.
 */
@Component
class Bodacc {

    /** An opening judgment: its date (penalties stop there), publication (the claim is due 2 months later), court. */
    record OpeningJudgment(LocalDate judgmentDate, LocalDate publishedOn, String nature, String court) {
    }

    private final PublicDataClient client;

    Bodacc(PublicDataClient client) {
        this.client = client;
    }

    Optional<OpeningJudgment> openingJudgment(String siren) {
        String where = URLEncoder.encode("registre like \"" + siren + "\"", StandardCharsets.UTF_8);
        SpinJsonNode answer = client.bodacc("/api/explore/v2.1/catalog/datasets/annonces-commerciales/records?where="
                + where + "&order_by=" + URLEncoder.encode("dateparution desc", StandardCharsets.UTF_8) + "&limit=20");
        if (!answer.hasProp("results")) {
            return Optional.empty();
        }
        for (SpinJsonNode announcement : answer.prop("results").elements()) {
            if (!"collective".equals(CompanyRegistry.text(announcement, "familleavis"))) {
                continue;
            }
            String jugement = CompanyRegistry.text(announcement, "jugement");
            SpinJsonNode judgment = jugement == null ? null : Spin.JSON(jugement);
            String nature = judgment == null ? null : CompanyRegistry.text(judgment, "nature");
            String family = judgment == null ? null : CompanyRegistry.text(judgment, "famille");
            if (!opensAProcedure(family, nature)) {
                continue;
            }
            LocalDate published = LocalDate.parse(CompanyRegistry.text(announcement, "dateparution"));
            return Optional.of(new OpeningJudgment(date(CompanyRegistry.text(judgment, "date"), published), published,
                    nature, CompanyRegistry.text(announcement, "tribunal")));
        }
        return Optional.empty();
    }

    /** "Jugement d'ouverture d'une procédure de redressement judiciaire", of sauvegarde or liquidation alike. */
    static boolean opensAProcedure(String family, String nature) {
        String text = ((family == null ? "" : family) + " " + (nature == null ? "" : nature)).toLowerCase(Locale.FRANCE);
        return text.contains("ouverture")
                && (text.contains("sauvegarde") || text.contains("redressement") || text.contains("liquidation"));
    }

    /** The judgment's own date when BODACC gives one as a date; otherwise the publication's, the closest known. */
    private static LocalDate date(String value, LocalDate published) {
        try {
            return value == null ? published : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return published;
        }
    }
}
