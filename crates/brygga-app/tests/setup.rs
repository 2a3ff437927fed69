//! The setup commands (connections, settings, language, going live) through the same functions
//! the desktop shell calls, against both simulators over real HTTP on loopback.

use std::collections::BTreeMap;

use brygga_app::commands::types::*;
use brygga_app::commands::{
    connections_overview, first_sync_preview, go_live, go_live_state, save_ongoing_connection,
    save_starweb_connection, save_sync_settings, save_ui_language, sync_settings,
    test_ongoing_connection, test_starweb_connection, ui_language,
};
use brygga_app::setup::{
    ConnectionVerdict, FlowScheduleForm, ScheduleMode, ScheduledFlow, UiLanguage,
};
use brygga_app::{App, ErrorCode, mapping};
use brygga_core::Sensitive;
use brygga_sim::demo::{start_ongoing, start_starweb};
use brygga_sim::fault::FaultSpec;
use brygga_sim::ongoing::OngoingSim;
use brygga_sim::server::SimServer;
use brygga_sim::starweb::StarwebSim;

const PASSWORD_MARK: &str = "not-the-password-Kaj7";

/// Both simulators with sample data, not connected to any app yet.
struct Systems {
    shop: StarwebSim,
    shop_server: SimServer,
    warehouse: OngoingSim,
    warehouse_server: SimServer,
}

async fn systems() -> Systems {
    let (warehouse, warehouse_server) = start_ongoing(0, 8, FaultSpec::none()).await.unwrap();
    let (shop, shop_server) = start_starweb(0, 8, 12, FaultSpec::none()).await.unwrap();
    Systems {
        shop,
        shop_server,
        warehouse,
        warehouse_server,
    }
}

impl Systems {
    fn ongoing_form(&self) -> OngoingConnectionForm {
        let config = self.warehouse.config();
        OngoingConnectionForm {
            api_url: self.warehouse_server.api_url(),
            user: config.user.clone(),
            goods_owner_id: u32::try_from(config.goods_owner_id).unwrap(),
            password: Some(Sensitive::new(config.password.clone())),
        }
    }

    fn starweb_form(&self) -> StarwebConnectionForm {
        StarwebConnectionForm {
            api_url: self.shop_server.api_url(),
            client_id: self.shop.config().client_id.clone(),
            client_secret: Some(Sensitive::new(self.shop.config().client_secret.clone())),
        }
    }

    /// Calls that change something, per system: anything but reading and asking for a token.
    fn writes(&self) -> BTreeMap<String, u64> {
        let ongoing = self
            .warehouse
            .call_counts()
            .into_iter()
            .filter(|(op, _)| !op.contains("_Get"));
        let starweb = self
            .shop
            .call_counts()
            .into_iter()
            .filter(|(route, _)| !route.starts_with("GET ") && route != "POST /token");
        ongoing.chain(starweb).collect()
    }
}

/// A loopback port nothing listens on.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_ongoing_verdict_is_told_apart_over_http() {
    let sims = systems().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let verdict = |form| {
        let app = &app;
        async move { test_ongoing_connection(app, form).await.unwrap() }
    };

    let ok = verdict(sims.ongoing_form()).await;
    assert_eq!(
        ok.verdict,
        ConnectionVerdict::Ok,
        "the right values log in: {ok:?}"
    );
    assert!(ok.name.is_some(), "an ok names the goods owner");

    let mut wrong = sims.ongoing_form();
    wrong.password = Some(Sensitive::new(PASSWORD_MARK.to_owned()));
    let check = verdict(wrong).await;
    assert_eq!(
        check.verdict,
        ConnectionVerdict::WrongCredentials,
        "{check:?}"
    );
    assert!(
        !check.message.contains(PASSWORD_MARK),
        "the message never repeats the password"
    );

    let mut wrong = sims.ongoing_form();
    wrong.goods_owner_id += 1;
    let check = verdict(wrong).await;
    assert_eq!(
        check.verdict,
        ConnectionVerdict::WrongGoodsOwner,
        "the login works, but the user is not this goods owner's: {check:?}"
    );

    let mut wrong = sims.ongoing_form();
    wrong.api_url = format!("{}/NoSuchWarehouse/", sims.warehouse_server.root_url());
    let check = verdict(wrong).await;
    assert_eq!(
        check.verdict,
        ConnectionVerdict::WrongUrl,
        "a path the simulator does not serve is not the API: {check:?}"
    );

    let mut wrong = sims.ongoing_form();
    wrong.api_url = format!("http://127.0.0.1:{}/Lagret/", closed_port());
    let check = verdict(wrong).await;
    assert_eq!(check.verdict, ConnectionVerdict::Unreachable, "{check:?}");

    let overview = connections_overview(&app, ConnectionsOverviewRequest {})
        .await
        .unwrap();
    assert_eq!(overview.ongoing, None, "testing typed values saves nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_starweb_verdict_is_told_apart_over_http() {
    let sims = systems().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let verdict = |form| {
        let app = &app;
        async move { test_starweb_connection(app, form).await.unwrap() }
    };

    let ok = verdict(sims.starweb_form()).await;
    assert_eq!(ok.verdict, ConnectionVerdict::Ok, "{ok:?}");
    assert!(ok.name.is_some(), "an ok names the shop");

    let mut wrong = sims.starweb_form();
    wrong.client_secret = Some(Sensitive::new(PASSWORD_MARK.to_owned()));
    let check = verdict(wrong).await;
    assert_eq!(
        check.verdict,
        ConnectionVerdict::WrongCredentials,
        "{check:?}"
    );
    assert!(
        !check.message.contains(PASSWORD_MARK),
        "no secret in the message"
    );

    let mut wrong = sims.starweb_form();
    wrong.api_url = format!("{}/shop/api/v2", sims.shop_server.root_url());
    let check = verdict(wrong).await;
    assert_eq!(check.verdict, ConnectionVerdict::WrongUrl, "{check:?}");

    let mut wrong = sims.starweb_form();
    wrong.api_url = format!("http://127.0.0.1:{}/api/v2", closed_port());
    let check = verdict(wrong).await;
    assert_eq!(check.verdict, ConnectionVerdict::Unreachable, "{check:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_secret_stays_out_of_the_database_and_every_answer_and_an_empty_one_keeps_it() {
    let sims = systems().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let password = sims.warehouse.config().password.clone();
    let secret = sims.shop.config().client_secret.clone();

    let mut no_secret = sims.ongoing_form();
    no_secret.password = None;
    let refused = save_ongoing_connection(&app, no_secret.clone())
        .await
        .expect_err("there is no password to keep yet");
    assert_eq!(refused.code, ErrorCode::Validation);

    save_ongoing_connection(&app, sims.ongoing_form())
        .await
        .unwrap();
    let overview = save_starweb_connection(&app, sims.starweb_form())
        .await
        .unwrap();
    let view = overview
        .ongoing
        .clone()
        .expect("the Ongoing connection is saved");
    assert!(view.secret_stored, "the password is in the keychain");
    assert!(overview.starweb.as_ref().is_some_and(|s| s.secret_stored));
    let answer = serde_json::to_string(&overview).unwrap();
    assert!(
        !answer.contains(&password) && !answer.contains(&secret),
        "no answer to the webview holds a secret: {answer}"
    );

    // Change the user name only: the stored password stays and still logs in.
    let mut edit = sims.ongoing_form();
    edit.password = Some(Sensitive::new(String::new()));
    edit.api_url = format!("  {}  ", edit.api_url);
    save_ongoing_connection(&app, edit).await.unwrap();
    let check = test_ongoing_connection(&app, no_secret).await.unwrap();
    assert_eq!(
        check.verdict,
        ConnectionVerdict::Ok,
        "an empty password field uses the stored one: {check:?}"
    );

    let db = rusqlite::Connection::open(app.paths().database_file()).unwrap();
    let values: Vec<String> = db
        .prepare("SELECT key || '=' || value FROM settings")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        values.iter().any(|v| v.starts_with("connection.ongoing=")),
        "the connection is in the settings table, so the search below means something"
    );
    assert!(
        values
            .iter()
            .all(|v| !v.contains(&password) && !v.contains(&secret)),
        "no secret in the settings table: {values:?}"
    );
}

fn every(flow: ScheduledFlow, minutes: u32) -> FlowScheduleForm {
    FlowScheduleForm {
        flow,
        mode: ScheduleMode::Every,
        minutes: Some(minutes),
        days: Vec::new(),
        from: None,
        to: None,
        at: None,
    }
}

fn form() -> SyncSettingsForm {
    SyncSettingsForm {
        schedules: vec![
            FlowScheduleForm {
                mode: ScheduleMode::Manual,
                minutes: None,
                ..every(ScheduledFlow::Articles, 30)
            },
            FlowScheduleForm {
                days: vec!["mon".into(), "tue".into(), "wed".into()],
                from: Some("06:00".into()),
                to: Some("22:00".into()),
                ..every(ScheduledFlow::Orders, 7)
            },
            every(ScheduledFlow::Statuses, 10),
            every(ScheduledFlow::Stock, 15),
            FlowScheduleForm {
                flow: ScheduledFlow::Reconcile,
                mode: ScheduleMode::Daily,
                minutes: None,
                days: vec!["sat".into(), "sun".into()],
                from: None,
                to: None,
                at: Some("03:15".into()),
            },
            every(ScheduledFlow::PurchaseOrders, 120),
            every(ScheduledFlow::Returns, 30),
        ],
        start_date: Some("2025-01-02".into()),
        currencies: vec![" sek".into(), "EUR".into(), "sek".into()],
        warehouses: Vec::new(),
    }
}

use brygga_app::setup::SyncSettingsForm;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_are_checked_saved_and_used_by_the_engine() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());

    let before = sync_settings(&app, SyncSettingsRequest {}).await.unwrap();
    assert!(
        !before.schedules_saved,
        "a new installation runs on the defaults"
    );
    assert_eq!(
        before.settings.schedules.len(),
        7,
        "every flow is in the form"
    );

    let saved = save_sync_settings(&app, SaveSyncSettingsRequest { settings: form() })
        .await
        .unwrap();
    assert!(saved.schedules_saved);
    assert_eq!(
        saved.settings.schedules,
        {
            let mut expected = form().schedules;
            expected[0] = FlowScheduleForm {
                mode: ScheduleMode::Manual,
                minutes: None,
                ..every(ScheduledFlow::Articles, 0)
            };
            expected
        },
        "the form reads back as saved"
    );
    assert_eq!(saved.settings.start_date.as_deref(), Some("2025-01-02"));
    assert_eq!(
        saved.settings.currencies,
        vec!["SEK".to_owned(), "EUR".to_owned()],
        "codes are upper-cased and counted once"
    );

    let engine_settings = brygga_sync::SyncSettings::load(app.store().unwrap()).unwrap();
    let rules = engine_settings.order_rules.expect("order rules are saved");
    assert_eq!(
        rules.start.to_rfc3339(),
        "2025-01-01T23:00:00+00:00",
        "the start date is midnight in Stockholm"
    );
    let status = brygga_app::sync::status(&app).unwrap();
    let next = |flow: &str| {
        status
            .flows
            .iter()
            .find(|f| f.flow.as_str() == flow)
            .unwrap()
            .next_run
    };
    assert_eq!(next("articles"), None, "a manual flow is never scheduled");
    assert!(next("orders").is_some(), "a scheduled flow has a next run");

    for (change, field) in [
        (
            Box::new(|f: &mut SyncSettingsForm| f.schedules[1].minutes = Some(0))
                as Box<dyn Fn(&mut SyncSettingsForm)>,
            "orders",
        ),
        (Box::new(|f| f.schedules[1].to = None), "orders"),
        (Box::new(|f| f.schedules[4].days.clear()), "reconcile"),
        (
            Box::new(|f| f.schedules[4].at = Some("25:00".into())),
            "reconcile",
        ),
        (Box::new(|f| f.currencies = vec!["kronor".into()]), "kronor"),
        (
            Box::new(|f| f.start_date = Some("2.1.2025".into())),
            "2.1.2025",
        ),
        (Box::new(|f| f.start_date = None), "start date"),
    ] {
        let mut bad = form();
        change(&mut bad);
        let err = save_sync_settings(&app, SaveSyncSettingsRequest { settings: bad })
            .await
            .expect_err("a wrong form is refused");
        assert_eq!(err.code, ErrorCode::Validation);
        assert!(
            err.message.contains(field),
            "the message names {field}: {}",
            err.message
        );
    }
    let after = sync_settings(&app, SyncSettingsRequest {}).await.unwrap();
    assert_eq!(after, saved, "a refused form changes nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_is_swedish_until_changed_and_kept_for_notifications() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let first = ui_language(&app, UiLanguageRequest {}).await.unwrap();
    assert_eq!(first.language, UiLanguage::Sv);
    save_ui_language(
        &app,
        SaveUiLanguageRequest {
            language: UiLanguage::En,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        ui_language(&app, UiLanguageRequest {})
            .await
            .unwrap()
            .language,
        UiLanguage::En
    );
    let raw: Option<String> = app.store().unwrap().settings().get("ui.language").unwrap();
    assert_eq!(
        raw.as_deref(),
        Some("en"),
        "the runner reads the key as a plain language code"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wizard_previews_without_writing_then_goes_live_with_the_baseline() {
    let sims = systems().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());

    let refused = go_live(&app, GoLiveRequest {})
        .await
        .expect_err("nothing is set up");
    assert_eq!(refused.code, ErrorCode::Validation);
    assert!(
        refused.message.contains("connections"),
        "{}",
        refused.message
    );

    let state = go_live_state(&app, GoLiveStateRequest {}).await.unwrap();
    assert!(!state.live && !state.connections && !state.status_mapping);

    save_ongoing_connection(&app, sims.ongoing_form())
        .await
        .unwrap();
    save_starweb_connection(&app, sims.starweb_form())
        .await
        .unwrap();
    let suggestion = brygga_app::sync::engine(&app)
        .unwrap()
        .suggest_mappings()
        .await
        .unwrap();
    mapping::set(&app, &suggestion.statuses).unwrap();
    mapping::set(&app, &suggestion.transport).unwrap();
    // Old orders go to the warehouse too, so the first cycle has orders to send.
    let mut settings = form();
    settings.currencies.clear();
    settings.start_date = Some("2000-01-01".into());
    save_sync_settings(&app, SaveSyncSettingsRequest { settings })
        .await
        .unwrap();
    let state = go_live_state(&app, GoLiveStateRequest {}).await.unwrap();
    assert!(
        state.connections && state.status_mapping && state.transport_mapping && state.settings,
        "every step is done: {state:?}"
    );
    assert!(!state.live, "not live before the merchant says so");

    // Only NOK accepted: the sample shop sells in SEK, so every order would stop with a reason.
    let mut nok_only = form();
    nok_only.start_date = Some("2000-01-01".into());
    nok_only.currencies = vec!["NOK".into()];
    save_sync_settings(&app, SaveSyncSettingsRequest { settings: nok_only })
        .await
        .unwrap();
    let held = first_sync_preview(&app, FirstSyncPreviewRequest {})
        .await
        .unwrap();
    let held = held
        .flows
        .iter()
        .find(|f| f.flow == ScheduledFlow::Orders)
        .unwrap();
    assert!(
        held.writes == 0 && held.findings > 0,
        "the accepted currencies decide what the engine sends: {held:?}"
    );
    let mut settings = form();
    settings.currencies.clear();
    settings.start_date = Some("2000-01-01".into());
    save_sync_settings(&app, SaveSyncSettingsRequest { settings })
        .await
        .unwrap();

    let writes_before = sims.writes();
    let orders_before = sims.warehouse.order_count();
    let preview = first_sync_preview(&app, FirstSyncPreviewRequest {})
        .await
        .unwrap();
    let orders = preview
        .flows
        .iter()
        .find(|f| f.flow == ScheduledFlow::Orders)
        .unwrap();
    assert!(
        orders.error.is_none() && orders.writes > 0,
        "old orders from the start date on would be sent: {orders:?}"
    );
    assert!(!orders.first_writes.is_empty() && orders.first_writes.len() <= 10);
    assert!(preview.start_date_chosen);
    assert_eq!(preview.flows.len(), 4, "every flow of a pass is previewed");
    assert_eq!(sims.writes(), writes_before, "the preview writes nothing");
    assert_eq!(sims.warehouse.order_count(), orders_before);
    assert_eq!(
        app.store().unwrap().outbox().counts().unwrap(),
        brygga_store::OutboxCounts::default(),
        "the preview queues nothing"
    );
    assert!(
        brygga_sync::SyncSettings::load(app.store().unwrap())
            .unwrap()
            .baseline
            .is_none(),
        "the preview does not go live"
    );

    let result = go_live(&app, GoLiveRequest {}).await.unwrap();
    assert!(
        result.done > 0 && result.failed == 0,
        "the first cycle sends and nothing gives up: {result:?}"
    );
    assert!(
        sims.warehouse.order_count() > orders_before,
        "the warehouse received the orders"
    );
    let state = go_live_state(&app, GoLiveStateRequest {}).await.unwrap();
    assert!(state.live);
    assert_eq!(state.baseline.as_deref(), Some(result.baseline.as_str()));
    assert_eq!(
        sims.shop.call_count("PATCH", "/orders/{orderId}"),
        0,
        "the first-sync guard: orders that existed when going live are not changed in the shop"
    );
    let again = go_live(&app, GoLiveRequest {})
        .await
        .expect_err("live already");
    assert_eq!(again.code, ErrorCode::Validation);
    assert!(
        brygga_app::runner::is_running(&app),
        "going live hands the installation to the background scheduler"
    );
    brygga_app::runner::stop(&app).await;
    assert!(
        !brygga_app::runner::is_running(&app),
        "the scheduler stops on request"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_warehouses_taking_part_count_for_the_shops_stock() {
    use brygga_sim::ongoing::{OngoingConfig, StockAdjustment};
    use brygga_sim::server::{Api, ServeConfig, serve};
    use brygga_sim::starweb::sample::SampleData;

    let mut config = OngoingConfig::default();
    let main_site = config.sites[0].clone();
    let mut returns_site = main_site.clone();
    returns_site.id = main_site.id + 1;
    returns_site.code = "RET".into();
    returns_site.name = "Returlagret".into();
    config.sites.push(returns_site.clone());
    let warehouse = OngoingSim::new(config);
    let sample = SampleData::generate(brygga_sim::demo::SAMPLE_SEED, 4, 0);
    let variant = sample
        .products
        .iter()
        .flat_map(|p| &p.variants)
        .find(|v| v.stock_quantity.is_some())
        .expect("the sample shop keeps stock of some variant");
    warehouse
        .put_article(serde_json::json!({
            "goodsOwnerId": warehouse.config().goods_owner_id,
            "articleNumber": variant.sku,
            "articleName": variant.label,
            "isStockArticle": true,
        }))
        .unwrap();
    for (site, quantity) in [(main_site.id, 5.0), (returns_site.id, 7.0)] {
        warehouse
            .adjust_stock(&StockAdjustment {
                article_number: variant.sku.clone(),
                warehouse_id: Some(site),
                set_to: Some(quantity),
                ..StockAdjustment::default()
            })
            .unwrap();
    }
    let warehouse_server = serve(ServeConfig {
        api: Api::Ongoing,
        port: 0,
        base_path: format!("/{}", warehouse.config().warehouse),
        api_routes: warehouse.api_router(),
        control_routes: warehouse.control_router(),
        faults: FaultSpec::none(),
    })
    .await
    .unwrap();
    let (shop, shop_server) = start_starweb(0, 4, 0, FaultSpec::none()).await.unwrap();
    let sims = Systems {
        shop,
        shop_server,
        warehouse,
        warehouse_server,
    };
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    save_ongoing_connection(&app, sims.ongoing_form())
        .await
        .unwrap();
    save_starweb_connection(&app, sims.starweb_form())
        .await
        .unwrap();

    let listed = brygga_app::commands::list_warehouses(&app, ListWarehousesRequest {})
        .await
        .unwrap();
    assert_eq!(
        listed.warehouses.iter().map(|w| w.id).collect::<Vec<_>>(),
        vec![main_site.id, returns_site.id],
        "the 3PL's warehouses are read live for the merchant to choose from"
    );

    let reconcile = |app: &App| {
        let engine = brygga_app::sync::engine(app).unwrap();
        async move {
            engine
                .run_flow(brygga_core::schedule::Flow::Reconcile, false)
                .await
                .unwrap();
            engine
                .drain(&std::sync::atomic::AtomicBool::new(false))
                .await
                .unwrap();
        }
    };
    let mut settings = form();
    settings.warehouses = vec![returns_site.id];
    let saved = save_sync_settings(&app, SaveSyncSettingsRequest { settings })
        .await
        .unwrap();
    assert_eq!(saved.settings.warehouses, vec![returns_site.id]);
    reconcile(&app).await;
    assert_eq!(
        sims.shop.stock(&variant.sku),
        Some(7),
        "only the returns warehouse takes part, so only its 7 are for sale"
    );

    let mut settings = form();
    settings.warehouses = Vec::new();
    save_sync_settings(&app, SaveSyncSettingsRequest { settings })
        .await
        .unwrap();
    reconcile(&app).await;
    assert_eq!(
        sims.shop.stock(&variant.sku),
        Some(12),
        "with no choice every warehouse takes part: 5 + 7"
    );

    let mut bad = form();
    bad.warehouses = vec![0];
    let err = save_sync_settings(&app, SaveSyncSettingsRequest { settings: bad })
        .await
        .expect_err("0 is no warehouse id");
    assert_eq!(err.code, ErrorCode::Validation);
}
