package fr.recouvrement.privacy;

import fr.recouvrement.bank.BankEntryRepository;
import fr.recouvrement.communication.CommunicationRepository;
import fr.recouvrement.debtor.DebtorRepository;
import fr.recouvrement.dossier.DossierDocumentRepository;
import fr.recouvrement.dossier.DossierRepository;
import fr.recouvrement.event.EventRepository;
import fr.recouvrement.invoice.InvoiceRepository;
import fr.recouvrement.judicial.JudicialFileRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Replaces personal data by {@link PersonalData#MARKER} and deletes PDFs, through each table's owner; amounts, dates,
 * numbers and statuses stay (docs/droit-francais.md §12). Each method may run again: it changes nothing more.
 */
@Component
class PersonalDataEraser {

    private final DebtorRepository debtors;
    private final DossierRepository dossiers;
    private final InvoiceRepository invoices;
    private final EventRepository events;
    private final CommunicationRepository communications;
    private final DossierDocumentRepository documents;
    private final JudicialFileRepository judicialFiles;
    private final BankEntryRepository bankEntries;
    private final RetentionQueries queries;
    private final Clock clock;

    PersonalDataEraser(DebtorRepository debtors, DossierRepository dossiers, InvoiceRepository invoices,
            EventRepository events, CommunicationRepository communications, DossierDocumentRepository documents,
            JudicialFileRepository judicialFiles, BankEntryRepository bankEntries, RetentionQueries queries,
            Clock clock) {
        this.debtors = debtors;
        this.dossiers = dossiers;
        this.invoices = invoices;
        this.events = events;
        this.communications = communications;
        this.documents = documents;
        this.judicialFiles = judicialFiles;
        this.bankEntries = bankEntries;
        this.queries = queries;
        this.clock = clock;
    }

    /** Call notes and free text of a closed dossier: events' text, who answered, numbers dialled, descriptions. */
    void eraseNotes(long dossierId) {
        events.anonymiseFreeTextOfDossier(dossierId, PersonalData.MARKER);
        invoices.anonymiseFreeTextOfDossier(dossierId, PersonalData.MARKER);
        dossiers.markNotesErased(dossierId, OffsetDateTime.now(clock));
    }

    /** The evidence of a closed dossier: what its messages said and to whom, their PDFs, documents, judicial file. */
    void eraseEvidence(long dossierId) {
        communications.anonymiseOfDossier(dossierId, PersonalData.MARKER);
        documents.deleteContents(List.of(dossierId), PersonalData.MARKER);
        judicialFiles.deleteContents(List.of(dossierId));
        invoices.deleteDocumentsOfDossier(dossierId);
        dossiers.markEvidenceErased(dossierId, OffsetDateTime.now(clock));
    }

    /**
     * Everything about the person: the debtor's identity and contact details, all the above of all its dossiers, and
     * who paid for it from which account in the bank statements.
     */
    void eraseDebtor(long debtorId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> dossierIds = queries.dossierIdsOf(debtorId);
        events.anonymiseFreeTextOfDebtor(debtorId, PersonalData.MARKER);
        invoices.anonymiseFreeTextOfDebtor(debtorId, PersonalData.MARKER);
        communications.anonymiseOfDebtor(debtorId, PersonalData.MARKER);
        bankEntries.anonymisePayerOfDebtor(debtorId, PersonalData.MARKER);
        documents.deleteContents(dossierIds, PersonalData.MARKER);
        judicialFiles.deleteContents(dossierIds);
        invoices.deleteDocumentsOfDebtor(debtorId);
        for (long dossierId : dossierIds) {
            dossiers.markNotesErased(dossierId, now);
            dossiers.markEvidenceErased(dossierId, now);
        }
        debtors.anonymise(debtorId, PersonalData.MARKER, now);
    }
}
