// Letters of the contract's shape (app.LetterDoc), for the unit tests and
// for looking at the layout without a data file. The people are the
// generator's kind of synthetic people (store/gen), not real ones.
import type { LetterDoc, LetterLayout } from './types'

const base: LetterDoc = {
  id: 0,
  case: 0,
  task: 0,
  kind: '',
  kindLabel: '',
  form: 'letter',
  to: 'petitioner',
  no: '',
  noPreview: '',
  title: '',
  addressee: '',
  paragraphs: [],
  rows: [],
  boxes: [],
  attachments: [],
  contact: '',
  sender: '',
  date: '',
  copyTo: '',
  missing: [],
  redacted: false,
  templateVersion: 1,
  issuedBy: '',
  issuedAt: '',
  supersedes: '',
  supersededBy: '',
}

/** 受理告知书, issued: a letter of one page and a bit. */
export const acceptLetter: LetterDoc = {
  ...base,
  id: 12,
  case: 3,
  kind: 'accept',
  kindLabel: '受理告知书',
  no: '测信受〔2026〕12号',
  title: '信访事项受理告知书',
  addressee: '王秀英：',
  paragraphs: [
    '你于2026年11月20日以走访形式反映的关于小区东侧道路施工噪音影响休息、要求限定夜间施工时间的问题收悉。',
    '根据《信访工作条例》第二十三条的规定，经审查，你反映的事项属于本机关职权范围，现决定予以受理。',
    '本机关将在受理之日起60日内办结，并向你出具书面处理意见。情况复杂的，经本机关负责人批准，可以适当延长办理期限，延长期限不超过30日，并告知你延期理由。',
    '在办理期间，请你依法有序反映诉求，如有新的情况或者材料，可以向本机关补充提交。',
  ],
  contact: '联系人：李晓峰，联系电话：0571-88001234。',
  sender: '测试县人民政府信访局',
  date: '2026年11月26日',
  copyTo: '测试县住房和城乡建设局',
  issuedBy: '赵丽',
  issuedAt: '2026-11-26 14:03',
}

/** A preview: no number yet, placeholders missing. */
export const previewLetter: LetterDoc = {
  ...acceptLetter,
  id: 0,
  no: '',
  noPreview: '测信受〔2026〕 号',
  issuedBy: '',
  issuedAt: '',
  missing: [{ placeholder: '诉求摘要', takes: '登记时填写的诉求摘要' }],
}

/** 交办单 of a confidential case: the petitioner withheld. */
export const assignSlip: LetterDoc = {
  ...base,
  id: 40,
  case: 7,
  task: 9,
  kind: 'assign',
  kindLabel: '交办单',
  form: 'slip',
  to: 'department',
  no: '测信交〔2026〕3号',
  title: '信访事项交办单',
  addressee: '测试县自然资源局：',
  rows: [
    { label: '来源', value: '来访', wide: false },
    { label: '登记日期', value: '2026年11月20日', wide: false },
    { label: '信访人', value: '（保密）', wide: false },
    { label: '承办单位', value: '测试县自然资源局', wide: false },
    { label: '诉求摘要', value: '反映某村委会在土地征收补偿款发放中存在截留挪用问题，要求调查处理。', wide: true },
    { label: '办理要求', value: '请认真调查核实，依法依规处理，并于办结时限前报送办结报告。', wide: true },
    { label: '办结时限', value: '2026年12月20日', wide: false },
  ],
  boxes: [
    { title: '签收', lines: ['签收人：            签收日期：    年  月  日'], height: 0 },
    { title: '异议（退回）', lines: ['如认为不属于本单位职责范围，请于收到之日起5个工作日内提出异议并说明理由。'], height: 2 },
    { title: '办理结果', lines: [], height: 3 },
  ],
  sender: '测试县人民政府信访局',
  date: '2026年11月26日',
  redacted: true,
}

export const plainLayout: LetterLayout = { letterhead: false, headerMM: 80, offsetXMM: 0, offsetYMM: 0, orgName: '测试县人民政府信访局' }
export const letterheadLayout: LetterLayout = { ...plainLayout, letterhead: true }
