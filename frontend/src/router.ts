import type { Component } from 'vue'
import {
  createRouter,
  createWebHashHistory,
  type RouteRecordRaw,
  type RouterHistory,
} from 'vue-router'
import {
  Bell,
  DataAnalysis,
  Document,
  EditPen,
  HomeFilled,
  Notebook,
  Printer,
  Setting,
  Tickets,
} from '@element-plus/icons-vue'
import HomeView from '@/views/HomeView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the screen's name, in the menu and the window title. */
    titleKey: string
    /** Icon in the left menu. */
    icon: Component
    /** A page without the shell (printing): not in the menu. */
    bare?: boolean
    /** The menu entry a screen opened from another belongs to (a case: /cases). */
    menu?: string
  }
}

// The screens, in menu order. Each but home is filled by a later issue.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'menu.home', icon: HomeFilled } },
  {
    path: '/visits',
    name: 'visits',
    component: () => import('@/views/VisitsView.vue'),
    meta: { titleKey: 'menu.visits', icon: EditPen },
  },
  {
    path: '/cases',
    name: 'cases',
    component: () => import('@/views/CasesView.vue'),
    meta: { titleKey: 'menu.cases', icon: Tickets },
  },
  {
    path: '/supervision',
    name: 'supervision',
    component: () => import('@/views/SupervisionView.vue'),
    meta: { titleKey: 'menu.supervision', icon: Bell },
  },
  {
    path: '/letters',
    name: 'letters',
    component: () => import('@/views/LettersView.vue'),
    meta: { titleKey: 'menu.letters', icon: Document },
  },
  {
    path: '/ledger',
    name: 'ledger',
    component: () => import('@/views/LedgerView.vue'),
    meta: { titleKey: 'menu.ledger', icon: Notebook },
  },
  {
    path: '/reports',
    name: 'reports',
    component: () => import('@/views/ReportsView.vue'),
    meta: { titleKey: 'menu.reports', icon: DataAnalysis },
  },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/views/SettingsView.vue'),
    meta: { titleKey: 'menu.settings', icon: Setting },
  },
]

/** Screens opened from another, in the shell but not in the menu. */
export const screenRoutes: RouteRecordRaw[] = [
  {
    path: '/cases/:id(\\d+)',
    name: 'case',
    component: () => import('@/views/CaseView.vue'),
    props: (to) => ({ id: Number(to.params.id) }),
    meta: { titleKey: 'menu.cases', icon: Tickets, menu: '/cases' },
  },
]

/** Pages opened from a screen, without the menu (printing). */
export const pageRoutes: RouteRecordRaw[] = [
  {
    path: '/print/registration/:caseId/:visitId?',
    name: 'print-registration',
    component: () => import('@/views/PrintRegistrationView.vue'),
    meta: { titleKey: 'print.formTitle', icon: Printer, bare: true },
  },
  {
    path: '/print/record/:caseId(\\d+)/:eventId(\\d+)',
    name: 'print-record',
    component: () => import('@/views/PrintRecordView.vue'),
    meta: { titleKey: 'sheet.title', icon: Printer, bare: true },
  },
  {
    path: '/print/stats',
    name: 'print-stats',
    component: () => import('@/views/PrintStatsView.vue'),
    meta: { titleKey: 'stats.title', icon: Printer, bare: true },
  },
  {
    path: '/print/letters/:ids([\\d,]+)',
    name: 'print-letters',
    component: () => import('@/views/PrintLettersView.vue'),
    meta: { titleKey: 'menu.letters', icon: Printer, bare: true },
  },
]

/** The screens shown in the left menu, in order. */
export const menuRoutes = routes

export function createLaifangRouter(history: RouterHistory = createWebHashHistory()) {
  const router = createRouter({
    history,
    routes: [...routes, ...screenRoutes, ...pageRoutes, { path: '/:pathMatch(.*)*', redirect: '/' }],
  })
  // A case was once /cases?id=N: old links and bookmarks still open it.
  router.beforeEach((to) => {
    const id = to.name === 'cases' ? to.query.id : undefined
    if (typeof id === 'string' && /^\d+$/.test(id)) return { name: 'case', params: { id }, replace: true }
  })
  return router
}
