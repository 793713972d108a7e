import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type { ClockView } from '@/api'
import { createLaifangI18n } from '@/i18n'
import CaseClocks from './CaseClocks.vue'

// What Go sends for a case accepted on 2026-03-02, seen on 2026-03-15: the
// notice due in 2 days (within the warning band), handling due on 5-06
// with its internal target 5-01 (劳动节), and an overdue slip.
const clocks: ClockView[] = [
  { clock: '受理告知', label: '受理告知期限', start: '2026-03-02', target: '2026-03-17', legal: '2026-03-17', working: false, daysLeft: 2, level: 'soon' },
  { clock: '办理', label: '办理期限', start: '2026-03-02', target: '2026-05-01', legal: '2026-05-06', working: false, daysLeft: 52, level: '' },
  { clock: '交办', label: '交办期限', start: '', target: '2026-03-13', legal: '2026-03-13', working: false, daysLeft: -2, level: 'overdue' },
  { clock: '纪检受理告知', label: '纪检受理告知期限', start: '2026-03-02', target: '2026-03-15', legal: '2026-03-15', working: true, daysLeft: 0, level: 'soon' },
]

function mountClocks(list: ClockView[]) {
  return mount(CaseClocks, { props: { clocks: list }, global: { plugins: [createLaifangI18n('zh-CN'), ElementPlus] } })
}

describe('CaseClocks', () => {
  it('names every clock with its legal date, its target when it differs, and the days left', () => {
    const rows = mountClocks(clocks).findAll('[data-testid="case-clock"]')
    expect(rows.map((r) => r.text())).toEqual([
      '受理告知期限2026-03-17剩 2 天',
      '办理期限2026-05-06剩 52 天，内部目标 2026-05-01',
      '交办期限2026-03-13已逾期 2 天',
      '纪检受理告知期限2026-03-15今日到期，按工作日计',
    ])
  })

  it("colours each by Go's level: yellow soon, red overdue", () => {
    const rows = mountClocks(clocks).findAll('[data-testid="case-clock"]')
    expect(rows.map((r) => r.attributes('data-level'))).toEqual(['soon', '', 'overdue', 'soon'])
    expect(rows[0]!.find('.el-tag').classes()).toContain('el-tag--warning')
    expect(rows[1]!.find('.el-tag').classes()).toContain('el-tag--info')
    expect(rows[2]!.find('.el-tag').classes()).toContain('el-tag--danger')
    expect(rows[2]!.find('.legal').classes()).toContain('overdue')
  })

  it('says none when no clock runs', () => {
    const w = mountClocks([])
    expect(w.findAll('[data-testid="case-clock"]')).toHaveLength(0)
    expect(w.text()).toBe('—')
  })
})
