use ledger_core::member::MemberError;
use ledger_core::org::OrgError;
use ledger_core::outbound::OutboundError;
use ledger_core::posts::PostError;

/// Everything the store can refuse or fail at.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("数据库错误：{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error(
        "数据文件的版本（{found}）比本程序支持的版本（{supported}）新，请先升级工会台账再打开它"
    )]
    SchemaTooNew { found: i64, supported: i64 },
    #[error("找不到{what}：{key}")]
    NotFound { what: &'static str, key: String },
    #[error("{0}")]
    Org(#[from] OrgError),
    #[error("{0}")]
    Member(#[from] MemberError),
    #[error("{0}")]
    Outbound(#[from] OutboundError),
    /// A service post or record refused; names the field.
    #[error("{0}")]
    Post(#[from] PostError),
    #[error("身份证号：该人员已在台账中（{name}，会员编号 {member_no}）")]
    DuplicateMember {
        member_id: String,
        name: String,
        member_no: String,
    },
    #[error("{0}")]
    Conflict(String),
    #[error("尚未设置本单位，请先完成首次设置")]
    NoOffice,
}
