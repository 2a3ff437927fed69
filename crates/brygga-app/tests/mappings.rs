//! The status and transport mapping screens' commands through the same functions the desktop
//! shell calls, against both simulators (demo systems on loopback, connected and mapped with the
//! suggestion), including a 3PL that renames and adds statuses and an order held for an unmapped
//! shipping method until the merchant maps it.

use brygga_app::commands::types::*;
use brygga_app::commands::{
    save_status_mapping, save_transport_mapping, status_mapping_overview,
    transport_mapping_overview,
};
use brygga_app::demo::DemoSystems;
use brygga_app::mappings::{
    ShopRuleEntry, ShopRuleName, StageName, StatusMappingForm, TransportEntry, TransportForm,
    WarehouseRuleEntry,
};
use brygga_app::{App, ErrorCode, mapping};
use brygga_core::clock::ManualClock;
use brygga_core::mapping::{StatusMapping, TransportMapping};
use brygga_sim::ongoing::{OrderStage, StatusDefinition};
use brygga_sim::starweb::PlaceOrder;

/// PostNord MyPack Home in the sample shop.
const MYPACK_HOME: i64 = 12;

async fn connected(dir: &std::path::Path) -> (App, DemoSystems) {
    let app = App::for_testing(dir);
    let systems = DemoSystems::start(&app, 10, None)
        .await
        .expect("the simulators start and are connected");
    (app, systems)
}

/// The form that saves the status mapping as it is now.
fn form_of(mapping: &StatusMapping) -> StatusMappingForm {
    StatusMappingForm {
        shop: mapping
            .shop
            .iter()
            .map(|(id, rule)| ShopRuleEntry {
                status_id: *id,
                rule: (*rule).into(),
            })
            .collect(),
        warehouse: mapping
            .warehouse
            .iter()
            .map(|(number, rule)| WarehouseRuleEntry {
                number: *number,
                stage: rule.stage.into(),
                shop_status: rule.shop_status,
            })
            .collect(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_connections_both_overviews_say_not_configured() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let status = status_mapping_overview(&app, StatusMappingRequest {})
        .await
        .expect_err("there are no systems to read the lists from");
    assert_eq!(status.code, ErrorCode::NotConfigured, "{status}");
    let transport = transport_mapping_overview(&app, TransportMappingRequest {})
        .await
        .expect_err("there are no systems to read the lists from");
    assert_eq!(transport.code, ErrorCode::NotConfigured, "{transport}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_status_lists_follow_a_3pl_that_renames_and_adds_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems) = connected(dir.path()).await;
    systems
        .warehouse
        .define_order_status(StatusDefinition {
            number: 300,
            text: "Släppt till plock".into(),
            stage: None,
        })
        .expect("the 3PL renames 300");
    systems
        .warehouse
        .define_order_status(StatusDefinition {
            number: 425,
            text: "Sendt/Dellevert".into(),
            stage: Some(OrderStage::Sent),
        })
        .expect("the 3PL adds 425");

    let view = status_mapping_overview(&app, StatusMappingRequest {})
        .await
        .expect("both lists are read");
    assert!(view.saved, "the demo saved the suggested mapping");
    let renamed = view
        .warehouse
        .iter()
        .find(|s| s.number == 300)
        .expect("300 is still listed");
    assert_eq!(
        renamed.text.as_deref(),
        Some("Släppt till plock"),
        "the list is read live, so the 3PL's new name shows"
    );
    assert!(
        renamed.rule.is_some(),
        "renaming does not unmap a status: the rule is by number"
    );
    let added = view
        .warehouse
        .iter()
        .find(|s| s.number == 425)
        .unwrap_or_else(|| panic!("the added status is listed: {:?}", view.warehouse));
    assert_eq!(
        added.rule, None,
        "425 came after the mapping was saved, so it is unmapped (read as started)"
    );
    assert_eq!(
        added.suggested.stage,
        StageName::Sent,
        "'Sendt' reads as sent"
    );
    let completed = systems.shop.status_id("completed").map(i64::from);
    assert_eq!(
        added.suggested.shop_status, completed,
        "a sent status suggests the shop's 'completed'"
    );
    let created = systems.shop.status_id("created").map(i64::from).unwrap();
    let created_row = view
        .shop
        .iter()
        .find(|s| s.status_id == created)
        .expect("the shop's created status is listed");
    assert_eq!(created_row.id_code.as_deref(), Some("created"));
    assert_eq!(
        created_row.rule,
        Some(ShopRuleName::Send),
        "the demo's suggestion sends new orders"
    );
    assert!(
        view.stale_shop.is_empty() && view.stale_warehouse.is_empty(),
        "every saved rule names a live status"
    );

    // A rule for a status the warehouse dropped is listed as stale.
    let mut with_stale: StatusMapping = mapping::get(&app).unwrap();
    with_stale.warehouse.insert(
        777,
        brygga_core::mapping::WarehouseStatusRule {
            stage: brygga_core::mapping::WarehouseStage::Open,
            shop_status: Some(987_654),
        },
    );
    mapping::set(&app, &with_stale).unwrap();
    let view = status_mapping_overview(&app, StatusMappingRequest {})
        .await
        .unwrap();
    assert_eq!(
        view.stale_warehouse
            .iter()
            .map(|s| s.number)
            .collect::<Vec<_>>(),
        vec![777],
        "777 is saved but not in the warehouse's list"
    );

    // Saving the suggestion for the unmapped one maps it; the stale rule is left out.
    let mut form = form_of(&mapping::get(&app).unwrap());
    form.warehouse.retain(|w| w.number != 777);
    form.warehouse.push(WarehouseRuleEntry {
        number: 425,
        stage: added.suggested.stage,
        shop_status: added.suggested.shop_status,
    });
    let saved = save_status_mapping(&app, SaveStatusMappingRequest { mapping: form })
        .await
        .expect("every id is live");
    assert!(
        saved.stale_warehouse.is_empty(),
        "the stale rule was dropped"
    );
    assert!(
        saved.warehouse.iter().all(|w| w.rule.is_some()),
        "every warehouse status is mapped now: {:?}",
        saved.warehouse
    );
    let stored: StatusMapping = mapping::get(&app).unwrap();
    assert_eq!(
        stored.stage(425),
        brygga_core::mapping::WarehouseStage::Sent,
        "the engine reads 425 as sent from now on"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saving_a_status_mapping_refuses_ids_neither_system_has() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems) = connected(dir.path()).await;
    let before: StatusMapping = mapping::get(&app).unwrap();
    let mut form = form_of(&before);
    form.shop.push(ShopRuleEntry {
        status_id: 424_242,
        rule: ShopRuleName::Send,
    });
    form.warehouse.push(WarehouseRuleEntry {
        number: 612,
        stage: StageName::Started,
        shop_status: None,
    });
    form.warehouse.push(WarehouseRuleEntry {
        number: 200,
        stage: StageName::Open,
        shop_status: Some(999_999),
    });
    let error = save_status_mapping(&app, SaveStatusMappingRequest { mapping: form })
        .await
        .expect_err("the ids are not in the live lists");
    assert_eq!(error.code, ErrorCode::Validation, "{error}");
    for named in ["424242", "612", "999999"] {
        assert!(
            error.message.contains(named),
            "the message names every unknown id ({named}): {}",
            error.message
        );
    }
    assert_eq!(
        mapping::get::<StatusMapping>(&app).unwrap(),
        before,
        "a refused save changes nothing"
    );
    drop(systems);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transport_lists_carry_every_contract_service_and_saving_checks_them() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _systems) = connected(dir.path()).await;
    let view = transport_mapping_overview(&app, TransportMappingRequest {})
        .await
        .expect("both lists are read");
    let schenker = view
        .contracts
        .iter()
        .find(|c| c.transporter_code == "SBTL")
        .expect("the warehouse has a Schenker contract");
    let services: Vec<&str> = schenker
        .services
        .iter()
        .map(|s| s.service_code.as_str())
        .collect();
    assert_eq!(
        services.first(),
        Some(&"BPA"),
        "the contract's own service comes first"
    );
    assert!(
        services.contains(&"BHP"),
        "every service of the contract is offered: {services:?}"
    );
    assert!(
        !view.tracking_types.is_empty(),
        "the shop has tracking types"
    );
    let home = view
        .methods
        .iter()
        .find(|m| m.shipping_method_id == MYPACK_HOME)
        .expect("MyPack Home is a shop method");
    assert!(
        matches!(&home.transport, Some(TransportForm::Carrier { transporter_code, .. }) if transporter_code == "PNL"),
        "the demo maps PostNord methods to PostNord: {home:?}"
    );
    assert_eq!(view.held_total, 0, "nothing is held yet");

    let bad = vec![
        TransportEntry {
            shipping_method_id: MYPACK_HOME,
            transport: TransportForm::Carrier {
                transporter_code: "NOPE".into(),
                service_code: "X".into(),
                tracker_type: None,
            },
        },
        TransportEntry {
            shipping_method_id: 11,
            transport: TransportForm::Carrier {
                transporter_code: "PNL".into(),
                service_code: "BPA".into(),
                tracker_type: Some(424_242),
            },
        },
        TransportEntry {
            shipping_method_id: 99_999,
            transport: TransportForm::NotSent,
        },
    ];
    let before: TransportMapping = mapping::get(&app).unwrap();
    let error = save_transport_mapping(&app, SaveTransportMappingRequest { methods: bad })
        .await
        .expect_err("codes the warehouse does not offer are refused");
    assert_eq!(error.code, ErrorCode::Validation, "{error}");
    for named in ["\"NOPE\"", "\"BPA\"", "424242", "99999"] {
        assert!(
            error.message.contains(named),
            "the message names {named}: {}",
            error.message
        );
    }
    assert_eq!(
        mapping::get::<TransportMapping>(&app).unwrap(),
        before,
        "a refused save changes nothing"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_held_for_an_unmapped_method_goes_once_the_method_is_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems) = connected(dir.path()).await;
    let mut unmapped: TransportMapping = mapping::get(&app).unwrap();
    unmapped.methods.remove(&MYPACK_HOME);
    mapping::set(&app, &unmapped).unwrap();

    // The shop stamps orders to the second and the baseline is taken to the millisecond: the
    // shop's clock moves on so the order counts as newer than the baseline.
    systems.shop.advance_clock(chrono::Duration::seconds(2));
    let sku = systems
        .shop
        .products()
        .iter()
        .flat_map(|p| p.variants.iter())
        .find(|v| v.stock_quantity.is_some_and(|q| q > 0))
        .map(|v| v.sku.clone())
        .expect("the sample shop has a stock product");
    let order = i64::from(
        systems
            .shop
            .place_order(PlaceOrder::checkout(&sku, 1, MYPACK_HOME as u32))
            .expect("the shop takes the order"),
    );
    // The engine runs on a clock the test moves, so the order can be made older than the
    // orders cursor: only the re-reading of held orders can then find it again.
    let clock = std::sync::Arc::new(ManualClock::new(chrono::Utc::now()));
    let engine = brygga_sync::Engine::new(
        app.shared_store().unwrap(),
        brygga_app::sync::remotes(&app).unwrap(),
        clock.clone(),
    );
    let stop = brygga_sync::Stop::default();
    engine.run_once(&stop).await.expect("a pass runs");

    let link = app.store().unwrap().order_links().get(order).unwrap();
    let link = link.expect("the order was read");
    assert!(
        link.warehouse_order_id.is_none(),
        "an unmapped method must not reach the warehouse"
    );
    let hold = link.hold.expect("the order is held for the merchant");
    assert_eq!(
        hold["code"], "order.unmappedShippingMethod",
        "the hold names the unmapped method: {hold}"
    );

    // Another orders sync an hour later moves the cursor past the order; it stays held.
    clock.advance(chrono::Duration::hours(1));
    engine
        .run_once(&stop)
        .await
        .expect("a pass runs an hour later");
    let still = app
        .store()
        .unwrap()
        .order_links()
        .get(order)
        .unwrap()
        .unwrap();
    assert!(
        still.hold.is_some() && still.warehouse_order_id.is_none(),
        "nothing changed for the order, so it is still held"
    );

    let view = transport_mapping_overview(&app, TransportMappingRequest {})
        .await
        .unwrap();
    let home = view
        .methods
        .iter()
        .find(|m| m.shipping_method_id == MYPACK_HOME)
        .unwrap();
    assert_eq!(home.transport, None, "the method is unmapped");
    assert_eq!(
        home.held.order_ids,
        vec![order],
        "the screen lists the order the method holds up"
    );
    assert_eq!(home.held.count, 1);
    assert_eq!(view.held_total, 1);
    let suggested = home.suggested.clone().expect("PostNord is recognised");

    let mut entries: Vec<TransportEntry> = unmapped
        .methods
        .iter()
        .map(|(id, t)| TransportEntry {
            shipping_method_id: *id,
            transport: t.into(),
        })
        .collect();
    entries.push(TransportEntry {
        shipping_method_id: MYPACK_HOME,
        transport: suggested,
    });
    let saved = save_transport_mapping(&app, SaveTransportMappingRequest { methods: entries })
        .await
        .expect("the suggestion names a live contract");
    let home = saved
        .methods
        .iter()
        .find(|m| m.shipping_method_id == MYPACK_HOME)
        .unwrap();
    assert!(home.transport.is_some(), "the method is mapped now");

    // An hour later: the order was last changed long before the cursor's overlap, so the
    // shop's "changed since" list no longer has it.
    clock.advance(chrono::Duration::hours(1));
    engine.run_once(&stop).await.expect("the next pass runs");
    let link = app
        .store()
        .unwrap()
        .order_links()
        .get(order)
        .unwrap()
        .unwrap();
    assert!(
        link.hold.is_none(),
        "the hold is cleared once the method is mapped: {:?}",
        link.hold
    );
    let warehouse_order = link
        .warehouse_order_id
        .expect("the next orders sync sends the held order");
    let theirs = systems
        .warehouse
        .order(i32::try_from(warehouse_order).unwrap())
        .expect("the warehouse has the order");
    assert_eq!(theirs.order_number, order.to_string());
    let view = transport_mapping_overview(&app, TransportMappingRequest {})
        .await
        .unwrap();
    assert_eq!(view.held_total, 0, "nothing is held any more");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mapping_that_leaves_order_release_nowhere_to_go_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _systems) = connected(dir.path()).await;
    mapping::set(
        &app,
        &brygga_core::release::ReleaseSettings {
            released_status: Some(300),
            ..brygga_core::release::ReleaseSettings::default()
        },
    )
    .unwrap();
    let view = status_mapping_overview(&app, StatusMappingRequest {})
        .await
        .unwrap();
    assert_eq!(
        view.release_problem, None,
        "the demo maps 300 as started: {view:?}"
    );
    let mut form = form_of(&mapping::get(&app).unwrap());
    for rule in &mut form.warehouse {
        if rule.number == 300 {
            rule.stage = StageName::Open;
        }
    }
    let error = save_status_mapping(&app, SaveStatusMappingRequest { mapping: form })
        .await
        .expect_err("release batches move orders to 300, which would no longer mean started");
    assert_eq!(error.code, ErrorCode::Validation, "{error}");
    assert!(
        error.message.contains("order release") && error.message.contains("300"),
        "the message says what release needs: {}",
        error.message
    );
}
