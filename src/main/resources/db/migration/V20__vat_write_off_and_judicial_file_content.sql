-- The invoice's VAT, for a write-off (docs/droit-francais.md §11): the ledger stores amounts including VAT, and only
-- the VAT already paid to the Treasury on the unpaid part can be recovered (CGI 272-1). 20 %, the normal rate, for
-- the invoices already stored and those that do not give theirs; vat_on_receipt: VAT due on receipt (services,
-- CGI 269-2-c), never paid on what was not received, so nothing to recover.
alter table recouvrement.invoice add column vat_rate numeric(5, 2) not null default 20.00;
alter table recouvrement.invoice add column vat_on_receipt boolean not null default false;

-- A manager's write-off (passage en perte): one row per invoice still owed when the dossier closed, with the split
-- of its balance between the loss excluding VAT and the VAT the creditor may recover by a corrective invoice.
create table recouvrement.write_off (
    dossier_id bigint not null references recouvrement.dossier (id),
    invoice_id bigint not null references recouvrement.invoice (id),
    balance numeric(14, 2) not null,
    vat_rate numeric(5, 2) not null,
    vat_on_receipt boolean not null,
    amount_excluding_vat numeric(14, 2) not null,
    vat_recoverable numeric(14, 2) not null,
    recorded_at timestamptz not null,
    primary key (dossier_id, invoice_id)
);

-- The judicial file's content as JSON, for a commissaire de justice's software, beside its PDF.
alter table recouvrement.judicial_file add column content jsonb;
