//! `brygga po` as a merchant's script runs it: the real binary against both simulators, a file of
//! purchase order lines with bad rows (nothing created, every bad row named) and a good one.

mod support;

use std::time::Duration;

use support::{Brygga, Simulators};

#[test]
fn a_file_with_bad_rows_creates_nothing_and_a_good_file_is_pre_advised() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime for the simulators");
    let sims = runtime.block_on(Simulators::start(6, 2, "latency=0ms", Duration::ZERO));
    let folder = tempfile::tempdir().expect("a temporary data folder");
    let brygga = Brygga::new(folder.path(), &sims);
    brygga.set_up(&sims);
    let skus = sims.orderable_skus();
    let (a, b) = (&skus[0], &skus[1]);

    let bad = folder.path().join("bad.csv");
    std::fs::write(&bad, format!("sku;quantity\n{a};5\n{b};lots\n;2\n{a};1\n")).unwrap();
    let bad_path = bad.display().to_string();
    let out = brygga.run(&[
        "po",
        "create",
        "--from-file",
        &bad_path,
        "--supplier",
        "Acme",
        "--expected",
        "2026-12-01",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "bad rows are failed records, exit code 1: {stderr}"
    );
    for line in [3, 4, 5] {
        assert!(
            stderr.contains(&format!("{bad_path}:{line}:")),
            "bad row {line} is named with its line number:\n{stderr}"
        );
    }
    assert!(
        !stderr.contains(&format!("{bad_path}:2:")),
        "the good row is not reported:\n{stderr}"
    );
    let listed = brygga.json(&["po", "list", "--all", "--json"]);
    assert_eq!(
        listed["purchaseOrders"].as_array().map(Vec::len),
        Some(0),
        "nothing of a bad file is created: {listed}"
    );

    let missing = brygga.run(&[
        "po",
        "create",
        "--from-file",
        "/no/such/file.csv",
        "--supplier",
        "Acme",
    ]);
    assert_eq!(
        missing.status.code(),
        Some(2),
        "an unreadable file is a usage error"
    );

    let good = folder.path().join("good.csv");
    std::fs::write(&good, format!("{a};5\n{b};7\n")).unwrap();
    let created = brygga.json(&[
        "po",
        "create",
        "--from-file",
        &good.display().to_string(),
        "--supplier",
        "Acme",
        "--expected",
        "2026-12-01",
        "--json",
    ]);
    assert_eq!(
        created["accepted"], true,
        "the warehouse takes it: {created}"
    );
    let number = created["detail"]["summary"]["number"]
        .as_str()
        .expect("the purchase order has a number")
        .to_owned();
    let in_warehouse = sims
        .warehouse
        .purchase_order_by_number(&number)
        .expect("the warehouse has the pre-advice under Brygga's number");
    assert_eq!(
        in_warehouse
            .lines
            .iter()
            .map(|l| (l.article_number.clone(), l.advised))
            .collect::<Vec<_>>(),
        vec![(a.clone(), 5.0), (b.clone(), 7.0)],
        "the file's lines are advised in order"
    );
    let listed = brygga.json(&["po", "list", "--json"]);
    assert_eq!(listed["purchaseOrders"][0]["number"], number.as_str());
    assert_eq!(listed["purchaseOrders"][0]["stage"], "advised");
    let deviations = brygga.json(&["po", "deviations", "--json"]);
    assert_eq!(
        deviations["open"], 0,
        "nothing has arrived, so nothing deviates: {deviations}"
    );
}
