-- The day the goods were delivered or the service performed: prescription runs from it (docs/droit-francais.md §5).
-- Null: not given, the issue date stands for it.
alter table recouvrement.invoice add column performance_date date;
