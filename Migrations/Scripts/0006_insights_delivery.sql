-- Insights are stored once per condition while it holds, resolved when it clears, acknowledged by an admin and
-- delivered to the admins' Telegram chat and the webhook. Expand only: every new column is nullable.
ALTER TABLE insights
    ADD COLUMN condition_key        text,
    ADD COLUMN resolved_at          timestamptz,
    ADD COLUMN acknowledged_at      timestamptz,
    ADD COLUMN acknowledged_by      text,
    ADD COLUMN chat_delivered_at    timestamptz,
    ADD COLUMN webhook_delivered_at timestamptz;

-- One open insight per condition, even when two evaluations store it at once.
CREATE UNIQUE INDEX insights_open_condition_ux ON insights (condition_key) WHERE resolved_at IS NULL;

CREATE INDEX insights_kind_ix ON insights (kind, insight_id);
CREATE INDEX insights_chat_pending_ix ON insights (insight_id) WHERE chat_delivered_at IS NULL AND severity <> 'info';
CREATE INDEX insights_webhook_pending_ix ON insights (insight_id) WHERE webhook_delivered_at IS NULL;
