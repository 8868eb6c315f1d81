import { useState } from 'preact/hooks'
import { postJson, type UploadSummary as Summary } from '../api'

const TOKEN_KEY = 'sitrep-token'
const BINARY = /\.(gz|pdf|docx?)$/i

function readFile(file: File): Promise<{ name: string; content: string; encoding: 'utf8' | 'base64' }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    const binary = BINARY.test(file.name)
    reader.onerror = () => reject(new Error(`${file.name}: cannot read the file`))
    reader.onload = () => {
      const result = String(reader.result)
      resolve(
        binary
          ? { name: file.name, content: result.slice(result.indexOf(',') + 1), encoding: 'base64' }
          : { name: file.name, content: result, encoding: 'utf8' },
      )
    }
    if (binary) reader.readAsDataURL(file)
    else reader.readAsText(file)
  })
}

export function IngestView() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '')
  const [files, setFiles] = useState<File[]>([])
  const [busy, setBusy] = useState(false)
  const [summary, setSummary] = useState<Summary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [over, setOver] = useState(false)

  const upload = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    setSummary(null)
    try {
      sessionStorage.setItem(TOKEN_KEY, token)
      const payload = await Promise.all(files.map(readFile))
      setSummary(await postJson<Summary>('ingest', { files: payload }, token.trim()))
      setFiles([])
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="view ingest">
      <h1>Add articles</h1>
      <p>Drop text, HTML, JSON Lines or feed files here. Writes need the token `sitrep serve` printed when it started.</p>
      <label>
        token{' '}
        <input name="token" type="password" value={token} onInput={(e) => setToken(e.currentTarget.value)} size={32} autocomplete="off" />
      </label>
      <div
        class={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault()
          setOver(false)
          setFiles([...files, ...Array.from(e.dataTransfer?.files ?? [])])
        }}
      >
        {files.length === 0 ? 'Drop files here' : `${files.length} file(s): ${files.map((f) => f.name).join(', ')}`}
        <div>
          or <input type="file" multiple onChange={(e) => setFiles([...files, ...Array.from(e.currentTarget.files ?? [])])} />
        </div>
      </div>
      <button type="button" disabled={busy || files.length === 0 || token.trim() === ''} onClick={() => void upload()}>
        {busy ? 'Analysing…' : 'Analyse and store'}
      </button>
      {error && <div class="error">Error: {error}</div>}
      {summary && (
        <div class="summary">
          {summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged, {summary.failed} failed in{' '}
          {summary.seconds.toFixed(1)} s
          {summary.failures.length > 0 && (
            <ul>
              {summary.failures.map((failure, i) => (
                <li key={i}>{failure.error}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
