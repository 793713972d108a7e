import 'element-plus/dist/index.css'
import '@/styles/main.css'
import '@/print/print.css'
import { createLaifangApp } from '@/setup'

const { app, router } = createLaifangApp()
router.isReady().then(() => app.mount('#app'))
