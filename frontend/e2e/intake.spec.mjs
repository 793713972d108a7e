// The reception desk against `laifang serve`: what a clerk does all day.
// Register a two-person visit with the keyboard alone; see a wrong ID number
// refused with its Chinese message next to the field; find the visit in
// today's list on the home screen; print the registration form on one A4
// page. Only synthetic people: ID numbers built with the GB 11643 check
// character below, names no one has.
//   LAIFANG_URL        e.g. http://127.0.0.1:41234/
//   LAIFANG_DATA_FILE  the data file serve opened (not used here)

import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { callApi, deskOffice, env, eventually, launch, outDir, screenshot, signInAs, synthID } from './lib.mjs'

const url = env('LAIFANG_URL')
const clerk = { login: 'desk-e2e', name: '测试登记员', password: 'Desk-e2e-2026', role: 'clerk' }
const head = { login: 'desk-e2e-head', name: '测试科长', password: 'Desk-e2e-2026', role: 'head' }

function badCheck(id) {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0')
}
// A random sequence keeps reruns on the same data file apart.
const seq = () => String(100 + Math.floor(Math.random() * 800)).padStart(3, '0')
const oddSeq = () => {
  const s = seq()
  return s.slice(0, 2) + String((Number(s[2]) | 1) % 10)
}
const evenSeq = () => {
  const s = seq()
  return s.slice(0, 2) + String(Number(s[2]) & 8)
}
const mainID = synthID('330106', '19800115', oddSeq()) // male
const companionID = synthID('330106', '19850620', evenSeq()) // female

/** Presses Tab until the field named name has the focus (the clerk's way round the form). */
async function tabTo(page, name, max = 80) {
  for (let i = 0; i < max; i++) {
    const at = await page.evaluate(() => document.activeElement?.getAttribute('name') ?? '')
    if (at === name) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached the field ${name}`)
}

/** The error Element Plus shows under the form item of the field named name. */
function fieldError(page, name) {
  return page.locator('.el-form-item', { has: page.locator(`[name="${name}"]`) }).locator('.el-form-item__error')
}

/** Chooses in a filterable select by typing, as at the desk. */
async function choose(page, name, text) {
  await tabTo(page, name)
  await page.keyboard.type(text)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().waitFor()
  await page.keyboard.press('Enter')
}

describe('the reception desk', () => {
  let browser
  let page
  let caseNo = ''
  let caseId = 0
  let visitId = 0

  before(async () => {
    browser = await launch()
    page = browser.page
    // The desk is a clerk's: the administrator has no case rights.
    await deskOffice(page, url, [clerk])
    await callApi(page, 'Auth', 'Logout')
    const login = await callApi(page, 'Auth', 'Login', [clerk.login, clerk.password])
    assert.equal(login.status, 200, JSON.stringify(login.body))
    // No draft left from an earlier run.
    await callApi(page, 'Visits', 'SaveDraft', [''])
    // The page read the session when it loaded: load it again, signed in.
    await page.reload()
    await page.getByTestId('user-name').waitFor()
  })
  after(async () => {
    await browser?.close()
  })

  test('a two-person visit is registered with the keyboard alone', async () => {
    await page.goto(new URL('#/visits', url).href)
    await page.getByTestId('intake-form').waitFor()
    // The cursor starts in the first field of the paper form.
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'receivedAt'),
    )
    // Enter moves on from a one-line field, as Tab does.
    await page.keyboard.press('Enter')
    assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'receivedAt')

    await tabTo(page, 'reception')
    await page.keyboard.type('一楼接待窗口')
    await tabTo(page, 'people[0].name')
    await page.keyboard.type('测试甲某')
    await tabTo(page, 'people[0].idNumber')
    await page.keyboard.type(mainID)
    await tabTo(page, 'people[0].phone') // leaving the number fills in the sex from it
    await page.keyboard.type('13800000001')
    await tabTo(page, 'people[0].address')
    await page.keyboard.type('测试镇测试村 1 组')

    // A second petitioner, by keyboard: Alt+N puts the cursor on the new row.
    await page.keyboard.press('Alt+N')
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'people[1].name'),
    )
    await page.keyboard.type('测试乙某')
    await tabTo(page, 'people[1].idNumber')
    await page.keyboard.type(companionID)
    await page.keyboard.press('Tab')
    // The sex came from the ID numbers (Go's Visits.Check).
    await eventually(async () => {
      const sexes = await page.locator('[data-testid^="person-"] .el-select__selected-item:not(.is-transparent)').allTextContents()
      assert.ok(sexes.some((s) => s.includes('男')) && sexes.some((s) => s.includes('女')), sexes.join('|'))
    })

    await tabTo(page, 'present')
    assert.equal(await page.inputValue('[name="present"]'), '2')
    // 涉及人数 not known: empty, showing its hint, never a made-up 0
    assert.equal(await page.inputValue('[name="involved"]'), '')
    await tabTo(page, 'title')
    await page.keyboard.type('测试：工资拖欠')
    await tabTo(page, 'demand')
    await page.keyboard.type('请求督促支付拖欠的工资。')
    await tabTo(page, 'facts')
    await page.keyboard.type('测试公司拖欠三个月工资。')
    await choose(page, 'type', '申诉求决')
    await choose(page, 'category', '劳动社保')
    await tabTo(page, 'region')
    await page.keyboard.type('测试镇测试村')
    // 受理 is the head's (case.decide): the clerk reports it to the head.
    await choose(page, 'disposal', '呈报领导')
    await tabTo(page, 'record.statement')
    await page.keyboard.type('来访人称测试公司拖欠工资三个月。')
    await tabTo(page, 'record.explanations')
    await page.keyboard.type('已受理，将在六十日内书面答复。')
    await screenshot(page, 'intake-filled')
    // Enter in the selects picked, it never saved half a form.
    assert.equal(await page.locator('.el-form-item__error').count(), 0)

    await page.keyboard.press('Control+S')
    const dialog = page.getByTestId('saved-dialog')
    await page.getByTestId('saved-case').waitFor()
    const text = (await page.getByTestId('saved-case').textContent()) ?? ''
    caseNo = /事项编号\s*(\S+)，/.exec(text)?.[1] ?? ''
    assert.match(text, /状态：已登记/)
    assert.match((await dialog.textContent()) ?? '', /受理告知期限：/)
    assert.ok(caseNo, text)
    await screenshot(page, 'intake-saved')
    // Enter on the focused "next" button starts the next visit: a fresh
    // form, the cursor in its first field.
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'next-visit'),
    )
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'hidden' })
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'receivedAt'),
    )
    assert.equal(await page.inputValue('[name="people[0].name"]'), '')
    assert.deepEqual(page.errors, [])
  })

  test('a wrong ID number is refused with its Chinese message next to the field', async () => {
    await tabTo(page, 'people[0].name')
    await page.keyboard.type('测试丙某')
    await tabTo(page, 'people[0].idNumber')
    await page.keyboard.type(badCheck(synthID('110105', '19700301', oddSeq())))
    await page.keyboard.press('Tab')
    // Shown as the clerk leaves the field…
    await fieldError(page, 'people[0].idNumber').filter({ hasText: '身份证号校验位不正确' }).waitFor()
    // …and on saving, with every other problem of the form at once.
    await page.keyboard.press('Control+S')
    await page.getByTestId('form-error').waitFor()
    await fieldError(page, 'people[0].idNumber').filter({ hasText: '身份证号校验位不正确' }).waitFor()
    await fieldError(page, 'title').filter({ hasText: '请填写标题' }).waitFor()
    assert.equal(await page.getByTestId('saved-dialog').isVisible(), false)
    // The cursor is put on the first field to correct.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'people[0].idNumber')
    await screenshot(page, 'intake-refused')
    // at 1280 the row of a person fits its section, the number whole in its box
    const section = await page.locator('fieldset', { has: page.getByTestId('person-0') }).boundingBox()
    const tools = await page.getByTestId('person-details-0').boundingBox()
    assert.ok(tools.x + tools.width <= section.x + section.width - 16, `the row runs out: ${JSON.stringify({ tools, section })}`)
    const id = await page.locator('[name="people[0].idNumber"]').evaluate((el) => [el.scrollWidth, el.clientWidth])
    assert.ok(id[0] <= id[1], `the ID number is cut: ${id}`)
  })

  test('the draft comes back after the window is closed', async () => {
    await tabTo(page, 'title')
    await page.keyboard.type('草稿：未写完')
    // a corrected field loses its red message at once; the others keep theirs
    await fieldError(page, 'title').waitFor({ state: 'detached' })
    assert.equal(await fieldError(page, 'people[0].idNumber').count(), 1)
    await page.getByTestId('draft-saved').waitFor()
    await page.reload()
    await page.getByTestId('draft-restored').waitFor()
    assert.equal(await page.inputValue('[name="title"]'), '草稿：未写完')
    await page.getByTestId('discard-draft').click()
    await eventually(async () => assert.equal(await page.inputValue('[name="title"]'), ''))
  })

  test('the same person again: the panel shows the earlier words, Alt+L links the visit as a repeat', async () => {
    await tabTo(page, 'people[0].idNumber')
    await page.keyboard.type(mainID)
    const item = page.getByTestId('repeat-case').filter({ hasText: caseNo })
    await item.waitFor()
    await page.getByTestId('repeat-reply').filter({ hasText: '已受理，将在六十日内书面答复。' }).waitFor()
    // The key works from the form field; the cursor stays where it was.
    await page.keyboard.press('Alt+L')
    await page.getByTestId('link-note').filter({ hasText: caseNo }).waitFor()
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'people[0].idNumber')
    await tabTo(page, 'record.statement')
    await page.keyboard.type('询问办理进度。')
    await screenshot(page, 'intake-repeat')
    await page.keyboard.press('Control+S')
    await page.getByTestId('saved-case').filter({ hasText: `已作为事项 ${caseNo} 的重复访登记` }).waitFor()
    await page.keyboard.press('Escape') // Esc closes the dialog and starts the next visit too
    await page.getByTestId('saved-dialog').waitFor({ state: 'hidden' })
    await eventually(async () =>
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'receivedAt'),
    )
    assert.equal(await page.getByTestId('link-note').count(), 0)
  })

  test("today's list on the home screen shows both visits, masked", async () => {
    await page.goto(new URL('#/', url).href)
    const table = page.getByTestId('today-visits')
    const rows = table.locator('.el-table__row', { hasText: caseNo })
    await eventually(async () => assert.equal(await rows.count(), 2))
    assert.match((await rows.first().textContent()) ?? '', /重复访/) // newest first
    // the flags and the print button fit in the list, not scrolled out of it
    const edge = await table.boundingBox()
    for (const el of [rows.first().locator('.el-tag', { hasText: '重复访' }), rows.first().getByRole('button', { name: '登记表' })]) {
      const box = await el.boundingBox()
      assert.ok(box && edge && box.x + box.width <= edge.x + edge.width, `cut off: ${JSON.stringify({ box, edge })}`)
    }
    const row = rows.last()
    const cells = (await row.textContent()) ?? ''
    assert.match(cells, /测试甲某/)
    assert.match(cells, /已登记/)
    // In a list the ID number keeps its area code and last four only.
    assert.ok(cells.includes(`${mainID.slice(0, 6)}********${mainID.slice(14)}`), cells)
    assert.ok(!cells.includes(mainID), 'the full ID number is not in a list')
    assert.match(cells, /138\*\*\*\*0001/)
    await screenshot(page, 'home-today')
    const today = await callApi(page, 'Visits', 'Today')
    const v = today.body.find((x) => x.caseNo === caseNo && !x.repeat)
    caseId = v.caseId
    visitId = v.visitId
    assert.equal(v.people, 2)
  })

  test('the registration form prints on one A4 page', async () => {
    await page.goto(new URL(`#/print/registration/${caseId}/${visitId}`, url).href)
    const sheet = page.getByTestId('registration-form')
    await sheet.waitFor()
    assert.equal((await page.getByTestId('form-case-no').textContent())?.trim(), caseNo)
    const text = (await sheet.textContent()) ?? ''
    assert.match(text, /来访登记表/)
    assert.ok(text.includes(mainID), 'a clerk sees the full number on the printed form')
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })
    await page.emulateMedia({ media: 'screen' })
    mkdirSync(outDir, { recursive: true })
    const file = join(outDir, 'registration-form.pdf')
    writeFileSync(file, pdf)
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    assert.match(info, /^Pages:\s+1$/m, info)
    assert.match(info, /Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/, info)
    // A picture of the page, to look at.
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', file, join(outDir, 'registration-form')])
  })
})

// Issue 12: what a clerk's first day at the form found, each step as the
// clerk did it.
describe('the intake form, polished', () => {
  let browser
  let page
  let options

  /** The focused field's name. */
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? '')
  /** The text a select shows as chosen. */
  const shown = (name) =>
    page.locator('.el-select', { has: page.locator(`[name="${name}"]`) }).locator('.el-select__placeholder:not(.is-transparent)').innerText()

  before(async () => {
    browser = await launch()
    page = browser.page
    await deskOffice(page, url, [clerk, head])
    await signInAs(page, clerk)
    await callApi(page, 'Visits', 'SaveDraft', [''])
    options = (await callApi(page, 'Visits', 'Options')).body
    await page.goto(new URL('#/visits', url).href)
    await page.getByTestId('intake-form').waitFor()
  })
  after(async () => {
    await callApi(page, 'Visits', 'SaveDraft', [''])
    await browser?.close()
  })

  test('the sex follows a corrected ID number, unless chosen by hand', async () => {
    const woman = synthID('330106', '19900305', evenSeq())
    const man = synthID('330106', '19900305', oddSeq())
    await tabTo(page, 'people[0].idNumber')
    await page.keyboard.type(woman)
    await page.keyboard.press('Tab')
    await eventually(async () => assert.equal(await shown('people[0].sex'), '女'))
    // the clerk corrects the number to a man's
    await page.fill('[name="people[0].idNumber"]', man)
    await page.keyboard.press('Tab')
    await eventually(async () => assert.equal(await shown('people[0].sex'), '男'))
    await page.waitForTimeout(600)
    assert.equal(await page.getByTestId('sex-error-0').count(), 0, 'no 「性别与身份证号码不符」 after the correction')
    // chosen by hand, the sex stays whatever number comes next
    await tabTo(page, 'people[0].sex')
    await page.keyboard.type('女')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '女' }).first().waitFor()
    await page.keyboard.press('Enter')
    await page.fill('[name="people[0].idNumber"]', synthID('330106', '19910305', oddSeq()))
    await page.keyboard.press('Tab')
    const refusal = page.getByTestId('sex-error-0').filter({ hasText: '性别与身份证号码不符' })
    await refusal.waitFor()
    assert.equal(await shown('people[0].sex'), '女')
    // the refusal is one line under the row, not wrapped under its narrow box
    const box = await refusal.boundingBox()
    assert.ok(box && box.height < 24, `the sex refusal wraps: ${JSON.stringify(box)}`)
  })

  test('Enter in a dropdown picks and moves on; what is typed next lands in the next field', async () => {
    await tabTo(page, 'channel')
    await page.keyboard.type('来信')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '来信' }).first().waitFor()
    await page.keyboard.press('Enter')
    await eventually(async () => assert.equal(await focused(), 'reception'))
    assert.equal(await shown('channel'), '来信')
    await page.keyboard.type('二楼窗口')
    assert.equal(await page.inputValue('[name="reception"]'), '二楼窗口')
    // a closed dropdown: Enter moves on, it does not open the list
    await tabTo(page, 'people[0].role')
    await page.keyboard.press('Enter')
    await eventually(async () => assert.equal(await focused(), 'people[0].name'))
    await page.keyboard.type('测试丁某')
    assert.equal(await page.inputValue('[name="people[0].name"]'), '测试丁某')
  })

  test('交办 comes with the office deadline; the examples are of today', async () => {
    const today = options.now.slice(0, 10)
    const offered = options.disposals.find((d) => d.action === 'assign').due
    assert.ok(offered > today, `Go offers a deadline after today: ${offered}`)
    await choose(page, 'disposal', '交办')
    await eventually(async () => assert.equal(await page.inputValue('[name="due"]'), offered))
    // examples in empty fields are Go's today, not a date long past
    assert.match((await page.getAttribute('[name="record.end"]', 'placeholder')) ?? '', new RegExp(`^如 ${today} \\d\\d:\\d\\d$`))
    await page.fill('[name="due"]', '')
    await page.keyboard.press('Tab')
    assert.equal(await page.getAttribute('[name="due"]', 'placeholder'), `如 ${offered}`)
  })

  test('the cited wording is shown by its title', async () => {
    const topic = `测试：口径标题 ${seq()}`
    await signInAs(page, head)
    const w = await callApi(page, 'Wording', 'Save', [{ id: 0, topic, category: '', keywords: '', text: '依法按程序办理。', basis: '', validFrom: '', validUntil: '', rev: 0 }])
    assert.equal(w.status, 200, JSON.stringify(w.body))
    const ok = await callApi(page, 'Wording', 'Approve', [w.body.id, w.body.rev])
    assert.equal(ok.status, 200, JSON.stringify(ok.body))
    await signInAs(page, clerk)
    await page.goto(new URL('#/visits', url).href)
    await page.getByTestId('intake-form').waitFor()
    await page.getByTestId('wording-pick').click()
    await page.getByTestId('wording-pick-search').fill(topic)
    await page.getByTestId('wording-pick-item').filter({ hasText: topic }).getByRole('button', { name: '插入' }).click()
    await page.getByTestId('wording-used').filter({ hasText: topic }).waitFor()
    assert.doesNotMatch((await page.getByTestId('wording-used').innerText()) ?? '', /#\d/)
  })

  test('新的登记 on a filled form asks first', async () => {
    await page.fill('[name="title"]', '测试：填了一半的表')
    await page.getByTestId('intake-reset').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    await box.getByRole('button', { name: '继续填写' }).click()
    await box.waitFor({ state: 'hidden' })
    assert.equal(await page.inputValue('[name="title"]'), '测试：填了一半的表')
    await page.getByTestId('intake-reset').click()
    await box.getByRole('button', { name: '清空并新登记' }).click()
    await eventually(async () => assert.equal(await page.inputValue('[name="title"]'), ''))
    // an empty form starts over without a question
    await page.getByTestId('intake-reset').click()
    await page.waitForTimeout(300)
    assert.equal(await box.isVisible(), false)
  })

  test('a group of six fits: one line a person, the details on demand', async () => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await tabTo(page, 'people[0].name')
    await page.keyboard.type('测试戊某')
    for (let i = 1; i < 6; i++) {
      await page.keyboard.press('Alt+N')
      await eventually(async () => assert.equal(await focused(), `people[${i}].name`))
      await page.keyboard.type(`测试随访${i}`)
    }
    const people = page.locator('fieldset', { has: page.getByTestId('person-0') })
    const box = await people.boundingBox()
    assert.ok(box.height < 650, `six people take ${box.height} px`)
    // beside the repeat panel, not under it
    const side = await page.getByTestId('repeat-slot').boundingBox()
    assert.ok(box.x + box.width <= side.x, `the people run under the panel: ${JSON.stringify({ box, side })}`)
    // an ID number is seen whole in its box
    await page.fill('[name="people[5].idNumber"]', synthID('330106', '19900305', evenSeq()))
    const id = await page.locator('[name="people[5].idNumber"]').evaluate((el) => [el.scrollWidth, el.clientWidth])
    assert.ok(id[0] <= id[1], `the ID number is cut: ${id}`)
    for (let i = 1; i < 6; i++) {
      const row = await page.getByTestId(`person-${i}`).boundingBox()
      assert.ok(row.height < 60, `person ${i + 1} takes ${row.height} px`)
    }
    // 涉及人数's hint is whole, with no spinner over it
    const hint = await page.locator('[name="involved"]').evaluate((el) => {
      const c = document.createElement('canvas').getContext('2d')
      const cs = getComputedStyle(el)
      c.font = `${cs.fontSize} ${cs.fontFamily}`
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)
      return { need: c.measureText(el.placeholder).width, room, appearance: cs.appearance }
    })
    assert.ok(hint.need <= hint.room, `the hint is cut: ${JSON.stringify(hint)}`)
    assert.equal(hint.appearance, 'textfield')
    await page.getByTestId('person-0').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(outDir, 'intake-group-1366.png') })
    // a detail of a closed row: opened, typed wrong, closed; Go's refusal opens it again
    await page.getByTestId('person-details-3').click()
    await page.fill('[name="people[3].postcode"]', '12')
    await page.getByTestId('person-details-3').click()
    await page.getByTestId('person-more-3').waitFor({ state: 'hidden' })
    await page.keyboard.press('Control+S')
    await page.getByTestId('person-more-3').waitFor()
    await fieldError(page, 'people[3].postcode').filter({ hasText: '邮政编码' }).waitFor()
    await screenshot(page, 'intake-group')
    assert.deepEqual(page.errors, [])
  })
})
