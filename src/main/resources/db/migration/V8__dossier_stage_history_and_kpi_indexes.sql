-- When each dossier entered each stage (docs/architecture.md §7: written by dossier/DossierRepository only, whenever
-- the stage moves). GET /api/kpis counts a payment at the stage its dossier stood at on the payment's date, and a
-- stage's recovery rate over the dossiers that reached it (docs/api.md, «KPIs»). TERMINE marks the closing.
create table recouvrement.dossier_stage (
    id          bigserial   primary key,
    dossier_id  bigint      not null references recouvrement.dossier (id),
    stage       varchar(20) not null,
    entered_at  timestamptz not null
);
create index dossier_stage_dossier on recouvrement.dossier_stage (dossier_id, entered_at);
create index dossier_stage_entered on recouvrement.dossier_stage (stage, entered_at);

-- The history of the dossiers already there, from what they left behind. The conciliation starts as the dossier opens.
insert into recouvrement.dossier_stage (dossier_id, stage, entered_at)
select id, 'CONCILIATION', opened_at from recouvrement.dossier where stage is not null;
-- A ladder step is entered when its message is stored; a step skipped by late entry moves nothing.
insert into recouvrement.dossier_stage (dossier_id, stage, entered_at)
select dossier_id, step, min(created_at) from recouvrement.communication
where dossier_id is not null and status <> 'SKIPPED' and step in ('RELANCE_1', 'RELANCE_2', 'RELANCE_3', 'MISE_EN_DEMEURE')
group by dossier_id, step;
-- The judicial file is built right after the dossier moved to JUDICIAIRE.
insert into recouvrement.dossier_stage (dossier_id, stage, entered_at)
select dossier_id, 'JUDICIAIRE', created_at from recouvrement.judicial_file;
-- A current stage nothing above dates (JUDICIAIRE on the way to a manager's decision): at the latest moment known.
insert into recouvrement.dossier_stage (dossier_id, stage, entered_at)
select d.id, d.stage, coalesce((select max(s.entered_at) from recouvrement.dossier_stage s where s.dossier_id = d.id),
                               d.opened_at)
from recouvrement.dossier d
where d.stage is not null and d.stage <> 'TERMINE'
  and not exists (select 1 from recouvrement.dossier_stage s where s.dossier_id = d.id and s.stage = d.stage);
insert into recouvrement.dossier_stage (dossier_id, stage, entered_at)
select id, 'TERMINE', closed_at from recouvrement.dossier where status = 'CLOSED' and closed_at is not null;

-- GET /api/kpis reads by date and by kind rather than by invoice: payments of a period,
-- invoices issued in the months the DSO counts back, the events of one type, the communications in a state that needs
-- someone (most rows are SENT, SKIPPED or CANCELLED).
create index payment_paid_on on recouvrement.payment (paid_on);
create index invoice_issue_date on recouvrement.invoice (issue_date);
create index invoice_event_type on recouvrement.invoice_event (type, invoice_id);
create index communication_needs_someone on recouvrement.communication (status, channel)
    where status in ('PENDING', 'FAILED', 'UNKNOWN') or (status = 'SENT' and channel = 'LRAR');
