//! The arguments of `ledger outbound`.

use std::path::PathBuf;

use clap::Subcommand;

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub enum OutboundCommand {
    /// Record a trip (a draft; `--submit` reports it at once). Prints its `id`.
    Add {
        /// The driver's member id.
        #[arg(long)]
        member: String,
        /// YYYY-MM-DD
        #[arg(long)]
        departure: String,
        /// YYYY-MM-DD
        #[arg(long = "expected-return")]
        expected_return: String,
        /// 流入地: province first, e.g. "浙江省杭州市萧山区 传化物流园".
        #[arg(long)]
        destination: String,
        /// Default: the member's plate.
        #[arg(long)]
        plate: Option<String>,
        #[arg(long)]
        vehicle: Option<String>,
        /// Logistics park, company or platform there.
        #[arg(long)]
        park: Option<String>,
        /// Phone on the road (default: the member's phone).
        #[arg(long = "road-phone")]
        road_phone: Option<String>,
        #[arg(long)]
        spouse: Option<String>,
        #[arg(long)]
        children: Option<String>,
        #[arg(long)]
        elderly: Option<String>,
        /// Needs the union could help with.
        #[arg(long)]
        needs: Option<String>,
        #[arg(long = "emergency-name")]
        emergency_name: Option<String>,
        #[arg(long = "emergency-relation")]
        emergency_relation: Option<String>,
        #[arg(long = "emergency-phone")]
        emergency_phone: Option<String>,
        #[arg(long)]
        notes: Option<String>,
        /// Report it (已上报) right away.
        #[arg(long)]
        submit: bool,
    },
    /// The ledger of trips (动态管理台账) with counts by province and village.
    List {
        /// An org (id or exact name) and everything below it.
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        province: Option<String>,
        /// planned | away | overdue | lost | back
        #[arg(long)]
        status: Option<String>,
        /// draft | reported | filed | returned
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        member: Option<String>,
        /// Only drivers not back yet.
        #[arg(long)]
        away: bool,
    },
    /// One trip with its review steps and contact log.
    Show { id: String },
    /// 上报: send drafts (or returned reports) for review.
    Report { ids: Vec<String> },
    /// 备案: file reported trips (all or none).
    File { ids: Vec<String> },
    /// 退回 with `--reason`: send a reported trip back. With `--date` instead:
    /// the driver has returned home (已返回, the same as `back`).
    Return {
        id: String,
        #[arg(long)]
        reason: Option<String>,
        /// YYYY-MM-DD: the day the driver came home.
        #[arg(long, conflicts_with = "reason")]
        date: Option<String>,
    },
    /// 重新打开: a reviewer reopens a filed trip, with the reason.
    Reopen {
        id: String,
        #[arg(long)]
        reason: String,
    },
    /// The driver came home (已返回).
    Back {
        id: String,
        /// YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// Log a contact with the driver.
    Contact {
        id: String,
        /// phone | wechat | visit | family
        #[arg(long, default_value = "phone")]
        channel: String,
        /// The contact did not get through.
        #[arg(long = "not-reached")]
        not_reached: bool,
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// Where the driver is now, if moved (province first).
        #[arg(long)]
        location: Option<String>,
    },
    /// Overdue and lost-contact drivers.
    Alerts,
    /// Draw a spot check (随机电话抽查): `{"ids": [...]}`, same seed → same ids.
    Sample {
        #[arg(long, conflicts_with = "percent")]
        size: Option<u32>,
        #[arg(long)]
        percent: Option<u32>,
        /// Decimal digits (default: from the clock; printed).
        #[arg(long)]
        seed: Option<String>,
        #[arg(long)]
        org: Option<String>,
    },
    /// A spot check with its calls and rates per village.
    Spot { id: String },
    /// Record a spot-check call: consistent | mismatch | no_answer | dead_number.
    Call {
        /// The spot-check item id.
        item: String,
        #[arg(long)]
        outcome: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Write the 动态管理台账 (.xlsx), or with `--spot ID` a spot check's result.
    Export {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        spot: Option<String>,
        #[arg(long)]
        away: bool,
    },
    /// Print 外出报告登记表 (PDF, one trip per page).
    Form {
        ids: Vec<String>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Show or change the settings ("half a year", lost-contact days).
    Settings {
        #[arg(long = "half-year-days")]
        half_year_days: Option<u32>,
        #[arg(long = "lost-days")]
        lost_days: Option<u32>,
    },
}
