package fr.recouvrement.privacy;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code recouvrement.retention}: how long each kind of personal data is kept (docs/droit-francais.md §12, README
 * «Personal data»).
 *
 * @param accounting amounts and dates of invoices, payments, credit notes and write-offs, from the dossier's closing
 *     (Code de commerce L123-22: 10 years); they are kept without the person once the periods below are over
 * @param evidenceAfterPrescription messages, their PDFs, documents and judicial files, kept this long after the
 *     prescription of the claims they prove
 * @param notesAfterClosing call notes and free text, kept this long after the dossier closes
 * @param batchSize dossiers or debtors anonymised in one transaction of the retention job
 */
@ConfigurationProperties("recouvrement.retention")
public record RetentionProperties(Period accounting, Period evidenceAfterPrescription, Period notesAfterClosing,
        int batchSize) {

    public RetentionProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("recouvrement.retention.batch-size must be at least 1");
        }
    }
}
