-- The invoice's goods were sold with a retention-of-title clause (Code civil 2367, Code de commerce L624-16): in the
-- debtor's collective procedure the legal team may claim them back within three months of the publication (L624-9,
-- docs/droit-francais.md §8).
alter table recouvrement.invoice add column retention_of_title boolean not null default false;
