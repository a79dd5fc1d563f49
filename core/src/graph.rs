//! The link graph of a design, for analyses that walk it. This module is the
//! only place petgraph and its indices appear; everything it returns speaks in
//! component ids.

use std::collections::{HashMap, HashSet};

use petgraph::algo::kosaraju_scc;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::Bfs;

use crate::design::{Design, Link};
use crate::id::{ComponentId, LinkId};

/// Components as nodes, links as edges. Links whose ends are missing are left out.
#[derive(Debug)]
pub struct Topology {
    graph: StableDiGraph<ComponentId, LinkId>,
    index: HashMap<ComponentId, NodeIndex>,
}

impl Topology {
    /// The graph of every link.
    pub fn new(design: &Design) -> Self {
        Self::with_links(design, |_| true)
    }

    /// The graph of the links `keep` accepts (e.g. only synchronous calls).
    pub fn with_links(design: &Design, keep: impl Fn(&Link) -> bool) -> Self {
        let mut graph = StableDiGraph::with_capacity(design.components.len(), design.links.len());
        let mut index = HashMap::with_capacity(design.components.len());
        for c in &design.components {
            index.entry(c.id.clone()).or_insert_with(|| graph.add_node(c.id.clone()));
        }
        for l in design.links.iter().filter(|l| keep(l)) {
            if let (Some(&a), Some(&b)) = (index.get(&l.from), index.get(&l.to)) {
                graph.add_edge(a, b, l.id.clone());
            }
        }
        Self { graph, index }
    }

    /// Components `id` links to directly.
    pub fn successors(&self, id: &ComponentId) -> Vec<&ComponentId> {
        let Some(&n) = self.index.get(id) else { return Vec::new() };
        self.graph.neighbors(n).filter_map(|m| self.graph.node_weight(m)).collect()
    }

    /// Links leaving `id`.
    pub fn outgoing(&self, id: &ComponentId) -> Vec<&LinkId> {
        let Some(&n) = self.index.get(id) else { return Vec::new() };
        self.graph.edges(n).map(|e| e.weight()).collect()
    }

    /// Every component reachable from any of `roots` (roots included).
    pub fn reachable_from<'a>(&self, roots: impl IntoIterator<Item = &'a ComponentId>) -> HashSet<ComponentId> {
        let mut seen = HashSet::new();
        for root in roots {
            let Some(&start) = self.index.get(root) else { continue };
            if seen.contains(root) {
                continue;
            }
            let mut bfs = Bfs::new(&self.graph, start);
            while let Some(n) = bfs.next(&self.graph) {
                if let Some(id) = self.graph.node_weight(n) {
                    seen.insert(id.clone());
                }
            }
        }
        seen
    }

    /// Groups of components that call each other in a loop, each sorted by id.
    pub fn cycles(&self) -> Vec<Vec<ComponentId>> {
        let mut out: Vec<Vec<ComponentId>> = kosaraju_scc(&self.graph)
            .into_iter()
            .filter(|scc| scc.len() > 1)
            .map(|scc| {
                let mut ids: Vec<ComponentId> =
                    scc.into_iter().filter_map(|n| self.graph.node_weight(n).cloned()).collect();
                crate::order::sort(&mut ids);
                ids
            })
            .collect();
        crate::order::sort(&mut out);
        out
    }
}
