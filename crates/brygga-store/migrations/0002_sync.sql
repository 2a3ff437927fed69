-- 0002: what the sync flows remember about each article, order and stock level between cycles.
-- Forward-only, like 0001. Booleans are INTEGER 0/1; hashes are the 16 lowercase hex digits of
-- brygga-core's ContentHash, checked here so a hash in another spelling never compares unequal.

-- One row per SKU for the flow "articles shop -> warehouse". sent_hash is the content hash of what
-- the warehouse last accepted: the planner resends an article only when its hash differs.
-- sent_generation counts the sends the warehouse accepted; the sync engine puts it in its outbox
-- idempotency keys, so content that changes A -> B -> A -> B is a new call each time instead of
-- being mistaken for the B already sent.
-- problems is the current list of validation problems ('[]' = fine); orphaned marks a SKU the
-- warehouse has but no active shop article does.
CREATE TABLE articles (
    sku                  TEXT PRIMARY KEY NOT NULL,
    sent_hash            TEXT CHECK (sent_hash IS NULL
                                     OR (length(sent_hash) = 16
                                         AND sent_hash NOT GLOB '*[^0-9a-f]*')),
    sent_at_ms           INTEGER,
    sent_generation      INTEGER NOT NULL DEFAULT 0 CHECK (sent_generation >= 0),
    warehouse_article_id INTEGER,
    problems             TEXT NOT NULL DEFAULT '[]'
                         CHECK (json_valid(problems) AND json_type(problems) = 'array'),
    orphaned             INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    updated_at_ms        INTEGER NOT NULL,
    CHECK ((sent_hash IS NULL) = (sent_at_ms IS NULL))
) STRICT;

-- One row per shop order Brygga has seen. identity (order id + creation time) tells a reused shop
-- order number apart from the order first seen under it; a reused number of an order that was
-- never sent nor cancelled takes the row over, since nothing in the warehouse stands for the old
-- one. shipping_method_id is the shop's shipping method last seen. The warehouse_* columns are
-- what the 3PL last reported; shop_status_written and tracking_written are what Brygga itself
-- last wrote to the shop, so it never writes the same thing twice. sent_generation and
-- status_writes count the sends and shop status writes the other side accepted; the sync engine
-- puts them in its outbox idempotency keys, so a change back to an earlier value is a new call.
-- baseline orders existed when the connection was first activated: Brygga never changes their
-- shop status. hold (JSON {code, message, ...}) says why the order is stopped for the merchant;
-- NULL means it is not held.
CREATE TABLE order_links (
    shop_order_id         INTEGER PRIMARY KEY,
    identity              TEXT NOT NULL,
    shop_created_at_ms    INTEGER NOT NULL,
    shop_status_id        INTEGER,
    shipping_method_id    INTEGER,
    warehouse_order_id    INTEGER,
    sent_hash             TEXT CHECK (sent_hash IS NULL
                                      OR (length(sent_hash) = 16
                                          AND sent_hash NOT GLOB '*[^0-9a-f]*')),
    sent_at_ms            INTEGER,
    sent_generation       INTEGER NOT NULL DEFAULT 0 CHECK (sent_generation >= 0),
    warehouse_status      INTEGER,
    warehouse_status_text TEXT,
    shop_status_written   INTEGER,
    tracking_written      TEXT,
    status_writes         INTEGER NOT NULL DEFAULT 0 CHECK (status_writes >= 0),
    cancelled             INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
    baseline              INTEGER NOT NULL DEFAULT 0 CHECK (baseline IN (0, 1)),
    hold                  TEXT CHECK (hold IS NULL
                                      OR (json_valid(hold)
                                          AND json_type(hold) = 'object'
                                          AND json_type(hold, '$.code') IS 'text'
                                          AND json_type(hold, '$.message') IS 'text')),
    updated_at_ms         INTEGER NOT NULL,
    CHECK ((sent_hash IS NULL) = (sent_at_ms IS NULL))
) STRICT;

-- Warehouse status changes arrive by warehouse order id. UNIQUE because one warehouse order stands
-- for exactly one shop order: a second link to it would be a bug, refused here rather than
-- answered with whichever row came first. NULLs (not yet sent) do not collide.
CREATE UNIQUE INDEX order_links_warehouse_order ON order_links (warehouse_order_id);

-- One row per SKU: the stock last read on each side and the quantity Brygga last wrote to the
-- shop, so a quantity that has not changed is not written again. written_generation counts the
-- writes the shop accepted, for the sync engine's outbox idempotency keys (a quantity going
-- 5 -> 4 -> 5 -> 4 is four writes, not two).
CREATE TABLE stock_levels (
    sku                TEXT PRIMARY KEY NOT NULL,
    warehouse_sellable REAL,
    shop_quantity      INTEGER,
    written_quantity   INTEGER,
    written_at_ms      INTEGER,
    written_generation INTEGER NOT NULL DEFAULT 0 CHECK (written_generation >= 0),
    updated_at_ms      INTEGER NOT NULL,
    CHECK ((written_quantity IS NULL) = (written_at_ms IS NULL))
) STRICT;
