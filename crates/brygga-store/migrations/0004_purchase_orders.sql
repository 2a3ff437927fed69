-- 0004: purchase orders (flow 7): what the merchant pre-advised to the warehouse, what the
-- warehouse reported receiving, and the merchant's acknowledgement of each deviation.
-- Forward-only, like 0001 to 0003. States are TEXT from a closed list and JSON columns are checked,
-- so a misspelt state or a broken payload is refused on write instead of misread later.

-- One row per purchase order Brygga created. id is the counter the number is made from
-- (number = 'PO-' and id zero-padded to six digits), so a number is never given out twice, not
-- even after a purchase order is cancelled. lines: the lines as the merchant wrote them, a JSON
-- array of {sku, quantity}. kind: initialStockIn for the go-live purchase order of all stock
-- articles. state: open = the merchant's version stands (sent or waiting to be sent);
-- cancelling = the merchant cancelled it and the cancel waits to be sent; cancelled = the
-- warehouse accepted the cancel. generation counts the merchant's saved versions (0 for the
-- first) and sent_generation is the last one the warehouse accepted, for the outbox keys.
-- warehouse_*: the warehouse's id and status as last read. refusal: the warehouse's words when it
-- refused the last change or cancel (kept until the next change), shown to the merchant.
CREATE TABLE purchase_orders (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    number                  TEXT NOT NULL UNIQUE,
    kind                    TEXT NOT NULL CHECK (kind IN ('regular', 'initialStockIn')),
    supplier                TEXT NOT NULL,
    reference               TEXT,
    expected_date           TEXT CHECK (expected_date IS NULL OR date(expected_date) IS expected_date),
    remark                  TEXT,
    lines                   TEXT NOT NULL CHECK (json_valid(lines) AND json_type(lines) = 'array'),
    state                   TEXT NOT NULL CHECK (state IN ('open', 'cancelling', 'cancelled')),
    generation              INTEGER NOT NULL DEFAULT 0 CHECK (generation >= 0),
    sent_generation         INTEGER,
    sent_at_ms              INTEGER,
    warehouse_id            INTEGER,
    warehouse_status        INTEGER,
    warehouse_status_text   TEXT,
    checked_at_ms           INTEGER,
    refusal                 TEXT,
    refused_at_ms           INTEGER,
    reported_at_ms          INTEGER,
    created_at_ms           INTEGER NOT NULL,
    updated_at_ms           INTEGER NOT NULL,
    CHECK ((refusal IS NULL) = (refused_at_ms IS NULL)),
    CHECK ((sent_generation IS NULL) = (sent_at_ms IS NULL))
) STRICT;

-- Per purchase order and article, what the warehouse reported: advised, received (rejected goods
-- included) and rejected units, as last read; articles nobody advised come with advised 0.
-- acknowledged_*: the quantities the merchant acknowledged, with their note and time. A deviation
-- is open while the line deviates and the quantities differ from the acknowledged ones, so goods
-- received after an acknowledgement open it again.
CREATE TABLE purchase_order_receipts (
    purchase_order_id       INTEGER NOT NULL REFERENCES purchase_orders (id),
    sku                     TEXT NOT NULL,
    advised                 INTEGER NOT NULL CHECK (advised >= 0),
    received                INTEGER NOT NULL CHECK (received >= 0),
    rejected                INTEGER NOT NULL CHECK (rejected >= 0),
    read_at_ms              INTEGER NOT NULL,
    acknowledged_advised    INTEGER,
    acknowledged_received   INTEGER,
    acknowledged_rejected   INTEGER,
    note                    TEXT,
    acknowledged_at_ms      INTEGER,
    PRIMARY KEY (purchase_order_id, sku),
    CHECK ((acknowledged_at_ms IS NULL) = (acknowledged_received IS NULL))
) STRICT;
