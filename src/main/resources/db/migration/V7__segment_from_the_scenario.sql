-- The segments are the literal values of the segment column of the deployed DMN scenario-recouvrement
-- (docs/architecture.md §3): business analysts add one with a DMN change only, and the API checks a debtor's segment
-- against that deployed table (debtor/SegmentCatalogue). A list of segments in the schema would have to change with
-- each new one, so V2's inline check goes. PostgreSQL named it <table>_<column>_check.
alter table recouvrement.debtor drop constraint if exists debtor_segment_check;
-- Room for the names analysts give; SegmentCatalogue ignores, with a warning, a literal longer than this.
alter table recouvrement.debtor alter column segment type varchar(50);
