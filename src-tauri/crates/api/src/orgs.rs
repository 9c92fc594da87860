//! Handlers for the organisation tree.

use ledger_core::org::OrgKind;
use ledger_store::orgs::{self, OrgFields, OrgUnit};

use crate::dto::{IdArg, Org, OrgInput, OrgKindCode, OrgUpdate};
use crate::{Api, ApiError};

pub(crate) fn kind_from_code(k: OrgKindCode) -> OrgKind {
    match k {
        OrgKindCode::County => OrgKind::County,
        OrgKindCode::Township => OrgKind::Township,
        OrgKindCode::Village => OrgKind::Village,
        OrgKindCode::Industry => OrgKind::Industry,
        OrgKindCode::Enterprise => OrgKind::Enterprise,
        OrgKindCode::Pool => OrgKind::Pool,
    }
}

fn code_from_kind(k: OrgKind) -> OrgKindCode {
    match k {
        OrgKind::County => OrgKindCode::County,
        OrgKind::Township => OrgKindCode::Township,
        OrgKind::Village => OrgKindCode::Village,
        OrgKind::Industry => OrgKindCode::Industry,
        OrgKind::Enterprise => OrgKindCode::Enterprise,
        OrgKind::Pool => OrgKindCode::Pool,
    }
}

pub(crate) fn to_dto(o: OrgUnit) -> Org {
    Org {
        id: o.id,
        parent_id: o.parent_id,
        name: o.name,
        kind: code_from_kind(o.kind),
        kind_label: o.kind.label().to_string(),
        division_code: o.division_code,
        join_url: o.join_url,
        updated_at: o.updated_at,
        employer: o.employer,
    }
}

fn fields(i: OrgInput) -> OrgFields {
    OrgFields {
        parent_id: i.parent_id,
        name: i.name,
        kind: Some(kind_from_code(i.kind)),
        division_code: i.division_code,
        join_url: i.join_url,
        employer: i.employer,
    }
}

pub fn list(api: &Api) -> Result<Vec<Org>, ApiError> {
    let store = api.store();
    Ok(orgs::list(store.conn())?.into_iter().map(to_dto).collect())
}

pub fn resolve(api: &Api, key: &str) -> Result<Org, ApiError> {
    let store = api.store();
    Ok(to_dto(orgs::resolve(store.conn(), key)?))
}

pub fn create(api: &Api, input: OrgInput) -> Result<Org, ApiError> {
    let f = fields(input);
    let org = api.store().transact(|tx| orgs::create(tx, &f))?;
    Ok(to_dto(org))
}

pub fn update(api: &Api, input: OrgUpdate) -> Result<Org, ApiError> {
    let f = fields(input.fields);
    let org = api.store().transact(|tx| orgs::update(tx, &input.id, &f))?;
    Ok(to_dto(org))
}

pub fn delete(api: &Api, input: IdArg) -> Result<(), ApiError> {
    api.store().transact(|tx| orgs::delete(tx, &input.id))?;
    Ok(())
}
