//! Files of the outbound reports: the 动态管理台账 (.xlsx), the spot-check
//! result (.xlsx) and the 外出报告登记表 (PDF, one trip per page).
//!
//! IDs and phones are masked in the ledger (it circulates between the
//! village, the township and the county); the spot-check sheet keeps the
//! road phone whole, since it is the list the checker rings.

use ledger_core::outbound::TripStatus;
use ledger_core::{citizen_id, phone};
use ledger_print::OutboundForm;
use ledger_sheets::write::{SheetOut, Tone};
use ledger_store::outbound;

use super::dto::{OutboundExportInput, OutboundFormInput, SpotExportInput};
use super::list::{dest_label, filtered, row};
use super::spot::detail_of;
use crate::dto::{FileOut, PdfOut};
use crate::print::fonts::fonts;
use crate::print::{deliver, out_path, print_err, safe_name};
use crate::sheets::{write_out, xlsx};
use crate::{Api, ApiError};

/// The most forms in one PDF.
const MAX_FORMS: usize = 500;

fn o(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn tone(status: TripStatus) -> Tone {
    match status {
        TripStatus::Lost => Tone::Bad,
        TripStatus::Overdue => Tone::Warn,
        TripStatus::Back => Tone::Good,
        _ => Tone::Plain,
    }
}

/// 货车司机动态管理台账: every trip the filters select, one row each.
pub fn export(api: &Api, input: OutboundExportInput) -> Result<FileOut, ApiError> {
    let store = api.store();
    let (trips, lens) = filtered(&store, &input.query)?;
    let headers = [
        "序号",
        "姓名",
        "会员编号",
        "身份证号",
        "所属工会",
        "车牌号",
        "车辆类型",
        "外出日期",
        "预计返回",
        "实际返回",
        "流入地",
        "详细地址",
        "物流园区/企业/平台",
        "在外电话",
        "现在位置",
        "最近联系",
        "外出状态",
        "报告状态",
        "配偶",
        "子女",
        "留守老人",
        "需帮助解决的困难",
        "紧急联系人",
        "关系",
        "紧急联系电话",
        "受理干部",
        "报告日期",
    ];
    let status_col = headers.iter().position(|h| *h == "外出状态");
    let mut rows = Vec::with_capacity(trips.len());
    let mut tones = Vec::with_capacity(trips.len());
    for (i, t) in trips.iter().enumerate() {
        let r = row(t, lens);
        let f = &t.form;
        tones.push(tone(lens.status(t)));
        rows.push(vec![
            (i + 1).to_string(),
            t.member_name.clone(),
            t.member_no.clone(),
            citizen_id::mask(&t.member_id_number),
            t.org_name.clone(),
            f.plate_number.clone(),
            o(&f.vehicle_type),
            f.departure.to_string(),
            f.expected_return.to_string(),
            o(&r.returned_on),
            r.dest_label.clone(),
            o(&f.dest_address),
            o(&f.dest_park),
            phone::mask(&f.road_phone),
            r.current_location.clone(),
            o(&r.last_contact_on),
            r.status_label.clone(),
            r.state_label.clone(),
            o(&f.family_spouse),
            o(&f.family_children),
            o(&f.family_elderly),
            o(&f.family_needs),
            o(&f.emergency_name),
            o(&f.emergency_relation),
            f.emergency_phone
                .as_deref()
                .map(phone::mask)
                .unwrap_or_default(),
            o(&f.reported_by),
            f.reported_on.to_string(),
        ]);
    }
    let today = lens.today;
    let bytes = xlsx(&[SheetOut {
        name: "动态管理台账".into(),
        title: Some(format!(
            "货车司机动态管理台账（{today}，共{}条）",
            rows.len()
        )),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
        tones,
        tone_col: status_col,
    }])?;
    drop(store);
    let n = trips.len();
    write_out(
        input.out.as_deref(),
        format!("货车司机动态管理台账-{today}.xlsx"),
        bytes,
        n,
    )
}

/// A spot check's result: each call, and the verification rate per village.
pub fn spot_export(api: &Api, input: SpotExportInput) -> Result<FileOut, ApiError> {
    let store = api.store();
    let d = detail_of(&store, &input.id)?;
    drop(store);
    let c = &d.check;
    // No call made yet: no rate, rather than a misleading 0%.
    let pct = |r: f64, called: u32| {
        if called == 0 {
            "未抽查".to_string()
        } else {
            format!("{:.1}%", r * 100.0)
        }
    };
    let items: Vec<Vec<String>> = d
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            vec![
                (i + 1).to_string(),
                it.org_name.clone(),
                it.member_name.clone(),
                it.plate_number.clone(),
                it.dest_label.clone(),
                it.road_phone.clone(),
                it.outcome_label.clone().unwrap_or_else(|| "未抽查".into()),
                o(&it.note),
                o(&it.called_on),
            ]
        })
        .collect();
    let tones = d
        .items
        .iter()
        .map(|it| match it.outcome.as_deref() {
            Some("consistent") => Tone::Good,
            Some("mismatch") | Some("dead_number") => Tone::Bad,
            Some(_) => Tone::Warn,
            None => Tone::Plain,
        })
        .collect();
    let mut villages: Vec<Vec<String>> = d
        .by_village
        .iter()
        .map(|v| {
            vec![
                v.org_name.clone(),
                v.drawn.to_string(),
                v.called.to_string(),
                v.consistent.to_string(),
                pct(v.rate, v.called),
            ]
        })
        .collect();
    villages.push(vec![
        "合计".into(),
        c.drawn.to_string(),
        c.called.to_string(),
        c.consistent.to_string(),
        pct(c.rate, c.called),
    ]);
    let title = format!(
        "随机电话抽查（{}，随机种子 {}，抽取 {}，总体 {} 人）",
        c.drawn_on, c.seed, c.size_spec, c.population
    );
    let bytes = xlsx(&[
        SheetOut {
            name: "抽查明细".into(),
            title: Some(title.clone()),
            headers: [
                "序号",
                "所属工会",
                "姓名",
                "车牌号",
                "流入地",
                "在外电话",
                "抽查结果",
                "备注",
                "抽查日期",
            ]
            .iter()
            .map(|h| h.to_string())
            .collect(),
            rows: items,
            tones,
            tone_col: Some(6),
        },
        SheetOut {
            name: "各村核实率".into(),
            title: Some(title),
            headers: ["所属工会", "抽取", "已抽查", "核实一致", "核实率"]
                .iter()
                .map(|h| h.to_string())
                .collect(),
            rows: villages,
            ..Default::default()
        },
    ])?;
    write_out(
        input.out.as_deref(),
        format!("随机电话抽查-{}.xlsx", c.drawn_on),
        bytes,
        d.items.len(),
    )
}

/// 外出报告登记表 of the chosen trips, in the order given.
pub fn print_forms(api: &Api, input: OutboundFormInput) -> Result<PdfOut, ApiError> {
    if input.ids.is_empty() {
        return Err(ApiError::invalid("ids", "请至少选择一份外出报告"));
    }
    if input.ids.len() > MAX_FORMS {
        return Err(ApiError::invalid(
            "ids",
            format!("一次最多打印{MAX_FORMS}份登记表，请分批打印"),
        ));
    }
    let out = out_path(input.out.as_deref())?;
    let fonts = fonts()?;
    let forms: Vec<OutboundForm> = {
        let store = api.store();
        input
            .ids
            .iter()
            .map(|id| {
                let t = outbound::get(store.conn(), id)?;
                let f = &t.form;
                Ok(OutboundForm {
                    org_name: t.org_name.clone(),
                    name: t.member_name.clone(),
                    member_no: t.member_no.clone(),
                    id_number: citizen_id::mask(&t.member_id_number),
                    phone: t.member_phone.clone(),
                    plate_number: f.plate_number.clone(),
                    vehicle_type: o(&f.vehicle_type),
                    departure: f.departure,
                    expected_return: f.expected_return,
                    destination: dest_label(&t),
                    address: o(&f.dest_address),
                    park: o(&f.dest_park),
                    road_phone: f.road_phone.clone(),
                    spouse: o(&f.family_spouse),
                    children: o(&f.family_children),
                    elderly: o(&f.family_elderly),
                    needs: o(&f.family_needs),
                    emergency_name: o(&f.emergency_name),
                    emergency_relation: o(&f.emergency_relation),
                    emergency_phone: o(&f.emergency_phone),
                    cadre: o(&f.reported_by),
                    reported_on: f.reported_on,
                    state: t.state.label().to_string(),
                    notes: o(&f.notes),
                })
            })
            .collect::<Result<_, ApiError>>()?
    };
    let pdf = ledger_print::outbound_forms_pdf(&fonts, &forms).map_err(print_err)?;
    let file_name = match forms.as_slice() {
        [one] => format!("外出报告登记表-{}.pdf", safe_name(&one.name)),
        many => format!("外出报告登记表-{}份.pdf", many.len()),
    };
    deliver(pdf, out.as_deref(), file_name, forms.len())
}
