//! Truck-driver outbound reports (外出报告, 货车司机动态管理台账): issue #6.
//!
//! `trips.rs`: the report form, its review (上报, 备案 in bulk, 退回,
//! 重新打开), the driver's return, the contact log, the ledger list with its
//! counts and the home-page alerts. `spot.rs`: spot checks. `files.rs`: the
//! ledger and spot-check .xlsx and the registration form PDF.

pub mod dto;
mod files;
mod list;
mod spot;
mod trips;

use serde_json::Value;

use self::dto::*;
use crate::dto::{Count, FileOut, IdArg, PdfOut};
use crate::{json, parse, parse_opt, Api, ApiError};

/// The command names this area adds to [`Api::dispatch`].
pub(crate) const COMMANDS: &[&str] = &[
    "outbound_choices",
    "outbound_settings_get",
    "outbound_settings_set",
    "outbound_create",
    "outbound_update",
    "outbound_delete",
    "outbound_get",
    "outbound_list",
    "outbound_report",
    "outbound_file",
    "outbound_return",
    "outbound_reopen",
    "outbound_back",
    "outbound_contact_add",
    "outbound_alerts",
    "outbound_spot_draw",
    "outbound_spot_list",
    "outbound_spot_get",
    "outbound_spot_record",
    "outbound_spot_export",
    "outbound_export",
    "outbound_print_form",
];

pub(crate) fn dispatch(api: &Api, command: &str, args: Value) -> Result<Value, ApiError> {
    match command {
        "outbound_choices" => json(Ok(trips::choices())),
        "outbound_settings_get" => json(trips::settings_get(api)),
        "outbound_settings_set" => json(trips::settings_set(api, parse(args)?)),
        "outbound_create" => json(trips::create(api, parse(args)?)),
        "outbound_update" => json(trips::update(api, parse(args)?)),
        "outbound_delete" => json(trips::delete(api, parse(args)?)),
        "outbound_get" => json(trips::get(api, parse(args)?)),
        "outbound_list" => json(list::list(api, parse_opt(args)?.unwrap_or_default())),
        "outbound_report" => json(trips::report(api, parse(args)?)),
        "outbound_file" => json(trips::file(api, parse(args)?)),
        "outbound_return" => json(trips::send_back(api, parse(args)?)),
        "outbound_reopen" => json(trips::reopen(api, parse(args)?)),
        "outbound_back" => json(trips::back(api, parse(args)?)),
        "outbound_contact_add" => json(trips::contact_add(api, parse(args)?)),
        "outbound_alerts" => json(list::alerts(api)),
        "outbound_spot_draw" => json(spot::draw(api, parse(args)?)),
        "outbound_spot_list" => json(spot::list(api)),
        "outbound_spot_get" => json(spot::get(api, parse(args)?)),
        "outbound_spot_record" => json(spot::record(api, parse(args)?)),
        "outbound_spot_export" => json(files::spot_export(api, parse(args)?)),
        "outbound_export" => json(files::export(api, parse_opt(args)?.unwrap_or_default())),
        "outbound_print_form" => json(files::print_forms(api, parse(args)?)),
        other => Err(ApiError::new(
            crate::ErrorCode::NotFound,
            format!("未知的命令：{other}"),
        )),
    }
}

/// Typed entry points for the CLI.
impl Api {
    /// Today's date in the store's clock (Beijing time): demo data and
    /// scripts date trips from it.
    pub fn outbound_today(&self) -> chrono::NaiveDate {
        self.store().today()
    }
    pub fn outbound_settings_get(&self) -> Result<OutboundSettings, ApiError> {
        trips::settings_get(self)
    }
    pub fn outbound_settings_set(
        &self,
        input: OutboundSettings,
    ) -> Result<OutboundSettings, ApiError> {
        trips::settings_set(self, input)
    }
    pub fn outbound_create(&self, input: OutboundInput) -> Result<OutboundDetail, ApiError> {
        trips::create(self, input)
    }
    pub fn outbound_update(&self, input: OutboundUpdate) -> Result<OutboundDetail, ApiError> {
        trips::update(self, input)
    }
    pub fn outbound_get(&self, input: IdArg) -> Result<OutboundDetail, ApiError> {
        trips::get(self, input)
    }
    pub fn outbound_list(&self, q: OutboundQuery) -> Result<OutboundList, ApiError> {
        list::list(self, q)
    }
    pub fn outbound_report(&self, input: OutboundIds) -> Result<Count, ApiError> {
        trips::report(self, input)
    }
    pub fn outbound_file(&self, input: OutboundIds) -> Result<Count, ApiError> {
        trips::file(self, input)
    }
    pub fn outbound_return(&self, input: OutboundReasonInput) -> Result<OutboundDetail, ApiError> {
        trips::send_back(self, input)
    }
    pub fn outbound_reopen(&self, input: OutboundReasonInput) -> Result<OutboundDetail, ApiError> {
        trips::reopen(self, input)
    }
    pub fn outbound_back(&self, input: OutboundBackInput) -> Result<OutboundDetail, ApiError> {
        trips::back(self, input)
    }
    pub fn outbound_contact_add(
        &self,
        input: OutboundContactInput,
    ) -> Result<OutboundDetail, ApiError> {
        trips::contact_add(self, input)
    }
    pub fn outbound_alerts(&self) -> Result<OutboundAlerts, ApiError> {
        list::alerts(self)
    }
    pub fn outbound_spot_draw(&self, input: SpotDrawInput) -> Result<SpotCheckDetail, ApiError> {
        spot::draw(self, input)
    }
    /// Draw and save a spot check; the trip ids in the order drawn.
    pub fn outbound_sample(&self, input: SpotDrawInput) -> Result<SpotSample, ApiError> {
        spot::sample(self, input)
    }
    pub fn outbound_spot_get(&self, input: IdArg) -> Result<SpotCheckDetail, ApiError> {
        spot::get(self, input)
    }
    pub fn outbound_spot_record(
        &self,
        input: SpotRecordInput,
    ) -> Result<SpotCheckDetail, ApiError> {
        spot::record(self, input)
    }
    pub fn outbound_spot_export(&self, input: SpotExportInput) -> Result<FileOut, ApiError> {
        files::spot_export(self, input)
    }
    pub fn outbound_export(&self, input: OutboundExportInput) -> Result<FileOut, ApiError> {
        files::export(self, input)
    }
    pub fn outbound_print_form(&self, input: OutboundFormInput) -> Result<PdfOut, ApiError> {
        files::print_forms(self, input)
    }
}
