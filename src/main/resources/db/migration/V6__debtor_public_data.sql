-- What the public registers said of a company debtor (RULES-FR §8): its registered office, where the mise en demeure
-- goes; whether it is closed; a collective procedure's opening judgment (insolvency_opened_on exists since V3).
alter table recouvrement.debtor add column registry_status varchar(20)
    check (registry_status in ('ACTIVE', 'CLOSED', 'UNKNOWN', 'NOT_CONSULTED'));
alter table recouvrement.debtor add column registry_checked_at timestamptz;
alter table recouvrement.debtor add column registered_office_line1 varchar(200);
alter table recouvrement.debtor add column registered_office_postal_code varchar(20);
alter table recouvrement.debtor add column registered_office_city varchar(100);
alter table recouvrement.debtor add column closed_on date;
alter table recouvrement.debtor add column insolvency_published_on date;
alter table recouvrement.debtor add column insolvency_kind varchar(200);
alter table recouvrement.debtor add column insolvency_court varchar(200);
