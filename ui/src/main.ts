import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { captureToken } from './api/transport'
import { createAppRouter } from './router'
import './styles/main.css'

// Browser mode: take ?token= out of the address bar before the router reads it.
captureToken()

const app = createApp(App)
app.use(createPinia())
app.use(ElementPlus)
app.use(createAppRouter())
app.mount('#app')
