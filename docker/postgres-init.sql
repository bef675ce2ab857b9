-- Two roles, as in every Spean database: the migrator owns the schema (DDL),
-- the app role only reads and writes rows. Development passwords: change them.
CREATE ROLE spean_migrator LOGIN PASSWORD 'spean-migrator-dev';
CREATE ROLE spean_app LOGIN PASSWORD 'spean-app-dev';
CREATE DATABASE spean OWNER spean_migrator ENCODING 'UTF8';
REVOKE ALL ON DATABASE spean FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE spean TO spean_app;
\connect spean
ALTER SCHEMA public OWNER TO spean_migrator;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO spean_app;
ALTER DEFAULT PRIVILEGES FOR ROLE spean_migrator IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO spean_app;
ALTER DEFAULT PRIVILEGES FOR ROLE spean_migrator IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO spean_app;
