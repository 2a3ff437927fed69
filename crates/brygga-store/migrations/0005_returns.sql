-- 0005: returns (flow 8): the customer returns the merchant announced and the ones the warehouse
-- registered itself, with the merchant's handling. Forward-only, like 0001 to 0004; states are TEXT
-- from a closed list, so a misspelt state is refused on write instead of misread later.

-- One row per return order in the warehouse, by its return order number. order_number: the shop
-- order it returns (NULL when the warehouse's return could not be linked to one). kind: regret
-- (ångerköp), complaint (reklamation), unclaimed (a parcel never collected) or unannounced (the
-- warehouse registered it without notice). state: the merchant's handling, announced -> received
-- -> refunded or closed; handling_note says why it was closed (or anything the merchant adds).
-- refund: integer minor units with an ISO 4217 currency, only on a refunded return.
-- arrived_at_ms: when the warehouse first reported goods for it. comment_generation counts the
-- shop comments written for it, for the outbox keys.
CREATE TABLE returns (
    number              TEXT PRIMARY KEY NOT NULL,
    warehouse_id        INTEGER,
    order_number        TEXT,
    kind                TEXT NOT NULL
                        CHECK (kind IN ('regret', 'complaint', 'unclaimed', 'unannounced')),
    cause               TEXT,
    note                TEXT,
    state               TEXT NOT NULL
                        CHECK (state IN ('announced', 'received', 'refunded', 'closed')),
    handling_note       TEXT,
    refund_minor        INTEGER CHECK (refund_minor IS NULL OR refund_minor > 0),
    refund_currency     TEXT CHECK (refund_currency IS NULL
                                    OR (length(refund_currency) = 3
                                        AND refund_currency NOT GLOB '*[^A-Z]*')),
    arrived_at_ms       INTEGER,
    comment_generation  INTEGER NOT NULL DEFAULT 0 CHECK (comment_generation >= 0),
    created_at_ms       INTEGER NOT NULL,
    updated_at_ms       INTEGER NOT NULL,
    CHECK ((refund_minor IS NULL) = (refund_currency IS NULL)),
    CHECK (refund_minor IS NULL OR state = 'refunded'),
    CHECK (state <> 'closed' OR handling_note IS NOT NULL)
) STRICT;

CREATE INDEX returns_order_number ON returns (order_number);

-- Schedules saved before the returns flow existed get its default (every 30 minutes), so an
-- installation that already chose its schedules reads returns without being set up again. A flow
-- missing from a saved schedule means "only by hand", so it cannot be left out here.
UPDATE settings
   SET value = json_set(value, '$.returns', json('{"kind":"every","minutes":30}'))
 WHERE key = 'sync.schedules'
   AND json_type(value, '$.returns') IS NULL;
