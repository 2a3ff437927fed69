-- 0003: release batches, the merchant's schedule for letting shop orders go to the warehouse.
-- Forward-only, like 0001 and 0002. States and outcomes are TEXT from a closed list, checked here
-- so a misspelt one is refused on write instead of being mistaken for another on read.

-- One row per release of orders to the warehouse, whether at a scheduled slot or started by the
-- merchant by hand. slot_at_ms is the scheduled release time, NULL only for a batch the merchant
-- started by hand. A slot has at most one batch (release_batches_slot below), so a slot is never
-- released twice, not even when the app crashes half-way and the scheduler looks at the slot
-- again. state: overdue = the slot's time passed while the app was off, and the batch waits for
-- the merchant to release or skip it; running = its orders are being released; done and skipped
-- are final, and only they have finished_at_ms. rule is the release rule in force when the batch
-- was made, as JSON, so the history shows why orders were or were not released even after the
-- merchant changes the rule. note says in words what happened, for the merchant.
CREATE TABLE release_batches (
    id             INTEGER PRIMARY KEY,
    slot_at_ms     INTEGER,
    started_by     TEXT NOT NULL CHECK (started_by IN ('schedule', 'merchant')),
    state          TEXT NOT NULL CHECK (state IN ('overdue', 'running', 'done', 'skipped')),
    rule           TEXT NOT NULL CHECK (json_valid(rule)),
    created_at_ms  INTEGER NOT NULL,
    finished_at_ms INTEGER,
    note           TEXT,
    CHECK (started_by = 'merchant' OR slot_at_ms IS NOT NULL),
    CHECK ((finished_at_ms IS NULL) = (state IN ('overdue', 'running')))
) STRICT;

-- One batch per scheduled slot. Partial, so the batches started by hand (no slot) never collide.
CREATE UNIQUE INDEX release_batches_slot ON release_batches (slot_at_ms)
    WHERE slot_at_ms IS NOT NULL;

-- One row per shop order a batch considered, and what the batch did with it: pending until
-- decided, then released, refused or skipped. reason says in words why an order was refused or
-- skipped, for the merchant; decided_at_ms is when the outcome stopped being pending. The orders of
-- an overdue batch are added when the merchant releases it, since the orders waiting then are the
-- ones to decide about. shop_order_id is not a foreign key to order_links: this is the batch's
-- history and stays as it was, whatever later happens to the order's row.
CREATE TABLE release_batch_orders (
    batch_id      INTEGER NOT NULL REFERENCES release_batches (id),
    shop_order_id INTEGER NOT NULL,
    outcome       TEXT NOT NULL
                  CHECK (outcome IN ('pending', 'released', 'refused', 'skipped')),
    reason        TEXT,
    decided_at_ms INTEGER,
    PRIMARY KEY (batch_id, shop_order_id),
    CHECK ((decided_at_ms IS NULL) = (outcome = 'pending'))
) STRICT;

-- held_back: the merchant holds this order back from every batch until they let it go.
-- released_batch_id: the batch that released the order; NULL when Brygga has not released it, or
-- when it was put back on hold afterwards.
ALTER TABLE order_links
    ADD COLUMN held_back INTEGER NOT NULL DEFAULT 0 CHECK (held_back IN (0, 1));
ALTER TABLE order_links
    ADD COLUMN released_batch_id INTEGER REFERENCES release_batches (id);

-- paid: whether the shop reports the payment secured (reserved, authorised or paid), so a batch
-- rule can leave pay-later orders waiting until the merchant releases them by hand.
ALTER TABLE order_links
    ADD COLUMN paid INTEGER NOT NULL DEFAULT 1 CHECK (paid IN (0, 1));
