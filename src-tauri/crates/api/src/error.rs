//! Errors at the UI boundary: a closed set of codes plus a Chinese message.

use ledger_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

/// Machine-readable error codes. Only add a variant when a consumer uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Arguments could not be read (wrong shape or missing field).
    BadRequest,
    /// A field broke a rule; `field` names it.
    Invalid,
    BadLength,
    BadChecksum,
    BadDate,
    BadPhone,
    /// The person is already in the ledger; `existing_id` points at them.
    Duplicate,
    NotFound,
    /// The change contradicts the data (e.g. deleting an org with members).
    Conflict,
    /// This office has not been set up yet.
    SetupRequired,
    /// The database was written by a newer version of the app.
    SchemaTooNew,
    /// Browser mode: the per-run token is missing or wrong.
    Unauthorized,
    /// Printing: a character has no glyph in the shipped fonts; the message
    /// names the character and the person (never printed as a blank box).
    MissingGlyph,
    Internal,
}

/// What crosses to the UI when a command is refused: `{code, message}`
/// plus, where known, the form field and the record it collides with.
#[derive(Debug, Clone, PartialEq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub existing_id: Option<String>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            field: None,
            existing_id: None,
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            field: Some(field.to_string()),
            ..ApiError::new(ErrorCode::Invalid, message)
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::BadRequest, message)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        let message = e.to_string();
        match e {
            StoreError::Member(m) => {
                let code = match m.code() {
                    "bad_length" => ErrorCode::BadLength,
                    "bad_checksum" => ErrorCode::BadChecksum,
                    "bad_date" => ErrorCode::BadDate,
                    "bad_phone" => ErrorCode::BadPhone,
                    _ => ErrorCode::Invalid,
                };
                ApiError {
                    field: Some(m.field().to_string()),
                    ..ApiError::new(code, message)
                }
            }
            StoreError::Outbound(o) => {
                let code = match o.code() {
                    "conflict" => ErrorCode::Conflict,
                    "bad_date" => ErrorCode::BadDate,
                    "bad_phone" => ErrorCode::BadPhone,
                    _ => ErrorCode::Invalid,
                };
                ApiError {
                    field: Some(o.field().to_string()),
                    ..ApiError::new(code, message)
                }
            }
            StoreError::Post(p) => ApiError::invalid(p.field, message),
            StoreError::Org(o) => ApiError {
                field: Some(o.field().to_string()),
                ..ApiError::new(ErrorCode::Invalid, message)
            },
            StoreError::DuplicateMember { member_id, .. } => ApiError {
                field: Some("id_number".into()),
                existing_id: Some(member_id),
                ..ApiError::new(ErrorCode::Duplicate, message)
            },
            StoreError::NotFound { .. } => ApiError::new(ErrorCode::NotFound, message),
            StoreError::Conflict(_) => ApiError::new(ErrorCode::Conflict, message),
            StoreError::NoOffice => ApiError::new(ErrorCode::SetupRequired, message),
            StoreError::SchemaTooNew { .. } => ApiError::new(ErrorCode::SchemaTooNew, message),
            StoreError::Sqlite(err) => {
                log::error!("sqlite: {err}");
                ApiError::new(ErrorCode::Internal, message)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message() {
        let e = ApiError::new(ErrorCode::BadChecksum, "身份证号：校验码错误");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"code":"bad_checksum","message":"身份证号：校验码错误"}"#
        );
    }

    #[test]
    fn duplicate_points_at_the_existing_person() {
        let e: ApiError = StoreError::DuplicateMember {
            member_id: "m1".into(),
            name: "张三".into(),
            member_no: "6204212600001".into(),
        }
        .into();
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "duplicate");
        assert_eq!(json["existing_id"], "m1");
        assert_eq!(json["field"], "id_number");
    }
}
