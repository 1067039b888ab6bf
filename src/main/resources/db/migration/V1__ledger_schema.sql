-- The ledger's own schema; Flyway creates it (spring.flyway.schemas). Camunda's tables stay in public.
comment on schema recouvrement is 'Recouvrement: debtors, invoices, dossiers, payments, communications. Managed by Flyway.';
