// The letters, rendered and measured (issue 14; `make letters-render`, part
// of `make test`). On a generated office in serve mode, every built-in kind
// of letter is issued for a case (or a task) that fills it; its print page
// is printed to PDF by headless Chromium and its .docx is turned into a PDF
// by LibreOffice. Each PDF must be A4, carry the 文号, the date and the
// addressee and no "{{", and have its text block where GB/T 9704-2012 puts
// it: the first line of the 版心 37 mm from the top, its left edge 28 mm
// from the left (±1 mm, measured with pdftotext -bbox). The first page of
// each is kept as a PNG in build/letters for a person to look at. Then a
// confidential case's 交办单 must not carry the whistle-blower's identity:
// not in print, not in the .docx, not in the archive (Letters.Get).
// Synthetic people only.
//   LAIFANG_BIN             the laifang binary
//   LAIFANG_LETTERS_VISITS  visits to generate (default 400)

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, test } from 'node:test'
import { callApi, demoPassword, launch, startServe, synthID } from './lib.mjs'
import { assertNoXss, payloads, watchForXss } from './payloads.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '..', '..', 'build', 'letters')
const MM = 25.4 / 72
/** pdfinfo's page size within half a point of A4's 595.28 × 841.89 pt (Chromium rounds to its pixels). */
function isA4(info) {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  return !!m && Math.abs(Number(m[1]) - 595.28) < 0.5 && Math.abs(Number(m[2]) - 841.89) < 0.5
}

/** Calls Go and fails with its message when it refuses. */
async function api(page, service, method, args = []) {
  const r = await callApi(page, service, method, args)
  assert.equal(r.status, 200, `${service}.${method}: ${JSON.stringify(r.body)}`)
  return r.body
}

/** The words of a PDF's first page with their boxes (pdftotext -bbox), in mm. */
function words(pdf) {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' })
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x: Number(m[1]) * MM,
    y: Number(m[2]) * MM,
    x2: Number(m[3]) * MM,
    y2: Number(m[4]) * MM,
    text: m[5],
  }))
}

/**
 * The ink of a PDF's first page (pdftoppm at 300 dpi, grey): the top and
 * the left edge of what is printed, in mm. The top is read from the ink
 * because pdftotext -bbox gives a Type 3 font (how Chromium embeds the
 * CFF-based Noto CJK) the height of its whole FontBBox, 2.6 em, not the
 * line's.
 */
function ink(pdf) {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '300', '-f', '1', '-l', '1', '-singlefile', pdf], { maxBuffer: 64 << 20 })
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))
  const [w, h] = [Number(head[1]), Number(head[2])]
  const data = pgm.subarray(head[0].length)
  let top = -1
  let left = w
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x] < 128) {
        if (top < 0) top = y
        if (x < left) left = x
        break
      }
    }
  }
  const px = 25.4 / 300
  return { top: top * px, left: left * px }
}

/** What a person checks on the paper: A4, the number, date and addressee, no placeholder, the block's edges. */
function measure(pdf, doc, how) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
  assert.ok(isA4(info), `${how} ${doc.kind}: not A4\n${info}`)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  const squeeze = (s) => s.replace(/\s+/g, '')
  assert.ok(text.includes(squeeze(doc.no)), `${how} ${doc.kind}: no 文号 ${doc.no}`)
  assert.ok(text.includes(doc.date), `${how} ${doc.kind}: no date ${doc.date}`)
  const to = doc.addressee || doc.rows?.[0]?.value || ''
  assert.ok(text.includes(squeeze(to)), `${how} ${doc.kind}: no addressee ${to}`)
  assert.ok(!text.includes('{{'), `${how} ${doc.kind}: a placeholder is left`)
  const ws = words(pdf)
  const png = join(out, `${doc.kind}-${how}`)
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, png])
  const i = ink(pdf)
  return {
    top: i.top,
    left: Math.min(...ws.map((w) => w.x)),
    inkLeft: i.left,
    bboxTop: Math.min(...ws.map((w) => w.y)),
    pages: Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]),
  }
}

describe('letters: every built-in kind, printed and as .docx, measured', { timeout: 15 * 60_000 }, () => {
  let server
  let browser
  let page
  const issued = []
  const stand = []
  const figures = []

  before(async () => {
    rmSync(out, { recursive: true, force: true })
    mkdirSync(join(out, 'docx'), { recursive: true })
    server = await startServe({ gen: Number(process.env.LAIFANG_LETTERS_VISITS || 400) })
    browser = await launch()
    page = browser.page
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto(server.url)
    await api(page, 'Auth', 'Login', ['head', demoPassword])
    await page.reload()
    await page.getByTestId('user-name').waitFor()
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('every kind is issued with a number, for a case or task of the generated office', async () => {
    const kinds = await api(page, 'Letters', 'Kinds')
    assert.ok(kinds.length >= 14, `only ${kinds.length} kinds`)
    const cases = (await api(page, 'Cases', 'List', [{ text: '', status: '', offset: 0, limit: 100 }])).rows
    // The generator makes 交办 tasks only: one case is sent on (转送) here, for the 转送单.
    const options = await api(page, 'Visits', 'Options')
    const unit = options.units.find((u) => u.name)?.name
    const seq = String(101 + 2 * Math.floor(Math.random() * 400)).padStart(3, '0')
    await api(page, 'Visits', 'Register', [
      {
        receivedAt: options.now,
        channel: '走访',
        reception: '一楼接待窗口',
        people: [{ id: 0, role: '主信访人', name: '测试转送人丑某', sex: 'M', idType: '', idNumber: synthID('330106', '19660517', seq), phone: `1390004${seq}4`, address: '测试镇测试村 2 组' }],
        present: 1,
        title: `测试：排水沟堵塞 ${seq}`,
        demand: '请求疏通排水沟。',
        facts: '村口排水沟堵塞，雨天积水。',
        region: '测试镇测试村',
        type: '申诉求决',
        category: '07',
        disposal: 'transfer',
        unit,
        record: { statement: '来访人反映排水沟堵塞。', procedure: true, remedies: true },
      },
    ])
    const tasks = (await api(page, 'Tasks', 'List', [{ state: '', unit: 0, page: 0, size: 200 }])).rows
    for (const k of kinds) {
      const pool = k.needs === 'task' ? tasks.map((t) => ({ case: t.case, task: t.id })) : cases.map((c) => ({ case: c.id, task: 0 }))
      let doc = null
      let best = null
      for (const c of pool) {
        const input = { case: c.case, task: c.task, kind: k.kind, template: 0, body: '' }
        const r = await callApi(page, 'Letters', 'Preview', [input])
        if (r.status !== 200) continue
        if (!r.body.missing?.length) {
          doc = await api(page, 'Letters', 'Issue', [input])
          break
        }
        if (!best || r.body.missing.length < best.missing.length) best = { input, missing: r.body.missing }
      }
      if (!doc && best) {
        // What the generated cases never record (a 延期's reason, a 复查's request …) is
        // written into the office's template for this one letter, and the built-in text put back.
        const tpl = await api(page, 'Letters', 'Template', [k.kind])
        let body = tpl.body
        for (const m of best.missing) body = body.replaceAll(`{{${m.placeholder}}}`, `（测试${m.placeholder}）`)
        await api(page, 'Letters', 'SaveTemplate', [k.kind, body, tpl.version])
        try {
          doc = await api(page, 'Letters', 'Issue', [best.input])
        } finally {
          await api(page, 'Letters', 'ResetTemplate', [k.kind])
        }
        stand.push(`${k.kind}: ${best.missing.map((m) => m.placeholder).join('、')}`)
      }
      assert.ok(doc, `${k.kind}: no case or task of the generated office can have it`)
      assert.ok(doc.id > 0 && doc.no, `${k.kind}: issued without a number`)
      issued.push(doc)
    }
    if (stand.length) console.log(`written in for the generated office:\n  ${stand.join('\n  ')}`)
  })

  test('the print page of each is A4 with its text block at 28 × 37 mm', async () => {
    assert.ok(issued.length > 0, 'nothing was issued')
    const bad = []
    for (const doc of issued) {
      await page.goto(new URL(`#/print/letters/${doc.id}`, server.url).href)
      await page.locator(`[data-testid=letter][data-letter-no="${doc.no}"]`).waitFor()
      await page.evaluate(() => document.fonts.ready)
      await page.emulateMedia({ media: 'print' })
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      await page.emulateMedia({ media: 'screen' })
      const file = join(out, `${doc.kind}-print.pdf`)
      writeFileSync(file, pdf)
      const m = measure(file, doc, 'print')
      figures.push({ kind: doc.kind, how: 'print', ...m })
      writeFileSync(join(out, 'figures.json'), JSON.stringify(figures, null, 1))
      if (Math.abs(m.top - 37) > 1) bad.push(`print ${doc.kind}: the text block starts ${m.top.toFixed(2)} mm from the top, not 37`)
      if (Math.abs(m.left - 28) > 1) bad.push(`print ${doc.kind}: the text block starts ${m.left.toFixed(2)} mm from the left, not 28`)
      // The .docx of the same letter, as the office would save it.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-docx').click()])
      await download.saveAs(join(out, 'docx', `${doc.kind}.docx`))
    }
    assert.deepEqual(bad, [])
    assert.deepEqual(page.errors, [])
  })

  test('the .docx of each, opened by LibreOffice, is A4 with its text block at 28 × 37 mm', async () => {
    const dir = join(out, 'docx')
    const files = readdirSync(dir).filter((f) => f.endsWith('.docx'))
    assert.ok(issued.length > 0, 'nothing was issued')
    assert.equal(files.length, issued.length)
    const bad = []
    // A profile of its own (a running LibreOffice would take the job and drop it), and the
    // fonts an office installs mapped to Noto (.ci/fonts.conf).
    const profile = `file://${join(out, 'lo-profile')}`
    execFileSync(
      'libreoffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files.map((f) => join(dir, f))],
      { stdio: 'pipe', timeout: 10 * 60_000, env: { ...process.env, FONTCONFIG_FILE: join(here, '..', '..', '.ci', 'fonts.conf') } },
    )
    for (const doc of issued) {
      const m = measure(join(dir, `${doc.kind}.pdf`), doc, 'docx')
      figures.push({ kind: doc.kind, how: 'docx', ...m })
      if (Math.abs(m.top - 37) > 1) bad.push(`docx ${doc.kind}: the text block starts ${m.top.toFixed(2)} mm from the top, not 37`)
      if (Math.abs(m.left - 28) > 1) bad.push(`docx ${doc.kind}: the text block starts ${m.left.toFixed(2)} mm from the left, not 28`)
    }
    writeFileSync(join(out, 'figures.json'), JSON.stringify(figures, null, 1))
    assert.deepEqual(bad, [])
  })

  test('the 文书 screen lists them, several print in one job, a case offers 出具文书, settings hold the templates', async () => {
    assert.ok(issued.length > 0, 'nothing was issued')
    const shot = (name) => page.screenshot({ path: join(out, `screen-${name}.png`) })
    await page.goto(new URL('#/letters', server.url).href)
    const rows = page.getByTestId('letters-table').locator('.el-table__row')
    await rows.nth(issued.length - 1).waitFor()
    const listed = await page.getByTestId('letters-table').innerText()
    for (const d of issued) assert.ok(listed.includes(d.no), `the 文书 screen does not list ${d.no}`)
    await shot('letters')
    // Three slips in one print job: each on its own sheets, in order.
    const slips = issued.filter((d) => d.form === 'slip').slice(0, 3)
    await page.goto(new URL(`#/print/letters/${slips.map((d) => d.id).join(',')}`, server.url).href)
    await page.locator(`[data-testid=letter][data-letter-no="${slips[2].no}"]`).waitFor()
    await page.emulateMedia({ media: 'print' })
    const pdf = join(out, 'several.pdf')
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    await page.emulateMedia({ media: 'screen' })
    const sheets = await page.getByTestId('letter-page').count()
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    assert.equal(Number(/^Pages:\s+(\d+)$/m.exec(info)[1]), sheets, 'the print job has as many pages as the letters have sheets')
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    let at = -1
    for (const d of slips) {
      const k = text.indexOf(d.no.replace(/\s+/g, ''))
      assert.ok(k > at, `${d.no} is not printed after the one before it`)
      at = k
    }
    await shot('several')
    // 出具文书 from a case: the kinds, the live preview, what is missing named.
    const letterCase = issued.find((d) => d.form === 'letter' && d.case)
    await page.goto(new URL(`#/cases/${letterCase.case}`, server.url).href)
    await page.getByTestId('case-letter').click()
    await page.getByTestId('letter-preview').locator('[data-testid=letter-page]').first().waitFor()
    await shot('issue')
    await page.keyboard.press('Escape')
    await page.goto(new URL('#/settings', server.url).href)
    await page.getByRole('tab', { name: '文书模板' }).click()
    await page.getByTestId('tpl-body').waitFor()
    await page.getByTestId('tpl-version').waitFor()
    await shot('templates')
    assert.deepEqual(page.errors, [])
  })

  test('套打: on the office\'s letterhead the header is left blank and the offsets move the page', async () => {
    // The layout is the administrator's to set (settings.edit).
    const as = async (login) => {
      await api(page, 'Auth', 'Logout')
      await api(page, 'Auth', 'Login', [login, demoPassword])
    }
    const plain = await api(page, 'Letters', 'Layout')
    const setLayout = async (l) => {
      await as('admin')
      await api(page, 'Letters', 'SaveLayout', [l])
      await as('head')
    }
    await setLayout({ ...plain, letterhead: true, headerMM: 80, offsetXMM: 2, offsetYMM: -1 })
    try {
      const doc = issued.find((d) => d.kind === 'accept')
      await page.goto(new URL(`#/print/letters/${doc.id}`, server.url).href)
      await page.reload()
      await page.locator(`[data-testid=letter][data-letter-no="${doc.no}"]`).waitFor()
      await page.emulateMedia({ media: 'print' })
      const pdf = join(out, 'accept-letterhead.pdf')
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
      await page.emulateMedia({ media: 'screen' })
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(out, 'accept-letterhead')])
      const m = ink(pdf)
      // The first grid row below the 80 mm header, 1 mm up; the left edge 2 mm right.
      assert.ok(m.top >= 80 - 1 && m.top <= 80 + 10.3, `the letter starts ${m.top.toFixed(2)} mm down, in the letterhead`)
      assert.ok(Math.abs(m.left - 30) <= 1, `the offset page starts ${m.left.toFixed(2)} mm from the left, not 30`)
      // The office's name once, as the sender: not again as the issuer mark over the letterhead.
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
      assert.equal(text.split(doc.sender).length - 1, 1, 'the issuer mark is printed over the letterhead')
    } finally {
      await setLayout(plain)
    }
  })

  test("a template's text is text on the letter: the payloads print as written and none runs", async () => {
    await watchForXss(page)
    // Braces are the template's own syntax: a payload with {{ is refused as an unknown word, not printed.
    const texts = payloads.map((p) => p.text).filter((t) => !t.includes('{{') && !t.includes('\n'))
    const tpl = await api(page, 'Letters', 'Template', ['accept'])
    const body = ['{{信访人称呼}}：', ...texts.map((t, i) => `段${i}：${t}`)].join('\n')
    await api(page, 'Letters', 'SaveTemplate', ['accept', body, tpl.version])
    let doc
    try {
      doc = await api(page, 'Letters', 'Issue', [{ case: issued.find((d) => d.kind === 'accept').case, task: 0, kind: 'accept', template: 0, body: '' }])
    } finally {
      await api(page, 'Letters', 'ResetTemplate', ['accept'])
    }
    await page.goto(new URL(`#/print/letters/${doc.id}`, server.url).href)
    await page.reload()
    await page.locator(`[data-testid=letter][data-letter-no="${doc.no}"]`).waitFor()
    const squeeze = (s) => s.replace(/\s+/g, '')
    const shown = squeeze((await page.locator('[data-testid=letter] .ln').allTextContents()).join(''))
    for (const t of texts) assert.ok(shown.includes(squeeze(t)), `the letter does not show ${JSON.stringify(t)} as written`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-docx').click()])
    const docx = join(out, 'payloads.docx')
    await download.saveAs(docx)
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' })
    const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
      .join('')
    for (const t of texts) assert.ok(squeeze(words).includes(squeeze(t)), `the .docx does not carry ${JSON.stringify(t)} as written`)
    await assertNoXss(page)
  })

  test("a confidential case's 交办单 carries no whistle-blower identity: in print, in the .docx, in the archive", async () => {
    const options = await api(page, 'Visits', 'Options')
    const unit = options.units.find((u) => u.name)?.name
    assert.ok(unit, 'no unit to assign to')
    const seq = String(101 + 2 * Math.floor(Math.random() * 400)).padStart(3, '0')
    const reporter = { name: '测试举报人癸某', id: synthID('330106', '19790308', seq), phone: `1390003${seq}3` }
    const due = options.now.slice(0, 10)
    const r = await api(page, 'Visits', 'Register', [
      {
        receivedAt: options.now,
        channel: '走访',
        reception: '一楼接待窗口',
        people: [{ id: 0, role: '主信访人', name: reporter.name, sex: 'M', idType: '', idNumber: reporter.id, phone: reporter.phone, address: '测试镇测试村 5 组' }],
        present: 1,
        title: `测试：举报站所长违规收费 ${seq}`,
        demand: '请求查处违规收费。',
        facts: '某站所长向办事群众收取费用。',
        region: '测试镇',
        accused: `测试站所长子某${seq}`,
        type: '检举控告',
        category: '07',
        disposal: 'assign',
        unit,
        due: `${Number(due.slice(0, 4)) + 1}${due.slice(4)}`,
        opinion: '请核查。',
        record: { statement: '来访人举报站所长收费。', procedure: true, remedies: true },
      },
    ])
    const tasks = (await api(page, 'Tasks', 'List', [{ state: '', unit: 0, page: 0, size: 500 }])).rows.filter((t) => t.case === r.caseId)
    assert.ok(tasks.length, 'the 交办 made no task')
    const doc = await api(page, 'Letters', 'Issue', [{ case: r.caseId, task: tasks[0].id, kind: 'assign', template: 0, body: '' }])
    const secrets = [reporter.name, reporter.id, reporter.phone, reporter.id.slice(-6), '癸某']
    const none = (where, s) => {
      for (const x of secrets) assert.ok(!s.includes(x), `${where} carries the whistle-blower's ${x}`)
    }
    none('the archive (Letters.Get)', JSON.stringify(await api(page, 'Letters', 'Get', [doc.id])))
    none('the issued letter', JSON.stringify(doc))
    await page.goto(new URL(`#/print/letters/${doc.id}`, server.url).href)
    await page.locator(`[data-testid=letter][data-letter-no="${doc.no}"]`).waitFor()
    none('the print page', await page.locator('body').innerText())
    await page.emulateMedia({ media: 'print' })
    const pdf = join(out, 'confidential-assign.pdf')
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
    await page.emulateMedia({ media: 'screen' })
    none('the printed PDF', execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''))
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-docx').click()])
    const docx = join(out, 'confidential-assign.docx')
    await download.saveAs(docx)
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' })
    assert.ok(xml.includes(doc.no), 'the .docx is not the letter')
    none('the .docx', xml)
  })
})
