//! The `ledger` binary, run as scripts and browsers would run it.

mod outbound;
mod posts;
mod print;
mod sheets;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

fn ledger(db: &Path, args: &[&str]) -> (bool, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_ledger"))
        .env("LEDGER_DATA_DIR", db.parent().unwrap())
        .arg("--db")
        .arg(db)
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let json = serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("{e}: {text:?}"));
    (out.status.success(), json)
}

#[test]
fn init_then_add_and_search_members() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let (ok, init) = ledger(
        &db,
        &[
            "init",
            "--org-name",
            "城关镇工会",
            "--org-kind",
            "township",
            "--division-code",
            "620421",
        ],
    );
    assert!(ok, "{init}");
    assert_eq!(init["db"], db.display().to_string());
    assert!(init["org_id"].as_str().unwrap().len() == 36);

    let add = |id: &str, phone: &str| {
        ledger(
            &db,
            &[
                "members",
                "add",
                "--name",
                "张三",
                "--id",
                id,
                "--phone",
                phone,
                "--group",
                "货车司机",
                "--org",
                "城关镇工会",
            ],
        )
    };
    let (ok, m) = add("11010519491231002x", "+86 138-0013-8000");
    assert!(ok, "{m}");
    let no = m["member_no"].as_str().unwrap();
    assert!(
        no.starts_with("620421") && no.ends_with("00001") && no.len() == 13,
        "{no}"
    );
    for (id, phone, code) in [
        ("110105194912310021", "13800138000", "bad_checksum"),
        ("110105194902300028", "13800138000", "bad_date"),
        ("1101051949123100", "13800138000", "bad_length"),
        ("110101199003074477", "2380013800", "bad_phone"),
        ("11010519491231002X", "13800138000", "duplicate"),
    ] {
        let (ok, e) = add(id, phone);
        assert!(!ok, "{id} must be refused");
        assert_eq!(e["code"], code, "{e}");
        assert!(
            e["message"].as_str().unwrap().contains('：'),
            "a Chinese message naming the field: {e}"
        );
    }
    let (ok, found) = ledger(&db, &["members", "search", "张"]);
    assert!(ok);
    assert_eq!(found["members"][0]["name"], "张三");
    assert_eq!(found["members"][0]["id_number"], "110105********002X");
    assert_eq!(found["total"], 1);
}

#[test]
fn unknown_org_is_refused_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    ledger(&db, &["init", "--org-name", "城关镇工会"]);
    let (ok, e) = ledger(
        &db,
        &[
            "orgs",
            "add",
            "--name",
            "东湾村工会",
            "--kind",
            "village",
            "--parent",
            "不存在的镇",
        ],
    );
    assert!(!ok);
    assert_eq!(e["code"], "not_found");
    assert_eq!(e["message"], "找不到组织：不存在的镇");
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A raw HTTP/1.1 request; returns (status, body).
fn http(port: u16, host: &str, path: &str, token: Option<&str>, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let auth = token
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: {host}\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    let status = resp[9..12].parse().unwrap();
    let body = resp.split("\r\n\r\n").nth(1).unwrap_or("").to_string();
    (status, body)
}

#[test]
fn serve_guards_the_api_with_host_check_and_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    ledger(&db, &["init", "--org-name", "城关镇工会"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_ledger"))
        .env("LEDGER_DATA_DIR", dir.path())
        .arg("--db")
        .arg(&db)
        .args(["serve", "--port", "0", "--ui"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let _server = Server(child);
    let url = first.trim();
    let rest = url.strip_prefix("http://127.0.0.1:").expect(url);
    let (port, token) = rest.split_once("/?token=").unwrap();
    let port: u16 = port.parse().unwrap();
    let host = format!("127.0.0.1:{port}");

    let (status, body) = http(port, &host, "/api/app_info", Some(token), "{}");
    assert_eq!(status, 200, "{body}");
    let info: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(info["office"]["name"], "城关镇工会");
    assert_eq!(info["transport"], "browser");

    let (status, body) = http(port, &host, "/api/app_info", None, "{}");
    assert_eq!(status, 401);
    assert!(body.contains("\"code\":\"unauthorized\""));
    let (status, _) = http(port, &host, "/api/app_info", Some("wrong"), "{}");
    assert_eq!(status, 401);
    // DNS rebinding: a page at evil.example resolving to 127.0.0.1.
    let (status, _) = http(
        port,
        &format!("evil.example:{port}"),
        "/api/app_info",
        Some(token),
        "{}",
    );
    assert_eq!(status, 403);

    let (status, body) = http(
        port,
        &host,
        "/api/member_create",
        Some(token),
        r#"{"name":"张三","id_number":"110105194912310021","phone":"13800138000","occupation_group":"货车司机"}"#,
    );
    assert_eq!(status, 422);
    let e: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(e["code"], "bad_checksum");
    assert_eq!(e["field"], "id_number");
    assert_eq!(e["message"], "身份证号：校验码错误");
}
