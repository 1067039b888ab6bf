-- The debtor's own acknowledgements of the debt other than payments (docs/droit-francais.md §5, Code civil 2240): a
-- payment plan the debtor signed, one row per invoice it covers, dated the day of the signature. A plan an agent
-- merely typed has none, and does not restart prescription.
create table recouvrement.debt_acknowledgement (
    invoice_id      bigint      not null references recouvrement.invoice (id),
    event_id        bigint      not null references recouvrement.invoice_event (id),
    acknowledged_on date        not null,
    primary key (invoice_id, event_id)
);

-- Documents the agents add to a dossier: the scan of a signed plan, the debtor's letter. Checked by content (PDF, JPEG,
-- PNG) and size before they are stored.
create table recouvrement.dossier_document (
    id              bigserial    primary key,
    dossier_id      bigint       not null references recouvrement.dossier (id),
    file_name       varchar(200) not null,
    media_type      varchar(40)  not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      int          not null check (size_bytes > 0),
    content         bytea        not null,
    uploaded_by     varchar(100),
    uploaded_at     timestamptz  not null default now()
);
create index dossier_document_dossier on recouvrement.dossier_document (dossier_id, uploaded_at);

-- Public debtors (docs/droit-francais.md §10): the State, local authorities, public hospitals, identified like a company
-- by their SIREN; one debtor and one open dossier per SIREN, whether a company or a public body.
alter table recouvrement.debtor drop constraint debtor_type_check;
alter table recouvrement.debtor alter column type type varchar(6);
alter table recouvrement.debtor add constraint debtor_type_check check (type in ('B2B', 'B2C', 'PUBLIC'));
drop index recouvrement.debtor_b2b_siren;
create unique index debtor_siren on recouvrement.debtor (siren) where type <> 'B2C';
alter table recouvrement.dossier drop constraint dossier_debtor_type_check;
alter table recouvrement.dossier alter column debtor_type type varchar(6);
alter table recouvrement.dossier add constraint dossier_debtor_type_check
    check (debtor_type in ('B2B', 'B2C', 'PUBLIC'));
drop index recouvrement.dossier_one_open_per_b2b_debtor;
create unique index dossier_one_open_per_siren_debtor on recouvrement.dossier (debtor_id)
    where status = 'OPEN' and debtor_type <> 'B2C';
