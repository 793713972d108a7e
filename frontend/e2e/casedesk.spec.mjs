// The case at the desk against `laifang serve`, at the 1366 × 768 of an
// office PC (issue 12): today's list opens a visit's case by click and by
// Enter and shows every mark Go gives; the case view shows what the case
// is and everything that happened to it; a head with the confidential grant
// reveals a report's people on the case view, with a reason; the print
// pages show their paper at the top, scaled to the window, and print the
// same A4 page. Synthetic people only.
//   LAIFANG_URL  e.g. http://127.0.0.1:41234/

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { callApi, deskOffice, env, eventually, launch, outDir, screenshot, settled, signInAs, synthID } from './lib.mjs'

const url = env('LAIFANG_URL')
const clerk = { login: 'case-e2e', name: '测试登记员丁', password: 'Case-e2e-2026', role: 'clerk' }
const head = { login: 'casehead-e2e', name: '测试负责人戊', password: 'Casehead-e2e-2026', role: 'head' }
const reader = { login: 'casereader-e2e', name: '测试查阅员', password: 'Casereader-e2e-2026', role: 'reader' }

const seq = String(101 + 2 * Math.floor(Math.random() * 400)).padStart(3, '0')
const ordinaryID = synthID('330106', '19700402', seq)
const reporterID = synthID('330106', '19820915', seq)
const screen = { width: 1366, height: 768 }

function day(offset) {
  const d = new Date(Date.now() + offset * 86400e3)
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** A picture of the window once its tags and dialogs have finished moving. */
async function shot(page, name) {
  await settled(page.locator('body'))
  await screenshot(page, name)
}

/** Saves a PDF of the page as printed on A4; returns its page count and text (no spaces). */
async function printed(page, name) {
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  mkdirSync(outDir, { recursive: true })
  const file = join(outDir, `${name}.pdf`)
  writeFileSync(file, pdf)
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/, info)
  const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1])
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  return { pages, text }
}

/** The paper of a print page is at the top of the window and whole in it. */
async function paperInView(page, sheet) {
  const box = await sheet.boundingBox()
  assert.ok(box, 'no paper')
  assert.ok(box.y >= 40 && box.y < 100, `the paper starts at ${box.y}px, not under the toolbar`)
  assert.ok(box.y + box.height <= screen.height + 1, `the page runs to ${box.y + box.height}px, past the window`)
  assert.ok(box.x >= 0 && box.x + box.width <= screen.width, `the page is cut at the sides: ${JSON.stringify(box)}`)
  assert.ok(box.height > screen.height * 0.75, `the page is too small to read: ${box.height}px`)
  await page.getByTestId('print-now').waitFor()
}

describe('the case at the desk', () => {
  let browser
  let page
  let caseId = 0
  let caseNo = ''
  let visitId = 0
  let reportId = 0

  before(async () => {
    browser = await launch()
    page = browser.page
    await page.setViewportSize(screen)
    await deskOffice(page, url, [clerk, reader])
    // The head holds the confidential grant.
    const add = await callApi(page, 'Users', 'Save', [
      { id: 0, login: head.login, name: head.name, role: head.role, confidential: true, active: true, password: head.password, rev: 0 },
    ])
    assert.ok(add.status === 200 || /已|exists|taken/.test(JSON.stringify(add.body)), JSON.stringify(add.body))
    // Two departments that receive 交办: the case goes to the first, a 协办 to the second.
    for (const name of ['测试镇国土所', '测试镇司法所']) {
      const u = await callApi(page, 'Units', 'Save', [
        { id: 0, name, kind: 'internal', contact: '', phone: '', assignable: true, active: true, rev: 0 },
      ])
      assert.ok(u.status === 200 || /已有|已存在/.test(JSON.stringify(u.body)), JSON.stringify(u.body))
    }
    await signInAs(page, clerk)
    await callApi(page, 'Visits', 'SaveDraft', [''])
    const now = (await callApi(page, 'Visits', 'Options')).body.now
    const person = (id, name, phone) => ({ id: 0, role: '主信访人', name, sex: 'M', idType: '', idNumber: id, phone, address: '测试镇测试村 3 组' })
    const r = await callApi(page, 'Visits', 'Register', [
      {
        receivedAt: now,
        channel: '走访',
        reception: '一楼接待窗口',
        people: [person(ordinaryID, '测试庚某', `1390001${seq}1`)],
        present: 3,
        involved: 46,
        title: `测试：征地补偿款未发放 ${seq}`,
        demand: '请求发放征地补偿款。',
        facts: '测试村征地后补偿款至今未发放到户。',
        region: '测试镇测试村',
        site: '村东头农田',
        accused: '测试村村委会主任',
        type: '申诉求决',
        category: '07',
        urgent: true,
        disposal: 'assign',
        unit: '测试镇国土所',
        due: day(20),
        opinion: '请国土所核实补偿款发放情况。',
        record: { statement: '来访人称征地补偿款至今未发。', procedure: true, remedies: true },
      },
    ])
    assert.equal(r.status, 200, JSON.stringify(r.body))
    ;({ caseId, caseNo, visitId } = r.body)
    const rep = await callApi(page, 'Visits', 'Register', [
      {
        receivedAt: now,
        channel: '走访',
        reception: '一楼接待窗口',
        people: [person(reporterID, '测试辛某', `1390002${seq}2`)],
        present: 1,
        title: `测试：举报某站所长违规收费 ${seq}`,
        demand: '请求查处违规收费。',
        facts: '某站所长向办事群众收取费用。',
        region: '测试镇',
        accused: `测试站所长壬某${seq}`,
        type: '检举控告',
        category: '07',
        disposal: 'report_to_head',
        record: { statement: '来访人举报站所长收费。', procedure: true, remedies: true },
      },
    ])
    assert.equal(rep.status, 200, JSON.stringify(rep.body))
    reportId = rep.body.caseId
  })
  after(async () => {
    await browser?.close()
  })

  test("today's list shows every mark and opens the case by click and by Enter", async () => {
    await page.goto(new URL('#/', url).href)
    await page.reload() // the list as it is now, after the registrations
    const row = page.getByTestId('today-visits').locator('.el-table__row', { hasText: caseNo })
    await row.waitFor()
    await row.getByTestId('today-flags').locator('.el-tag', { hasText: '重大紧急' }).waitFor()
    await shot(page, 'today-flags')
    await row.locator('td').nth(2).click()
    await page.waitForURL(new RegExp(`#/cases/${caseId}$`))
    await page.getByTestId('case-summary').waitFor()
    await page.goBack()
    const again = page.getByTestId('today-visits').locator('.el-table__row', { hasText: caseNo })
    await again.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`#/cases/${caseId}$`))
    // The print button of a row prints; it does not open the case.
    await page.goBack()
    await page.getByTestId('today-visits').locator('.el-table__row', { hasText: caseNo }).getByRole('button', { name: '登记表' }).click()
    await page.waitForURL(new RegExp(`#/print/registration/${caseId}/${visitId}$`))
    assert.deepEqual(page.errors, [])
  })

  test('the case view shows what the case is and everything that happened to it', async () => {
    await page.goto(new URL(`#/cases/${caseId}`, url).href)
    const summary = page.getByTestId('case-summary')
    await summary.waitFor()
    const text = (await summary.textContent()) ?? ''
    for (const want of ['测试镇国土所', '受理告知期限', '交办期限', day(20), '重大紧急', '测试镇测试村 村东头农田', '测试村村委会主任', '46']) {
      assert.ok(text.includes(want), `the summary lacks ${want}: ${text}`)
    }
    assert.equal((await page.getByTestId('case-present').textContent())?.trim(), '3')
    assert.match((await page.getByTestId('case-category').textContent()) ?? '', /劳动|\S{2,}/)
    const timeline = page.getByTestId('case-timeline')
    const kinds = await timeline.locator('[data-entry]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))
    assert.deepEqual(kinds.slice(0, 3), ['intake', 'decision', 'task'])
    const labels = (await timeline.textContent()) ?? ''
    for (const want of ['来访登记', '处理', '交办', '承办单位', '请国土所核实补偿款发放情况。']) {
      assert.ok(labels.includes(want), `the timeline lacks ${want}`)
    }
    await shot(page, 'case-ordinary')
    await timeline.scrollIntoViewIfNeeded()
    await shot(page, 'case-ordinary-timeline')
    assert.deepEqual(page.errors, [])
  })

  test('a head adds a 协办 on the case view, to a department Go offers', async () => {
    await signInAs(page, head)
    await page.goto(new URL(`#/cases/${caseId}`, url).href)
    await page.getByTestId('task-协办').click()
    const dialog = page.getByTestId('task-dialog')
    await dialog.waitFor()
    await dialog.getByTestId('task-unit').click()
    // the departments come from Go after the dropdown opens
    const offered = await eventually(async () => {
      const items = await page.locator('.el-select-dropdown__item:visible').allTextContents()
      assert.ok(items.some((o) => o.includes('测试镇司法所')), `offered ${items}`)
      return items
    })
    assert.ok(!offered.some((o) => o.includes('测试镇国土所')), `the handling department offered a 协办: ${offered}`)
    await page.locator('.el-select-dropdown__item:visible', { hasText: '测试镇司法所' }).click()
    await dialog.getByTestId('task-requirement').fill('请配合核实征地面积。')
    await shot(page, 'case-assist')
    await dialog.getByTestId('task-save').click()
    await dialog.waitFor({ state: 'hidden' })
    await eventually(async () => {
      const timeline = (await page.getByTestId('case-timeline').textContent()) ?? ''
      assert.ok(timeline.includes('协办') && timeline.includes('测试镇司法所'), timeline)
    })
    await signInAs(page, clerk)
    assert.deepEqual(page.errors, [])
  })

  test('a head with the grant reveals a report on the case view, with a reason', async () => {
    await signInAs(page, reader)
    await page.goto(new URL(`#/cases/${reportId}`, url).href)
    await page.getByTestId('case-hidden').waitFor()
    assert.equal(await page.getByTestId('reveal').count(), 0, 'a reader has no way to reveal')
    assert.equal((await page.getByTestId('case-accused').textContent())?.trim(), '（保密）')

    await signInAs(page, head)
    await page.goto(new URL(`#/cases/${reportId}`, url).href)
    await page.getByTestId('case-hidden').waitFor()
    assert.equal((await page.getByTestId('case-accused').textContent())?.trim(), '（保密）')
    assert.ok(!((await page.getByTestId('case-people').textContent()) ?? '').includes('测试辛某'))
    await shot(page, 'case-confidential')
    await page.getByTestId('reveal').click()
    const dialog = page.getByTestId('reveal-dialog')
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'reason'))
    // Too short a reason is refused beside the field; Enter submits.
    await page.keyboard.type('核实')
    await page.keyboard.press('Enter')
    await dialog.locator('.el-form-item__error', { hasText: '至少 4 个字' }).waitFor()
    await page.keyboard.type('举报人身份')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    await eventually(async () => assert.match((await page.getByTestId('case-people').textContent()) ?? '', /测试辛某/))
    assert.equal((await page.getByTestId('case-accused').textContent())?.trim(), `测试站所长壬某${seq}`)
    assert.ok(((await page.getByTestId('case-people').textContent()) ?? '').includes(reporterID), 'the head sees the full number')
    assert.equal(await page.getByTestId('case-hidden').count(), 0)
    await shot(page, 'case-revealed')
    await page.getByTestId('case-timeline').scrollIntoViewIfNeeded()
    await shot(page, 'case-revealed-timeline')
    // The session remembers: the case opened again is shown as revealed.
    await page.reload()
    await page.getByTestId('case-summary').waitFor()
    assert.equal((await page.getByTestId('case-accused').textContent())?.trim(), `测试站所长壬某${seq}`)
    assert.deepEqual(page.errors, [])
  })

  test('the print pages show their paper at the top, scaled to the window, and print the same A4 page', async () => {
    await signInAs(page, clerk)
    await page.addInitScript(() => {
      window.print = () => {
        window.__printed = (window.__printed ?? 0) + 1
      }
    })
    // 来访登记表
    await page.goto(new URL(`#/print/registration/${caseId}/${visitId}`, url).href)
    await page.reload()
    const form = page.getByTestId('registration-form')
    await form.waitFor()
    await paperInView(page, form)
    await shot(page, 'print-registration')
    // 适合宽度: the real size, the top of the paper still in view.
    await page.getByTestId('print-fit-width').click()
    await eventually(async () => assert.equal((await page.getByTestId('print-scale').textContent())?.trim(), '100%'))
    const wide = await form.boundingBox()
    assert.ok(wide && wide.y < 100 && wide.height > screen.height, JSON.stringify(wide))
    await page.getByTestId('print-fit-page').click()
    const pf = await printed(page, 'casedesk-registration')
    assert.equal(pf.pages, 1)
    for (const want of ['来访登记表', caseNo, '测试庚某', '重大紧急']) assert.ok(pf.text.includes(want), `the form lacks ${want}`)

    // 接谈笔录, from the case's timeline: a preview first, then the print.
    await page.goto(new URL(`#/cases/${caseId}`, url).href)
    await page.getByTestId('case-timeline').locator('[data-entry]').first().getByTestId('entry-print').click()
    await page.waitForURL(/#\/print\/record\/\d+\/\d+$/)
    const sheet = page.getByTestId('record-sheet')
    await sheet.waitFor()
    await paperInView(page, page.locator('.print-root .a4-sheet'))
    await shot(page, 'print-record')
    await page.getByTestId('print-now').click()
    await page.waitForFunction(() => window.__printed === 1)
    const pr = await printed(page, 'casedesk-record')
    assert.equal(pr.pages, 1)
    for (const want of ['接谈笔录', caseNo, '测试庚某', '来访人称征地补偿款至今未发。']) assert.ok(pr.text.includes(want), `the sheet lacks ${want}`)
    // 返回 goes back to the case.
    await page.getByTestId('print-back').click()
    await page.waitForURL(new RegExp(`#/cases/${caseId}$`))
    assert.deepEqual(page.errors, [])
  })
})
