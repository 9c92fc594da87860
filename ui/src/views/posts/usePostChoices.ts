// The posts area's lists (kinds, facilities, statuses, the office's service
// types), asked once per page visit and shared by the dialogs on it.

import { ref } from 'vue'
import { postChoices, postList } from '@/api/posts'
import { showError } from '@/api/transport'
import type { Post, PostChoices } from '@/api/types'

const choices = ref<PostChoices | null>(null)
const posts = ref<Post[]>([])
let pending: Promise<void> | null = null

/** Load (again): after the service types or the posts changed. */
export function reloadPostChoices(): Promise<void> {
  pending = Promise.all([postChoices(), postList()])
    .then(([c, p]) => {
      choices.value = c
      posts.value = p
    })
    .catch(showError)
    .finally(() => {
      pending = null
    })
  return pending
}

export function usePostChoices() {
  function ensure(): Promise<void> {
    if (choices.value) return Promise.resolve()
    return pending ?? reloadPostChoices()
  }
  return { choices, posts, ensure, reload: reloadPostChoices }
}
