import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useAppStore } from '@/stores/app'
import BasicLayout from '@/layouts/BasicLayout.vue'
import { PLANNED } from '@/views/placeholder/planned'

declare module 'vue-router' {
  interface RouteMeta {
    /** Shown in the header and the browser title. */
    title?: string
    /** Key into PLANNED for areas not built yet. */
    planned?: keyof typeof PLANNED
  }
}

const plannedRoutes: RouteRecordRaw[] = (Object.keys(PLANNED) as (keyof typeof PLANNED)[]).map((key) => ({
  path: key,
  name: key,
  component: () => import('@/views/placeholder/ComingSoon.vue'),
  meta: { title: PLANNED[key].title, planned: key },
}))

export const routes: RouteRecordRaw[] = [
  {
    path: '/setup',
    name: 'setup',
    component: () => import('@/views/setup/SetupWizard.vue'),
    meta: { title: '首次设置' },
  },
  {
    path: '/',
    component: BasicLayout,
    children: [
      { path: '', name: 'home', component: () => import('@/views/home/HomeView.vue'), meta: { title: '首页' } },
      {
        path: 'members',
        name: 'members',
        component: () => import('@/views/members/MemberList.vue'),
        meta: { title: '会员列表' },
      },
      {
        path: 'members/pool',
        name: 'pool',
        component: () => import('@/views/pool/PoolView.vue'),
        meta: { title: '周转池分流' },
      },
      {
        path: 'members/employers',
        name: 'employers',
        component: () => import('@/views/employers/EmployerView.vue'),
        meta: { title: '以入会促建会' },
      },
      {
        path: 'members/import',
        name: 'import',
        component: () => import('@/views/sheets/ImportView.vue'),
        meta: { title: '批量导入' },
      },
      {
        path: 'members/roster-compare',
        name: 'roster-compare',
        component: () => import('@/views/sheets/RosterView.vue'),
        meta: { title: '摸清底数' },
      },
      {
        path: 'members/:id',
        name: 'member-detail',
        component: () => import('@/views/members/MemberDetail.vue'),
        meta: { title: '会员详情' },
        props: true,
      },
      {
        path: 'outbound',
        name: 'outbound',
        component: () => import('@/views/outbound/OutboundList.vue'),
        meta: { title: '外出报告' },
      },
      {
        path: 'outbound/spot-check',
        name: 'outbound-spot',
        component: () => import('@/views/outbound/SpotCheckView.vue'),
        meta: { title: '随机电话抽查' },
      },
      {
        path: 'outbound/:id',
        name: 'outbound-detail',
        component: () => import('@/views/outbound/TripDetail.vue'),
        meta: { title: '外出报告详情' },
        props: true,
      },
      { path: 'print', redirect: { name: 'ceremonies' } },
      {
        path: 'print/ceremonies',
        name: 'ceremonies',
        component: () => import('@/views/print/CeremonyList.vue'),
        meta: { title: '集中入会仪式' },
      },
      {
        path: 'print/ceremonies/:id',
        name: 'ceremony-detail',
        component: () => import('@/views/print/CeremonyDetail.vue'),
        meta: { title: '入会仪式' },
        props: true,
      },
      {
        path: 'print/certificates',
        name: 'print-certificates',
        component: () => import('@/views/print/CertificatesView.vue'),
        meta: { title: '会员证' },
      },
      {
        path: 'print/poster',
        name: 'print-poster',
        component: () => import('@/views/print/PosterView.vue'),
        meta: { title: '入会海报' },
      },
      {
        path: 'print/forms',
        name: 'print-forms',
        component: () => import('@/views/print/FormsView.vue'),
        meta: { title: '申请书与花名册' },
      },
      {
        path: 'print/verify',
        name: 'print-verify',
        component: () => import('@/views/print/VerifyView.vue'),
        meta: { title: '会员证核验' },
      },
      {
        path: 'posts',
        name: 'posts',
        component: () => import('@/views/posts/PostList.vue'),
        meta: { title: '服务阵地' },
      },
      {
        path: 'posts/services',
        name: 'post-services',
        component: () => import('@/views/posts/ServiceList.vue'),
        meta: { title: '服务记录' },
      },
      {
        path: 'posts/tickets',
        name: 'post-tickets',
        component: () => import('@/views/posts/TicketList.vue'),
        meta: { title: '诉求工单' },
      },
      {
        path: 'posts/figures',
        name: 'post-figures',
        component: () => import('@/views/posts/FiguresView.vue'),
        meta: { title: '服务统计' },
      },
      {
        path: 'posts/:id',
        name: 'post-detail',
        component: () => import('@/views/posts/PostDetail.vue'),
        meta: { title: '服务阵地' },
        props: true,
      },
      ...plannedRoutes,
      {
        path: 'settings/orgs',
        name: 'settings-orgs',
        component: () => import('@/views/settings/OrgSettings.vue'),
        meta: { title: '组织架构' },
      },
      {
        path: 'settings/rules',
        name: 'settings-rules',
        component: () => import('@/views/settings/LedgerRules.vue'),
        meta: { title: '台账规则' },
      },
      {
        path: 'settings/print',
        name: 'settings-print',
        component: () => import('@/views/settings/PrintSettingsView.vue'),
        meta: { title: '打印设置' },
      },
      {
        path: 'settings/system',
        name: 'settings-system',
        component: () => import('@/views/settings/SystemSettings.vue'),
        meta: { title: '本机与经办人' },
      },
      { path: 'settings', redirect: { name: 'settings-orgs' } },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export function createAppRouter() {
  const router = createRouter({ history: createWebHashHistory(), routes })

  // Until this office is set up, every route leads to the wizard.
  router.beforeEach(async (to) => {
    const app = useAppStore()
    await app.ensure()
    if (!app.info) return true // App.vue shows the connection error
    if (app.needsSetup && to.name !== 'setup') return { name: 'setup' }
    if (!app.needsSetup && to.name === 'setup') return { name: 'home' }
    return true
  })

  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - 工会台账` : '工会台账'
  })

  return router
}
