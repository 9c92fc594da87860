//! `ledger orgs ...`: the org tree from the command line.

use super::*;

#[derive(Subcommand)]
pub(crate) enum OrgsCommand {
    /// All org units, parents first.
    List,
    /// Add an org unit.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        kind: String,
        /// Parent org: id or exact name.
        #[arg(long)]
        parent: Option<String>,
        #[arg(long)]
        division_code: Option<String>,
        #[arg(long)]
        join_url: Option<String>,
    },
}

pub(crate) fn run(db: &std::path::Path, cmd: OrgsCommand) -> Result<(Value, String), ApiError> {
    match cmd {
        OrgsCommand::List => {
            let api = open(db, "cli")?;
            let orgs = api.org_list()?;
            let text = orgs
                .iter()
                .map(|o| {
                    format!(
                        "{}\t{}\t{}\t{}",
                        o.id,
                        o.kind_label,
                        o.division_code.as_deref().unwrap_or("-"),
                        o.name
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok((json!({ "orgs": orgs }), text))
        }
        OrgsCommand::Add {
            name,
            kind: k,
            parent,
            division_code,
            join_url,
        } => {
            let api = open(db, "cli")?;
            let parent_id = match parent {
                Some(p) => Some(api.resolve_org(&p)?.id),
                None => None,
            };
            let org = api.org_create(OrgInput {
                parent_id,
                name,
                kind: kind(&k)?,
                division_code,
                join_url,
                employer: None,
            })?;
            let text = format!("已添加组织 {}（{}）", org.name, org.id);
            Ok((serde_json::to_value(&org).unwrap_or_default(), text))
        }
    }
}
