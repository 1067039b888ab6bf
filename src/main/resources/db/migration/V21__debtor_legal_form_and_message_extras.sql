-- What the company registry says of a company debtor's identity, for the judicial file's parties (CPC 1407,
-- docs/droit-francais.md §6): its catégorie juridique (INSEE code, "5710" for a SAS) and its first legal
-- representative as the registry names him (a person's names, or a company's denomination) with his quality.
alter table recouvrement.debtor add column legal_form_code varchar(4);
alter table recouvrement.debtor add column representative_name varchar(300);
alter table recouvrement.debtor add column representative_title varchar(200);

-- What a step added to a message's model beyond the ledger (the notice's date in the last relance, the notice's
-- deadline), kept so that the message written again before it leaves says the same (docs/architecture.md §5).
alter table recouvrement.communication add column extras jsonb;
