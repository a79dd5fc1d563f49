//! The file format: round trips, and malformed or hostile files each answered
//! with a clear diagnostic and never a panic.

use cloudwright_core::examples::{default_design, EXAMPLES};
use cloudwright_core::{
    export, export_for_storage, import, Catalog, Component, ComponentId, ComponentKind, Container, ContainerId,
    ContainerKind, Design, ImportError, Imported, Link, LinkId, LinkMode, Point, PropValue, Rect, Severity,
};
use expect_test::expect;
use proptest::prelude::*;

fn open(text: &str) -> Result<Imported, ImportError> {
    import(text, Catalog::builtin())
}

/// A minimal valid file around the given components/containers/links JSON.
fn file(containers: &str, components: &str, links: &str) -> String {
    format!(
        r#"{{"format":"cloudwright","version":1,"name":"t","region":"us-east-1",
            "containers":[{containers}],"components":[{components}],"links":[{links}]}}"#
    )
}

fn repairs(text: &str) -> Vec<String> {
    match open(text) {
        Ok(i) => i.repairs.iter().map(|r| r.message.clone()).collect(),
        Err(e) => panic!("expected a repaired import, got error: {e}"),
    }
}

fn error(text: &str) -> String {
    match open(text) {
        Ok(i) => panic!("expected an error, got a design with {} components", i.design.components.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn examples_import_cleanly_and_validate_without_errors() {
    for ex in EXAMPLES {
        let imported = open(ex.file).unwrap();
        assert!(imported.repairs.is_empty(), "{}: {:?}", ex.key, imported.repairs);
        let diags = cloudwright_core::validate(&imported.design, Catalog::builtin());
        assert!(diags.iter().all(|d| d.severity != Severity::Error), "{}: {diags:?}", ex.key);
    }
}

#[test]
fn export_then_import_is_the_same_design_and_export_is_canonical() {
    let d = default_design();
    let text = export(&d);
    let back = open(&text).unwrap();
    assert_eq!(back.design, d);
    assert!(back.repairs.is_empty());
    assert_eq!(export(&back.design), text, "export is a fixed point");
}

#[test]
fn the_storage_form_is_the_same_design_unindented() {
    for ex in EXAMPLES {
        let d = open(ex.file).unwrap().design;
        let (file, stored) = (export(&d), export_for_storage(&d));
        let back = open(&stored).unwrap();
        assert!(back.repairs.is_empty(), "{}: {:?}", ex.key, back.repairs);
        assert_eq!(back.design, d, "{}", ex.key);
        assert!(stored.lines().all(|l| !l.starts_with(' ')), "{}: indented", ex.key);
        assert!(stored.len() * 5 < file.len() * 4, "{}: {} of {} bytes", ex.key, stored.len(), file.len());
    }
}

#[test]
fn export_shape_is_stable() {
    let mut d = Design { name: "Tiny".into(), ..Design::default() };
    d.containers.push(Container::new("g1".into(), ContainerKind::Vpc, "VPC", Rect::new(0.0, 0.0, 400.0, 200.0)));
    let mut c = Component::new("c1".into(), ComponentKind::new("sqs"), "Jobs", Point::new(10.0, 20.5));
    c.parent = Some("g1".into());
    c.props.insert("dead_letter_queue".into(), PropValue::Bool(true));
    d.components.push(c);
    d.components.push(Component::new("c2".into(), ComponentKind::new("lambda"), "Worker", Point::new(200.0, 20.0)));
    let mut l = Link::new("l1".into(), "c1".into(), "c2".into());
    l.mode = LinkMode::Async;
    d.links.push(l);
    expect![[r#"
        {
          "format": "cloudwright",
          "version": 1,
          "name": "Tiny",
          "region": "us-east-1",
          "workload": {
            "users": 1000,
            "requests_per_sec": 10.0,
            "peak_multiplier": 3.0,
            "read_share": 0.9
          },
          "containers": [
            {
              "id": "g1",
              "kind": "vpc",
              "label": "VPC",
              "x": 0.0,
              "y": 0.0,
              "w": 400.0,
              "h": 200.0
            }
          ],
          "components": [
            {
              "id": "c1",
              "kind": "sqs",
              "label": "Jobs",
              "x": 10.0,
              "y": 20.5,
              "parent": "g1",
              "props": {
                "dead_letter_queue": true
              }
            },
            {
              "id": "c2",
              "kind": "lambda",
              "label": "Worker",
              "x": 200.0,
              "y": 20.0
            }
          ],
          "links": [
            {
              "id": "l1",
              "from": "c1",
              "to": "c2",
              "mode": "async"
            }
          ]
        }
    "#]]
    .assert_eq(&export(&d));
}

// ---- files that cannot be opened: one clear sentence each ----

#[test]
fn empty_file() {
    assert!(error("").contains("not valid JSON"), "{}", error(""));
}

#[test]
fn truncated_json() {
    let text = export(&default_design());
    let cut = &text[..text.len() / 2];
    let e = error(cut);
    assert!(e.contains("cut short"), "{e}");
}

#[test]
fn not_an_object() {
    expect!["this is not a Cloudwright design: the file holds a JSON value, not an object"]
        .assert_eq(&error("[1,2,3]"));
}

#[test]
fn an_excalidraw_file() {
    expect!["this is not a Cloudwright design: it is an Excalidraw drawing"]
        .assert_eq(&error(r#"{"type":"excalidraw","version":2,"elements":[]}"#));
}

#[test]
fn no_format_field() {
    expect![[r#"this is not a Cloudwright design: it has no "format": "cloudwright" field"#]]
        .assert_eq(&error(r#"{"version":1,"components":[]}"#));
}

#[test]
fn another_format() {
    expect![[r#"this is not a Cloudwright design: its "format" is "drawio""#]]
        .assert_eq(&error(r#"{"format":"drawio","version":1}"#));
}

#[test]
fn a_newer_version_is_refused() {
    expect!["this design was saved by a newer Cloudwright (file version 7); this one reads up to version 1. Update Cloudwright to open it"]
        .assert_eq(&error(r#"{"format":"cloudwright","version":7,"components":[]}"#));
}

#[test]
fn version_of_the_wrong_type() {
    expect![[r#"this is not a Cloudwright design: its "version" is not a whole number of 1 or more"#]]
        .assert_eq(&error(r#"{"format":"cloudwright","version":"one"}"#));
    expect![[r#"this is not a Cloudwright design: its "version" is not a whole number of 1 or more"#]]
        .assert_eq(&error(r#"{"format":"cloudwright","version":0}"#));
}

#[test]
fn fifty_megabytes_of_nesting_is_refused_by_size() {
    let text = "[".repeat(50 * 1024 * 1024);
    expect!["the file is 50.0 MB; Cloudwright opens designs up to 10 MB"].assert_eq(&error(&text));
}

#[test]
fn deep_nesting_within_the_size_limit() {
    let text = format!(r#"{{"format":"cloudwright","version":1,"notes":{}}}"#, "[".repeat(1_000_000));
    let e = error(&text);
    assert!(e.contains("nested more than 128 levels deep"), "{e}");
}

#[test]
fn nan_is_not_json() {
    let e = error(&file("", r#"{"id":"c1","kind":"ec2","x":NaN,"y":0}"#, ""));
    assert!(e.starts_with("the file is not valid JSON (line 2"), "{e}");
}

#[test]
fn too_many_components() {
    let one = r#"{"kind":"ec2"},"#;
    let mut many = one.repeat(20_001);
    many.pop();
    expect!["the design has 20001 components; Cloudwright opens designs with up to 20000"]
        .assert_eq(&error(&file("", &many, "")));
}

// ---- files that open with repairs: every repair reported ----

#[test]
fn lists_of_the_wrong_type() {
    let text = r#"{"format":"cloudwright","version":1,"components":"many","links":{"a":1}}"#;
    expect![[r#"
        [
            "\"components\" was \"many\", not a list; ignored",
            "\"links\" was {\"a\":1}, not a list; ignored",
        ]
    "#]]
    .assert_debug_eq(&repairs(text));
}

#[test]
fn fields_of_the_wrong_type() {
    let text = file("", r#"{"id":"c1","kind":"ec2","label":42,"x":"left","y":[1],"props":"big"}"#, "");
    expect![[r#"
        [
            "component c1: \"label\" was not text; set to \"EC2 instance\"",
            "component c1: \"x\" was not a number; set to 0",
            "component c1: \"y\" was not a number; set to 0",
            "component c1: \"props\" was \"big\", not an object; defaults used",
        ]
    "#]]
    .assert_debug_eq(&repairs(&text));
}

#[test]
fn unknown_kind_is_kept_and_reported() {
    let text = file("", r#"{"id":"c1","kind":"quantum_computer","x":0,"y":0,"props":{"qubits":64}}"#, "");
    let i = open(&text).unwrap();
    assert_eq!(i.design.components[0].kind.as_str(), "quantum_computer");
    assert_eq!(i.design.components[0].props.get("qubits"), Some(&PropValue::Int(64)));
    expect![[r#"
        [
            "component c1: kind \"quantum_computer\" is unknown to this version; kept as drawn, but not analysed",
        ]
    "#]]
    .assert_debug_eq(&repairs(&text));
    assert!(!i.changed(), "keeping an unknown kind is not a change");
    let diags = cloudwright_core::validate(&i.design, Catalog::builtin());
    assert!(diags.iter().any(|d| d.code == "unknown-kind"));
}

#[test]
fn an_unknown_kind_with_control_characters_round_trips() {
    // Found by the import fuzzer: the kind became the default label uncleaned.
    let text = file("", r#"{"id":"c1","kind":"ecs_farga\u007fxx","x":0,"y":0}"#, "");
    let first = open(&text).unwrap();
    assert_eq!(first.design.components[0].kind.as_str(), "ecs_fargaxx");
    assert_eq!(first.design.components[0].label, "ecs_fargaxx");
    let again = open(&export(&first.design)).unwrap();
    assert_eq!(again.design, first.design);
    assert!(!again.changed());
    // Also found by the fuzzer: a kind cut at 64 characters must not end in a space.
    let long = format!("{}  tail", "k".repeat(62));
    let first = open(&file("", &format!(r#"{{"id":"c1","kind":"{long}","x":0,"y":0}}"#), "")).unwrap();
    assert_eq!(first.design.components[0].kind.as_str(), "k".repeat(62));
    assert_eq!(open(&export(&first.design)).unwrap().design, first.design);
}

#[test]
fn component_without_kind_is_dropped() {
    let text = file("", r#"{"id":"c1","x":0,"y":0},{"id":"c2","kind":"ec2","x":0,"y":0}"#, "");
    let i = open(&text).unwrap();
    assert_eq!(i.design.components.len(), 1);
    expect![[r#"
        [
            "component #1: kind nothing is missing or not text; dropped",
        ]
    "#]]
    .assert_debug_eq(&repairs(&text));
}

#[test]
fn dangling_and_self_links_are_dropped() {
    let comps = r#"{"id":"c1","kind":"ec2","x":0,"y":0},{"id":"c2","kind":"sqs","x":0,"y":0}"#;
    let links =
        r#"{"id":"l1","from":"c1","to":"c9"},{"id":"l2","from":"c2","to":"c2"},{"id":"l3","from":"c1","to":"c2"}"#;
    let text = file("", comps, links);
    assert_eq!(open(&text).unwrap().design.links.len(), 1);
    expect![[r#"
        [
            "link #1: from \"c1\" to \"c9\" does not join two components of this design; dropped",
            "link #2: went from c2 to itself; dropped",
        ]
    "#]]
    .assert_debug_eq(&repairs(&text));
}

#[test]
fn duplicate_ids_are_renewed() {
    let comps = r#"{"id":"c1","kind":"ec2","x":0,"y":0},{"id":"c1","kind":"sqs","x":0,"y":0}"#;
    let text = file("", comps, "");
    let d = open(&text).unwrap().design;
    assert_eq!(d.components[1].id, ComponentId::new("c2"));
    expect![[r#"
        [
            "component #2: id \"c1\" was used twice; now c2",
        ]
    "#]]
    .assert_debug_eq(&repairs(&text));
}

#[test]
fn invalid_ids_are_renewed() {
    let comps = r#"{"id":"<img src=x onerror=alert(1)>","kind":"ec2","x":0,"y":0},{"kind":"sqs","x":0,"y":0},{"id":17,"kind":"sns","x":0,"y":0}"#;
    let d = open(&file("", comps, "")).unwrap().design;
    let ids: Vec<&str> = d.components.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c1", "c2", "17"]);
}

#[test]
fn cycles_of_containers_are_broken() {
    let containers = r#"{"id":"g1","kind":"vpc","parent":"g3","x":0,"y":0,"w":500,"h":500},
                        {"id":"g2","kind":"az","parent":"g1","x":0,"y":0,"w":400,"h":400},
                        {"id":"g3","kind":"private_subnet","parent":"g2","x":0,"y":0,"w":300,"h":300}"#;
    let text = file(containers, "", "");
    let d = open(&text).unwrap().design;
    assert_eq!(d.containers.iter().filter(|c| c.parent.is_none()).count(), 1);
    for c in &d.containers {
        assert!(d.ancestors(Some(&c.id)).len() <= 3);
    }
    expect![[r#"
        [
            "container g2: its parents went round in a circle; placed at top level",
        ]
    "#]]
    .assert_debug_eq(&repairs(&text));
}

#[test]
fn a_container_inside_itself() {
    let text = file(r#"{"id":"g1","kind":"vpc","parent":"g1","x":0,"y":0,"w":500,"h":500}"#, "", "");
    assert_eq!(open(&text).unwrap().design.containers[0].parent, None);
}

#[test]
fn missing_parent_and_unknown_container_kind() {
    let containers = r#"{"id":"g1","kind":"datacenter","x":0,"y":0,"w":500,"h":500}"#;
    let comps = r#"{"id":"c1","kind":"ec2","x":0,"y":0,"parent":"g1"},{"id":"c2","kind":"ec2","x":0,"y":0,"parent":7}"#;
    let text = file(containers, comps, "");
    let d = open(&text).unwrap().design;
    assert!(d.components.iter().all(|c| c.parent.is_none()));
    expect![[r#"
        [
            "container #1: kind \"datacenter\" is not region, vpc, az, a subnet or namespace; dropped (its contents are kept)",
            "component c1: its container \"g1\" does not exist; placed at top level",
            "component c2: parent 7 was not a container id; placed at top level",
        ]
    "#]]
    .assert_debug_eq(&repairs(&text));
}

#[test]
fn huge_coordinates_are_clamped() {
    let text = file("", r#"{"id":"c1","kind":"ec2","x":1e308,"y":-1e300}"#, "");
    let d = open(&text).unwrap().design;
    assert_eq!(d.components[0].position, Point::new(1_000_000.0, -1_000_000.0));
    assert_eq!(repairs(&text).len(), 2);
}

#[test]
fn numbers_beyond_f64_are_not_json() {
    let e = error(&file("", r#"{"id":"c1","kind":"ec2","x":1e999,"y":0}"#, ""));
    assert!(e.contains("not valid JSON"), "{e}");
}

#[test]
fn hostile_property_values_are_fixed() {
    let props = r#"{"count":-5,"instance_type":"t9.enormous","storage_gb":1e308,"azs":2.5,"colour":"red","public_ipv4":{"a":1}}"#;
    let text = file("", &format!(r#"{{"id":"c1","kind":"ec2","x":0,"y":0,"props":{props}}}"#), "");
    let d = open(&text).unwrap().design;
    let p = &d.components[0].props;
    assert_eq!(p.get("count"), Some(&PropValue::Int(1)));
    assert_eq!(p.get("instance_type"), None);
    assert_eq!(p.get("storage_gb"), Some(&PropValue::Float(1_048_576.0)));
    assert_eq!(p.get("azs"), Some(&PropValue::Int(3)));
    expect![[r#"
        [
            "component c1: Spread across AZs expects a whole number (was 2.5); set to 3",
            "component c1: EC2 instance has no property \"colour\"; dropped",
            "component c1: Instances must be between 1 and 1000 (was -5); set to 1",
            "component c1: Instance type must be one of t3.micro, t3.small, t3.medium, m6i.large, m6i.2xlarge, r6i.2xlarge, c6i.4xlarge (was t9.enormous); reset to the default",
            "component c1: property \"public_ipv4\" was {\"a\":1}, not a value; dropped",
            "component c1: EBS root volume must be between 0 and 1048576 (was 1e308); set to 1048576",
        ]
    "#]]
    .assert_debug_eq(&repairs(&text));
}

#[test]
fn script_in_labels_is_kept_as_text_and_control_characters_removed() {
    let label = r#"<script>alert('x')</script>\u0000\u001b[31m"#;
    let text = file("", &format!(r#"{{"id":"c1","kind":"ec2","x":0,"y":0,"label":"{label}"}}"#), "");
    let d = open(&text).unwrap().design;
    assert_eq!(d.components[0].label, "<script>alert('x')</script>[31m");
}

#[test]
fn overlong_labels_are_cut() {
    let long = "x".repeat(5_000);
    let d = open(&file("", &format!(r#"{{"id":"c1","kind":"ec2","x":0,"y":0,"label":"{long}"}}"#), "")).unwrap().design;
    assert_eq!(d.components[0].label.chars().count(), 200);
}

#[test]
fn bad_link_fields_are_fixed() {
    let comps = r#"{"id":"c1","kind":"ec2","x":0,"y":0},{"id":"c2","kind":"sqs","x":0,"y":0}"#;
    let links = r#"{"id":"l1","from":"c1","to":"c2","port":70000,"mode":"sometimes","requests_per_sec":-3,"gb_per_month":"lots"}"#;
    let text = file("", comps, links);
    let l = &open(&text).unwrap().design.links[0];
    assert_eq!(
        (l.port, l.mode, l.traffic.requests_per_sec, l.traffic.gb_per_month),
        (None, LinkMode::Sync, None, None)
    );
    assert_eq!(repairs(&text).len(), 4);
}

#[test]
fn bad_workload_and_region() {
    let text = r#"{"format":"cloudwright","version":1,"region":"mars-1","workload":{"users":-10,"requests_per_sec":"fast","peak_multiplier":0,"read_share":7}}"#;
    let d = open(text).unwrap().design;
    assert_eq!(d.region, "us-east-1");
    assert_eq!(d.workload.users, 0);
    assert_eq!(d.workload.peak_multiplier, 1.0);
    assert_eq!(d.workload.read_share, 1.0);
    assert_eq!(repairs(text).len(), 5);
}

#[test]
fn items_that_are_not_objects_are_dropped() {
    let text = file("5", r#"null,"c1",{"id":"c1","kind":"ec2","x":0,"y":0}"#, "true");
    let i = open(&text).unwrap();
    assert_eq!(i.design.components.len(), 1);
    assert_eq!(i.repairs.len(), 4);
}

#[test]
fn byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", export(&default_design()));
    assert_eq!(open(&text).unwrap().design, default_design());
}

#[test]
fn cost_settings_round_trip_and_bad_ones_are_repaired() {
    let mut d = default_design();
    d.cost.free_tier = true;
    d.cost.peak_hours_per_day = 4.5;
    d.cost.price_overrides.insert("ec2.t3.medium".into(), 0.03);
    let text = export(&d);
    assert!(text.contains("\"price_overrides\": {\n      \"ec2.t3.medium\": 0.03\n    }"), "{text}");
    assert_eq!(open(&text).unwrap().design, d);

    let bad = r#"{"format":"cloudwright","version":1,"cost":{"free_tier":"yes","peak_hours_per_day":30,"price_overrides":{"a":-1,"b":"cheap","c":0.5}}}"#;
    let i = open(bad).unwrap();
    assert!(!i.design.cost.free_tier);
    assert_eq!(i.design.cost.peak_hours_per_day, 24.0);
    assert_eq!(i.design.cost.price_overrides.len(), 1);
    assert_eq!(i.repairs.len(), 4, "{:?}", i.repairs);
}

#[test]
fn unknown_top_level_fields_are_ignored() {
    let text = r#"{"format":"cloudwright","version":1,"theme":"dark","components":[]}"#;
    assert!(open(text).unwrap().repairs.is_empty());
}

// ---- round trip of arbitrary valid designs ----

fn arb_design() -> impl Strategy<Value = Design> {
    let catalog = Catalog::builtin();
    let kinds: Vec<String> = catalog.kinds.iter().map(|k| k.kind.clone()).collect();
    (
        prop::collection::vec(
            (0..kinds.len(), -5000.0..5000.0f64, -5000.0..5000.0f64, "[ -~]{0,30}", any::<u8>()),
            0..30,
        ),
        prop::collection::vec((any::<u8>(), any::<u8>(), any::<bool>(), prop::option::of(0.0..1e6f64)), 0..40),
        prop::collection::vec((0..7usize, any::<u8>()), 0..6),
    )
        .prop_map(move |(comps, links, containers)| {
            let mut d = Design::default();
            for (i, (kind, parent)) in containers.into_iter().enumerate() {
                let mut g = Container::new(
                    ContainerId::numbered(i as u64 + 1),
                    ContainerKind::ALL[kind],
                    "frame",
                    Rect::new(i as f64 * 10.0, 0.0, 500.0, 400.0),
                );
                if i > 0 && parent % 2 == 0 {
                    g.parent = Some(ContainerId::numbered(u64::from(parent) % i as u64 + 1));
                }
                d.containers.push(g);
            }
            for (i, (k, x, y, label, seed)) in comps.into_iter().enumerate() {
                let spec = &catalog.kinds[k];
                let mut c = Component::new(
                    ComponentId::numbered(i as u64 + 1),
                    ComponentKind::new(spec.kind.clone()),
                    label,
                    Point::new(x, y),
                );
                if let Some(p) = spec.properties.get(seed as usize % (spec.properties.len() + 1)) {
                    if let Some(v) = &p.default {
                        c.props.insert(p.key.clone(), v.clone());
                    }
                }
                if !d.containers.is_empty() && seed % 3 == 0 {
                    c.parent = Some(d.containers[seed as usize % d.containers.len()].id.clone());
                }
                d.components.push(c);
            }
            let n = d.components.len();
            for (i, (a, b, r#async, gb)) in links.into_iter().enumerate() {
                if n < 2 || a as usize % n == b as usize % n {
                    continue;
                }
                let mut l = Link::new(
                    LinkId::numbered(i as u64 + 1),
                    d.components[a as usize % n].id.clone(),
                    d.components[b as usize % n].id.clone(),
                );
                l.mode = if r#async { LinkMode::Async } else { LinkMode::Sync };
                l.traffic.gb_per_month = gb;
                d.links.push(l);
            }
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_design_round_trips_exactly(d in arb_design()) {
        let back = open(&export(&d)).unwrap();
        prop_assert!(back.repairs.is_empty(), "{:?}", back.repairs);
        prop_assert_eq!(&back.design, &d);
        prop_assert_eq!(open(&export_for_storage(&d)).unwrap().design, d);
    }

    #[test]
    fn import_never_panics_on_mangled_files(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = export(&default_design()).into_bytes();
        if !bytes.is_empty() {
            let i = flip % bytes.len();
            bytes[i] = byte;
            bytes.truncate(cut.max(1).min(bytes.len()));
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(imported) = open(&text) {
            // Whatever was salvaged saves and re-opens unchanged.
            let again = open(&export(&imported.design)).unwrap();
            prop_assert!(!again.changed(), "{:?}", again.repairs);
            prop_assert_eq!(again.design, imported.design);
        }
    }
}
