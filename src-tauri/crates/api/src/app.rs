//! Handlers about the app itself: info, choices, first-run setup.

use chrono::Datelike;
use ledger_core::member::{
    ETHNIC_GROUPS, JOIN_CHANNELS, LABOUR_RELATIONS, OCCUPATION_GROUPS, STATUSES, VEHICLE_TYPES,
};
use ledger_core::org::OrgKind;
use ledger_store::orgs::{self, OrgFields};
use ledger_store::settings::{self, Settings};

use crate::dto::{AppInfo, Choice, Choices, HomeSummary, OperatorInput, SettingsDto, SetupInput};
use crate::orgs::{kind_from_code, to_dto};
use crate::{Api, ApiError};

pub fn app_info(api: &Api) -> Result<AppInfo, ApiError> {
    let store = api.store();
    let office = match orgs::this_office(store.conn())? {
        Some(id) => Some(to_dto(orgs::get(store.conn(), &id)?)),
        None => None,
    };
    let rt = api.runtime();
    let show = |p: &Option<std::path::PathBuf>| p.as_ref().map(|p| p.display().to_string());
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        db_path: store.path().map(|p| p.display().to_string()),
        data_dir: show(&rt.data_dir),
        log_file: show(&rt.log_file),
        device_id: store.device_id().to_string(),
        schema_version: store.schema_version()? as u32,
        office,
        operator: store.meta("operator")?,
        transport: rt.transport.clone(),
    })
}

pub fn choices() -> Choices {
    Choices {
        org_kinds: OrgKind::ALL
            .iter()
            .map(|k| Choice {
                value: k.code().to_string(),
                label: k.label().to_string(),
            })
            .collect(),
        occupation_groups: OCCUPATION_GROUPS.iter().map(|s| s.to_string()).collect(),
        join_channels: strings(&JOIN_CHANNELS),
        labour_relations: strings(&LABOUR_RELATIONS),
        statuses: strings(&STATUSES),
        ethnic_groups: strings(&ETHNIC_GROUPS),
        vehicle_types: strings(&VEHICLE_TYPES),
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Create the chain of org units from the top level down to this office,
/// all in one transaction, and remember the last one as this office.
pub fn setup_office(api: &Api, input: SetupInput) -> Result<AppInfo, ApiError> {
    if input.levels.is_empty() {
        return Err(ApiError::invalid(
            "levels",
            "本单位：请至少填写本单位的名称和类型",
        ));
    }
    {
        let mut store = api.store();
        if orgs::this_office(store.conn())?.is_some() {
            return Err(ApiError::new(
                crate::ErrorCode::Conflict,
                "本单位已经设置过；如需修改，请到“设置 → 组织架构”中编辑",
            ));
        }
        let operator = input.operator.clone().filter(|s| !s.trim().is_empty());
        store.set_actor(operator.clone());
        let mut failed_level = None;
        let result = store.transact(|tx| {
            let mut parent: Option<String> = None;
            for (i, level) in input.levels.iter().enumerate() {
                failed_level = Some(i);
                let org = orgs::create(
                    tx,
                    &OrgFields {
                        parent_id: parent.clone(),
                        name: level.name.clone(),
                        kind: Some(kind_from_code(level.kind)),
                        division_code: level.division_code.clone(),
                        join_url: level.join_url.clone(),
                        employer: None,
                    },
                )?;
                parent = Some(org.id);
            }
            orgs::set_this_office(tx, parent.as_deref().expect("at least one level"))?;
            failed_level = None;
            if let Some(op) = &operator {
                tx.set_meta("operator", op.trim())?;
            }
            Ok(())
        });
        if let Err(e) = result {
            // Name the level: `levels.1.division_code`.
            let mut e = ApiError::from(e);
            if let (Some(i), Some(f)) = (failed_level, &e.field) {
                e.field = Some(format!("levels.{i}.{f}"));
            }
            return Err(e);
        }
    }
    app_info(api)
}

pub fn set_operator(api: &Api, input: OperatorInput) -> Result<AppInfo, ApiError> {
    let name = input.name.trim().to_string();
    if name.is_empty() {
        return Err(ApiError::invalid("name", "经办人：不能为空"));
    }
    if name.chars().count() > 20 {
        return Err(ApiError::invalid("name", "经办人：不能超过20个字"));
    }
    {
        let mut store = api.store();
        store.transact(|tx| tx.set_meta("operator", &name))?;
        store.set_actor(Some(name));
    }
    app_info(api)
}

pub fn settings_get(api: &Api) -> Result<SettingsDto, ApiError> {
    let s = settings::get(api.store().conn())?;
    Ok(SettingsDto {
        union_threshold: s.union_threshold,
        stale_days: s.stale_days,
    })
}

pub fn settings_set(api: &Api, input: SettingsDto) -> Result<SettingsDto, ApiError> {
    let s = Settings {
        union_threshold: input.union_threshold,
        stale_days: input.stale_days,
    };
    api.store().transact(|tx| settings::set(tx, &s))?;
    settings_get(api)
}

pub fn home_summary(api: &Api) -> Result<HomeSummary, ApiError> {
    let employers = crate::moves::employers(api)?;
    let pool_waiting = crate::moves::pool(api, None)?.len() as u32;
    let store = api.store();
    let stale = crate::members::stale_before(&store)?.to_string();
    let year_start = format!("{}-01-01", store.today().year());
    let c = store.conn();
    let count = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<u32, ApiError> {
        Ok(c.query_row(sql, p, |r| r.get::<_, i64>(0))
            .map_err(ledger_store::StoreError::from)? as u32)
    };
    Ok(HomeSummary {
        members_active: count("SELECT count(*) FROM members WHERE deleted = 0 AND status = '在会'", &[])?,
        members_total: count("SELECT count(*) FROM members WHERE deleted = 0", &[])?,
        joined_this_year: count(
            "SELECT count(*) FROM members WHERE deleted = 0 AND join_date >= ?1",
            &[&year_start],
        )?,
        orgs: count("SELECT count(*) FROM org_units WHERE deleted = 0", &[])?,
        stale: count(
            "SELECT count(*) FROM members WHERE deleted = 0 AND status = '在会' AND verified_on < ?1",
            &[&stale],
        )?,
        pool_waiting,
        threshold: employers.threshold,
        union_alerts: employers.rows.into_iter().filter(|e| e.alert).collect(),
    })
}
