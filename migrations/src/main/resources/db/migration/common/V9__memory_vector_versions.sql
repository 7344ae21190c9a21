-- A cheap check for the vector caches (issue 15): one row per owner and model whose version advances
-- with every change to that owner's vectors of that model (insert, replace, delete, and the cascade
-- deletes of their entries: account erasure, a deleted user), in the transaction that makes the change.
-- Each instance compares the version with the one its cache was checked at: one primary-key read per
-- check instead of a COUNT and SUM over the owner's vectors. The version is advanced by a trigger
-- (postgres/V9_1, h2/V9_1), so no write path can forget it. No foreign key: the row of an erased user
-- stays (an id, a model name, a number), so a version is never reused.
CREATE TABLE memory_vector_versions (
    user_id    UUID NOT NULL,
    model      VARCHAR(200) NOT NULL,
    dimensions INT NOT NULL,
    version    BIGINT NOT NULL,
    PRIMARY KEY (user_id, model, dimensions)
);
