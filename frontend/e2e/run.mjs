#!/usr/bin/env node
// npm run e2e -- [serve|bridge ...]: runs the named browser specs (all when
// none is named) with node's test runner. The specs read LAIFANG_URL and
// LAIFANG_DATA_FILE; the Makefile starts the backend and sets them.

import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const known = readdirSync(here)
  .filter((f) => f.endsWith('.spec.mjs'))
  .map((f) => f.slice(0, -'.spec.mjs'.length))
  .sort()

const names = process.argv.slice(2)
for (const n of names) {
  if (!known.includes(n)) {
    console.error(`e2e: no spec "${n}"; known: ${known.join(', ')}`)
    process.exit(2)
  }
}
const chromium = process.env.LAIFANG_CHROMIUM || '/usr/bin/chromium'
if (!existsSync(chromium)) {
  console.error(`e2e: ${chromium} not found (apt-get install chromium)`)
  process.exit(2)
}

const files = (names.length ? names : known).map((n) => join(here, `${n}.spec.mjs`))
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], { stdio: 'inherit' })
process.exit(r.status ?? 1)
