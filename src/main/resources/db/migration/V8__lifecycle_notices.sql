-- The nightly job names a model the first time its end of life comes within 90 days: which model and date it has
-- named, and on which day. A new date for the same model is named again.
CREATE TABLE bca_lifecycle_notice (
    model       VARCHAR(256) NOT NULL,
    end_of_life DATE         NOT NULL,
    noticed_on  DATE         NOT NULL,
    PRIMARY KEY (model, end_of_life)
);
