// Petitioners' text is data, never markup (DESIGN.md "UI"): no component
// may hand text to the HTML parser. Vue's {{ }} and v-text set textContent;
// v-html, innerHTML and friends would parse it, so they are banned here
// outright rather than reviewed case by case. The browser side of the rule
// is tested with real payloads in e2e/xss.spec.mjs.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Vitest runs in frontend/ (npm test); import.meta.url is not a file URL
// under happy-dom.
const src = join(process.cwd(), 'src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.(vue|ts)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : []
  })
}

// What turns a string into markup or code in a Vue/TS frontend.
const banned: [string, RegExp][] = [
  ['v-html', /\bv-html\b/],
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\s*=/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\s*\(/],
  ['document.write', /\bdocument\.write(ln)?\s*\(/],
  ['Element Plus dangerouslyUseHTMLString', /dangerouslyUseHTMLString/],
  ['eval / new Function', /\beval\s*\(|\bnew Function\s*\(/],
]

describe('no component turns text into markup', () => {
  const all = files(src)

  it('finds the sources', () => {
    expect(all.some((f) => f.endsWith('.vue'))).toBe(true)
  })

  for (const [what, re] of banned) {
    it(`uses no ${what}`, () => {
      const hits = all.filter((f) => re.test(readFileSync(f, 'utf8'))).map((f) => relative(src, f))
      expect(hits).toEqual([])
    })
  }
})
