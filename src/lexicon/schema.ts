/**
 * A small typed schema for the lexicon files: each schema checks a parsed JSON value and gives it its type, and a
 * mismatch names the path of the offending key ("relations.harbors.patterns[2]").
 */
export interface Schema<T> {
  parse(value: unknown, path: string): T
  /** Set on schemas made by `optional`: the key may be missing. */
  readonly optional?: true
}

export type Infer<S> = S extends Schema<infer T> ? T : never

/** A lexicon value that does not have its schema's shape; `path` names the key. */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path || 'the file'} ${problem}`)
  }
}

/** Every object may carry an `_about` line: documentation for the reader of the file, never data. */
const ABOUT = '_about'

const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export const text: Schema<string> = {
  parse(value, path) {
    if (typeof value !== 'string') throw new ShapeError(path, 'must be a string')
    return value
  },
}

export const integer: Schema<number> = {
  parse(value, path) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new ShapeError(path, 'must be a whole number ≥ 0')
    return value
  },
}

export const flag: Schema<boolean> = {
  parse(value, path) {
    if (typeof value !== 'boolean') throw new ShapeError(path, 'must be true or false')
    return value
  },
}

export function list<T>(item: Schema<T>): Schema<T[]> {
  return {
    parse(value, path) {
      if (!Array.isArray(value)) throw new ShapeError(path, 'must be a list')
      return value.map((entry, i) => item.parse(entry, `${path}[${i}]`))
    },
  }
}

/** One of a fixed set of strings, such as the record's event types. */
export function oneOf<const V extends string>(values: readonly V[]): Schema<V> {
  return {
    parse(value, path) {
      if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
        throw new ShapeError(path, `must be one of ${values.join(', ')}`)
      return value as V
    },
  }
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return { parse: (value, path) => (value === null ? null : schema.parse(value, path)) }
}

export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return { optional: true, parse: (value, path) => (value === undefined ? undefined : schema.parse(value, path)) }
}

type Shape = Record<string, Schema<unknown>>
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S]
export type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>
}

/** An object with exactly these keys (and perhaps an `_about`): a missing or unknown key is an error. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return {
    parse(value, path) {
      if (!isPlainObject(value)) throw new ShapeError(path, 'must be an object')
      for (const key of Object.keys(value))
        if (key !== ABOUT && !(key in shape)) throw new ShapeError(join(path, key), 'is not a known key')
      const out: Record<string, unknown> = {}
      for (const [key, schema] of Object.entries(shape)) {
        if (!(key in value) && !schema.optional) throw new ShapeError(join(path, key), 'is missing')
        const parsed = schema.parse(value[key], join(path, key))
        if (parsed !== undefined) out[key] = parsed
      }
      return out as ObjectOf<S>
    },
  }
}

/** An object used as a map from words to values, in the file's order; its `_about` is dropped. */
export function dictionary<T>(entry: Schema<T>): Schema<Record<string, T>> {
  return {
    parse(value, path) {
      if (!isPlainObject(value)) throw new ShapeError(path, 'must be an object')
      const out: Record<string, T> = {}
      for (const [key, item] of Object.entries(value)) if (key !== ABOUT) out[key] = entry.parse(item, join(path, key))
      return out
    },
  }
}

/** A map keyed by some of a fixed set of keys (the record's relations); its `_about` is dropped. */
export function keyedBy<const K extends string, T>(keys: readonly K[], entry: Schema<T>): Schema<Partial<Record<K, T>>> {
  return {
    parse(value, path) {
      const all = dictionary(entry).parse(value, path)
      for (const key of Object.keys(all))
        if (!(keys as readonly string[]).includes(key)) throw new ShapeError(join(path, key), `is not one of ${keys.join(', ')}`)
      return all as Partial<Record<K, T>>
    },
  }
}

/** The entries of a map parsed by `keyedBy` or `everyKey`, in the file's order, keyed by its key type. */
export function entriesOf<K extends string, T>(map: Partial<Record<K, T>>): [K, T][] {
  return Object.entries(map).filter((entry): entry is [K, T] => entry[1] !== undefined)
}

/** A map with an entry for every one of a fixed set of keys. */
export function everyKey<const K extends string, T>(keys: readonly K[], entry: Schema<T>): Schema<Record<K, T>> {
  return {
    parse(value, path) {
      const some = keyedBy(keys, entry).parse(value, path)
      for (const key of keys) if (!(key in some)) throw new ShapeError(join(path, key), 'is missing')
      return some as Record<K, T>
    },
  }
}
