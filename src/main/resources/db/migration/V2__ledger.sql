-- The ledger: the source of truth for amounts (DESIGN §1). Money is numeric(14,2) in EUR, dates are Europe/Paris days.

create table debtor (
    id              bigserial primary key,
    type            varchar(3)   not null check (type in ('B2B', 'B2C')),
    siren           char(9)      check (siren ~ '^[0-9]{9}$'),
    name            varchar(200) not null,
    segment         varchar(20)  not null check (segment in ('PME', 'GRAND_COMPTE', 'FIDELE', 'MAUVAIS_PAYEUR')),
    email           varchar(254) not null,
    phone           varchar(30),
    address_line1   varchar(200) not null,
    address_line2   varchar(200),
    postal_code     varchar(20)  not null,
    city            varchar(100) not null,
    country         char(2)      not null,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    check (type = 'B2C' or siren is not null)
);
-- A company is one debtor, found by SIREN; a consumer is matched by name, e-mail and postal code.
create unique index debtor_b2b_siren on debtor (siren) where type = 'B2B';
create unique index debtor_b2c_identity on debtor (lower(name), lower(email), postal_code) where type = 'B2C';

create table dossier (
    id              bigserial primary key,
    number          varchar(40)  not null unique,
    debtor_id       bigint       not null references debtor (id),
    debtor_type     varchar(3)   not null check (debtor_type in ('B2B', 'B2C')),
    sequence        int          not null check (sequence > 0),
    status          varchar(20)  not null check (status in ('OPEN', 'NOTICE_SENT', 'CLOSED')),
    origin_date     date         not null,
    stage           varchar(20),
    opened_at       timestamptz  not null default now(),
    closed_at       timestamptz,
    closing_reason  varchar(40),
    unique (debtor_id, sequence)
);
-- New invoices of a company join its one open dossier (one whose notice has not been sent).
create unique index dossier_one_open_per_b2b_debtor on dossier (debtor_id) where status = 'OPEN' and debtor_type = 'B2B';

create table invoice (
    id              bigserial primary key,
    number          varchar(50)   not null unique check (number ~ '^[A-Za-z0-9._-]{1,50}$'),
    debtor_id       bigint        not null references debtor (id),
    dossier_id      bigint        references dossier (id),
    issue_date      date          not null,
    due_date        date          not null,
    amount          numeric(14,2) not null check (amount > 0),
    currency        char(3)       not null check (currency = 'EUR'),
    description     varchar(500),
    status          varchar(20)   not null default 'OPEN'
                    check (status in ('OPEN', 'PAID', 'DISPUTED', 'PAYMENT_PLAN', 'JUDICIAL', 'CANCELLED')),
    stage           varchar(20)   not null default 'PRE_ECHEANCE',
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    check (due_date >= issue_date)
);
create index invoice_debtor on invoice (debtor_id);
create index invoice_dossier on invoice (dossier_id);
create index invoice_status_created on invoice (status, created_at desc);
create index invoice_created on invoice (created_at desc, id desc);

-- Payments and credit notes (avoirs): what reduces an invoice's balance.
create table payment (
    id              bigserial primary key,
    invoice_id      bigint        not null references invoice (id),
    reference       varchar(100)  not null,
    type            varchar(20)   not null check (type in ('PAYMENT', 'CREDIT_NOTE')),
    amount          numeric(14,2) not null check (amount > 0),
    paid_on         date          not null,
    created_at      timestamptz   not null default now(),
    unique (invoice_id, reference)
);

-- What agents and integrations report: disputes, promises, plans, holds, notes.
create table invoice_event (
    id              bigserial primary key,
    invoice_id      bigint       not null references invoice (id),
    dossier_id      bigint       references dossier (id),
    type            varchar(30)  not null,
    payload         jsonb        not null default '{}'::jsonb,
    created_by      varchar(100),
    created_at      timestamptz  not null default now()
);
create index invoice_event_invoice on invoice_event (invoice_id, created_at);

-- Every message to a debtor, as evidence: what was sent, to whom, when (DESIGN §6).
create table communication (
    id              bigserial primary key,
    dossier_id      bigint       references dossier (id),
    invoice_id      bigint       references invoice (id),
    step            varchar(30)  not null,
    occurrence      int          not null default 1 check (occurrence > 0),
    channel         varchar(10)  not null check (channel in ('EMAIL', 'LETTER', 'LRAR', 'SMS')),
    status          varchar(10)  not null
                    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNKNOWN', 'SKIPPED', 'CANCELLED')),
    recipient       varchar(500),
    subject         varchar(300),
    body            text,
    pdf             bytea,
    message_id      varchar(200),
    tracking_number varchar(50),
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    check (dossier_id is not null or invoice_id is not null)
);
-- A retried job can never store a second message for the same step: one row per (dossier or invoice, step, occurrence).
create unique index communication_dossier_step on communication (dossier_id, step, occurrence) where dossier_id is not null;
create unique index communication_invoice_step on communication (invoice_id, step, occurrence) where dossier_id is null;
create index communication_invoice on communication (invoice_id);
