import type { RecordInput } from '@/api'

/**
 * An empty reception record, as the intake form, the case view's "add a
 * record" and the tests start one; over sets what each knows already.
 */
export function blankRecord(over: Partial<RecordInput> = {}): RecordInput {
  return {
    start: '',
    end: '',
    receptionist: 0,
    leader: '',
    idChecked: false,
    statement: '',
    qa: '',
    materials: '',
    explanations: '',
    scripts: [],
    procedure: false,
    remedies: false,
    commitments: '',
    riskNotes: '',
    confirmed: false,
    refusal: '',
    ...over,
  }
}
