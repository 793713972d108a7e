import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createLaifangRouter } from './router'

async function at(path: string) {
  const router = createLaifangRouter(createMemoryHistory())
  await router.push(path)
  return router.currentRoute.value
}

describe('the routes of cases', () => {
  it('a case has its own address, under the list in the menu', async () => {
    const r = await at('/cases/12')
    expect(r.name).toBe('case')
    expect(r.params.id).toBe('12')
    expect(r.meta.menu).toBe('/cases')
  })

  it('an old link (/cases?id=N) opens the case', async () => {
    const r = await at('/cases?id=12')
    expect(r.name).toBe('case')
    expect(r.fullPath).toBe('/cases/12')
  })

  it('the list keeps its search in the address', async () => {
    const r = await at('/cases?q=%E5%B7%A5%E8%B5%84&page=2')
    expect(r.name).toBe('cases')
    expect(r.query).toEqual({ q: '工资', page: '2' })
  })

  it('a case address that is not a number is not a case', async () => {
    const r = await at('/cases/abc')
    expect(r.name).not.toBe('case')
  })
})
