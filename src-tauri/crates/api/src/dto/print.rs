//! Printing (issue 5): settings, seals, ceremonies, certificates, posters, forms.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

/// The office's print settings, as 设置 → 打印 shows them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PrintSettings {
    /// The county's verification base URL put in certificate QR codes
    /// (`{base_url}/v?n=会员编号&s=签名`); null until set, and certificates
    /// are refused until it is.
    pub base_url: Option<String>,
    /// A guess to prefill `base_url` with: the address of the county's join
    /// link. Never used unless saved.
    pub suggested_base_url: Option<String>,
    /// The issuing org unit (发证单位): its seal is stamped over its name.
    /// This office unless set.
    pub issuer_org_id: Option<String>,
    pub issuer_org_name: Option<String>,
    /// The issuer as printed: the saved name, else the issuing org's name.
    pub issuer_name: String,
    /// `issuer_name` is a saved name rather than the org's own.
    pub issuer_name_set: bool,
    /// Printed on join posters unless a poster gives its own.
    pub contact_phone: Option<String>,
    /// Why certificates cannot be printed yet (null when they can).
    pub certificates_blocked: Option<String>,
    /// Certificates have been signed on this machine. The key itself is
    /// never shown and never leaves the ledger file.
    pub has_signing_key: bool,
    /// Org units with a seal image.
    pub seals: Vec<SealInfo>,
    /// Poster templates to offer, in order (`red`, `blue`, `ink`).
    pub poster_templates: Vec<Choice>,
    pub default_headline: String,
    pub default_steps: Vec<String>,
    pub default_benefits: Vec<String>,
}

/// Changes to the print settings: an absent field is left as it is, an
/// empty string clears it (back to its default).
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct PrintSettingsInput {
    #[serde(default)]
    #[ts(optional)]
    pub base_url: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub issuer_org_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub issuer_name: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub contact_phone: Option<String>,
}

/// An org unit's seal image, without the image.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SealInfo {
    pub org_id: String,
    pub org_name: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u32,
    /// The image has transparent pixels (a seal on white paper would hide
    /// the issuer's name under it).
    pub transparent: bool,
    /// Beijing time, YYYY-MM-DD HH:MM.
    pub updated_at: String,
    pub actor: Option<String>,
}

/// A seal with its image, for the settings page to show.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Seal {
    #[serde(flatten)]
    pub info: SealInfo,
    pub png_base64: String,
}

/// Upload an org's seal: a PNG, ideally red on a transparent background.
/// Give `path` (desktop: a native open dialog) or `file_name` and
/// `bytes_base64` (browser: an upload). A seal scanned on white paper is
/// made transparent where the paper is.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SealInput {
    pub org_id: String,
    #[serde(flatten)]
    pub file: FileArg,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct OrgIdArg {
    pub org_id: String,
}

/// The 五个一 checklist of a ceremony.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, TS)]
pub struct FiveOnes {
    /// 一证: certificates handed out.
    #[serde(default)]
    pub certificate: bool,
    /// 一徽: union badges handed out.
    #[serde(default)]
    pub badge: bool,
    /// 一式: the ceremony held.
    #[serde(default)]
    pub rite: bool,
    /// 一宣: the application read together.
    #[serde(default)]
    pub reading: bool,
    /// 一包: gift packs handed out.
    #[serde(default)]
    pub pack: bool,
}

/// An enrolment ceremony (集中入会仪式).
#[derive(Debug, Clone, Serialize, TS)]
pub struct Ceremony {
    pub id: String,
    pub org_id: String,
    pub org_name: String,
    /// YYYY-MM-DD.
    pub date: String,
    pub place: String,
    pub notes: Option<String>,
    pub checklist: FiveOnes,
    /// Members enrolled at it.
    pub attendees: u32,
    /// Of those, members whose certificate has been printed.
    pub printed: u32,
    pub updated_at: String,
}

/// A ceremony with its attendees, in the order they were enrolled.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CeremonyDetail {
    #[serde(flatten)]
    pub ceremony: Ceremony,
    pub members: Vec<MemberRow>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct CeremonyInput {
    /// YYYY-MM-DD; may be ahead (a planned ceremony).
    pub date: String,
    pub place: String,
    /// The org holding it; this office when absent.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub notes: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub checklist: Option<FiveOnes>,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct CeremonyUpdate {
    pub id: String,
    #[serde(flatten)]
    pub fields: CeremonyInput,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct CeremonyListQuery {
    /// Ceremonies held by this org or any org below it.
    #[serde(default)]
    #[ts(optional)]
    pub org_id: Option<String>,
}

/// Enrol a new member on the spot: the member form; the join channel is
/// 集中入会仪式, the join date the ceremony's date and the holding org the
/// ceremony's org unless the form gives them.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct CeremonyEnrolInput {
    pub ceremony_id: String,
    #[serde(flatten)]
    pub member: MemberInput,
}

/// Link existing members to a ceremony (or unlink them).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct CeremonyMembersInput {
    pub ceremony_id: String,
    pub member_ids: Vec<String>,
}

/// Whom a document is printed for. Batches other than `members` leave out
/// members who are no longer 在会.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum PrintSelection {
    /// These members, in this order.
    Members { member_ids: Vec<String> },
    /// A ceremony's attendees, in the order they were enrolled.
    Ceremony { ceremony_id: String },
    /// Members held by an org unit or any org below it.
    Org { org_id: String },
    /// Members whose certificate was never printed (under an org if given).
    NotYetPrinted {
        #[serde(default)]
        #[ts(optional)]
        org_id: Option<String>,
    },
    /// Every member.
    All,
    /// The member list's filters (page and page size are ignored).
    Query { query: Box<MemberListQuery> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum CertificateLayout {
    /// Wallet cards (85.6 × 54 mm), ten to an A4 sheet with crop marks.
    #[default]
    Card,
    /// One certificate per A4 page (landscape), for ceremonies.
    A4,
    /// One certificate per A5 page (landscape).
    A5,
}

#[derive(Debug, Clone, Deserialize, TS)]
pub struct PrintCertificatesInput {
    pub selection: PrintSelection,
    #[serde(default)]
    #[ts(optional)]
    pub layout: Option<CertificateLayout>,
    /// Print the first `limit` of the selection (a batch larger than 1000
    /// is refused without it).
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
    /// Issue in the name of this org (its name and seal) instead of the
    /// settings' issuer.
    #[serde(default)]
    #[ts(optional)]
    pub issuer_org_id: Option<String>,
    /// A preview: the card issue dates are not recorded.
    #[serde(default)]
    #[ts(optional)]
    pub preview: Option<bool>,
    /// Write the PDF here (desktop: from a native save dialog; must end in
    /// .pdf); returned as base64 when absent.
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// A generated PDF: written to `path` when the command was given `out`,
/// otherwise returned as `bytes_base64` (same names as `FileOut`, so one
/// download/open helper serves both).
#[derive(Debug, Clone, Serialize, TS)]
pub struct PdfOut {
    /// Suggested name for a save dialog or download.
    pub file_name: String,
    pub path: Option<String>,
    pub bytes_base64: Option<String>,
    /// application/pdf
    pub mime: String,
    pub pages: u32,
    pub bytes: u32,
    /// Certificates, application forms, roster rows, or 1 for a poster.
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CertificatesOut {
    #[serde(flatten)]
    pub pdf: PdfOut,
    /// Certificates in the PDF.
    pub certificates: u32,
    /// Members in the selection (more than `certificates` when limited).
    pub selected: u32,
    /// Members whose card issue date was recorded now (0 for a preview).
    pub recorded: u32,
    /// YYYY-MM-DD printed as the issue date.
    pub issued_on: String,
    pub issuer_name: String,
}

/// What a certificate batch would print, checked before printing.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PrintCandidatesInput {
    pub selection: PrintSelection,
    /// Rows returned (default 200, at most 1000); `total` counts all.
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct CertificateCandidate {
    #[serde(flatten)]
    pub member: MemberRow,
    /// Why this member's certificate cannot be printed (a character the
    /// fonts lack, a status other than 在会); null when it can.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PrintCandidates {
    pub total: u32,
    pub rows: Vec<CertificateCandidate>,
    /// Members among `rows` with a problem.
    pub problems: u32,
    /// Why no certificate can be printed yet (settings), else null.
    pub blocked: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PosterSizeCode {
    #[default]
    A4,
    A3,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PosterTemplateCode {
    /// 中国红
    #[default]
    Red,
    /// 交通蓝
    Blue,
    /// 简洁（省墨）
    Ink,
}

/// A join poster (扫码入会) for an org unit.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PosterInput {
    pub org_id: String,
    #[serde(default)]
    #[ts(optional)]
    pub size: Option<PosterSizeCode>,
    #[serde(default)]
    #[ts(optional)]
    pub template: Option<PosterTemplateCode>,
    /// Up to two lines (a typed line break is kept); a default when empty.
    #[serde(default)]
    #[ts(optional)]
    pub headline: Option<String>,
    /// Up to 5; 扫码 → 填写信息 → 审核 → 入会 when absent.
    #[serde(default)]
    #[ts(optional)]
    pub steps: Option<Vec<String>>,
    /// 入会好处, up to 8; the defaults when absent.
    #[serde(default)]
    #[ts(optional)]
    pub benefits: Option<Vec<String>>,
    /// The settings' contact phone when absent; "" for none.
    #[serde(default)]
    #[ts(optional)]
    pub contact_phone: Option<String>,
    /// The QR code's link; the org's join link when absent.
    #[serde(default)]
    #[ts(optional)]
    pub url: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// 入会申请书, one page per member, filled in for signature (with the full
/// citizen ID: recorded as a reveal for each member).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ApplicationInput {
    pub selection: PrintSelection,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// The roster (花名册) of a selection, or with `signature_column` an
/// attendance list (签到表). IDs and phones are masked.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct RosterInput {
    pub selection: PrintSelection,
    /// Default: “<org> 会员花名册”, or for a ceremony “<date>集中入会仪式签到表”.
    #[serde(default)]
    #[ts(optional)]
    pub title: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub subtitle: Option<String>,
    /// Default: true for a ceremony, else false.
    #[serde(default)]
    #[ts(optional)]
    pub signature_column: Option<bool>,
    #[serde(default)]
    #[ts(optional)]
    pub out: Option<String>,
}

/// What a scanner read from a certificate's QR code (a whole link, or just
/// its `n=...&s=...` part).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct VerifyInput {
    pub text: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct VerifyResult {
    /// The signature matches the member number under this office's key.
    pub genuine: bool,
    /// The number the link names, whenever one could be read; trust it only
    /// when `genuine`.
    pub member_no: Option<String>,
    /// One sentence for the cadre.
    pub message: String,
    /// The member, when genuine and in this ledger.
    pub member: Option<MemberRow>,
}

/// Where to write a PDF only to look at it (desktop: WebKitGTK shows no PDF
/// inline, so the UI writes the preview here and opens it with the system
/// viewer).
#[derive(Debug, Clone, Deserialize, TS)]
pub struct PreviewPathInput {
    /// e.g. the `file_name` a print command suggested.
    pub file_name: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PreviewPath {
    pub path: String,
}
