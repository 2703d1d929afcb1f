-- "Class members only": while an open (not archived) session has it on, a student who has not joined
-- a class cannot train, upload a model or run saliency (the lessons stay readable).
alter table class_session add column members_only boolean default false not null;
