-- Days the dossier spent on hold: its remaining steps move by that much (DESIGN §3 "At any time").
alter table recouvrement.dossier add column hold_days int not null default 0 check (hold_days >= 0);
