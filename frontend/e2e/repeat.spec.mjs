// Repeat visitors against `laifang serve`: the head approves a wording in
// the library; a first visit is answered with it; the same person comes
// again, the repeat panel shows the earlier answer word for word, Alt+L
// links the visit to that case as a repeat; both visits are in today's
// list on the home screen; the case view shows both records, a correction
// keeps the old one; the 接谈笔录 prints on one A4 page. Synthetic people
// only (GB 11643 check characters on invented numbers).
//   LAIFANG_URL  e.g. http://127.0.0.1:41234/

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { adminPassword, callApi, deskOffice, env, eventually, launch, outDir, screenshot, signInAs, synthID } from './lib.mjs'

const url = env('LAIFANG_URL')
const clerk = { login: 'repeat-e2e', name: '测试接谈员', password: 'Repeat-e2e-2026', role: 'clerk' }
const head = { login: 'head-e2e', name: '测试负责人', password: 'Head-e2e-2026', role: 'head' }

// odd sequence: male; random so that reruns on one data file stay apart
const seq = String(101 + 2 * Math.floor(Math.random() * 400)).padStart(3, '0')
const personID = synthID('330106', '19760302', seq)
const phone = `1390000${String(Math.floor(Math.random() * 9000) + 1000)}`
const name = '测试丙某'
const wordingText = '经查，测试公司已承诺于本月底前结清所欠工资；逾期未付的，可向劳动保障监察机构投诉，也可依法申请劳动仲裁。'

describe('repeat visitors', () => {
  let browser
  let page
  let wordingId = 0
  let caseId = 0
  let caseNo = ''

  before(async () => {
    browser = await launch()
    page = browser.page
    await deskOffice(page, url, [clerk, head])
  })
  after(async () => {
    await browser?.close()
  })

  test('the head drafts and approves a wording in the library', async () => {
    await signInAs(page, head)
    await page.goto(new URL('#/settings', url).href)
    await page.getByRole('tab', { name: '口径库' }).click()
    await page.getByTestId('wording-add').click()
    const form = page.getByTestId('wording-form')
    // a wording without its text is refused next to the field, in Chinese
    await form.locator('input[name="topic"]').fill(`测试：拖欠工资 ${seq}`)
    await page.getByTestId('wording-save').click()
    await form.locator('.el-form-item__error', { hasText: '请填写答复口径的原文' }).waitFor()
    await form.locator('textarea[name="text"]').fill(wordingText)
    await form.locator('textarea[name="basis"]').fill('《保障农民工工资支付条例》第四十八条')
    await page.getByTestId('wording-save').click()
    await page.getByTestId('wording-search').fill(`拖欠工资 ${seq}`)
    const row = page.getByTestId('wording-table').locator('.el-table__row', { hasText: seq })
    await row.locator('.el-tag', { hasText: '草稿' }).waitFor()
    await row.getByTestId('wording-approve').click()
    await row.locator('.el-tag', { hasText: '已审核' }).waitFor()
    await screenshot(page, 'wording-library')
    const list = await callApi(page, 'Wording', 'List', [{ text: seq, status: 'usable', category: '' }])
    wordingId = list.body[0].id
    assert.ok(wordingId > 0)
    assert.deepEqual(page.errors, [])
  })

  test('a first visit is answered on the spot with the approved wording', async () => {
    await signInAs(page, clerk)
    await callApi(page, 'Visits', 'SaveDraft', [''])
    const now = await callApi(page, 'Visits', 'Options')
    const r = await callApi(page, 'Visits', 'Register', [
      {
        receivedAt: now.body.now,
        channel: '走访',
        reception: '一楼接待窗口',
        people: [{ id: 0, role: '主信访人', name, sex: 'M', idType: '', idNumber: personID, phone, address: '测试镇测试村 2 组' }],
        present: 1,
        title: `测试：拖欠工资 ${seq}`,
        demand: '请求督促测试公司支付拖欠的工资。',
        facts: '测试公司拖欠三个月工资，多次讨要未果。',
        region: '测试镇测试村',
        type: '申诉求决',
        category: '07',
        disposal: 'answer_on_spot',
        record: { statement: '来访人称测试公司拖欠工资三个月。', explanations: wordingText, scripts: [wordingId], procedure: true, remedies: true },
      },
    ])
    assert.equal(r.status, 200, JSON.stringify(r.body))
    caseId = r.body.caseId
    caseNo = r.body.caseNo
    assert.ok(caseId > 0 && caseNo)
  })

  test('issue 12: a part of the name is not 本人, a shared date is not 内容相近, and nothing is selected for Alt+L', async () => {
    // a land-compensation case of another person, dated 2025年 like the wage matter below
    const now = await callApi(page, 'Visits', 'Options')
    const land = await callApi(page, 'Visits', 'Register', [
      {
        receivedAt: now.body.now,
        channel: '走访',
        reception: '一楼接待窗口',
        people: [{ id: 0, role: '主信访人', name: `测试丁${seq}`, sex: 'M', idType: '', idNumber: synthID('330106', '19800101', seq), phone: `1390001${seq}1`, address: '测试镇测试村 5 组' }],
        present: 1,
        title: `测试：征地补偿款未发放 ${seq}`,
        demand: '2025年5月征收的承包地，请求发放补偿款。',
        facts: '2025年5月土地被征收，补偿款至今未发放。',
        region: '测试镇测试村',
        type: '申诉求决',
        category: '07',
        disposal: 'answer_on_spot',
        record: { statement: '来访人称2025年5月土地被征收。', explanations: '已告知向征收部门了解。', scripts: [], procedure: true, remedies: true },
      },
    ])
    assert.equal(land.status, 200, JSON.stringify(land.body))
    await page.goto(new URL('#/visits', url).href)
    await page.getByTestId('intake-form').waitFor()
    const panel = page.getByTestId('repeat-panel')
    // 测试丙 is the start of 测试丙某's name: his case is listed, not as 本人
    await page.locator('[name="people[0].name"]').fill(name.slice(0, 3))
    const row = panel.getByTestId('repeat-case').filter({ hasText: caseNo })
    await row.waitFor()
    assert.equal((await row.getByTestId('repeat-person-match').textContent())?.trim(), '姓名相近')
    assert.equal(await panel.locator('[aria-selected="true"]').count(), 0)
    // Alt+L with nothing selected links nothing
    await page.locator('[name="people[0].name"]').focus()
    await page.keyboard.press('Alt+L')
    await page.waitForTimeout(300)
    assert.equal(await page.getByTestId('link-note').count(), 0)
    // a wage-arrears group visit dated 2025年 does not find the land case
    await page.locator('[name="title"]').fill('测试：某公司拖欠农民工工资')
    await page.locator('[name="demand"]').fill('2025年5月起拖欠工资共5个月，请求支付。')
    await eventually(async () => {
      const terms = (await panel.locator('.terms').textContent()) ?? ''
      assert.match(terms, /拖欠/)
      assert.doesNotMatch(terms, /\d/)
    })
    assert.equal(await panel.getByTestId('repeat-case').filter({ hasText: land.body.caseNo }).count(), 0)
    await screenshot(page, 'repeat-weak')
    // the whole name with his ID number is 本人, selected
    await page.locator('[name="people[0].name"]').fill(name)
    await page.locator('[name="people[0].idNumber"]').fill(personID)
    await eventually(async () => assert.equal((await row.getByTestId('repeat-person-match').textContent())?.trim(), '本人'))
    await eventually(async () => assert.equal(await row.getAttribute('aria-selected'), 'true'))
    await page.locator('[name="title"]').fill('')
    await page.locator('[name="demand"]').fill('')
    assert.deepEqual(page.errors, [])
  })

  test('issue 12: 事项 finds his case by its number, his name, ID number and phone, and says why', async () => {
    const serial = caseNo.slice(caseNo.lastIndexOf('-') + 1)
    for (const [text, field] of [
      [caseNo, '事项编号'],
      [serial, '事项编号'],
      [name, '信访人姓名'],
      [personID, '证件号码'],
      [phone, '联系电话'],
    ]) {
      await page.goto(new URL('#/cases', url).href)
      const box = page.getByTestId('cases-search')
      await box.fill(text)
      await box.press('Enter')
      const row = page.getByTestId('cases-table').locator('.el-table__row', { hasText: caseNo })
      await eventually(async () => {
        const why = row.getByTestId('case-match').first()
        assert.match((await why.textContent()) ?? '', new RegExp(`^${field}`), `${text}`)
        assert.ok((await why.getByTestId('case-match-hit').count()) > 0, `${text}: nothing marked`)
      })
    }
    await screenshot(page, 'cases-search-phone')
    assert.deepEqual(page.errors, [])
  })

  test('the same person again: the panel shows the earlier answer word for word, Alt+L links the visit', async () => {
    await page.goto(new URL('#/visits', url).href)
    await page.getByTestId('intake-form').waitFor()
    await page.locator('[name="people[0].name"]').fill(name)
    await page.locator('[name="people[0].idNumber"]').fill(personID)
    const panel = page.getByTestId('repeat-panel')
    const row = panel.getByTestId('repeat-case').filter({ hasText: caseNo })
    await row.waitFor()
    // the words of the last answer, exactly, as text
    await eventually(async () => assert.equal((await panel.getByTestId('repeat-reply').textContent())?.trim(), wordingText))
    assert.match((await row.textContent()) ?? '', /当场答复/)
    await screenshot(page, 'repeat-panel')
    // the cursor stays in the form field while Alt+L links the visit
    await page.locator('[name="people[0].idNumber"]').focus()
    await page.keyboard.press('Alt+L')
    await page.getByTestId('link-note').filter({ hasText: caseNo }).waitFor()
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'people[0].idNumber')
    await page.locator('[name="people[0].phone"]').fill(phone)
    await page.locator('[name="record.statement"]').fill('来访人再次反映工资仍未结清。')
    await page.keyboard.press('Control+S')
    await page.getByTestId('saved-case').filter({ hasText: caseNo }).waitFor()
    await screenshot(page, 'repeat-saved')
    assert.deepEqual(page.errors, [])
  })

  test("both visits are in today's list on the home screen", async () => {
    await page.goto(url)
    await page.reload()
    const today = page.getByTestId('today-visits')
    await today.waitFor()
    await eventually(async () => {
      const rows = today.locator('.el-table__row', { hasText: caseNo })
      assert.equal(await rows.count(), 2)
    })
    await screenshot(page, 'repeat-today')
  })

  test('the case view shows both records; a correction keeps the old one; the 接谈笔录 prints on one A4 page', async () => {
    await page.addInitScript(() => {
      window.print = () => {
        window.__printed = (window.__printed ?? 0) + 1
      }
    })
    await page.goto(new URL(`#/cases/${caseId}`, url).href)
    await page.reload()
    const timeline = page.getByTestId('case-timeline')
    await timeline.waitFor()
    assert.equal((await page.getByTestId('case-visits').textContent())?.trim(), '2')
    // correct the second visit's record: a new entry, the old one stays
    const entries = timeline.locator('[data-entry]')
    const before = await entries.count()
    await entries.filter({ hasText: '工资仍未结清' }).getByTestId('entry-correct').click()
    const dialog = page.getByTestId('record-dialog')
    await dialog.locator('textarea[name="record.statement"]').fill('来访人再次反映工资仍有两个月未结清。')
    await page.getByTestId('record-save').click()
    await dialog.waitFor({ state: 'hidden' })
    await eventually(async () => assert.equal(await entries.count(), before + 1))
    await timeline.getByTestId('entry-corrected').first().waitFor()
    assert.ok(await timeline.getByText('工资仍未结清').count(), 'the old record is gone')
    await screenshot(page, 'repeat-case')
    // print the first visit's 接谈笔录: its preview, then 打印
    await entries.first().getByTestId('entry-print').click()
    await page.getByTestId('record-sheet').waitFor()
    await page.getByTestId('print-now').click()
    await page.waitForFunction(() => window.__printed === 1)
    mkdirSync(outDir, { recursive: true })
    const pdf = join(outDir, 'record-sheet.pdf')
    writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }))
    const info = execFileSync('pdfinfo', [pdf]).toString()
    assert.match(info, /Pages:\s+1\n/)
    assert.match(info, /Page size:.*\(A4\)/)
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, '')
    for (const want of ['接谈笔录', caseNo, name, '来访人称测试公司拖欠工资三个月', wordingText.replace(/\s+/g, '')]) {
      assert.ok(text.includes(want), `the printed page lacks ${want}`)
    }
    execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(outDir, 'record-sheet')])
    // 返回 leads back to the case
    await page.emulateMedia({ media: 'screen' })
    await page.getByTestId('print-back').click()
    await page.getByTestId('case-timeline').waitFor()
    assert.deepEqual(page.errors, [])
  })

  test('a wrong row of a dictionary is refused beside the row, in Chinese', async () => {
    await signInAs(page, { login: 'admin', password: adminPassword })
    await page.goto(new URL('#/settings', url).href)
    await page.getByRole('tab', { name: '字典' }).click()
    await page.getByTestId('dict-add').click()
    // the new row is at the bottom, its code empty
    const row = page.getByTestId('dict-table').locator('.el-table__body tr').last()
    await row.locator('input[name$="].label"]').fill('测试渠道')
    await page.getByTestId('dict-save').click()
    await row.locator('.cell-error', { hasText: '请填写代码' }).waitFor()
    assert.equal(await page.getByTestId('dict-error').count(), 0, 'the message is above the table, not in the row')
    await screenshot(page, 'dicts-refused')
    // typing the code takes the message away (not saved: the office keeps its list)
    await row.locator('input[name$="].code"]').fill('测试')
    await row.locator('.cell-error').waitFor({ state: 'detached' })
    assert.deepEqual(page.errors, [])
  })
})
