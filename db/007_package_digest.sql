-- xz-desktop schema, version 7 (issue 14): which file exactly each package in force was merged from.
-- file_sha256 is the SHA-256 of the file's bytes as they were read: the very bytes whose manifest, figures,
-- checksum and signature were verified before the package was merged (the reader parses those bytes in
-- memory, never the file a second time). A later file with the same digest is that file, byte for byte, so a
-- re-merge recognises it without reading its figures again; any other byte gives another digest and the full
-- read. key_id is the key that signed it: a key revoked since sends the file the full way (where it is refused).
-- Packages merged before this migration have no row: a re-merge recognises them as before (manifest, figures
-- compared with those held, signature), never writing (an unchanged re-merge leaves the database as it was);
-- one taken out and merged again gets its row then.
CREATE TABLE package_digest (
    package_id  TEXT PRIMARY KEY REFERENCES package(package_id),
    file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
    key_id      TEXT NOT NULL
);
CREATE INDEX package_digest_by_sha256 ON package_digest (file_sha256);
