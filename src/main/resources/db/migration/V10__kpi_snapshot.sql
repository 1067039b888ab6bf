-- One row a day of the managers' headline figures, for GET /api/kpis/trend (docs/api.md, «KPIs»), written only by
-- kpi/KpiSnapshotRepository (docs/architecture.md §7). The day is the key: a retried job, a restart or a second
-- instance of the process taking the same day's figures adds nothing. Whole portfolio, principal only, EUR.
create table recouvrement.kpi_snapshot (
    day                  date          primary key,
    taken_at             timestamptz   not null,
    outstanding_amount   numeric(14, 2) not null,
    outstanding_invoices bigint        not null,
    overdue_amount       numeric(14, 2) not null,
    overdue_invoices     bigint        not null,
    -- The aged balance and the dossiers per stage, as GET /api/kpis gives them: lists whose length the scenario sets.
    aged_balance         jsonb         not null,
    dso_days             numeric(6, 1) not null,
    dso_capped           boolean       not null,
    stages               jsonb         not null
);
