-- An agent who matches a transaction by hand (task «Rapprocher un encaissement») may find it is no customer's payment
-- (a refund from a supplier, a transfer between own accounts): it is then set aside, with the agent's reason, and
-- counts in no debtor's credit (docs/architecture.md, «Relevés bancaires»).
alter table bank_entry drop constraint bank_entry_status_check;
alter table bank_entry add constraint bank_entry_status_check
    check (status in ('MATCHED', 'PARTLY_MATCHED', 'UNMATCHED', 'REVIEW', 'REVERSAL', 'REVERSED', 'NOT_CUSTOMER'));
