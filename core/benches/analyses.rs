//! Benchmarks of the core's analyses on synthetic designs of growing size.
//! `cargo bench -p cloudwright-core` (figures go in BENCHMARKS.md).

use std::hint::black_box;

use cloudwright_core::cost::{estimate, PriceBook};
use cloudwright_core::resilience::{assess, Policy};
use cloudwright_core::{export, import, synth, validate, Catalog};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

const SIZES: [usize; 4] = [10, 200, 2_000, 20_000];

fn analyses(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let book = PriceBook::builtin();
    let policy = Policy::tier("critical").unwrap_or_else(|| Policy { name: "none".into(), targets: [None; 4] });
    for n in SIZES {
        let design = synth::design(n, 42);
        let file = export(&design);
        let mut group = c.benchmark_group(format!("{n} components"));
        if n >= 20_000 {
            group.sample_size(10);
        }
        group.bench_function(BenchmarkId::new("import", n), |b| b.iter(|| import(black_box(&file), catalog)));
        group.bench_function(BenchmarkId::new("export", n), |b| b.iter(|| export(black_box(&design))));
        group.bench_function(BenchmarkId::new("validate", n), |b| b.iter(|| validate(black_box(&design), catalog)));
        group.bench_function(BenchmarkId::new("cost::estimate", n), |b| b.iter(|| estimate(black_box(&design), book)));
        // What the app works out after each edit to know whether to run the analyses again.
        group.bench_function(BenchmarkId::new("analysis_digest", n), |b| {
            b.iter(|| black_box(&design).analysis_digest())
        });
        group.bench_function(BenchmarkId::new("layout::auto_layout", n), |b| {
            b.iter(|| cloudwright_core::layout::auto_layout(black_box(&design)))
        });
        group.bench_function(BenchmarkId::new("resilience::assess", n), |b| {
            b.iter(|| assess(black_box(&design), &policy))
        });
        // One step of a drag of everything (select all, then drag): a move of every component.
        let moves: Vec<_> = design
            .components
            .iter()
            .map(|c| (c.id.clone().into(), cloudwright_core::Point::new(c.position.x + 20.0, c.position.y)))
            .collect();
        group.bench_function(BenchmarkId::new("move every component", n), |b| {
            b.iter_batched(
                || (design.clone(), cloudwright_core::Command::Move { moves: moves.clone() }),
                |(mut d, command)| command.apply(&mut d),
                criterion::BatchSize::LargeInput,
            )
        });
        // A press on a selection of everything: where each item starts (`Command::translate`).
        let everything: Vec<cloudwright_core::ItemRef> =
            design.components.iter().map(|c| c.id.clone().into()).collect();
        group.bench_function(BenchmarkId::new("translate every component", n), |b| {
            b.iter(|| cloudwright_core::Command::translate(black_box(&design), &everything, 20.0, 0.0))
        });
        group.finish();
    }
}

/// Every export format (`exports::write`, as the CLI and the worker call it) on 2,000 components,
/// and the worker's whole round of a resilience question at 200 (decode, import, assess, answer).
fn exports(c: &mut Criterion) {
    use cloudwright_core::exports::{write, Format};
    let catalog = Catalog::builtin();
    let policy = Policy::tier("critical").unwrap_or_else(|| Policy { name: "none".into(), targets: [None; 4] });
    let design = synth::design(2_000, 42);
    let mut group = c.benchmark_group("exports (2000 components)");
    for f in Format::ALL {
        group.bench_function(BenchmarkId::new("write", f.key()), |b| {
            b.iter(|| write(f, black_box(&design), catalog, &policy))
        });
    }
    group.finish();
    use cloudwright_core::protocol::{Envelope, Request};
    let request = Request::Assess { design: export(&synth::design(200, 42)), policy: "critical".into() };
    let question = Envelope { id: 1, request }.to_bytes().unwrap_or_default();
    c.bench_function("protocol::answer_bytes assess (200 components)", |b| {
        b.iter(|| cloudwright_core::protocol::answer_bytes(black_box(&question)))
    });
}

fn planning(c: &mut Criterion) {
    let mut group = c.benchmark_group("migration::plan");
    for n in [8, 50, 500] {
        let (estate, constraints) = synth::estate(n, 42);
        group.bench_function(BenchmarkId::new("services", n), |b| {
            b.iter(|| cloudwright_core::migration::plan(black_box(&estate), &constraints))
        });
    }
    group.finish();
}

fn solving(c: &mut Criterion) {
    let mut group = c.benchmark_group("solver::solve");
    for s in cloudwright_core::scenario::Scenario::all() {
        group.bench_function(BenchmarkId::new("scenario", &s.key), |b| {
            b.iter(|| cloudwright_core::solver::solve(black_box(&s.requirements)))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("scenario::grade");
    for s in cloudwright_core::scenario::Scenario::all() {
        let reference = s.reference();
        group.bench_function(BenchmarkId::new("reference", &s.key), |b| {
            b.iter(|| cloudwright_core::scenario::grade(black_box(&reference), s))
        });
    }
    group.finish();
}

criterion_group!(benches, analyses, exports, planning, solving);
criterion_main!(benches);
