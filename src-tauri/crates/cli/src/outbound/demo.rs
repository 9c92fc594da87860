//! Demo trips for `ledger demo`: drivers away, overdue, lost, back, a
//! draft, a returned report, and a spot check.

use chrono::Duration;
use ledger_api::dto::MemberListQuery;
use ledger_api::outbound::dto::{
    OutboundBackInput, OutboundContactInput, OutboundFields, OutboundInput, OutboundReasonInput,
    SpotDrawInput, SpotRecordInput,
};
use ledger_api::{Api, ApiError};

use super::{destination, ids};

/// A demo trip: (days from today to departure, planned length, destination,
/// park, what happens after it is recorded).
struct DemoTrip {
    leave: i64,
    days: i64,
    dest: &'static str,
    park: &'static str,
    vehicle: &'static str,
    family: (&'static str, &'static str, &'static str),
    then: &'static [Step],
}

#[derive(Clone, Copy)]
enum Step {
    Report,
    File,
    Return(&'static str),
    /// A contact `n` days ago; reached or not; a new location.
    Contact(i64, bool, Option<&'static str>),
    /// Came home `n` days ago.
    Back(i64),
}

const DEMO_TRIPS: [DemoTrip; 8] = [
    DemoTrip {
        leave: -40,
        days: 190,
        dest: "新疆乌鲁木齐市米东区 古牧地东路",
        park: "示例国际陆港物流园",
        vehicle: "重型半挂牵引车",
        family: (
            "妻子在家务农",
            "一子一女，均在镇中学就读",
            "父亲七十岁，患高血压",
        ),
        then: &[Step::Report, Step::File, Step::Contact(10, true, None)],
    },
    DemoTrip {
        leave: -20,
        days: 200,
        dest: "浙江省宁波市北仑区",
        park: "示例港城物流园",
        vehicle: "重型厢式货车",
        family: ("妻子在县城务工", "一子，三岁", ""),
        then: &[Step::Report],
    },
    DemoTrip {
        leave: -200,
        days: 188,
        dest: "广东省广州市白云区",
        park: "示例平台广州分拨中心",
        vehicle: "重型半挂牵引车",
        family: ("", "两个孩子由爷爷奶奶照看", "父母均七十多岁"),
        then: &[Step::Report, Step::File, Step::Contact(30, true, None)],
    },
    DemoTrip {
        leave: -150,
        days: 180,
        dest: "内蒙古鄂尔多斯市东胜区",
        park: "示例煤炭物流园",
        vehicle: "重型自卸货车",
        family: ("妻子在家", "一女，读小学", "母亲独居"),
        then: &[Step::Report, Step::File, Step::Contact(5, false, None)],
    },
    DemoTrip {
        leave: -220,
        days: 180,
        dest: "江苏省苏州市吴江区",
        park: "示例冷链物流中心",
        vehicle: "冷藏车",
        family: ("妻子在家", "", ""),
        then: &[Step::Report, Step::File, Step::Back(35)],
    },
    DemoTrip {
        leave: 7,
        days: 183,
        dest: "四川省成都市新都区",
        park: "示例西部物流港",
        vehicle: "重型仓栅式货车",
        family: ("妻子在家照顾老人", "一子，读高中", "岳母卧病在床"),
        then: &[],
    },
    DemoTrip {
        leave: -3,
        days: 185,
        dest: "山东省临沂市兰山区",
        park: "示例商城物流园",
        vehicle: "中型厢式货车",
        family: ("", "", ""),
        then: &[
            Step::Report,
            Step::Return("缺少紧急联系人电话，请补充后重新上报"),
        ],
    },
    DemoTrip {
        leave: -60,
        days: 180,
        dest: "新疆哈密市伊州区",
        park: "示例能源物流园",
        vehicle: "重型半挂牵引车",
        family: ("妻子在镇上开小卖部", "一子，读初中", ""),
        then: &[
            Step::Report,
            Step::File,
            Step::Contact(8, true, Some("甘肃省酒泉市肃州区")),
        ],
    },
];

/// Add a handful of realistic trips for the demo's truck drivers: some
/// away, one overdue, one lost contact, one back, drafts and filed ones,
/// and a spot check. Returns the number of trips.
pub fn demo(api: &Api) -> Result<usize, ApiError> {
    let drivers = api.member_list(MemberListQuery {
        group: Some("货车司机".into()),
        page_size: Some(DEMO_TRIPS.len() as u32),
        ..Default::default()
    })?;
    let today = api.outbound_today();
    let day = |d: i64| (today + Duration::days(d)).to_string();
    let relations = ["配偶", "父母", "兄弟姐妹", "子女"];
    let mut n = 0;
    for (i, (t, m)) in DEMO_TRIPS.iter().zip(drivers.rows.iter()).enumerate() {
        let place = destination(t.dest)?;
        let reported = (today + Duration::days(t.leave.min(0) - 3)).min(today);
        let opt = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        let trip = api.outbound_create(OutboundInput {
            member_id: Some(m.id.clone()),
            member: None,
            fields: OutboundFields {
                plate_number: format!("甘D{:05}", 52_301 + i * 1_137),
                vehicle_type: Some(t.vehicle.into()),
                departure_date: day(t.leave),
                expected_return: day(t.leave + t.days),
                dest_province: place.province,
                dest_city: place.city,
                dest_county: place.county,
                dest_address: place.address,
                dest_park: Some(t.park.into()),
                family_spouse: opt(t.family.0),
                family_children: opt(t.family.1),
                family_elderly: opt(t.family.2),
                family_needs: (i % 3 == 0).then(|| "冬季取暖和孩子上学接送有困难".to_string()),
                emergency_name: (i != 6).then(|| format!("{}家属", m.name)),
                emergency_relation: (i != 6).then(|| relations[i % 4].to_string()),
                emergency_phone: (i != 6).then(|| format!("136{:08}", 20_000_000 + i * 4_409)),
                reported_on: Some(reported.to_string()),
                notes: Some("示例数据，可删除".into()),
                ..Default::default()
            },
            submit: Some(false),
        })?;
        let id = trip.row.id.clone();
        for step in t.then {
            match *step {
                Step::Report => {
                    api.outbound_report(ids(vec![id.clone()]))?;
                }
                Step::File => {
                    api.outbound_file(ids(vec![id.clone()]))?;
                }
                Step::Return(reason) => {
                    api.outbound_return(OutboundReasonInput {
                        id: id.clone(),
                        reason: reason.into(),
                    })?;
                }
                Step::Back(ago) => {
                    api.outbound_back(OutboundBackInput {
                        id: id.clone(),
                        date: Some(day(-ago)),
                    })?;
                }
                Step::Contact(ago, reached, moved) => {
                    let loc = moved.map(destination).transpose()?;
                    api.outbound_contact_add(OutboundContactInput {
                        trip_id: id.clone(),
                        date: Some(day(-ago)),
                        channel: if reached { "wechat" } else { "phone" }.into(),
                        reached,
                        note: Some(
                            if reached {
                                "本人回复，一切正常"
                            } else {
                                "电话无人接听"
                            }
                            .into(),
                        ),
                        new_province: loc.as_ref().map(|l| l.province.clone()),
                        new_city: loc.as_ref().and_then(|l| l.city.clone()),
                        new_county: loc.as_ref().and_then(|l| l.county.clone()),
                        new_address: None,
                    })?;
                }
            }
        }
        n += 1;
    }
    if n > 0 {
        let check = api.outbound_spot_draw(SpotDrawInput {
            size: Some(3),
            seed: Some("20261123".into()),
            notes: Some("示例抽查".into()),
            ..Default::default()
        })?;
        if let Some(first) = check.items.first() {
            api.outbound_spot_record(SpotRecordInput {
                item_id: first.id.clone(),
                outcome: "consistent".into(),
                note: Some("本人接听，信息一致".into()),
                date: None,
            })?;
        }
    }
    Ok(n)
}
