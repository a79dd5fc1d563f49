//! `cost::estimate` allocates no more than the report it returns needs.
//!
//! `allocation-counter` records the bytes this thread allocates while the
//! estimate runs; the report's own heap footprint (its vectors' capacity, its
//! owned strings and ids) is measured from the value returned. The peak of live
//! memory may exceed that footprint only by the working tables the estimate
//! keeps while it runs. This file is its own test binary with a single test.

use std::borrow::Cow;
use std::mem::size_of;

use cloudwright_core::cost::{self, CostReport, PriceBook};
use cloudwright_core::{synth, ItemRef};

// Owned or borrowed matters here, so the `Cow` itself is the argument.
#[allow(clippy::ptr_arg)]
fn cow(c: &Cow<'static, str>) -> usize {
    match c {
        Cow::Borrowed(_) => 0,
        Cow::Owned(s) => s.capacity(),
    }
}

fn item(i: &ItemRef) -> usize {
    match i {
        ItemRef::Component(id) => id.as_str().len(),
        ItemRef::Link(id) => id.as_str().len(),
        ItemRef::Container(id) => id.as_str().len(),
    }
}

/// The heap bytes the report owns. `Arc<str>` names are shared with the catalog
/// and price book, so they cost the report nothing.
fn footprint(r: &CostReport) -> usize {
    let strings = r.region.capacity() + r.region_pricing.capacity() + r.currency.capacity() + r.prices_as_of.capacity();
    let lines: usize = r
        .lines
        .iter()
        .map(|l| {
            l.component.as_ref().map_or(0, |c| c.as_str().len())
                + l.link.as_ref().map_or(0, |c| c.as_str().len())
                + cow(&l.description)
                + l.price_key.capacity()
                + l.derived.as_ref().map_or(0, cow)
        })
        .sum();
    let components: usize = r.by_component.iter().map(|c| c.component.as_str().len() + c.label.capacity()).sum();
    let savings: usize = r.savings.iter().map(|s| s.component.as_str().len() + s.option.capacity()).sum();
    let scaling: usize = r.scaling.iter().map(|s| s.component.as_str().len()).sum();
    let not_counted: usize = r
        .not_counted
        .iter()
        .map(|n| n.component.as_ref().map_or(0, |c| c.as_str().len()) + n.what.capacity() + n.reason.capacity())
        .sum();
    let diagnostics: usize = r.diagnostics.iter().map(|d| d.message.capacity() + d.item.as_ref().map_or(0, item)).sum();
    let vectors = r.lines.capacity() * size_of::<cost::LineItem>()
        + r.by_component.capacity() * size_of::<cost::ComponentCost>()
        + r.by_category.capacity() * size_of::<cost::CategoryCost>()
        + r.savings.capacity() * size_of::<cost::Saving>()
        + r.scaling.capacity() * size_of::<cost::ScalingEstimate>()
        + r.not_counted.capacity() * size_of::<cost::NotCounted>()
        + r.diagnostics.capacity() * size_of::<cloudwright_core::Diagnostic>();
    strings + lines + components + savings + scaling + not_counted + diagnostics + vectors
}

#[test]
fn estimate_allocates_little_beyond_the_report_it_returns() {
    let design = synth::design(2_000, 7);
    let book = PriceBook::builtin();
    // The catalog and price book are parsed once per process; do that first.
    drop(cost::estimate(&design, book));

    let mut report = None;
    let info = allocation_counter::measure(|| report = Some(cost::estimate(&design, book)));
    let report = report.expect("the estimate ran");
    // The report itself is still alive, so the peak includes it.
    let (total, peak, calls) = (info.bytes_total as usize, info.bytes_max as usize, info.count_total);

    let needed = footprint(&report);
    let ratio = peak as f64 / needed as f64;
    println!(
        "2,000 components: {} lines; the report owns {needed} B; the estimate held at most {peak} B ({ratio:.2}×) and \
         allocated {total} B in all, in {calls} allocations",
        report.lines.len()
    );
    assert!(report.lines.len() > 2_000, "the synthetic design is priced line by line");
    // Room for the working tables the estimate keeps while it runs (per-link flows,
    // per-component indices), which are a fraction of the report, not a multiple.
    assert!(ratio <= 1.5, "the estimate held {peak} B at its peak for a report of {needed} B ({ratio:.2}×)");
}
