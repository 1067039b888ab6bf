-- What a communication carries (DESIGN §6): the rendered e-mail or letter, its PDF, and what its amounts were, so that
-- the sending step can tell whether the dossier changed since it was rendered.
alter table recouvrement.communication add column revision int not null default 1 check (revision > 0);
alter table recouvrement.communication add column pdf_name varchar(120);
alter table recouvrement.communication add column amounts_snapshot text;
alter table recouvrement.communication add column cancel_reason varchar(300);
alter table recouvrement.communication add column replaced_by bigint references recouvrement.communication (id);

-- A message re-rendered because the amounts changed is a new revision of the same step; the first revision stays unique
-- per step and occurrence, so a retried job still cannot store a second message.
drop index recouvrement.communication_dossier_step;
drop index recouvrement.communication_invoice_step;
create unique index communication_dossier_step on recouvrement.communication (dossier_id, step, occurrence, revision)
    where dossier_id is not null;
create unique index communication_invoice_step on recouvrement.communication (invoice_id, step, occurrence, revision)
    where dossier_id is null;

-- The dossier handed to the legal team (DESIGN §3): one PDF per dossier, rebuilt if the handoff is prepared again.
create table recouvrement.judicial_file (
    dossier_id  bigint      primary key references recouvrement.dossier (id),
    route       varchar(40) not null,
    pdf         bytea       not null,
    created_at  timestamptz not null
);
