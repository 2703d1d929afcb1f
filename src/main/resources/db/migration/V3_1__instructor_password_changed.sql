-- When the instructor last changed the password on the password page (null: it is the configured
-- or the one-time password). A password changed there wins over the configured one at start.
alter table instructor add column password_changed_at timestamp;
