// The join poster form (入会海报) → a `print_poster` request. Pure; unit-tested.

import type { PosterInput, PosterSizeCode, PosterTemplateCode, PrintSettings } from '@/api/types'

/** The backend draws at most this many benefits (入会好处). */
export const MAX_BENEFITS = 8
/** Longest benefit line the form accepts. */
export const MAX_BENEFIT_CHARS = 30

export interface PosterForm {
  orgId?: string
  size: PosterSizeCode
  template: PosterTemplateCode
  /** Empty: the default headline (扫码加入工会). */
  headline: string
  benefits: string[]
  /** Empty: no phone on the poster. */
  contactPhone: string
  /** Empty: the org's own join link (一会一码). */
  url: string
}

export function posterFormFrom(settings: Pick<PrintSettings, 'default_benefits' | 'contact_phone'> | null): PosterForm {
  return {
    orgId: undefined,
    size: 'a4',
    template: 'red',
    headline: '',
    benefits: [...(settings?.default_benefits ?? [])],
    contactPhone: settings?.contact_phone ?? '',
    url: '',
  }
}

/** The request for a poster; null until an org is chosen. */
export function toPosterInput(f: PosterForm): PosterInput | null {
  const org = f.orgId?.trim()
  if (!org) return null
  const input: PosterInput = {
    org_id: org,
    size: f.size,
    template: f.template,
    benefits: f.benefits.map((b) => b.trim()).filter(Boolean).slice(0, MAX_BENEFITS),
    contact_phone: f.contactPhone.trim(),
  }
  // A typed line break is kept (up to two lines); blank lines are not.
  const headline = f.headline
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')
  if (headline) input.headline = headline
  const url = f.url.trim()
  if (url) input.url = url
  return input
}

export function posterFileName(orgName: string, size: PosterSizeCode): string {
  return `入会海报-${orgName}-${size.toUpperCase()}.pdf`
}
