-- Personal data retention and erasure (docs/droit-francais.md §12, RGPD art. 5-1-e and 17).
-- anonymised_at: when the person's identity and contact details were replaced by the marker «Effacé (RGPD)»; for a
-- company, only its contact details (a company's own identity is not personal data). erasure_requested_by and
-- erasure_requested_at: the administrator who applied a request for erasure (art. 17), and when: the record that the
-- request was met, kept with what the ledger keeps.
alter table recouvrement.debtor add column anonymised_at timestamptz;
alter table recouvrement.debtor add column erasure_requested_by varchar(100);
alter table recouvrement.debtor add column erasure_requested_at timestamptz;
-- An anonymised consumer is nobody any more: a new invoice for the same person opens a new debtor.
drop index recouvrement.debtor_b2c_identity;
create unique index debtor_b2c_identity on recouvrement.debtor (lower(name), lower(email), postal_code)
    where type = 'B2C' and anonymised_at is null;
-- What the retention job did to a closed dossier, so that each step runs once: the call notes and free text
-- (notes_erased_at), the messages, documents and judicial file kept as evidence (evidence_erased_at).
alter table recouvrement.dossier add column notes_erased_at timestamptz;
alter table recouvrement.dossier add column evidence_erased_at timestamptz;
create index dossier_closed_retention on recouvrement.dossier (closed_at) where status = 'CLOSED';
-- Their PDFs are deleted at the end of the evidence period; the row stays as the trace that they existed.
alter table recouvrement.dossier_document alter column content drop not null;
alter table recouvrement.judicial_file alter column pdf drop not null;
