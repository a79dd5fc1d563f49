//! Usage derived from the workload: how many requests reach each component
//! when the design does not say.
//!
//! Requests start at the `users` components (the workload's requests per second,
//! shared among them) and flow along links. A link carries every request its
//! source receives, unless the link states its own rate. A component receives
//! the sum of its incoming links. Components in a cycle get what reaches them
//! from outside it; components not reached from users get nothing. A CDN
//! answers cache hits itself: only its misses reach the origin behind it.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use crate::design::Design;
use crate::id::ComponentId;

/// The largest workload rate the model takes (as file import does); more is clamped.
pub const MAX_REQUESTS_PER_SEC: f64 = 1e8;

/// Seconds in a 730-hour month.
pub const SECONDS_PER_MONTH: f64 = 730.0 * 3600.0;

/// Request rates, in requests per second, by position in the design's lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flow<'a> {
    /// Where each component sits in `design.components`.
    pub index: FxHashMap<&'a ComponentId, usize>,
    /// Requests per second reaching each component, in `design.components` order.
    pub component: Vec<f64>,
    /// Requests per second along each link, in `design.links` order.
    pub link: Vec<f64>,
}

impl Flow<'_> {
    /// Requests per second reaching `id`.
    pub fn rate(&self, id: &ComponentId) -> f64 {
        self.index.get(id).and_then(|&i| self.component.get(i)).copied().unwrap_or(0.0)
    }
    /// Requests per month reaching `id`.
    pub fn monthly(&self, id: &ComponentId) -> f64 {
        self.rate(id) * SECONDS_PER_MONTH
    }
}

fn finite_non_negative(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

/// Derives the request flow of `design`.
pub fn derive(design: &Design) -> Flow<'_> {
    let n = design.components.len();
    let mut index: FxHashMap<&ComponentId, usize> = FxHashMap::default();
    index.reserve(n);
    for (i, c) in design.components.iter().enumerate() {
        index.entry(&c.id).or_insert(i);
    }
    // Outgoing links by source index, with their target index.
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for (li, l) in design.links.iter().enumerate() {
        if let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to)) {
            if a != b {
                out[a].push((li, b));
                indegree[b] += 1;
            }
        }
    }
    // What share of a component's requests it passes on (a CDN passes its misses).
    let catalog = crate::catalog::Catalog::builtin();
    let pass_on: Vec<f64> = design
        .components
        .iter()
        .map(|c| match c.kind.as_str() {
            "cloudfront" => catalog
                .kind("cloudfront")
                .and_then(|k| k.value(c, "cache_hit_ratio"))
                .and_then(|v| v.as_f64())
                .map_or(1.0, |hit| (1.0 - hit).clamp(0.0, 1.0)),
            _ => 1.0,
        })
        .collect();
    let users: Vec<usize> = (0..n).filter(|&i| design.components[i].kind.as_str() == "users").collect();
    let mut rate = vec![0.0f64; n];
    let mut link_rate = vec![0.0f64; design.links.len()];
    let total = finite_non_negative(design.workload.requests_per_sec).min(MAX_REQUESTS_PER_SEC);
    for &u in &users {
        rate[u] = total / users.len() as f64;
    }
    // Kahn's order over the whole graph: a component is settled once every
    // link into it has been counted. What a cycle leaves unsettled is then
    // settled in document order with what has reached it so far.
    let mut remaining = indegree.clone();
    let mut queue: VecDeque<usize> = (0..n).filter(|&i| remaining[i] == 0).collect();
    let mut settled = vec![false; n];
    let mut next_unsettled = 0;
    while let Some(i) = queue.pop_front().or_else(|| {
        while next_unsettled < n && settled[next_unsettled] {
            next_unsettled += 1;
        }
        (next_unsettled < n).then_some(next_unsettled)
    }) {
        if settled[i] {
            continue;
        }
        settled[i] = true;
        for &(li, to) in &out[i] {
            let link = &design.links[li];
            let r = link
                .traffic
                .requests_per_sec
                .map_or(rate[i] * pass_on[i], |r| finite_non_negative(r).min(MAX_REQUESTS_PER_SEC));
            link_rate[li] = r;
            if !settled[to] {
                rate[to] += r;
                remaining[to] -= 1;
                if remaining[to] == 0 {
                    queue.push_back(to);
                }
            }
        }
    }
    Flow { index, component: rate, link: link_rate }
}
