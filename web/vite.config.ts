import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

/** Writes NAME.gz beside each script and stylesheet; the server sends them to clients that accept gzip. */
function precompress(): Plugin {
  return {
    name: 'sitrep-precompress',
    apply: 'build',
    closeBundle() {
      const assets = path.join(root, 'dist', 'assets')
      for (const name of fs.readdirSync(assets)) {
        if (/\.(js|css)$/.test(name))
          fs.writeFileSync(path.join(assets, `${name}.gz`), gzipSync(fs.readFileSync(path.join(assets, name)), { level: 9 }))
      }
    },
  }
}

// Every asset is bundled into web/dist, which ships with the package: `sitrep serve` needs no build.
export default defineConfig({
  root,
  base: './',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8737' } },
})
