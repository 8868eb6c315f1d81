/** The throwaway PostgreSQL server lives in src/bench so the ingest benchmark can start one too. */
export { postgresBinDir, postgresSkipReason, startPostgres, type PostgresServer } from '../../src/bench/postgres-server.js'
