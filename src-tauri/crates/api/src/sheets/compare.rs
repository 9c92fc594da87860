//! Roster comparison (摸清底数) against an outside list, and its parts exported.

use super::choices::PARTS;
use super::export::require_purpose;
use super::*;

pub(crate) fn compared(
    api: &Api,
    input: &RosterCompareInput,
) -> Result<(Arc<Table>, Mapping, Comparison), ApiError> {
    let table = api.table(&input.file, input.sheet)?;
    let store = api.store();
    let (mapping, _) = resolve(&store, &table, input.mapping.as_ref(), None)?;
    require(&mapping, &[Field::IdNumber])?;
    let rows: Vec<ListRow> = mapping
        .data_rows(&table.rows)
        .map(|(line, r)| ListRow {
            line,
            id_number: record::id_cell(mapping.get(r, Field::IdNumber)).to_string(),
            name: mapping.get(r, Field::Name).to_string(),
            phone: mapping.get(r, Field::Phone).to_string(),
            employer: mapping.get(r, Field::Employer).to_string(),
        })
        .collect();
    let c = roster::compare(store.conn(), store.today(), &rows)?;
    Ok((table, mapping, c))
}

pub(crate) fn person(p: &Person) -> RosterPerson {
    RosterPerson {
        line: p.line,
        repeats: p.repeats,
        name: p.name.clone(),
        id_number: citizen_id::mask(&p.id_number),
        county: p.county().to_string(),
        phone: match &p.phone {
            Some(ph) => phone::mask(ph),
            None => p.phone_raw.clone(),
        },
        phone_bad: p.phone_bad,
        employer: p.employer_or_ledger().to_string(),
        member_id: p.member.as_ref().map(|m| m.member_id.clone()),
        member_no: p.member.as_ref().map(|m| m.member_no.clone()),
        member_phone: p.member.as_ref().map(|m| phone::mask(&m.phone)),
        member_status: p.member.as_ref().map(|m| m.status.clone()),
        org_name: p.member.as_ref().map(|m| m.org_name.clone()),
    }
}

pub(crate) fn breakdown(b: Vec<roster::Breakdown>) -> Vec<RosterBreakdown> {
    b.into_iter()
        .map(|b| RosterBreakdown {
            key: b.key,
            label: b.label,
            total: b.total,
            members: b.members,
            not_members: b.not_members,
        })
        .collect()
}

pub(crate) fn rejected_counts(c: &Comparison) -> BTreeMap<String, u32> {
    let mut m = BTreeMap::new();
    for r in &c.rejected {
        *m.entry(r.code.to_string()).or_default() += 1;
    }
    m
}

pub(crate) fn first<'a>(it: impl Iterator<Item = &'a Person>) -> Vec<RosterPerson> {
    it.take(SCREEN_ROWS).map(person).collect()
}

pub fn roster_compare(api: &Api, input: RosterCompareInput) -> Result<RosterResult, ApiError> {
    let (table, mapping, c) = compared(api, &input)?;
    let by_county = {
        let store = api.store();
        breakdown(c.by_county(store.conn())?)
    };
    Ok(RosterResult {
        file_name: table.file_name.clone(),
        mapping: to_dto(&mapping),
        rows: c.rows,
        people: c.people.len() as u32,
        members: c.members().count() as u32,
        not_members: c.not_members().count() as u32,
        phone_differs: c.phone_differs().count() as u32,
        phone_bad: c.phone_bad().count() as u32,
        repeated_rows: c.repeated_rows,
        rejected_total: c.rejected.len() as u32,
        rejected: rejected_counts(&c),
        by_county,
        by_employer: breakdown(c.by_employer()),
        member_rows: first(c.members()),
        not_member_rows: first(c.not_members()),
        phone_differs_rows: first(c.phone_differs()),
        rejected_rows: c
            .rejected
            .iter()
            .take(SCREEN_ROWS)
            .map(|r| RosterRejected {
                line: r.line,
                name: r.name.clone(),
                id_number: citizen_id::mask(&r.id_number),
                code: r.code.into(),
                message: r.message.clone(),
            })
            .collect(),
    })
}

/// The worksheets of the comparison, and the members whose full ID they
/// hold (for the record).
pub(crate) fn roster_sheets(
    c: &Comparison,
    by_county: Vec<roster::Breakdown>,
    part: RosterPart,
    full_id: bool,
) -> (Vec<SheetOut>, Vec<String>) {
    let id = |s: &str| {
        if full_id {
            s.to_string()
        } else {
            citizen_id::mask(s)
        }
    };
    let mut revealed = Vec::new();
    let mut sheets = Vec::new();
    let want = |p: RosterPart| part == RosterPart::All || part == p;
    let people = |it: &mut dyn Iterator<Item = &Person>, revealed: &mut Vec<String>| {
        it.inspect(|p| {
            if let (true, Some(m)) = (full_id, &p.member) {
                revealed.push(m.member_id.clone());
            }
        })
        .cloned()
        .collect::<Vec<Person>>()
    };
    let s = |v: &str| v.to_string();
    if part == RosterPart::All {
        sheets.push(SheetOut {
            name: "汇总".into(),
            headers: vec![s("项目"), s("人数")],
            rows: vec![
                vec![s("名单行数"), c.rows.to_string()],
                vec![s("名单人数（重复只计一次）"), c.people.len().to_string()],
                vec![s("已入会"), c.members().count().to_string()],
                vec![s("未入会"), c.not_members().count().to_string()],
                vec![s("手机号不一致"), c.phone_differs().count().to_string()],
                vec![s("名单手机号有误"), c.phone_bad().count().to_string()],
                vec![s("身份证号无效"), c.rejected.len().to_string()],
            ],
            ..Default::default()
        });
    }
    if want(RosterPart::Members) {
        let rows = people(&mut c.members(), &mut revealed)
            .iter()
            .map(|p| {
                let m = p.member.as_ref().expect("members are matched");
                vec![
                    p.line.to_string(),
                    p.name.clone(),
                    id(&p.id_number),
                    p.phone.clone().unwrap_or_else(|| p.phone_raw.clone()),
                    m.phone.clone(),
                    m.member_no.clone(),
                    m.org_name.clone(),
                    m.status.clone(),
                    p.employer_or_ledger().to_string(),
                ]
            })
            .collect();
        sheets.push(SheetOut {
            name: "已入会".into(),
            headers: [
                "行号",
                "姓名",
                "身份证号",
                "名单手机号",
                "台账手机号",
                "会员编号",
                "所属组织",
                "状态",
                "工作单位/平台",
            ]
            .map(s)
            .to_vec(),
            rows,
            ..Default::default()
        });
    }
    if want(RosterPart::NotMembers) {
        let rows = people(&mut c.not_members(), &mut revealed)
            .iter()
            .map(|p| {
                vec![
                    p.line.to_string(),
                    p.name.clone(),
                    id(&p.id_number),
                    p.phone.clone().unwrap_or_else(|| p.phone_raw.clone()),
                    if p.phone_bad {
                        s("手机号有误")
                    } else {
                        String::new()
                    },
                    p.employer.clone(),
                    p.county().to_string(),
                    p.member
                        .as_ref()
                        .map(|m| format!("曾入会（{}，会员编号 {}）", m.status, m.member_no))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        sheets.push(SheetOut {
            name: "未入会".into(),
            headers: [
                "行号",
                "姓名",
                "身份证号",
                "手机号",
                "手机号检查",
                "工作单位/平台",
                "户籍地代码",
                "备注",
            ]
            .map(s)
            .to_vec(),
            rows,
            ..Default::default()
        });
    }
    if want(RosterPart::PhoneDiffers) {
        let rows = people(&mut c.phone_differs(), &mut revealed)
            .iter()
            .map(|p| {
                let m = p.member.as_ref().expect("matched");
                vec![
                    p.line.to_string(),
                    p.name.clone(),
                    id(&p.id_number),
                    p.phone.clone().unwrap_or_default(),
                    m.phone.clone(),
                    m.member_no.clone(),
                    m.org_name.clone(),
                ]
            })
            .collect();
        sheets.push(SheetOut {
            name: "手机号不一致".into(),
            headers: [
                "行号",
                "姓名",
                "身份证号",
                "名单手机号",
                "台账手机号",
                "会员编号",
                "所属组织",
            ]
            .map(s)
            .to_vec(),
            rows,
            ..Default::default()
        });
    }
    if want(RosterPart::PhoneBad) {
        let rows = people(&mut c.phone_bad(), &mut revealed)
            .iter()
            .map(|p| {
                vec![
                    p.line.to_string(),
                    p.name.clone(),
                    id(&p.id_number),
                    p.phone_raw.clone(),
                    p.employer_or_ledger().to_string(),
                    if p.is_member() {
                        s("已入会")
                    } else {
                        s("未入会")
                    },
                ]
            })
            .collect();
        sheets.push(SheetOut {
            name: "名单手机号有误".into(),
            headers: [
                "行号",
                "姓名",
                "身份证号",
                "名单手机号",
                "工作单位/平台",
                "入会情况",
            ]
            .map(s)
            .to_vec(),
            rows,
            ..Default::default()
        });
    }
    if want(RosterPart::Rejected) {
        sheets.push(SheetOut {
            name: "身份证号无效".into(),
            headers: [
                "行号",
                "姓名",
                "身份证号（原样）",
                "手机号",
                "工作单位/平台",
                "原因",
            ]
            .map(s)
            .to_vec(),
            rows: c
                .rejected
                .iter()
                .map(|r| {
                    vec![
                        r.line.to_string(),
                        r.name.clone(),
                        id(&r.id_number),
                        r.phone.clone(),
                        r.employer.clone(),
                        r.message.clone(),
                    ]
                })
                .collect(),
            ..Default::default()
        });
    }
    let counts = |b: &roster::Breakdown, with_key: bool| {
        let mut v = Vec::new();
        if with_key {
            v.push(b.key.clone());
        }
        v.extend([
            b.label.clone(),
            b.total.to_string(),
            b.members.to_string(),
            b.not_members.to_string(),
        ]);
        v
    };
    if want(RosterPart::ByCounty) {
        sheets.push(SheetOut {
            name: "按户籍地".into(),
            headers: ["户籍地代码", "名称", "人数", "已入会", "未入会"]
                .map(s)
                .to_vec(),
            rows: by_county.iter().map(|b| counts(b, true)).collect(),
            ..Default::default()
        });
    }
    if want(RosterPart::ByEmployer) {
        sheets.push(SheetOut {
            name: "按工作单位".into(),
            headers: ["工作单位/平台", "人数", "已入会", "未入会"]
                .map(s)
                .to_vec(),
            rows: c.by_employer().iter().map(|b| counts(b, false)).collect(),
            ..Default::default()
        });
    }
    revealed.sort();
    revealed.dedup();
    (sheets, revealed)
}

pub fn roster_export(api: &Api, input: RosterExportInput) -> Result<FileOut, ApiError> {
    let part = input.part.unwrap_or_default();
    let full_id = input.full_id.unwrap_or(false);
    require_purpose(full_id, &input.purpose)?;
    let (table, _, c) = compared(api, &input.compare)?;
    let by_county = {
        let store = api.store();
        c.by_county(store.conn())?
    };
    let (sheets, revealed) = roster_sheets(&c, by_county, part, full_id);
    let rows: usize = sheets
        .iter()
        .filter(|s| s.name != "汇总")
        .map(|s| s.rows.len())
        .sum();
    let bytes = xlsx(&sheets)?;
    let (code, label) = PARTS
        .iter()
        .find(|p| p.0 == part)
        .map(|p| (p.1, p.2))
        .unwrap_or(("all", "全部"));
    let stem = Path::new(&table.file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let label = label.split('（').next().unwrap_or(label);
    let name = format!("{stem}-比对-{label}.xlsx");
    let out = write_out(input.out.as_deref(), name, bytes, rows)?;
    let record = exports::Export {
        kind: "roster_compare".into(),
        file_name: out.file_name.clone(),
        rows: rows as u64,
        full_id,
        purpose: input.purpose.clone().filter(|p| !p.trim().is_empty()),
        filters: Some(serde_json::json!({ "compared": table.file_name, "part": code }).to_string()),
    };
    api.store()
        .transact(|tx| exports::record(tx, &record, &revealed))?;
    Ok(out)
}
