// Builds the app with its plugins; main.ts mounts it, tests mount it with a
// memory history.

import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { RouterHistory } from 'vue-router'
import App from '@/App.vue'
import { createLaifangI18n, type Locale } from '@/i18n'
import { installErrorToast } from '@/plugins/errorToast'
import { createLaifangRouter } from '@/router'

export interface SetupOptions {
  history?: RouterHistory
  locale?: Locale
}

export function createLaifangApp(opts: SetupOptions = {}) {
  const app = createApp(App)
  const i18n = createLaifangI18n(opts.locale)
  const router = createLaifangRouter(opts.history)
  const pinia = createPinia()
  app.use(pinia).use(i18n).use(router).use(ElementPlus)
  const uninstallToast = installErrorToast(app, () => i18n.global.t('errors.unexpected'))
  return { app, router, pinia, i18n, uninstallToast }
}
