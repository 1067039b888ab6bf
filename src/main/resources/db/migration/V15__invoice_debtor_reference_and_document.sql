-- The debtor's own reference for the invoice (its order or account number), quoted in every message so that its
-- accounts department finds the invoice (docs/droit-francais.md §4). Null: none given.
alter table recouvrement.invoice add column debtor_reference text;
-- The invoice's own PDF, appended to the mise en demeure as the copy of the invoice ("Pièces jointes"). Null: the
-- ledger does not hold it, and the letter lists the invoice only.
alter table recouvrement.invoice add column document bytea;
alter table recouvrement.invoice add column document_stored_at timestamptz;
