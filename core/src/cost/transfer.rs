//! Data transfer on links, priced by where the link's ends sit: the same AZ
//! (free), across AZs ($0.01/GB each way), across Regions, to the internet, and
//! through a NAT gateway.

use crate::design::{Component, ContainerKind, Design, Link};
use rustc_hash::FxHashMap;

use crate::id::ContainerId;

use super::usage::SECONDS_PER_MONTH;
use super::{components_by_id, Charge, Ctx};

/// Where a component sits, as far as data transfer cares.
#[derive(Clone, Debug, Default)]
struct Placement {
    region: Option<ContainerId>,
    vpc: Option<ContainerId>,
    az: Option<ContainerId>,
    /// In a private or data subnet.
    private: bool,
}

/// Containers by id, to walk up from a component without scanning.
fn container_index(d: &Design) -> FxHashMap<&ContainerId, usize> {
    d.containers.iter().enumerate().map(|(i, g)| (&g.id, i)).collect()
}

fn placement(d: &Design, index: &FxHashMap<&ContainerId, usize>, c: &Component) -> Placement {
    let mut p = Placement::default();
    let mut next = c.parent.as_ref();
    // At most one step per container, so a cycle cannot loop forever.
    for _ in 0..d.containers.len() {
        let Some(g) = next.and_then(|id| index.get(id)).map(|&i| &d.containers[i]) else { break };
        next = g.parent.as_ref();
        match g.kind {
            ContainerKind::Region if p.region.is_none() => p.region = Some(g.id.clone()),
            ContainerKind::Vpc if p.vpc.is_none() => p.vpc = Some(g.id.clone()),
            ContainerKind::AvailabilityZone if p.az.is_none() => p.az = Some(g.id.clone()),
            ContainerKind::PrivateSubnet | ContainerKind::DataSubnet => p.private = true,
            _ => {}
        }
    }
    p
}

/// Outside AWS: the internet side of a link.
fn is_internet(c: &Component) -> bool {
    matches!(c.kind.as_str(), "users" | "external_saas")
}

/// The most a link is taken to carry in a month (1 EB); more is clamped and reported.
const MAX_LINK_GB: f64 = 1e9;

/// A link's GB a month: stated, or its request rate × the average response size
/// (`response_kb`); `true` when derived.
fn link_gb(ctx: &Ctx<'_>, li: usize, l: &Link, response_kb: f64) -> (f64, bool) {
    if let Some(gb) = l.traffic.gb_per_month.filter(|g| g.is_finite() && *g >= 0.0) {
        return (gb.min(MAX_LINK_GB), false);
    }
    let rate = ctx.flow.link.get(li).copied().unwrap_or(0.0);
    (rate * SECONDS_PER_MONTH * response_kb / 1e6, true)
}

pub(super) fn price_links(ctx: &mut Ctx<'_>) {
    let design = ctx.design;
    let containers = container_index(design);
    let mut placements: Vec<Option<Placement>> = vec![None; design.components.len()];
    let mut unplaced_azs = 0usize;
    let (kb, text) = ctx.assumption("avg_response_kb", 50.0);
    let assumption = format!("the requests along the link (from the workload) × {text}");
    let service_name: std::sync::Arc<str> = std::sync::Arc::from("Data transfer");
    for (li, l) in design.links.iter().enumerate() {
        if let Some(gb) = l.traffic.gb_per_month {
            if !gb.is_finite() || !(0.0..=MAX_LINK_GB).contains(&gb) {
                ctx.diagnostics.push(crate::diagnostic::Diagnostic::warning(
                    "cost-value",
                    format!("link {} carries {gb} GB a month, outside 0…{MAX_LINK_GB}; clamped", l.id),
                    Some(crate::id::ItemRef::Link(l.id.clone())),
                ));
            }
        }
        let (Some(&ia), Some(&ib)) = (ctx.flow.index.get(&l.from), ctx.flow.index.get(&l.to)) else { continue };
        if ia == ib {
            continue;
        }
        let (a, b) = (&design.components[ia], &design.components[ib]);
        for i in [ia, ib] {
            if placements[i].is_none() {
                placements[i] = Some(placement(design, &containers, &design.components[i]));
            }
        }
        let (Some(pa), Some(pb)) = (&placements[ia], &placements[ib]) else { continue };
        let (gb, derived) = link_gb(ctx, li, l, kb);
        let derived = derived.then(|| std::borrow::Cow::Owned(assumption.clone()));
        if gb <= 0.0 {
            continue;
        }
        let service = &service_name;
        let label = format!("{} → {}", a.label, b.label);
        match (is_internet(a), is_internet(b)) {
            (true, true) => {}
            (true, false) | (false, true) => {
                let aws = if is_internet(a) { b } else { a };
                // CloudFront prices its own data out and Route 53 charges per query;
                // NAT-routed traffic is priced on the gateway.
                if matches!(aws.kind.as_str(), "cloudfront" | "route53" | "nat_gateway") {
                    continue;
                }
                let mut ch = Charge::new(format!("Out to the internet: {label}"), gb, "GB", "transfer.internet");
                ch.derived = derived;
                ctx.charge(None, Some(&l.id), service, ch);
                let free = ctx.take_free(super::FreeKind::TransferOutGb, gb);
                ctx.credit_on(
                    None,
                    Some(&l.id),
                    service,
                    "Free tier: 100 GB out to the internet",
                    free,
                    "GB",
                    "transfer.internet",
                );
            }
            (false, false) => {
                if pa.region.is_some() && pb.region.is_some() && pa.region != pb.region {
                    let mut ch = Charge::new(format!("Between Regions: {label}"), gb, "GB", "transfer.inter_region");
                    ch.derived = derived;
                    ctx.charge(None, Some(&l.id), service, ch);
                } else if pa.az.is_some() && pb.az.is_some() && pa.az != pb.az {
                    let mut ch = Charge::new(
                        format!("Between AZs, both directions: {label}"),
                        2.0 * gb,
                        "GB",
                        "transfer.inter_az",
                    );
                    ch.derived = derived;
                    ctx.charge(None, Some(&l.id), service, ch);
                } else if (pa.vpc.is_some() && pb.vpc.is_some()) && (pa.az.is_none() || pb.az.is_none()) {
                    unplaced_azs += 1;
                }
            }
        }
    }
    if unplaced_azs > 0 {
        ctx.not_counted(
            None,
            &format!(
                "Transfer between AZs on {unplaced_azs} link(s) whose ends are not drawn inside Availability Zones"
            ),
        );
    }
}

/// GB a month a NAT gateway processes: links leaving it, plus links from private
/// subnets of its VPC to anything outside that VPC (shared among the VPC's gateways).
pub(super) fn nat_processed_gb(ctx: &Ctx<'_>, nat: &Component) -> f64 {
    let design = ctx.design;
    let by_id = components_by_id(design);
    let containers = container_index(design);
    let nat_vpc = placement(design, &containers, nat).vpc;
    let gateways = design
        .components
        .iter()
        .filter(|c| c.kind.as_str() == "nat_gateway" && placement(design, &containers, c).vpc == nat_vpc)
        .count()
        .max(1) as f64;
    let kb = ctx.book.assumption("avg_response_kb", 50.0);
    let mut gb = 0.0;
    for (li, l) in design.links.iter().enumerate() {
        let (Some(a), Some(b)) = (by_id.get(&l.from), by_id.get(&l.to)) else { continue };
        if a.id == nat.id {
            gb += link_gb(ctx, li, l, kb).0;
            continue;
        }
        if b.id == nat.id || b.kind.as_str() == "nat_gateway" || b.kind.as_str() == "users" {
            continue;
        }
        let (pa, pb) = (placement(design, &containers, a), placement(design, &containers, b));
        let leaves_vpc = pa.vpc.is_some() && pb.vpc != pa.vpc;
        if pa.private && leaves_vpc && (nat_vpc.is_none() || pa.vpc == nat_vpc) {
            gb += link_gb(ctx, li, l, kb).0 / gateways;
        }
    }
    gb
}
