//! The lists the sheet screens offer, and the preview of a file with its detected mapping.

use super::*;

pub(crate) const REASONS: [(&str, &str); 7] = [
    ("bad_length", "身份证号位数不对或未填写"),
    ("bad_checksum", "身份证号校验码错误"),
    ("bad_date", "身份证号中的出生日期无效"),
    ("bad_phone", "手机号无效或未填写"),
    ("missing_name", "姓名未填写"),
    ("missing_group", "职业群体未填写"),
    ("invalid", "其他字段不符合台账规则"),
];

/// Roster columns: (code, label, in the default roster).
pub(crate) const EXPORT_COLUMNS: [(&str, &str, bool); 23] = [
    ("member_no", "会员编号", true),
    ("name", "姓名", true),
    ("gender", "性别", true),
    ("id_number", "身份证号", true),
    ("birth_date", "出生日期", false),
    ("phone", "手机号", true),
    ("ethnic_group", "民族", false),
    ("occupation_group", "职业群体", true),
    ("employer", "工作单位/平台", true),
    ("labour_relation", "劳动关系", false),
    ("org_name", "所属组织", true),
    ("join_date", "入会日期", true),
    ("join_channel", "入会渠道", false),
    ("status", "状态", true),
    ("hukou_address", "户籍地", false),
    ("residence", "现居住地", false),
    ("new_employment", "新就业形态", false),
    ("migrant_worker", "农民工", false),
    ("plate_number", "车牌号", false),
    ("vehicle_type", "车辆类型", false),
    ("qualification_no", "从业资格证号", false),
    ("verified_on", "核实日期", false),
    ("notes", "备注", false),
];

pub(crate) const PARTS: [(RosterPart, &str, &str); 8] = [
    (RosterPart::All, "all", "全部（每部分一个工作表）"),
    (RosterPart::Members, "members", "已入会"),
    (RosterPart::NotMembers, "not_members", "未入会（待动员）"),
    (RosterPart::PhoneDiffers, "phone_differs", "手机号不一致"),
    (RosterPart::PhoneBad, "phone_bad", "名单手机号有误"),
    (RosterPart::Rejected, "rejected", "身份证号无效"),
    (RosterPart::ByCounty, "by_county", "按户籍地统计"),
    (RosterPart::ByEmployer, "by_employer", "按工作单位统计"),
];

pub fn choices() -> SheetChoices {
    let choice = |v: &str, l: &str| Choice {
        value: v.into(),
        label: l.into(),
    };
    SheetChoices {
        import_fields: Field::ALL
            .iter()
            .map(|f| SheetField {
                code: f.code().into(),
                label: f.label().into(),
                required: REQUIRED.contains(f),
            })
            .collect(),
        export_columns: EXPORT_COLUMNS
            .iter()
            .map(|(c, l, d)| ExportColumn {
                code: (*c).into(),
                label: (*l).into(),
                default: *d,
            })
            .collect(),
        import_modes: vec![
            choice("skip", "跳过已是会员的人"),
            choice("fill", "补充空白字段"),
            choice("update", "用文件内容更新"),
        ],
        roster_parts: PARTS.iter().map(|(_, c, l)| choice(c, l)).collect(),
        reasons: REASONS.iter().map(|(c, l)| choice(c, l)).collect(),
    }
}

pub fn preview(api: &Api, input: ImportPreviewInput) -> Result<ImportPreview, ApiError> {
    let table = api.table(&input.file, input.sheet)?;
    let store = api.store();
    let (mapping, source) = resolve(&store, &table, None, input.header_row)?;
    let width = table.width();
    let data: Vec<(u32, &[String])> = mapping.data_rows(&table.rows).collect();
    Ok(ImportPreview {
        file_name: table.file_name.clone(),
        format: table.format.label(),
        sheet_names: table.sheet_names.clone(),
        sheet: table.sheet as u32,
        mapping: to_dto(&mapping),
        mapping_source: source.into(),
        headers: padded(
            table
                .rows
                .get(mapping.header_row)
                .map(Vec::as_slice)
                .unwrap_or(&[]),
            width,
        ),
        title_rows: table.rows[..mapping.header_row]
            .iter()
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .map(|r| padded(r, width))
            .collect(),
        sample: data
            .iter()
            .take(10)
            .map(|(_, r)| padded(r, width))
            .collect(),
        sample_lines: data.iter().take(10).map(|(l, _)| *l).collect(),
        data_rows: data.len() as u32,
        missing: missing(&mapping, &REQUIRED),
    })
}
