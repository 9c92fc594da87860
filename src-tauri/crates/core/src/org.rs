//! The organisation tree: county federation → township → village, plus
//! industry federations, enterprise unions and turnover pools.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// 县/区总工会
    County,
    /// 乡镇/街道工会
    Township,
    /// 村/社区工会（含联合工会）
    Village,
    /// 行业工会联合会
    Industry,
    /// 企业工会
    Enterprise,
    /// 周转池（先入会再分流）
    Pool,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [
        OrgKind::County,
        OrgKind::Township,
        OrgKind::Village,
        OrgKind::Industry,
        OrgKind::Enterprise,
        OrgKind::Pool,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::County => "county",
            OrgKind::Township => "township",
            OrgKind::Village => "village",
            OrgKind::Industry => "industry",
            OrgKind::Enterprise => "enterprise",
            OrgKind::Pool => "pool",
        }
    }

    pub fn from_code(code: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            OrgKind::County => "县/区总工会",
            OrgKind::Township => "乡镇/街道工会",
            OrgKind::Village => "村/社区工会",
            OrgKind::Industry => "行业工会联合会",
            OrgKind::Enterprise => "企业工会",
            OrgKind::Pool => "周转池",
        }
    }

    /// Kinds allowed directly above this one. A county is a root.
    pub fn allowed_parents(self) -> &'static [OrgKind] {
        match self {
            OrgKind::County => &[],
            OrgKind::Township => &[OrgKind::County],
            OrgKind::Village => &[OrgKind::Township],
            OrgKind::Industry => &[OrgKind::County, OrgKind::Township],
            OrgKind::Enterprise => &[
                OrgKind::County,
                OrgKind::Township,
                OrgKind::Village,
                OrgKind::Industry,
            ],
            OrgKind::Pool => &[OrgKind::County, OrgKind::Township],
        }
    }

    /// Longest GB/T 2260 (statistical) division code for this level:
    /// county 6, township 9, village 12. A shorter code of 6 or 9 digits is
    /// accepted where the office knows only its county's or township's code.
    pub fn division_code_max_len(self) -> usize {
        match self {
            OrgKind::County => 6,
            OrgKind::Township | OrgKind::Industry | OrgKind::Pool => 9,
            OrgKind::Village | OrgKind::Enterprise => 12,
        }
    }
}

/// Why an org unit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrgError {
    #[error("组织名称：不能为空")]
    EmptyName,
    #[error("组织名称：不能超过60个字")]
    NameTooLong,
    #[error("上级组织：{child}的上级应为{expected}")]
    BadParent {
        child: &'static str,
        expected: String,
    },
    #[error("上级组织：{0}是最高一级，不能有上级")]
    RootHasParent(&'static str),
    #[error("行政区划代码：{kind}的代码应为{lens}位数字")]
    BadDivisionLength {
        kind: &'static str,
        lens: &'static str,
    },
    #[error("行政区划代码：应以上级的代码 {parent} 开头")]
    DivisionOutsideParent { parent: String },
    #[error("入会链接：应以 http:// 或 https:// 开头")]
    BadJoinUrl,
}

impl OrgError {
    /// The form field the error belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            OrgError::EmptyName | OrgError::NameTooLong => "name",
            OrgError::BadParent { .. } | OrgError::RootHasParent(_) => "parent_id",
            OrgError::BadDivisionLength { .. } | OrgError::DivisionOutsideParent { .. } => {
                "division_code"
            }
            OrgError::BadJoinUrl => "join_url",
        }
    }
}

/// What the rules need to know of a proposed org unit.
pub struct OrgDraft<'a> {
    pub name: &'a str,
    pub kind: OrgKind,
    pub division_code: Option<&'a str>,
    pub join_url: Option<&'a str>,
}

/// What the rules need to know of its parent.
pub struct ParentInfo<'a> {
    pub kind: OrgKind,
    pub division_code: Option<&'a str>,
}

/// Check a draft against its parent. Returns the trimmed name.
pub fn validate(draft: &OrgDraft, parent: Option<&ParentInfo>) -> Result<String, OrgError> {
    let name = draft.name.trim();
    if name.is_empty() {
        return Err(OrgError::EmptyName);
    }
    if name.chars().count() > 60 {
        return Err(OrgError::NameTooLong);
    }
    let allowed = draft.kind.allowed_parents();
    match parent {
        // A county is the top; a township office may start on its own and
        // add its county later. Every other kind hangs under a parent.
        None if matches!(draft.kind, OrgKind::County | OrgKind::Township) => {}
        None => {
            return Err(OrgError::BadParent {
                child: draft.kind.label(),
                expected: labels(allowed),
            })
        }
        Some(_) if allowed.is_empty() => return Err(OrgError::RootHasParent(draft.kind.label())),
        Some(p) if !allowed.contains(&p.kind) => {
            return Err(OrgError::BadParent {
                child: draft.kind.label(),
                expected: labels(allowed),
            })
        }
        Some(_) => {}
    }
    if let Some(code) = draft.division_code.filter(|c| !c.trim().is_empty()) {
        let code = code.trim();
        let max = draft.kind.division_code_max_len();
        let ok_len = matches!(code.len(), 6 | 9 | 12) && code.len() <= max;
        if !ok_len || !code.bytes().all(|b| b.is_ascii_digit()) {
            let lens = match max {
                6 => "6",
                9 => "6位或9",
                _ => "6位、9位或12",
            };
            return Err(OrgError::BadDivisionLength {
                kind: draft.kind.label(),
                lens,
            });
        }
        if let Some(pc) = parent.and_then(|p| p.division_code) {
            if !code.starts_with(pc) {
                return Err(OrgError::DivisionOutsideParent {
                    parent: pc.to_string(),
                });
            }
        }
    }
    if let Some(url) = draft.join_url.filter(|u| !u.trim().is_empty()) {
        let url = url.trim();
        if !(url.starts_with("http://") || url.starts_with("https://")) || url.contains(' ') {
            return Err(OrgError::BadJoinUrl);
        }
    }
    Ok(name.to_string())
}

fn labels(kinds: &[OrgKind]) -> String {
    kinds
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join("或")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(kind: OrgKind, code: Option<&'static str>) -> OrgDraft<'static> {
        OrgDraft {
            name: "测试工会",
            kind,
            division_code: code,
            join_url: None,
        }
    }

    #[test]
    fn village_needs_a_township_parent() {
        let county = ParentInfo {
            kind: OrgKind::County,
            division_code: Some("620421"),
        };
        let err = validate(&draft(OrgKind::Village, None), Some(&county)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "上级组织：村/社区工会的上级应为乡镇/街道工会"
        );
    }

    #[test]
    fn division_code_must_extend_the_parent() {
        let county = ParentInfo {
            kind: OrgKind::County,
            division_code: Some("620421"),
        };
        assert!(validate(&draft(OrgKind::Township, Some("620421100")), Some(&county)).is_ok());
        let err =
            validate(&draft(OrgKind::Township, Some("620422100")), Some(&county)).unwrap_err();
        assert!(matches!(err, OrgError::DivisionOutsideParent { .. }));
        let err = validate(&draft(OrgKind::Township, Some("62042110")), Some(&county)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "行政区划代码：乡镇/街道工会的代码应为6位或9位数字"
        );
    }

    #[test]
    fn county_is_a_root() {
        assert!(validate(&draft(OrgKind::County, Some("620421")), None).is_ok());
        let county = ParentInfo {
            kind: OrgKind::County,
            division_code: None,
        };
        assert!(matches!(
            validate(&draft(OrgKind::County, None), Some(&county)),
            Err(OrgError::RootHasParent(_))
        ));
    }

    #[test]
    fn empty_names_and_bad_urls_are_refused() {
        let mut d = draft(OrgKind::County, None);
        d.name = "  ";
        assert_eq!(validate(&d, None), Err(OrgError::EmptyName));
        let mut d = draft(OrgKind::County, None);
        d.join_url = Some("weixin://x");
        assert_eq!(validate(&d, None), Err(OrgError::BadJoinUrl));
    }
}
