-- The admin audit log is kept here (before, the rows lived in one grain's state, capped at 10,000), searched by
-- admin, action and time: the admin and time indexes exist, the action one is new.
CREATE INDEX admin_audit_log_action_ix ON admin_audit_log (action, at);
