//! Finding the header row and mapping header names to member fields.
//!
//! Real sheets carry a title row or two ("XX镇货车司机入会花名册") above the
//! header, and name the same column in many ways. Headers are normalised
//! (spaces, `*` required marks, bracketed notes and colons removed,
//! full-width letters folded) and matched exactly against synonyms first,
//! then by the words they contain, each field and each column used once.

use std::collections::BTreeMap;

/// A member field a column can map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    IdNumber,
    Phone,
    Gender,
    BirthDate,
    EthnicGroup,
    OccupationGroup,
    Employer,
    LabourRelation,
    HukouAddress,
    Residence,
    JoinDate,
    PlateNumber,
    VehicleType,
    QualificationNo,
    NewEmployment,
    MigrantWorker,
    Notes,
}

impl Field {
    pub const ALL: [Field; 18] = [
        Field::Name,
        Field::IdNumber,
        Field::Phone,
        Field::Gender,
        Field::BirthDate,
        Field::EthnicGroup,
        Field::OccupationGroup,
        Field::Employer,
        Field::LabourRelation,
        Field::HukouAddress,
        Field::Residence,
        Field::JoinDate,
        Field::PlateNumber,
        Field::VehicleType,
        Field::QualificationNo,
        Field::NewEmployment,
        Field::MigrantWorker,
        Field::Notes,
    ];

    /// The code used in mappings and the API (same as the member form's field).
    pub fn code(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::IdNumber => "id_number",
            Field::Phone => "phone",
            Field::Gender => "gender",
            Field::BirthDate => "birth_date",
            Field::EthnicGroup => "ethnic_group",
            Field::OccupationGroup => "occupation_group",
            Field::Employer => "employer",
            Field::LabourRelation => "labour_relation",
            Field::HukouAddress => "hukou_address",
            Field::Residence => "residence",
            Field::JoinDate => "join_date",
            Field::PlateNumber => "plate_number",
            Field::VehicleType => "vehicle_type",
            Field::QualificationNo => "qualification_no",
            Field::NewEmployment => "new_employment",
            Field::MigrantWorker => "migrant_worker",
            Field::Notes => "notes",
        }
    }

    pub fn from_code(code: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The label the member form uses.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "姓名",
            Field::IdNumber => "身份证号",
            Field::Phone => "手机号",
            Field::Gender => "性别",
            Field::BirthDate => "出生日期",
            Field::EthnicGroup => "民族",
            Field::OccupationGroup => "职业群体",
            Field::Employer => "工作单位/平台",
            Field::LabourRelation => "劳动关系",
            Field::HukouAddress => "户籍地",
            Field::Residence => "现居住地",
            Field::JoinDate => "入会日期",
            Field::PlateNumber => "车牌号",
            Field::VehicleType => "车辆类型",
            Field::QualificationNo => "从业资格证号",
            Field::NewEmployment => "新就业形态",
            Field::MigrantWorker => "农民工",
            Field::Notes => "备注",
        }
    }

    /// Header names taken as this field when they match exactly (after
    /// normalisation).
    pub fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "姓名",
                "名字",
                "会员姓名",
                "职工姓名",
                "人员姓名",
                "驾驶员姓名",
                "司机姓名",
                "骑手姓名",
                "从业人员姓名",
            ],
            Field::IdNumber => &[
                "身份证号",
                "身份证号码",
                "公民身份号码",
                "公民身份证号码",
                "公民身份证号",
                "居民身份证号码",
                "居民身份证号",
                "身份证件号码",
                "身份证",
                "证件号码",
                "证件号",
                "身份证编号",
            ],
            Field::Phone => &[
                "手机",
                "手机号",
                "手机号码",
                "联系电话",
                "电话",
                "电话号码",
                "联系方式",
                "移动电话",
                "联系手机",
                "本人电话",
                "手机号码联系电话",
            ],
            Field::Gender => &["性别"],
            Field::BirthDate => &["出生日期", "出生年月", "出生年月日", "生日"],
            Field::EthnicGroup => &["民族"],
            Field::OccupationGroup => &[
                "职业",
                "职业群体",
                "从业类型",
                "职业类别",
                "职业类型",
                "群体类别",
                "人员类别",
                "从业类别",
                "岗位",
                "工种",
            ],
            Field::Employer => &[
                "工作单位",
                "单位",
                "平台",
                "所在单位",
                "工作单位/平台",
                "工作单位平台",
                "单位名称",
                "所属平台",
                "所属单位",
                "所属企业",
                "所在企业",
                "就业单位",
                "服务平台",
                "挂靠单位",
                "所属公司",
                "公司",
                "企业名称",
            ],
            Field::LabourRelation => &["劳动关系", "用工形式", "用工关系", "用工方式"],
            Field::HukouAddress => &["户籍地", "户籍地址", "户籍所在地", "户口所在地"],
            Field::Residence => &[
                "现居住地",
                "居住地",
                "现住址",
                "居住地址",
                "现居住地址",
                "家庭住址",
                "住址",
                "家庭地址",
            ],
            Field::JoinDate => &["入会日期", "入会时间", "入会年月"],
            Field::PlateNumber => &["车牌号", "车牌号码", "车牌", "号牌号码"],
            Field::VehicleType => &["车辆类型", "车型", "车辆类别"],
            Field::QualificationNo => &[
                "从业资格证号",
                "从业资格证号码",
                "从业资格证",
                "资格证号",
                "从业资格证编号",
            ],
            Field::NewEmployment => &["新就业形态", "新就业形态劳动者", "是否新就业形态劳动者"],
            Field::MigrantWorker => &["农民工", "是否农民工"],
            Field::Notes => &["备注", "说明", "备注说明"],
        }
    }

    /// Words that make a header this field when no exact synonym matched.
    fn words(self) -> &'static [&'static str] {
        match self {
            Field::Name => &["姓名"],
            Field::IdNumber => &["身份证", "身份号码", "证件号"],
            Field::Phone => &["手机", "电话"],
            Field::Gender => &["性别"],
            Field::BirthDate => &["出生"],
            Field::EthnicGroup => &["民族"],
            Field::OccupationGroup => &["职业", "从业类型"],
            Field::Employer => &["单位", "平台", "企业", "公司"],
            Field::LabourRelation => &["劳动关系", "用工"],
            Field::HukouAddress => &["户籍", "户口"],
            Field::Residence => &["居住", "住址"],
            Field::JoinDate => &["入会日期", "入会时间"],
            Field::PlateNumber => &["车牌", "号牌"],
            Field::VehicleType => &["车型", "车辆类型"],
            Field::QualificationNo => &["资格证"],
            Field::NewEmployment => &["新就业"],
            Field::MigrantWorker => &["农民工"],
            Field::Notes => &["备注"],
        }
    }
}

/// Which row is the header, and which column holds each field. Columns are
/// 0-based indexes into the table's rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// 0-based index of the header row; data starts on the next row.
    pub header_row: usize,
    pub columns: BTreeMap<Field, usize>,
}

impl Mapping {
    /// The text of `field` in `row`, `""` when unmapped or absent.
    pub fn get<'r>(&self, row: &'r [String], field: Field) -> &'r str {
        self.columns
            .get(&field)
            .and_then(|&c| row.get(c))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The data rows after the header as `(sheet line number, cells)`,
    /// skipping rows with nothing in any mapped column.
    pub fn data_rows<'t>(
        &'t self,
        rows: &'t [Vec<String>],
    ) -> impl Iterator<Item = (u32, &'t [String])> + 't {
        rows.iter()
            .enumerate()
            .skip(self.header_row + 1)
            .filter(move |(_, r)| {
                self.columns
                    .values()
                    .any(|&c| r.get(c).is_some_and(|v| !v.is_empty()))
            })
            .map(|(i, r)| (i as u32 + 1, r.as_slice()))
    }
}

/// Header text reduced to what matters: no spaces, no `*` or `:` marks, no
/// bracketed notes ("身份证号码（18位）"), full-width letters folded.
pub fn normalize_header(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        };
        match c {
            '(' | '[' | '【' | '〔' => depth += 1,
            ')' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || matches!(c, '*' | ':' | '：' | '※' | '\u{200B}') => {}
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// Map one header row: exact synonyms first, then contained words, each
/// field and each column at most once, leftmost column first.
pub fn map_header(cells: &[String]) -> BTreeMap<Field, usize> {
    let names: Vec<String> = cells.iter().map(|c| normalize_header(c)).collect();
    let mut out: BTreeMap<Field, usize> = BTreeMap::new();
    let mut used = vec![false; names.len()];
    for (i, n) in names.iter().enumerate() {
        if n.is_empty() {
            continue;
        }
        if let Some(f) = Field::ALL
            .into_iter()
            .find(|f| !out.contains_key(f) && f.synonyms().contains(&n.as_str()))
        {
            out.insert(f, i);
            used[i] = true;
        }
    }
    for f in Field::ALL {
        if out.contains_key(&f) {
            continue;
        }
        if let Some(i) = names.iter().enumerate().position(|(i, n)| {
            !used[i] && n.chars().count() <= 12 && f.words().iter().any(|w| n.contains(w))
        }) {
            out.insert(f, i);
            used[i] = true;
        }
    }
    out
}

/// How far down a header is looked for.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// The least score a row needs to be taken for the header (see [`detect`]).
pub const MIN_HEADER_SCORE: usize = 2;

/// Find the header row among the first rows: the one whose cells map to
/// the most fields (exact synonyms counting double). A row needs a score of
/// at least [`MIN_HEADER_SCORE`]: one exact header or two loose ones, so that
/// a lone cell that merely contains a word (a title such as "驾驶员名单")
/// is not taken for the header. `None` when no row qualifies; the cadre then
/// picks the header row by hand.
pub fn detect(rows: &[Vec<String>]) -> Option<Mapping> {
    let mut best: Option<(usize, Mapping)> = None;
    for (i, row) in rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let columns = map_header(row);
        if columns.is_empty() {
            continue;
        }
        let score: usize = columns
            .iter()
            .map(|(f, &c)| {
                if f.synonyms().contains(&normalize_header(&row[c]).as_str()) {
                    2
                } else {
                    1
                }
            })
            .sum();
        if score >= MIN_HEADER_SCORE && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((
                score,
                Mapping {
                    header_row: i,
                    columns,
                },
            ));
        }
    }
    best.map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn synonyms_and_decorations_map() {
        let m = map_header(&row(&[
            "序号",
            "* 姓 名",
            "公民身份号码（18位）",
            "联系电话",
            "所在单位",
            "从业类型",
        ]));
        assert_eq!(m[&Field::Name], 1);
        assert_eq!(m[&Field::IdNumber], 2);
        assert_eq!(m[&Field::Phone], 3);
        assert_eq!(m[&Field::Employer], 4);
        assert_eq!(m[&Field::OccupationGroup], 5);
        assert_eq!(m.len(), 5);
    }

    #[test]
    fn exact_names_win_over_contained_words() {
        let m = map_header(&row(&["紧急联系人电话", "姓名", "手机号码"]));
        assert_eq!(m[&Field::Phone], 2);
    }

    #[test]
    fn the_header_is_found_below_title_rows() {
        let rows = vec![
            row(&["城关镇2026年货车司机入会花名册"]),
            row(&["填报单位：城关镇工会", "", "", "填报日期：2026-11-01"]),
            row(&["序号", "姓名", "身份证号", "手机号", "工作单位"]),
            row(&["1", "张三", "11010519491231002X", "13800138000", "满帮"]),
        ];
        let m = detect(&rows).unwrap();
        assert_eq!(m.header_row, 2);
        let data: Vec<u32> = m.data_rows(&rows).map(|(l, _)| l).collect();
        assert_eq!(data, vec![4]);
        assert_eq!(m.get(&rows[3], Field::Employer), "满帮");
    }

    #[test]
    fn a_lone_loose_word_is_no_header() {
        // "电话簿" merely contains 电话: on its own it is a title, not a header.
        let rows = vec![
            row(&["城关镇电话簿"]),
            row(&["张三", "11010519491231002X", "13800138000"]),
        ];
        assert!(detect(&rows).is_none());
        // One exact header is enough.
        let rows = vec![row(&["手机号"]), row(&["13800138000"])];
        assert_eq!(detect(&rows).unwrap().header_row, 0);
    }
}
