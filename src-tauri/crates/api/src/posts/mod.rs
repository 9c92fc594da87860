//! Service posts (服务阵地) and service records: issue #7.

pub mod dto;

use serde_json::Value;

use crate::{Api, ApiError};

/// The command names this area adds to [`Api::dispatch`].
pub(crate) const COMMANDS: &[&str] = &[];

pub(crate) fn dispatch(_api: &Api, command: &str, _args: Value) -> Result<Value, ApiError> {
    Err(ApiError::new(
        crate::ErrorCode::NotFound,
        format!("未知的命令：{command}"),
    ))
}
