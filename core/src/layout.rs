//! Auto-layout: one command that arranges a design left to right by tiers.
//!
//! Each component gets a tier: the length of the longest chain of links that
//! leads to it (callers sit left of what they call). Links that close a loop
//! are ignored for this, and components with no links at all go to a last
//! column of their own (monitoring, keys, identity: things that serve all).
//!
//! Containers are respected: a container's contents are laid out inside it,
//! and the container then takes part in its parent's layout as one block, in
//! the column of its earliest tier. Within a column, blocks keep the vertical
//! order the user gave them. Every position lands on the editor's grid.

use std::collections::HashMap;

use crate::command::Command;
use crate::design::{Design, Point, Rect, Size, COMPONENT_SIZE};
use crate::id::{ContainerId, ItemRef};

/// The grid positions snap to (the editor's).
pub const GRID: f64 = 20.0;
/// Space between columns and between blocks in a column.
const COLUMN_GAP: f64 = 80.0;
const ROW_GAP: f64 = 40.0;
/// Space between a container's frame and its contents (the header is on top).
const PAD: f64 = 20.0;
const PAD_TOP: f64 = 60.0;

fn up(v: f64) -> f64 {
    (v / GRID).ceil() * GRID
}

fn snap(v: f64) -> f64 {
    (v / GRID).round() * GRID
}

/// The tier of each component, by index into `design.components`.
pub fn tiers(design: &Design) -> Vec<usize> {
    let n = design.components.len();
    let index: HashMap<&str, usize> = design.components.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    let mut linked = vec![false; n];
    for l in &design.links {
        if let (Some(&a), Some(&b)) = (index.get(l.from.as_str()), index.get(l.to.as_str())) {
            if a != b {
                succ[a].push(b);
                indegree[b] += 1;
                linked[a] = true;
                linked[b] = true;
            }
        }
    }
    // Longest path by Kahn's algorithm. When only loops remain, the first
    // component left (in document order) is placed anyway, which drops the
    // links that close its loop.
    let mut tier = vec![0usize; n];
    let mut placed = vec![false; n];
    let mut ready: Vec<usize> = (0..n).rev().filter(|&i| indegree[i] == 0).collect();
    let mut next_forced = 0;
    let mut done = 0;
    while done < n {
        let v = match ready.pop() {
            Some(v) => v,
            None => {
                while placed[next_forced] {
                    next_forced += 1;
                }
                next_forced
            }
        };
        if placed[v] {
            continue;
        }
        placed[v] = true;
        done += 1;
        for &w in &succ[v] {
            if placed[w] {
                continue;
            }
            tier[w] = tier[w].max(tier[v] + 1);
            indegree[w] = indegree[w].saturating_sub(1);
            if indegree[w] == 0 {
                ready.push(w);
            }
        }
    }
    let last = tier.iter().zip(&linked).filter(|(_, &l)| l).map(|(t, _)| *t + 1).max().unwrap_or(0);
    for (t, l) in tier.iter_mut().zip(&linked) {
        if !l {
            *t = last;
        }
    }
    tier
}

#[derive(Clone, Copy, Debug)]
enum Block {
    Component(usize),
    Container(usize),
}

/// A laid-out level: each block's offset from the level's top-left, and its size.
struct Arrangement {
    offsets: Vec<(Block, Point)>,
    size: Size,
}

struct Layout<'a> {
    design: &'a Design,
    tiers: Vec<usize>,
    /// Blocks directly inside each container (by index), and at top level.
    children: Vec<Vec<Block>>,
    top: Vec<Block>,
    /// Each container's contents, once arranged, and its earliest tier.
    inner: Vec<Option<Arrangement>>,
    first_tier: Vec<usize>,
    visiting: Vec<bool>,
}

impl<'a> Layout<'a> {
    fn new(design: &'a Design) -> Self {
        let cindex: HashMap<&ContainerId, usize> =
            design.containers.iter().enumerate().map(|(i, g)| (&g.id, i)).collect();
        let mut children = vec![Vec::new(); design.containers.len()];
        let mut top = Vec::new();
        let mut put = |parent: Option<&ContainerId>, block: Block| match parent.and_then(|p| cindex.get(p)) {
            Some(&i) => children[i].push(block),
            None => top.push(block),
        };
        for (i, g) in design.containers.iter().enumerate() {
            put(g.parent.as_ref(), Block::Container(i));
        }
        for (i, c) in design.components.iter().enumerate() {
            put(c.parent.as_ref(), Block::Component(i));
        }
        let n = design.containers.len();
        Self {
            design,
            tiers: tiers(design),
            children,
            top,
            inner: (0..n).map(|_| None).collect(),
            first_tier: vec![usize::MAX; n],
            visiting: vec![false; n],
        }
    }

    /// Arranges container `i`'s contents (and, first, those of the containers in it).
    fn arrange_container(&mut self, i: usize) {
        if self.inner[i].is_some() || self.visiting[i] {
            return; // done, or a loop of containers (refused on import; guarded anyway)
        }
        self.visiting[i] = true;
        let blocks = self.children[i].clone();
        let arrangement = self.arrange(&blocks);
        self.first_tier[i] = blocks.iter().map(|b| self.tier_of(*b)).min().unwrap_or(usize::MAX);
        self.inner[i] = Some(arrangement);
        self.visiting[i] = false;
    }

    fn tier_of(&self, b: Block) -> usize {
        match b {
            Block::Component(i) => self.tiers[i],
            Block::Container(i) => self.first_tier[i],
        }
    }

    fn size_of(&self, b: Block) -> Size {
        match b {
            Block::Component(_) => Size { w: up(COMPONENT_SIZE.w), h: up(COMPONENT_SIZE.h) },
            Block::Container(i) => match &self.inner[i] {
                Some(a) if !a.offsets.is_empty() => Size { w: a.size.w + 2.0 * PAD, h: a.size.h + PAD_TOP + PAD },
                // An empty container keeps its size.
                _ => {
                    let r = &self.design.containers[i].rect;
                    Size { w: up(r.w), h: up(r.h) }
                }
            },
        }
    }

    fn start_of(&self, b: Block) -> Point {
        match b {
            Block::Component(i) => self.design.components[i].position,
            Block::Container(i) => self.design.containers[i].rect.origin(),
        }
    }

    /// Columns by tier, left to right; in each, blocks top to bottom in their
    /// current order, the column centred on the tallest.
    fn arrange(&mut self, blocks: &[Block]) -> Arrangement {
        for b in blocks {
            if let Block::Container(i) = *b {
                self.arrange_container(i);
            }
        }
        let mut sorted: Vec<Block> = blocks.to_vec();
        crate::order::sort_by(&mut sorted, |a, b| {
            let (pa, pb) = (self.start_of(*a), self.start_of(*b));
            self.tier_of(*a).cmp(&self.tier_of(*b)).then(pa.y.total_cmp(&pb.y)).then(pa.x.total_cmp(&pb.x))
        });
        let mut columns: Vec<Vec<Block>> = Vec::new();
        let mut last_tier = None;
        for b in sorted {
            let t = self.tier_of(b);
            match columns.last_mut() {
                Some(col) if last_tier == Some(t) => col.push(b),
                _ => columns.push(vec![b]),
            }
            last_tier = Some(t);
        }
        let sizes: Vec<Vec<Size>> = columns.iter().map(|c| c.iter().map(|b| self.size_of(*b)).collect()).collect();
        let heights: Vec<f64> =
            sizes.iter().map(|s| s.iter().map(|s| s.h).sum::<f64>() + ROW_GAP * (s.len() as f64 - 1.0)).collect();
        let height = heights.iter().copied().fold(0.0, f64::max);
        let mut offsets = Vec::with_capacity(blocks.len());
        let mut x = 0.0;
        for ((column, sizes), column_h) in columns.iter().zip(&sizes).zip(&heights) {
            let width = sizes.iter().map(|s| s.w).fold(0.0, f64::max);
            let mut y = snap((height - column_h) / 2.0);
            for (b, s) in column.iter().zip(sizes) {
                offsets.push((*b, Point::new(x + snap((width - s.w) / 2.0), y)));
                y += s.h + ROW_GAP;
            }
            x += width + COLUMN_GAP;
        }
        let width = if columns.is_empty() { 0.0 } else { x - COLUMN_GAP };
        Arrangement { offsets, size: Size { w: width, h: height } }
    }

    /// Absolute places for the blocks of `arrangement` drawn at `origin`.
    fn place(&self, arrangement: &Arrangement, origin: Point, out: &mut Placement) {
        for (b, offset) in &arrangement.offsets {
            let at = Point::new(origin.x + offset.x, origin.y + offset.y);
            match *b {
                Block::Component(i) => out.components.push((i, at)),
                Block::Container(i) => {
                    let size = self.size_of(*b);
                    out.containers.push((i, Rect::new(at.x, at.y, size.w, size.h)));
                    if let Some(inner) = &self.inner[i] {
                        self.place(inner, Point::new(at.x + PAD, at.y + PAD_TOP), out);
                    }
                }
            }
        }
    }
}

#[derive(Default)]
struct Placement {
    components: Vec<(usize, Point)>,
    containers: Vec<(usize, Rect)>,
}

/// The edit that lays `design` out, or `None` when it already is.
/// The layout starts where the design's top-left corner is now, so it stays in view.
pub fn auto_layout(design: &Design) -> Option<Command> {
    let origin = design.bounds().map_or(Point::new(0.0, 0.0), |b| Point::new(snap(b.x), snap(b.y)));
    let mut layout = Layout::new(design);
    let top = layout.top.clone();
    let arrangement = layout.arrange(&top);
    let mut placement = Placement::default();
    layout.place(&arrangement, origin, &mut placement);

    let moves: Vec<(ItemRef, Point)> = placement
        .components
        .into_iter()
        .filter(|(i, at)| design.components[*i].position != *at)
        .map(|(i, at)| (ItemRef::Component(design.components[i].id.clone()), at))
        .collect();
    let mut commands: Vec<Command> = placement
        .containers
        .into_iter()
        .filter(|(i, r)| design.containers[*i].rect != *r)
        .map(|(i, rect)| Command::Resize { id: design.containers[i].id.clone(), rect })
        .collect();
    if !moves.is_empty() {
        commands.push(Command::Move { moves });
    }
    (!commands.is_empty()).then_some(Command::Batch(commands))
}
