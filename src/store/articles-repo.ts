import type { Insertable, Kysely } from 'kysely'
import type { ArticlesTable, Database } from './schema.js'
import { bandKeys, decodeSignature } from '../resolve/minhash.js'
import { chooseNearDuplicate, type NearDuplicate } from '../resolve/near-duplicates.js'
import type { CleanedDocument } from '../clean/clean-document.js'

/** A stored article as `sitrep reanalyze` reads it: its cleaned document, id and near-duplicate signature. */
export interface StoredArticle {
  id: string
  document: CleanedDocument
  signature: string
}

type Db = Kysely<Database>

/** Whether the article (by cleaned-text hash) is stored, and which stored articles share its URL: one round trip. */
export async function findArticleOrUrl(db: Db, id: string, url: string | null): Promise<{ exists: boolean; sameUrl: string[] }> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where((eb) => (url === null ? eb('id', '=', id) : eb.or([eb('id', '=', id), eb('url', '=', url)])))
    .execute()
  return { exists: rows.some((row) => row.id === id), sameUrl: rows.map((row) => row.id).filter((other) => other !== id) }
}

export async function insertArticle(db: Db, article: Insertable<ArticlesTable>, bandKeys: string[]): Promise<void> {
  await db.insertInto('articles').values(article).execute()
  if (bandKeys.length === 0) return
  await db
    .insertInto('article_bands')
    .values(bandKeys.map((band_key) => ({ band_key, article_id: article.id })))
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** Caps the work for a text whose bands are very common (boilerplate-only pages): the oldest copies suffice. */
const MAX_CANDIDATES = 100

/** LSH candidates sharing a band; the near-duplicate rule (resolve/near-duplicates.ts) picks the group. */
export async function findNearDuplicate(db: Db, signature: Uint32Array, bandKeys: string[]): Promise<NearDuplicate | null> {
  if (bandKeys.length === 0) return null
  const rows = await db
    .selectFrom('article_bands')
    .innerJoin('articles', 'articles.id', 'article_bands.article_id')
    .select(['articles.id', 'articles.duplicate_of', 'articles.signature', 'articles.doc_no'])
    .where('article_bands.band_key', 'in', bandKeys)
    .distinct()
    .limit(MAX_CANDIDATES)
    .execute()
  const candidates = rows.map((row) => ({
    id: row.id,
    duplicateOf: row.duplicate_of,
    signature: decodeSignature(row.signature),
    docNo: Number(row.doc_no),
  }))
  return chooseNearDuplicate(signature, candidates)
}

/** Removes the article row, its bands and mentions; claims and event reports are removed by their own modules. */
export async function deleteArticleRow(db: Db, id: string): Promise<void> {
  const article = await db.selectFrom('articles').select('signature').where('id', '=', id).executeTakeFirst()
  if (article) {
    const keys = bandKeys(decodeSignature(article.signature))
    await db.deleteFrom('article_bands').where('band_key', 'in', keys).where('article_id', '=', id).execute()
  }
  await deleteMentionsOf(db, id)
  await db.deleteFrom('articles').where('id', '=', id).execute()
}

export async function deleteMentionsOf(db: Db, articleId: string): Promise<void> {
  await db.deleteFrom('entity_mentions').where('article_id', '=', articleId).execute()
  await db.deleteFrom('place_mentions').where('article_id', '=', articleId).execute()
}

/** What an article's claims and reports are stored with: its near-duplicate group and dates. */
export async function storedArticleContext(
  db: Db,
  id: string,
): Promise<{ duplicate_of: string | null; published: string | null; ingested_at: string } | undefined> {
  return db.selectFrom('articles').select(['duplicate_of', 'published', 'ingested_at']).where('id', '=', id).executeTakeFirst()
}

/** Stored articles in storage order after `afterDocNo`, as `sitrep reanalyze` reads them. */
export async function storedArticlesAfter(
  db: Db,
  afterDocNo: number,
  limit: number,
): Promise<Array<{ docNo: number; article: StoredArticle }>> {
  const rows = await db
    .selectFrom('articles')
    .select(['doc_no', 'id', 'title', 'source', 'url', 'author', 'published', 'text', 'removed', 'signature'])
    .where('doc_no', '>', afterDocNo)
    .orderBy('doc_no')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    docNo: Number(row.doc_no),
    article: {
      id: row.id,
      signature: row.signature,
      document: {
        title: row.title,
        source: row.source,
        url: row.url,
        author: row.author,
        published: row.published,
        text: row.text,
        removed: JSON.parse(row.removed),
      },
    },
  }))
}

/**
 * When a group's canonical article goes away, its oldest remaining copy becomes canonical.
 * Returns the ids of the articles whose group changed, the new canonical first.
 */
export async function promoteOldestCopy(db: Db, formerCanonical: string): Promise<string[]> {
  const copies = await db.selectFrom('articles').select(['id']).where('duplicate_of', '=', formerCanonical).orderBy('doc_no').execute()
  if (copies.length === 0) return []
  const [heir] = copies
  await db.updateTable('articles').set({ duplicate_of: null, similarity: null }).where('id', '=', heir!.id).execute()
  await db.updateTable('articles').set({ duplicate_of: heir!.id }).where('duplicate_of', '=', formerCanonical).execute()
  return copies.map((copy) => copy.id)
}
