-- A promise may name the amount the debtor will pay by its date (docs/architecture.md §1, "the dossier at hand");
-- null: all that is due.
alter table recouvrement.dossier add column promise_amount numeric(14, 2)
    check (promise_amount is null or promise_amount > 0);
