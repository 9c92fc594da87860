import { request } from './transport'
import type {
  ApplicationInput,
  Ceremony,
  CeremonyDetail,
  CeremonyEnrolInput,
  CeremonyInput,
  CeremonyListQuery,
  CeremonyMembersInput,
  CeremonyUpdate,
  CertificatesOut,
  Count,
  IdArg,
  MemberDetail,
  OrgIdArg,
  PdfOut,
  PosterInput,
  PreviewPath,
  PreviewPathInput,
  PrintCandidates,
  PrintCandidatesInput,
  PrintCertificatesInput,
  PrintSettings,
  PrintSettingsInput,
  RosterInput,
  Seal,
  SealInfo,
  SealInput,
  VerifyInput,
  VerifyResult,
} from './types'

/** Verification base URL, issuer, poster phone, seals, poster defaults. */
export const printSettingsGet = () => request<PrintSettings>('print_settings_get')
/** Absent fields keep their value; an empty string clears one. */
export const printSettingsSet = (input: PrintSettingsInput) => request<PrintSettings>('print_settings_set', input)
export const orgSealSet = (input: SealInput) => request<SealInfo>('org_seal_set', input)
export const orgSealGet = (arg: OrgIdArg) => request<Seal>('org_seal_get', arg)
export const orgSealClear = (arg: OrgIdArg) => request<null>('org_seal_clear', arg)

export const ceremonyCreate = (input: CeremonyInput) => request<Ceremony>('ceremony_create', input)
/** An absent org or checklist keeps the current one. */
export const ceremonyUpdate = (input: CeremonyUpdate) => request<Ceremony>('ceremony_update', input)
export const ceremonyList = (q: CeremonyListQuery = {}) => request<Ceremony[]>('ceremony_list', q)
export const ceremonyGet = (arg: IdArg) => request<CeremonyDetail>('ceremony_get', arg)
export const ceremonyDelete = (arg: IdArg) => request<null>('ceremony_delete', arg)
/** Enrol a new member at the ceremony (channel 集中入会仪式, the ceremony's date and org by default). */
export const ceremonyEnrol = (input: CeremonyEnrolInput) => request<MemberDetail>('ceremony_enrol', input)
export const ceremonyAddAttendees = (input: CeremonyMembersInput) => request<Count>('ceremony_add_attendees', input)
export const ceremonyRemoveAttendees = (input: CeremonyMembersInput) => request<Count>('ceremony_remove_attendees', input)

/** Who a certificate batch would print, with each member's problem, before printing. */
export const printCandidates = (input: PrintCandidatesInput) => request<PrintCandidates>('print_candidates', input)
/** Without `preview` the card issue dates are recorded. */
export const printCertificates = (input: PrintCertificatesInput) => request<CertificatesOut>('print_certificates', input)
export const printPoster = (input: PosterInput) => request<PdfOut>('print_poster', input)
export const printApplication = (input: ApplicationInput) => request<PdfOut>('print_application', input)
export const printRoster = (input: RosterInput) => request<PdfOut>('print_roster', input)
/** A scratch path for a preview PDF (desktop). */
export const printPreviewPath = (input: PreviewPathInput) => request<PreviewPath>('print_preview_path', input)
export const verifyCertificate = (input: VerifyInput) => request<VerifyResult>('verify_certificate', input)
