// Petitioners' text is data, never markup (issue 4; DESIGN.md "UI"). These
// are the strings every screen that shows typed text is tested with. The
// list itself is payloads.json, which app/httpapi's Go test reads too, so
// the browser and the JSON API are checked with the same strings.
//
// How a spec uses them (see xss.spec.mjs):
//
//   import { payloads, longText, watchForXss, assertNoXss, assertShownAsText } from './payloads.mjs'
//   await watchForXss(page)              // before the first page.goto
//   for (const p of payloads) { ...fill a field with p.text, save... }
//   await assertShownAsText(locator, p.text)   // where the screen shows it
//   await assertNoXss(page)              // after each screen
//
// Every payload that runs sets window.__xss (its number) or calls alert():
// watchForXss records both, and assertNoXss also fails on any <img src=x>,
// <svg>, <script> or javascript: link that came from the data, and on
// uncaught page errors. Later screens (intake, letters, exports…) add their
// fields to xss.spec.mjs's tables, or import this module in their own spec.

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'

const data = JSON.parse(readFileSync(new URL('./payloads.json', import.meta.url), 'utf8'))

/** The global a payload sets when it runs. */
export const flag = data.flag

/** @type {{name: string, text: string}[]} the short payloads (≤ 30 characters, but the constructor one has 40) */
export const payloads = data.payloads

/** The long text: the unit repeated to exactly `length` characters (UTF-16 code units, all BMP). */
export const longText = makeLong(data.long.unit, data.long.length)

/** Every payload, the long text last. */
export const allPayloads = [...payloads, { name: data.long.name, text: longText }]

function makeLong(unit, n) {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n)
}

/** A payload fitted to a field of at most max characters (what an input's maxlength keeps). */
export function fit(text, max) {
  return max && text.length > max ? text.slice(0, max) : text
}

/**
 * Records on the page every way a payload could run: the flag, alert /
 * confirm / prompt (as dialogs, dismissed), and script errors. Call once per
 * page, before it loads the app.
 */
export async function watchForXss(page) {
  page.xssDialogs = []
  page.on('dialog', (d) => {
    page.xssDialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss().catch(() => {})
  })
  await page.addInitScript((name) => {
    Object.defineProperty(window, name, {
      configurable: false,
      get: () => window.__xssValue,
      set: (v) => {
        window.__xssValue = v
        ;(window.__xssRuns ??= []).push(String(v))
      },
    })
  }, flag)
}

/** Fails if any payload ran or became markup on the page. */
export async function assertNoXss(page) {
  const runs = await page.evaluate(() => window.__xssRuns ?? [])
  assert.deepEqual(runs, [], `a payload ran: ${runs.join(', ')}`)
  assert.deepEqual(page.xssDialogs ?? [], [], 'a payload opened a dialog')
  const found = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    svg: [...document.querySelectorAll('svg[onload]')].length,
    script: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
    jsLinks: [...document.querySelectorAll('[href], [src]')].filter((e) =>
      /^\s*javascript:/i.test(e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
    ).length,
    bold: [...document.querySelectorAll('b, i')].filter((e) => ['粗', '斜'].includes(e.textContent ?? '')).length,
  }))
  assert.deepEqual(found, { img: 0, svg: 0, script: 0, jsLinks: 0, bold: 0 }, 'a payload became an element')
  assert.deepEqual(page.errors ?? [], [], 'uncaught errors on the page')
}

/** The element shows exactly text, as text (textContent, whitespace trimmed). */
export async function assertShownAsText(locator, text) {
  await locator.first().waitFor()
  const shown = (await locator.first().textContent())?.trim()
  assert.equal(shown, text.trim())
}
