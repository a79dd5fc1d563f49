//! Validation: each rule fires where it should, and never panics.

use cloudwright_core::examples::default_design;
use cloudwright_core::{
    validate, Catalog, Component, ComponentKind, Container, ContainerKind, Design, Link, LinkMode, Point, PropValue,
    Rect,
};
use expect_test::expect;

fn render(d: &Design) -> String {
    validate(d, Catalog::builtin())
        .iter()
        .map(|d| format!("{} {} {:?}\n", d.severity, d.message, d.item.as_ref().map(ToString::to_string)))
        .collect()
}

#[test]
fn the_default_design_is_clean() {
    expect![[""]].assert_eq(&render(&default_design()));
}

#[test]
fn every_rule_reports_with_the_item_it_is_about() {
    let mut d = Design { region: "moon-base".into(), ..Design::default() };
    d.containers.push(Container::new("g1".into(), ContainerKind::Vpc, "VPC", Rect::new(0.0, 0.0, 800.0, 600.0)));
    let mut az =
        Container::new("g2".into(), ContainerKind::AvailabilityZone, "AZ a", Rect::new(10.0, 10.0, 700.0, 500.0));
    az.parent = Some("g1".into());
    d.containers.push(az);
    let mut public =
        Container::new("g3".into(), ContainerKind::PublicSubnet, "Public", Rect::new(20.0, 20.0, 300.0, 300.0));
    public.parent = Some("g2".into());
    d.containers.push(public);
    let mut vpc_in_subnet = Container::new("g4".into(), ContainerKind::Vpc, "Odd", Rect::new(30.0, 30.0, 100.0, 100.0));
    vpc_in_subnet.parent = Some("g3".into());
    d.containers.push(vpc_in_subnet);

    let mut db = Component::new("c1".into(), ComponentKind::new("rds_postgres"), "Orders DB", Point::new(40.0, 40.0));
    db.parent = Some("g3".into());
    db.props.insert("multi_az".into(), PropValue::Bool(true));
    db.props.insert("backup_retention_days".into(), PropValue::Int(90));
    db.props.insert("colour".into(), PropValue::Text("red".into()));
    d.components.push(db);
    d.components.push(Component::new("c2".into(), ComponentKind::new("teleporter"), "Beam", Point::new(0.0, 0.0)));
    d.components.push(Component::new("c3".into(), ComponentKind::new("ec2"), "A", Point::new(f64::NAN, 0.0)));
    d.components.push(Component::new("c3".into(), ComponentKind::new("ec2"), "B", Point::new(0.0, 0.0)));
    let mut orphan = Component::new("c4".into(), ComponentKind::new("sqs"), "Jobs", Point::new(0.0, 0.0));
    orphan.parent = Some("g9".into());
    d.components.push(orphan);

    d.links.push(Link::new("l1".into(), "c1".into(), "c9".into()));
    d.links.push(Link::new("l2".into(), "c1".into(), "c4".into()));
    d.links.push(Link::new("l3".into(), "c4".into(), "c1".into()));
    d.links.push(Link::new("l4".into(), "c4".into(), "c1".into()));
    let mut async_back = Link::new("l5".into(), "c4".into(), "c4".into());
    async_back.mode = LinkMode::Async;
    d.links.push(async_back);

    expect![[r#"
        error component c3 is used by more than one item Some("component c3")
        error "Orders DB": Backup retention must be between 0 and 35 days (is 90) Some("component c1")
        error "Beam" has kind "teleporter", which this catalog does not know Some("component c2")
        error "A" has an invalid position Some("component c3")
        error "Jobs" sits in missing container g9 Some("component c4")
        error link l1 points at missing component c9 Some("link l1")
        error link l5 goes from c4 to itself Some("link l5")
        warning a VPC usually does not sit inside a Public subnet Some("container g4")
        warning RDS PostgreSQL has no property "colour" (on "Orders DB") Some("component c1")
        warning synchronous calls go round in a loop: Orders DB → Jobs Some("component c1")
        warning RDS PostgreSQL "Orders DB" sits in a public subnet; put it in a private or data subnet Some("component c1")
        warning "Orders DB" is Multi-AZ but the design draws only one Availability Zone Some("component c1")
        warning "moon-base" is not an AWS Region code like us-east-1 None
        info c4 is linked to c1 more than once Some("link l4")
    "#]]
    .assert_eq(&render(&d));
}

#[test]
fn a_cycle_of_containers_is_reported_not_followed_forever() {
    let mut d = Design::default();
    let mut a = Container::new("g1".into(), ContainerKind::Namespace, "a", Rect::new(0.0, 0.0, 100.0, 100.0));
    a.parent = Some("g2".into());
    let mut b = Container::new("g2".into(), ContainerKind::Namespace, "b", Rect::new(0.0, 0.0, 100.0, 100.0));
    b.parent = Some("g1".into());
    d.containers = vec![a, b];
    let mut c = Component::new("c1".into(), ComponentKind::new("ec2"), "x", Point::new(5.0, 5.0));
    c.parent = Some("g1".into());
    d.components.push(c);
    let codes: Vec<&str> = validate(&d, Catalog::builtin()).iter().map(|d| d.code).collect();
    assert_eq!(codes, ["container-cycle", "container-cycle"]);
    assert_eq!(d.ancestors(Some(&"g1".into())).len(), 2);
    assert!(d.descendants(&"g1".into()).len() <= 2);
}

#[test]
fn an_empty_design_is_valid() {
    assert!(validate(&Design::default(), Catalog::builtin()).is_empty());
}

#[test]
fn a_very_long_chain_does_not_overflow_the_stack() {
    let mut d = Design::default();
    for n in 0..20_000u64 {
        d.components.push(Component::new(
            cloudwright_core::ComponentId::numbered(n),
            ComponentKind::new("lambda"),
            "f",
            Point::new(0.0, 0.0),
        ));
        if n > 0 {
            d.links.push(Link::new(
                cloudwright_core::LinkId::numbered(n),
                cloudwright_core::ComponentId::numbered(n - 1),
                cloudwright_core::ComponentId::numbered(n),
            ));
        }
    }
    // Close the loop: one synchronous cycle through every component.
    d.links.push(Link::new(
        "back".into(),
        cloudwright_core::ComponentId::numbered(19_999),
        cloudwright_core::ComponentId::numbered(0),
    ));
    let diags = validate(&d, Catalog::builtin());
    assert_eq!(diags.iter().filter(|x| x.code == "sync-cycle").count(), 1);
}
