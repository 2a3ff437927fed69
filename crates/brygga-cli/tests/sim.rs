//! `brygga sim` as a developer runs it: it prints where the simulator listens and how to log in.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

#[test]
fn sim_starweb_prints_a_loopback_url_that_answers() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brygga"))
        .args(["sim", "starweb", "--products", "5", "--orders", "3"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the brygga binary runs");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url_line = lines.next().expect("a first line").unwrap();
    let credentials = lines.next().expect("a second line").unwrap();
    let url = url_line.rsplit(' ').next().unwrap().to_owned();
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/api/v2"),
        "the shop API on loopback: {url_line}"
    );
    assert!(
        credentials.contains("client id") && credentials.contains("client secret"),
        "demo credentials: {credentials}"
    );

    // The control route answers without a token: the simulator is really serving.
    let address = url
        .trim_start_matches("http://")
        .trim_end_matches("/api/v2");
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET /_sim/starweb/clock HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        reply.starts_with("HTTP/1.1 200"),
        "the simulator answers on the printed address: {reply}"
    );
}

#[test]
fn a_bad_fault_spec_is_named() {
    let out = Command::new(env!("CARGO_BIN_EXE_brygga"))
        .args(["sim", "ongoing", "--faults", "error=lots"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "a simulator with nonsense faults must not start"
    );
    assert!(
        stderr.contains("error=lots") || stderr.contains("error"),
        "the bad item is named: {stderr}"
    );
}
