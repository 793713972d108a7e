import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createLaifangI18n } from '@/i18n'
import type { RecordSheet } from '@/api'
import RecordSheetPrint from './RecordSheetPrint.vue'

const sheet = {
  orgName: '测试镇人民政府',
  caseNo: '2026-000012',
  caseTitle: '测试：工资拖欠',
  eventId: 7,
  date: '2026年3月2日',
  receptionist: '测试接谈员',
  people: [{ id: 1, name: '测试甲某', idNumber: '330106197603021234', phones: ['13800000001'], masked: false, role: '主信访人', sex: 'M' }],
  record: {
    start: '2026-03-02T09:05:00+08:00', end: '2026-03-02T09:40:00+08:00', place: '一楼接待窗口', leader: '', present: 1,
    idChecked: true, statement: '<b>称</b>公司拖欠工资{{ 1+1 }}', qa: '', materials: '劳动合同复印件 1 份', explanations: '已按口径答复。',
    scripts: [3], commitments: '', procedure: true, remedies: false, riskNotes: '', riskHidden: false, confirmed: true, refusal: '',
  },
  scripts: [{ id: 3, topic: '拖欠工资', basis: '《保障农民工工资支付条例》' }],
  corrected: true,
  correction: false,
} as unknown as RecordSheet

describe('the printed 接谈笔录', () => {
  it('shows the record as text, in the paper form order, without risk notes', () => {
    const w = mount(RecordSheetPrint, { props: { sheet }, global: { plugins: [createLaifangI18n('zh-CN')] } })
    const text = w.text()
    expect(text).toContain('接谈笔录')
    expect(text).toContain('<b>称</b>公司拖欠工资{{ 1+1 }}')
    expect(w.find('b').exists()).toBe(false)
    expect(text.indexOf('来访人陈述')).toBeLessThan(text.indexOf('接收材料'))
    expect(text).toContain('☑ 办理程序和时间节点')
    expect(text).toContain('☐ 其他救济途径')
    expect(text).toContain('本记录已被更正')
    expect(text).toContain('所用口径：拖欠工资（政策依据：《保障农民工工资支付条例》）')
    expect(text).toContain('测试甲某，男，主信访人')
  })
})
