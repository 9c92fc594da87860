//! Service posts (服务阵地) and service records: issue #7.
//!
//! `sites.rs`: the posts and the fixed lists; `records.rs`: service records,
//! tickets, links to members who joined, member benefits, the type list;
//! `figures.rs`: the figures and their .xlsx; `print.rs`: the monthly post
//! report and the post poster (PDF).

pub mod dto;
mod figures;
mod print;
mod records;
mod sites;

use serde_json::Value;

use crate::{json, parse, parse_opt, Api, ApiError, ErrorCode};
use dto::*;

/// The command names this area adds to [`Api::dispatch`].
pub(crate) const COMMANDS: &[&str] = &[
    "post_choices",
    "post_create",
    "post_update",
    "post_get",
    "post_list",
    "post_delete",
    "service_types_get",
    "service_types_set",
    "service_create",
    "service_update",
    "service_get",
    "service_list",
    "service_delete",
    "ticket_update",
    "service_link_member",
    "service_enrol_person",
    "member_benefits",
    "service_stats",
    "service_stats_xlsx",
    "print_post_report",
    "print_post_poster",
];

pub(crate) fn dispatch(api: &Api, command: &str, args: Value) -> Result<Value, ApiError> {
    match command {
        "post_choices" => json(sites::choices(api)),
        "post_create" => json(sites::create(api, parse(args)?)),
        "post_update" => json(sites::update(api, parse(args)?)),
        "post_get" => json(sites::get(api, parse(args)?)),
        "post_list" => json(sites::list(api, parse_opt(args)?.unwrap_or_default())),
        "post_delete" => json(sites::delete(api, parse(args)?)),
        "service_types_get" => json(records::types_get(api)),
        "service_types_set" => json(records::types_set(api, parse(args)?)),
        "service_create" => json(records::create(api, parse(args)?)),
        "service_update" => json(records::update(api, parse(args)?)),
        "service_get" => json(records::get(api, parse(args)?)),
        "service_list" => json(records::list(api, parse_opt(args)?.unwrap_or_default())),
        "service_delete" => json(records::delete(api, parse(args)?)),
        "ticket_update" => json(records::ticket(api, parse(args)?)),
        "service_link_member" => json(records::link(api, parse(args)?)),
        "service_enrol_person" => json(records::enrol(api, parse(args)?)),
        "member_benefits" => json(records::benefits(api, parse(args)?)),
        "service_stats" => json(figures::stats(api, parse(args)?)),
        "service_stats_xlsx" => json(figures::xlsx(api, parse(args)?)),
        "print_post_report" => json(print::report(api, parse(args)?)),
        "print_post_poster" => json(print::poster(api, parse(args)?)),
        other => Err(ApiError::new(
            ErrorCode::NotFound,
            format!("未知的命令：{other}"),
        )),
    }
}

// Typed entry points for the CLI.
impl Api {
    pub fn post_create(&self, input: PostInput) -> Result<Post, ApiError> {
        sites::create(self, input)
    }
    pub fn post_list(&self, q: PostListQuery) -> Result<Vec<Post>, ApiError> {
        sites::list(self, q)
    }
    pub fn service_create(&self, input: ServiceInput) -> Result<ServiceRecord, ApiError> {
        records::create(self, input)
    }
    pub fn service_list(&self, q: ServiceListQuery) -> Result<ServicePage, ApiError> {
        records::list(self, q)
    }
    pub fn ticket_update(&self, input: TicketInput) -> Result<ServiceRecord, ApiError> {
        records::ticket(self, input)
    }
    pub fn service_link_member(&self, input: LinkMemberInput) -> Result<ServiceRecord, ApiError> {
        records::link(self, input)
    }
    pub fn service_stats(&self, q: StatsQuery) -> Result<ServiceStats, ApiError> {
        figures::stats(self, q)
    }
    pub fn service_stats_xlsx(
        &self,
        input: StatsExportInput,
    ) -> Result<crate::dto::FileOut, ApiError> {
        figures::xlsx(self, input)
    }
    pub fn print_post_report(
        &self,
        input: PostReportInput,
    ) -> Result<crate::dto::PdfOut, ApiError> {
        print::report(self, input)
    }
    pub fn print_post_poster(
        &self,
        input: PostPosterInput,
    ) -> Result<crate::dto::PdfOut, ApiError> {
        print::poster(self, input)
    }
}
