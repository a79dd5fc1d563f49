//! Exports: each format holds every component and link, and hostile labels
//! stay inert text in each.

use cloudwright_core::cost::{estimate, PriceBook};
use cloudwright_core::examples::default_design;
use cloudwright_core::exports::{cost_csv, csv_field, drawio, markdown_report, mermaid, svg};
use cloudwright_core::resilience::{assess, Policy};
use cloudwright_core::{synth, validate, Catalog, Design, Rect};

const HOSTILE: &str = "<script>alert(1)</script> | ] [x] \"q\" & =cmd\nnext";

fn hostile() -> Design {
    let mut d = default_design();
    d.name = HOSTILE.to_owned();
    for c in &mut d.components {
        c.label = HOSTILE.to_owned();
    }
    d.containers[0].label = HOSTILE.to_owned();
    d
}

#[test]
fn mermaid_has_one_service_per_component_and_one_edge_per_link() {
    let d = synth::design(200, 3);
    let text = mermaid(&d, Catalog::builtin());
    assert!(text.starts_with("architecture-beta\n"));
    assert_eq!(text.lines().filter(|l| l.trim_start().starts_with("service ")).count(), d.components.len());
    assert_eq!(text.lines().filter(|l| l.trim_start().starts_with("group ")).count(), d.containers.len());
    assert_eq!(text.lines().filter(|l| l.contains(" --> ")).count(), d.links.len());
}

#[test]
fn mermaid_labels_keep_only_what_its_syntax_allows() {
    let text = mermaid(&hostile(), Catalog::builtin());
    for line in text.lines().skip(1) {
        // One bracketed label per line at most, with nothing that could close it early.
        assert!(line.matches('[').count() <= 1 && line.matches(']').count() <= 1, "{line}");
        assert!(!line.contains('<') && !line.contains('"') && !line.contains('|'), "{line}");
    }
    assert!(text.contains("[script alert 1 /script x q & cmd next]"), "{text}");
}

#[test]
fn drawio_has_a_vertex_per_component_and_container_and_an_edge_per_link() {
    let d = synth::design(200, 3);
    let xml = drawio(&d, Catalog::builtin());
    assert_eq!(xml.matches("vertex=\"1\"").count(), d.components.len() + d.containers.len());
    assert_eq!(xml.matches("edge=\"1\"").count(), d.links.len());
    // Children of a group are placed relative to it.
    let d = default_design();
    let xml = drawio(&d, Catalog::builtin());
    assert!(
        xml.contains(r#"id="g-g2" value="VPC 10.0.0.0/16""#)
            && xml.contains(r#"parent="g-g1"><mxGeometry x="20" y="40""#),
        "{xml}"
    );
}

#[test]
fn drawio_and_svg_escape_hostile_labels() {
    let d = hostile();
    for (name, text) in [("drawio", drawio(&d, Catalog::builtin())), ("svg", svg(&d, Catalog::builtin()))] {
        assert!(!text.to_lowercase().contains("<script"), "{name} carries a script tag");
        assert!(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{name}: the label is kept as text");
    }
}

#[test]
fn svg_draws_every_component_and_link() {
    let d = synth::design(200, 3);
    let text = svg(&d, Catalog::builtin());
    assert!(text.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(text.matches("<g transform=").count(), d.components.len());
    assert_eq!(text.matches("<line ").count(), d.links.len());
}

/// The default design with the containers `ids` collapsed.
fn collapsed(ids: &[&str]) -> Design {
    let mut d = default_design();
    for g in &mut d.containers {
        g.collapsed = ids.contains(&g.id.as_str());
    }
    d
}

/// The numbers of the `attr="…"` attributes in `text`, in order.
fn numbers(text: &str, attr: &str) -> Vec<f64> {
    text.split(&format!(" {attr}=\"")).skip(1).filter_map(|t| t.split('"').next()?.parse().ok()).collect()
}

#[test]
fn svg_draws_a_collapsed_container_as_the_canvas_does() {
    // The VPC (g2) holds three subnets and, in them, the load balancer, the
    // web app and the database; only the users stay outside, in the Region.
    let text = svg(&collapsed(&["g2"]), Catalog::builtin());
    assert!(text.contains(">▸ VPC 10.0.0.0/16 (6 inside)</text>"), "{text}");
    assert!(text.contains(">Region · us-east-1</text>"), "an open frame's header: {text}");
    assert_eq!(text.matches("<g transform=").count(), 1, "only the users' box is drawn");
    for hidden in ["Load balancer", "Web app", "Orders DB", "Public subnets"] {
        assert!(!text.contains(hidden), "{hidden} is inside the collapsed VPC");
    }
    // Of the three links, the two inside the VPC go; the users' link ends on
    // the VPC's header, 26 units tall.
    assert_eq!(text.matches("<line ").count(), 1, "{text}");
    let d = default_design();
    let vpc = d.container(&"g2".into()).unwrap().rect;
    let end = (numbers(&text, "x2")[0], numbers(&text, "y2")[0]);
    let on_header = (vpc.x..=vpc.x + vpc.w).contains(&end.0) && (vpc.y..=vpc.y + 26.0).contains(&end.1);
    assert!(on_header, "{end:?} vs {vpc:?}");
    assert!(text.contains(&format!(r#"y="{}" width="{}" height="26""#, vpc.y, vpc.w)), "{text}");

    // Collapsing the Region too leaves its header and the users; the picture
    // shrinks to them.
    let text = svg(&collapsed(&["g1", "g2"]), Catalog::builtin());
    assert!(text.contains(">▸ Region · us-east-1 (7 inside)</text>") && !text.contains("VPC"), "{text}");
    let region = d.container(&"g1".into()).unwrap().rect;
    let users = d.component(&"c1".into()).unwrap().rect();
    let height = numbers(&text, "height")[0];
    let drawn = Rect::around([Rect { h: 26.0, ..region }, users]).unwrap();
    assert_eq!(height, drawn.h + 40.0, "the drawing's height is what is drawn and its margins");
    assert!(height < region.h, "{height}");

    // Nothing collapsed: every frame, box and link, as before.
    let text = svg(&default_design(), Catalog::builtin());
    assert_eq!((text.matches("<g transform=").count(), text.matches("<line ").count()), (4, 3));
    assert!(!text.contains('▸'));
}

#[test]
fn drawio_keeps_a_collapsed_container_collapsed_with_its_contents() {
    let d = collapsed(&["g2"]);
    let xml = drawio(&d, Catalog::builtin());
    assert_eq!(xml.matches("vertex=\"1\"").count(), d.components.len() + d.containers.len());
    assert_eq!(xml.matches("edge=\"1\"").count(), d.links.len());
    let vpc = xml.lines().find(|l| l.contains(r#"id="g-g2""#)).unwrap();
    assert!(vpc.contains(r#"collapsed="1""#) && vpc.contains("collapsible=1;"), "{vpc}");
    assert!(
        vpc.contains(r#"width="920" height="26" as="geometry"><mxRectangle x="20" y="40" width="920" height="#),
        "{vpc}"
    );
    assert_eq!(xml.matches("collapsed=").count(), 1, "only the VPC: {xml}");
}

#[test]
fn cost_csv_defuses_formulas_and_quotes_what_needs_it() {
    assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
    assert_eq!(csv_field("-2"), "'-2");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    let d = hostile();
    let csv = cost_csv(&d, &estimate(&d, PriceBook::builtin()));
    assert!(
        csv.contains("\"<script>alert(1)</script> | ] [x] \"\"q\"\" & =cmd\nnext\","),
        "a label with quotes and a line break is one quoted field"
    );
    let d = default_design();
    let report = estimate(&d, PriceBook::builtin());
    let csv = cost_csv(&d, &report);
    assert_eq!(csv.lines().count(), report.lines.len() + 1);
    let total: f64 = csv.lines().skip(1).map(|l| l.rsplit(',').next().unwrap().parse::<f64>().unwrap()).sum();
    assert!(
        (total - report.total_monthly).abs() < 0.01 * report.lines.len() as f64,
        "{total} vs {}",
        report.total_monthly
    );
}

#[test]
fn the_report_has_the_diagram_the_figures_and_safe_tables() {
    let d = hostile();
    let catalog = Catalog::builtin();
    let cost = estimate(&d, PriceBook::builtin());
    let policy = Policy::tier("critical").unwrap();
    let report = markdown_report(&d, catalog, &cost, &assess(&d, &policy), &validate(&d, catalog));
    assert!(report.contains("```mermaid\narchitecture-beta"));
    assert!(report.contains(&cloudwright_core::cost::format_usd(cost.total_monthly)));
    assert!(report.contains("| Region |"), "the recovery table lists each disruption");
    // A label cannot add columns or rows to a table, nor HTML.
    for line in report.lines().filter(|l| l.starts_with("| ")) {
        let header_cells = line.matches('|').count();
        assert!(header_cells == 5 || header_cells == 3 || header_cells == 6, "{line}");
        assert!(!line.contains('<'), "{line}");
    }
}

#[test]
fn the_cost_chart_has_a_bar_per_category_largest_first() {
    let d = default_design();
    let report = estimate(&d, PriceBook::builtin());
    let chart = cloudwright_core::exports::cost_chart_svg(&report);
    assert_eq!(chart.matches("class=\"cost-bar\"").count(), report.by_category.len());
    let widths: Vec<f64> = chart
        .split("class=\"cost-bar\"")
        .skip(1)
        .map(|part| part.split("width=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap())
        .collect();
    assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
    assert_eq!(widths[0], 110.0, "the largest fills the bar");
}

#[test]
fn excalidraw_has_a_box_and_text_per_component_a_frame_per_container_and_a_bound_arrow_per_link() {
    let d = synth::design(200, 3);
    let scene: serde_json::Value =
        serde_json::from_str(&cloudwright_core::exports::excalidraw(&d, Catalog::builtin())).expect("JSON");
    assert_eq!(scene["type"], "excalidraw");
    let elements = scene["elements"].as_array().expect("elements");
    let of = |t: &str| elements.iter().filter(|e| e["type"] == t).count();
    assert_eq!(of("rectangle"), d.components.len() + d.containers.len());
    assert_eq!(of("text"), d.components.len() + d.containers.len());
    assert_eq!(of("arrow"), d.links.len());
    // Every id is unique, and every binding names an element that exists.
    let ids: std::collections::HashSet<&str> = elements.iter().filter_map(|e| e["id"].as_str()).collect();
    assert_eq!(ids.len(), elements.len());
    for e in elements {
        for key in ["startBinding", "endBinding"] {
            if let Some(target) = e[key]["elementId"].as_str() {
                assert!(ids.contains(target), "{key} names {target}");
            }
        }
        if let Some(container) = e["containerId"].as_str() {
            assert!(ids.contains(container));
        }
    }
    // The same design gives the same file (stable seeds), so it diffs cleanly in git.
    assert_eq!(
        cloudwright_core::exports::excalidraw(&d, Catalog::builtin()),
        cloudwright_core::exports::excalidraw(&d, Catalog::builtin())
    );
}

#[test]
fn excalidraw_keeps_hostile_labels_as_plain_text() {
    let d = hostile();
    let scene: serde_json::Value =
        serde_json::from_str(&cloudwright_core::exports::excalidraw(&d, Catalog::builtin())).expect("valid JSON");
    let texts: Vec<&str> =
        scene["elements"].as_array().expect("elements").iter().filter_map(|e| e["text"].as_str()).collect();
    assert!(texts.iter().any(|t| t.starts_with("<script>alert(1)</script>")), "kept as text, not dropped");
    assert!(texts.iter().all(|t| !t.chars().any(|c| c.is_control() && c != '\n')));
}

#[test]
fn shorten_cuts_by_characters_and_marks_the_cut() {
    use cloudwright_core::exports::shorten;
    assert_eq!(shorten("Orders", 6), "Orders");
    assert_eq!(shorten("Orders API", 6), "Order…");
    assert_eq!(shorten("Zürich → Köln", 8), "Zürich …");
}
