import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createLaifangI18n } from '@/i18n'
import MatchText from './MatchText.vue'

describe('MatchText', () => {
  it('names the field and marks the matched characters as text', () => {
    const w = mount(MatchText, {
      props: { match: { field: 'name', text: '<b>张亚菊', spans: [{ start: 3, end: 5 }] } },
      global: { plugins: [createLaifangI18n('zh-CN')] },
    })
    expect(w.text()).toBe('信访人姓名：<b>张亚菊')
    expect(w.findAll('mark').map((m) => m.text())).toEqual(['张亚'])
    expect(w.find('b').exists()).toBe(false)
  })

  it('shows the field alone when the session sees no text of it', () => {
    const w = mount(MatchText, {
      props: { match: { field: 'text', text: '', spans: [] } },
      global: { plugins: [createLaifangI18n('zh-CN')] },
    })
    expect(w.text()).toBe('记录内容')
  })
})
