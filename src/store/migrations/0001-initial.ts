import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

/** Frozen: the first schema. Change the schema only by adding a new migration file. */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const serialKey = dialect === 'sqlite' ? 'integer' : 'bigserial'
  const real = dialect === 'sqlite' ? 'real' : 'double precision'

  await db.schema
    .createTable('articles')
    .addColumn('doc_no', serialKey, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('url', 'text')
    .addColumn('title', 'text')
    .addColumn('source', 'text')
    .addColumn('author', 'text')
    .addColumn('published', 'text')
    .addColumn('input_name', 'text')
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('removed', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('duplicate_of', 'text')
    .addColumn('similarity', real)
    .execute()
  await db.schema.createIndex('articles_url').on('articles').column('url').execute()
  await db.schema.createIndex('articles_duplicate_of').on('articles').column('duplicate_of').execute()
  await db.schema.createIndex('articles_published').on('articles').column('published').execute()

  // LSH bands: looked up by key only; an article's own keys are recomputed from its signature to delete them.
  await db.schema
    .createTable('article_bands')
    .addColumn('band_key', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_bands_pk', ['band_key', 'article_id'])
    .$call((table) => (dialect === 'sqlite' ? table.modifyEnd(sql`WITHOUT ROWID`) : table))
    .execute()

  await db.schema
    .createTable('entities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('known', 'integer', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('entity_names')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_names_pk', ['name_key', 'entity_id'])
    .execute()
  await db.schema.createIndex('entity_names_entity').on('entity_names').column('entity_id').execute()

  await db.schema
    .createTable('entity_merges')
    .addColumn('source_id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute()

  for (const table of ['entity_mentions', 'place_mentions'] as const) {
    const target = table === 'entity_mentions' ? 'entity_id' : 'place_id'
    await db.schema
      .createTable(table)
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn(target, 'text', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .execute()
    await db.schema.createIndex(`${table}_article`).on(table).column('article_id').execute()
    await db.schema.createIndex(`${table}_target`).on(table).columns([target, 'article_id']).execute()
  }

  await db.schema
    .createTable('places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('admin1', 'text')
    .addColumn('lat', real)
    .addColumn('lon', real)
    .execute()
  await db.schema.createIndex('places_name_key').on('places').column('name_key').execute()

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text')
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('modes', 'text', (c) => c.notNull())
    .addColumn('actors', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('fatalities_low', 'integer')
    .addColumn('fatalities_best', 'integer')
    .addColumn('fatalities_high', 'integer')
    .addColumn('source_count', 'integer', (c) => c.notNull())
    .addColumn('report_count', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('events_match').on('events').columns(['type', 'place_id', 'date_start']).execute()
  await db.schema.createIndex('events_date').on('events').column('date_start').execute()

  await db.schema
    .createTable('event_sources')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('mode', 'text')
    .addColumn('actors', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('date_start', 'text')
    .addColumn('date_end', 'text')
    .addColumn('date_text', 'text')
    .addColumn('fatalities_low', 'integer')
    .addColumn('fatalities_best', 'integer')
    .addColumn('fatalities_high', 'integer')
    .addColumn('reported_by', 'text')
    .addColumn('evidence_start', 'integer', (c) => c.notNull())
    .addColumn('evidence_end', 'integer', (c) => c.notNull())
    .addColumn('evidence_text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_sources_pk', ['article_id', 'ordinal'])
    .execute()
  await db.schema.createIndex('event_sources_event').on('event_sources').column('event_id').execute()

  await db.schema
    .createTable('claims')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('proposition_id', 'text', (c) => c.notNull())
    .addColumn('claimant', 'text')
    .addColumn('speaker', 'text')
    .addColumn('cue', 'text', (c) => c.notNull())
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('object', 'text')
    .addColumn('evidence_start', 'integer', (c) => c.notNull())
    .addColumn('evidence_end', 'integer', (c) => c.notNull())
    .addColumn('evidence_text', 'text', (c) => c.notNull())
    .addColumn('party_key', 'text', (c) => c.notNull())
    .addColumn('source_group', 'text', (c) => c.notNull())
    .addColumn('seen', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text')
    .addPrimaryKeyConstraint('claims_pk', ['article_id', 'ordinal'])
    .execute()
  // Covers the aggregation of a proposition: parties per stance, independent sources, first/last seen.
  await db.schema
    .createIndex('claims_proposition')
    .on('claims')
    .columns(['proposition_id', 'stance', 'party_key', 'source_group', 'seen'])
    .execute()
  await db.schema.createIndex('claims_claimant').on('claims').column('claimant').execute()

  await db.schema
    .createTable('propositions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('object', 'text')
    .addColumn('asserters', 'text', (c) => c.notNull())
    .addColumn('deniers', 'text', (c) => c.notNull())
    .addColumn('no_response', 'text', (c) => c.notNull())
    .addColumn('source_count', 'integer', (c) => c.notNull())
    .addColumn('claim_count', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('propositions_subject').on('propositions').column('subject').execute()
  await db.schema.createIndex('propositions_object').on('propositions').column('object').execute()
  await db.schema.createIndex('propositions_status').on('propositions').columns(['status', 'source_count']).execute()

  if (dialect === 'sqlite') await createSqliteSearch(db)
  else await createPostgresSearch(db)
}

/** FTS5 over the articles table (external content), kept in step by triggers. */
async function createSqliteSearch(db: Kysely<any>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='doc_no', tokenize='porter unicode61 remove_diacritics 2')`.execute(
    db,
  )
  await sql`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.doc_no, new.title, new.text);
  END`.execute(db)
  await sql`CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.doc_no, old.title, old.text);
  END`.execute(db)
}

async function createPostgresSearch(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
  ) STORED`.execute(db)
  await sql`CREATE INDEX articles_search ON articles USING gin (search)`.execute(db)
}
