-- Bank statements (camt.053 / camt.054): each credit transaction of a booked entry on the creditor's accounts, recorded
-- once, with how it was matched and allocated (docs/architecture.md, «Relevés bancaires»). One row per transaction of
-- the entry (TxDtls), line_no 1 for an entry without details: the entry's key makes a second import harmless.
create table bank_entry (
    id              bigserial primary key,
    account         varchar(34)   not null,
    entry_key       varchar(100)  not null,
    key_kind        varchar(20)   not null check (key_kind in ('ACCOUNT_SERVICER_REF', 'ENTRY_REF', 'HASH')),
    line_no         int           not null check (line_no >= 1),
    message_type    varchar(40)   not null,
    file_name       varchar(255),
    booking_date    date,
    paid_on         date          not null,
    amount          numeric(14,2) not null check (amount > 0),
    end_to_end_id   varchar(35),
    payer_name      varchar(140),
    payer_iban      varchar(34),
    remittance      varchar(2000),
    status          varchar(20)   not null
                    check (status in ('MATCHED', 'PARTLY_MATCHED', 'UNMATCHED', 'REVIEW', 'REVERSAL', 'REVERSED')),
    debtor_id       bigint        references debtor (id),
    -- What no invoice took: a credit on the debtor (debtor_id set) or an amount still to match.
    unapplied       numeric(14,2) not null default 0 check (unapplied >= 0),
    explanation     text          not null,
    -- Unmatched: the three most likely debtors or invoices, each with its reason, for the agent who matches it.
    candidates      jsonb         not null default '[]',
    -- The payments this transaction made: [{invoice, reference, amount}].
    allocations     jsonb         not null default '[]',
    reverses_id     bigint        references bank_entry (id),
    created_at      timestamptz   not null default now(),
    unique (account, entry_key, line_no)
);
create index bank_entry_payer_iban on bank_entry (payer_iban) where debtor_id is not null;
create index bank_entry_debtor on bank_entry (debtor_id) where unapplied > 0;
create index bank_entry_end_to_end on bank_entry (account, end_to_end_id);

-- A remittance names an invoice or a dossier with any spacing, case and separators: matched on the letters and digits.
create index invoice_number_letters on invoice (upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g')));
create index dossier_number_letters on dossier (upper(regexp_replace(number, '[^A-Za-z0-9]', '', 'g')));
