-- Schema version 2: a covering index for "the latest version of every claim as known at T"
-- (the correlated max(version) lookup reads no table rows).
CREATE INDEX fact_claim_versions ON fact (subject, predicate, slot, claim, version, recorded_at);
