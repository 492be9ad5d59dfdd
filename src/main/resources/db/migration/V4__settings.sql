-- Values a job database keeps for itself across runs, such as the key of the callers' pseudonyms (made on first use,
-- so that a caller keeps its pseudonym in every run on this database and in no other).
CREATE TABLE bca_setting (
    name          VARCHAR(64)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(256) NOT NULL
);
