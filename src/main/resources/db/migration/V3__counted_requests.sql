-- Each logged invocation counts once, whichever inputs deliver it and however many runs see it: the ids of the
-- invocations counted, with the unit that counted them, stored in the same transaction as the aggregates they went
-- into. Invocations counted by an earlier release have no row.
-- An id is taken as 128 bits (a UUID's own, or a hash of any other id); 104 of them are kept, with its day: the key
-- holds the day and 40 bits of the id (day << 40 | the id's high half >>> 24), id_low the low half. Day first, because
-- a copy is an invocation of the same timestamp and because a chunk's ids, random as they are, then fall into a few
-- days' stretch of the index instead of all over it; in one column, so that a lookup of many ids is an IN list on the
-- key's first column, which every database answers from the index. 104 bits are enough that two invocations of a day
-- never share them (of a version-4 UUID the 24 bits left out hold its fixed version digit). No other index and no
-- day column: --reprocess finds its units' rows by the range of keys of its days.
CREATE TABLE bca_counted_request (
    id_key  BIGINT NOT NULL,
    id_low  BIGINT NOT NULL,
    unit_id BIGINT NOT NULL,
    PRIMARY KEY (id_key, id_low)
);

-- The copies left out, per unit and day, and the unit each was first counted from (the unit itself for a line
-- repeated inside it): what the report says was dropped, and where from.
CREATE TABLE bca_duplicate_request (
    unit_id     BIGINT NOT NULL,
    request_day DATE   NOT NULL,
    counted_by  BIGINT NOT NULL,
    dropped     BIGINT NOT NULL,
    PRIMARY KEY (unit_id, request_day, counted_by)
);

-- One row every writer of invocation ids locks first, in this process and in others sharing the database: ids are
-- checked and stored by one writer at a time, so two units holding the same invocation never both count it.
CREATE TABLE bca_request_lock (
    id INT PRIMARY KEY
);
INSERT INTO bca_request_lock (id) VALUES (1);
