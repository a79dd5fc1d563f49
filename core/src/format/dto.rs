//! Data transfer objects: the exact shape of a version-1 file. Distinct from
//! the domain types so the file format can stay stable while they change.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::catalog::prop_to_json;
use crate::design::{CostSettings, Design, PropValue};

use super::{CURRENT_VERSION, FORMAT};

#[derive(Serialize)]
struct FileDto<'a> {
    format: &'static str,
    version: u64,
    name: &'a str,
    region: &'a str,
    workload: WorkloadDto,
    #[serde(skip_serializing_if = "Option::is_none")]
    cost: Option<CostDto<'a>>,
    #[serde(skip_serializing_if = "str::is_empty")]
    notes: &'a str,
    containers: Vec<ContainerDto<'a>>,
    components: Vec<ComponentDto<'a>>,
    links: Vec<LinkDto<'a>>,
}

#[derive(Serialize)]
struct WorkloadDto {
    users: u64,
    requests_per_sec: f64,
    peak_multiplier: f64,
    read_share: f64,
}

#[derive(Serialize)]
struct CostDto<'a> {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    free_tier: bool,
    #[serde(skip_serializing_if = "is_zero")]
    peak_hours_per_day: f64,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    price_overrides: &'a BTreeMap<String, f64>,
}

fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

#[derive(Serialize)]
struct ContainerDto<'a> {
    id: &'a str,
    kind: &'static str,
    label: &'a str,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    collapsed: bool,
}

#[derive(Serialize)]
struct ComponentDto<'a> {
    id: &'a str,
    kind: &'a str,
    label: &'a str,
    x: f64,
    y: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a str>,
    #[serde(skip_serializing_if = "Props::is_empty")]
    props: Props<'a>,
}

/// A component's properties, written as a JSON object straight from the
/// design's map (already in key order): no second map per component.
struct Props<'a>(&'a BTreeMap<String, PropValue>);

impl Props<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Props<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k.as_str(), prop_to_json(v))))
    }
}

#[derive(Serialize)]
struct LinkDto<'a> {
    id: &'a str,
    from: &'a str,
    to: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    protocol: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    port: Option<u16>,
    mode: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    requests_per_sec: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gb_per_month: Option<f64>,
    #[serde(skip_serializing_if = "str::is_empty")]
    label: &'a str,
}

/// `d` as JSON, one field or item per line, each line indented by `indent` per level.
pub(super) fn to_json(d: &Design, indent: &[u8]) -> String {
    let file = FileDto {
        format: FORMAT,
        version: CURRENT_VERSION,
        name: &d.name,
        region: &d.region,
        workload: WorkloadDto {
            users: d.workload.users,
            requests_per_sec: d.workload.requests_per_sec,
            peak_multiplier: d.workload.peak_multiplier,
            read_share: d.workload.read_share,
        },
        cost: (d.cost != CostSettings::default()).then_some(CostDto {
            free_tier: d.cost.free_tier,
            peak_hours_per_day: d.cost.peak_hours_per_day,
            price_overrides: &d.cost.price_overrides,
        }),
        notes: &d.notes,
        containers: d
            .containers
            .iter()
            .map(|c| ContainerDto {
                id: c.id.as_str(),
                kind: c.kind.key(),
                label: &c.label,
                x: c.rect.x,
                y: c.rect.y,
                w: c.rect.w,
                h: c.rect.h,
                parent: c.parent.as_ref().map(|p| p.as_str()),
                collapsed: c.collapsed,
            })
            .collect(),
        components: d
            .components
            .iter()
            .map(|c| ComponentDto {
                id: c.id.as_str(),
                kind: c.kind.as_str(),
                label: &c.label,
                x: c.position.x,
                y: c.position.y,
                parent: c.parent.as_ref().map(|p| p.as_str()),
                props: Props(&c.props),
            })
            .collect(),
        links: d
            .links
            .iter()
            .map(|l| LinkDto {
                id: l.id.as_str(),
                from: l.from.as_str(),
                to: l.to.as_str(),
                protocol: &l.protocol,
                port: l.port,
                mode: l.mode.key(),
                requests_per_sec: l.traffic.requests_per_sec,
                gb_per_month: l.traffic.gb_per_month,
                label: &l.label,
            })
            .collect(),
    };
    // Serialising plain structs of strings and finite numbers cannot fail;
    // a non-finite number (which validation reports) is written as null.
    // Any indent is the same formatter type, so both callers share one serialiser.
    let mut out = Vec::with_capacity(256 + 160 * (d.components.len() + d.links.len()));
    let mut json =
        serde_json::Serializer::with_formatter(&mut out, serde_json::ser::PrettyFormatter::with_indent(indent));
    if file.serialize(&mut json).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}
