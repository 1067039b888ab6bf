-- Facts the law needs (RULES-FR §1, §3): the judgment opening a collective procedure stops penalties;
-- a consumer owes legal interest from the day after receiving the mise en demeure.
alter table recouvrement.debtor add column insolvency_opened_on date;
alter table recouvrement.dossier add column notice_received_on date;

-- What interrupts a dossier's ladder (DESIGN §3 "At any time"), so that an invoice's stage shows it.
alter table recouvrement.dossier add column promise_until date;
alter table recouvrement.dossier add column on_hold_since date;
