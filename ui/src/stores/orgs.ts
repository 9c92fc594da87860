import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '@/api/orgs'
import type { Org } from '@/api/types'
import { buildOrgTree } from '@/domain/org-tree'

/** The organisation tree, shared by the member filter, forms and 设置. */
export const useOrgStore = defineStore('orgs', () => {
  const orgs = ref<Org[]>([])
  const loaded = ref(false)

  const tree = computed(() => buildOrgTree(orgs.value))
  const byId = computed(() => new Map(orgs.value.map((o) => [o.id, o])))

  async function refresh() {
    orgs.value = await api.orgList()
    loaded.value = true
    return orgs.value
  }

  function ensure() {
    return loaded.value ? Promise.resolve(orgs.value) : refresh()
  }

  return { orgs, loaded, tree, byId, refresh, ensure }
})
