-- A renamed or merged context's old slug, so its old URLs can redirect to the new one.
CREATE TABLE context_alias (
    old_slug VARCHAR(160) PRIMARY KEY,
    new_slug VARCHAR(160) NOT NULL
);
