// Form state for backend refusals: per-field messages plus one above the form.

import { reactive, ref } from 'vue'
import { isApiError, showError } from '@/api/transport'
import { fieldFromMessage, messageForField } from './field-errors'

/**
 * `labels` maps the form's fields to the labels the backend puts in front of
 * its messages. A refusal naming one of them (by `field`, or by its label)
 * goes under that field; any other refusal above the form (`formError`);
 * anything that is not a refusal to the error toast. A form without a place
 * for `formError` passes `{ unplaced: 'toast' }`.
 */
export function useFieldErrors<F extends string>(
  labels: Record<F, string>,
  { unplaced = 'form' }: { unplaced?: 'form' | 'toast' } = {},
) {
  const errors = reactive({}) as Partial<Record<F, string>>
  const formError = ref('')

  function clear() {
    for (const k of Object.keys(errors)) delete errors[k as F]
    formError.value = ''
  }

  /** Show a failure; returns the field it went under, if any. */
  function show(e: unknown): F | undefined {
    if (!isApiError(e)) {
      showError(e)
      return undefined
    }
    const field = (e.field as F | undefined) ?? (fieldFromMessage(e.message, labels) as F | undefined)
    if (field !== undefined && field in labels) {
      errors[field] = messageForField(e.message, labels[field])
      return field
    }
    if (unplaced === 'toast') showError(e)
    else formError.value = e.message
    return undefined
  }

  return { errors, formError, clear, show }
}
