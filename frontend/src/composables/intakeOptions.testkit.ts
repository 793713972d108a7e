import type { FormOptions } from '@/api'

/**
 * The intake form's options as Go sends them, for unit tests: an office
 * with no lists, units or staff unless a test gives them, and Go's clock at
 * 2026-03-02 09:30.
 */
export function testOptions(over: Record<string, unknown> = {}): FormOptions {
  return {
    lists: [],
    disposals: [],
    units: [],
    staff: [],
    groupThreshold: 5,
    maxDelegates: 5,
    now: '2026-03-02T09:30',
    user: 3,
    mayRisk: false,
    labels: {},
    ...over,
  } as unknown as FormOptions
}
