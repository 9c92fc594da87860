//! Browser mode: the UI and the same API handlers over HTTP on 127.0.0.1.
//!
//! Guarded so that no web page the user visits can reach the ledger:
//! it binds 127.0.0.1 only, refuses any Host header other than its own
//! address (DNS rebinding), and every API call must carry the per-run
//! token that the first line of output prints inside the URL.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use ledger_api::{Api, ApiError, ErrorCode};
use serde_json::Value;

struct Served {
    api: Arc<Api>,
    token: String,
    ui: PathBuf,
    hosts: Vec<String>,
}

/// Where the built UI is when `--ui` is not given.
fn default_ui_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("LEDGER_UI_DIR") {
        return PathBuf::from(dir);
    }
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|d| d.join("ui")));
    match beside {
        Some(d) if d.join("index.html").is_file() => d,
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../ui/dist"),
    }
}

pub fn run(api: Api, port: u16, ui: Option<PathBuf>) -> Result<(), ApiError> {
    let internal =
        |e: std::io::Error| ApiError::new(ErrorCode::Internal, format!("无法启动服务：{e}"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(internal)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port)))
            .await
            .map_err(internal)?;
        let addr = listener.local_addr().map_err(internal)?;
        let token = uuid::Uuid::new_v4().simple().to_string();
        let ui = ui.unwrap_or_else(default_ui_dir);
        let state = Arc::new(Served {
            api: Arc::new(api),
            token: token.clone(),
            hosts: vec![
                format!("127.0.0.1:{}", addr.port()),
                format!("localhost:{}", addr.port()),
            ],
            ui: ui.clone(),
        });
        // The first line of output is the URL: scripts and tests read it.
        println!("http://{addr}/?token={token}");
        let _ = std::io::stdout().flush();
        if !ui.join("index.html").is_file() {
            eprintln!(
                "提示：界面文件不在 {}（先构建 ui：cd ui && npm run build）",
                ui.display()
            );
        }
        log::info!("serving on http://{addr} (ui {})", ui.display());
        let app = Router::new()
            // Spreadsheets arrive as base64 in the JSON body (import,
            // roster comparison): allow up to the API's 200 MB file limit.
            .route(
                "/api/{command}",
                post(api_call).layer(DefaultBodyLimit::max(280 * 1024 * 1024)),
            )
            .fallback(static_file)
            .layer(middleware::from_fn_with_state(state.clone(), check_host))
            .with_state(state);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(internal)
    })
}

fn refuse(status: StatusCode, code: ErrorCode, message: &str) -> Response {
    (status, axum::Json(ApiError::new(code, message))).into_response()
}

async fn check_host(State(s): State<Arc<Served>>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !s.hosts.iter().any(|h| h == host) {
        return refuse(
            StatusCode::FORBIDDEN,
            ErrorCode::Unauthorized,
            "拒绝访问：主机名不符",
        );
    }
    next.run(req).await
}

fn token_ok(s: &Served, headers: &HeaderMap) -> bool {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    bearer == Some(s.token.as_str())
}

async fn api_call(
    State(s): State<Arc<Served>>,
    UrlPath(command): UrlPath<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !token_ok(&s, &headers) {
        return refuse(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthorized,
            "拒绝访问：缺少或错误的访问令牌，请使用 ledger serve 打印的链接打开",
        );
    }
    let args: Value = if body.is_empty() {
        Value::Null
    } else {
        match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => {
                return refuse(
                    StatusCode::BAD_REQUEST,
                    ErrorCode::BadRequest,
                    &format!("请求不是有效的 JSON：{e}"),
                )
            }
        }
    };
    let api = s.api.clone();
    let result = tokio::task::spawn_blocking(move || api.dispatch(&command, args)).await;
    match result {
        Ok(Ok(v)) => axum::Json(v).into_response(),
        Ok(Err(e)) => {
            let status = match e.code {
                ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::NotFound => StatusCode::NOT_FOUND,
                ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            (status, axum::Json(e)).into_response()
        }
        Err(e) => refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            &format!("内部错误：{e}"),
        ),
    }
}

/// Files of the built UI; unknown paths get index.html (client routing).
async fn static_file(State(s): State<Arc<Served>>, req: Request) -> Response {
    let rel = req.uri().path().trim_start_matches('/');
    let rel = Path::new(if rel.is_empty() { "index.html" } else { rel });
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mut path = s.ui.join(rel);
    if !path.is_file() {
        path = s.ui.join("index.html");
    }
    match tokio::fs::read(&path).await {
        Ok(bytes) => {
            let mime = mime_guess::from_path(&path).first_or_octet_stream();
            ([(header::CONTENT_TYPE, mime.to_string())], bytes).into_response()
        }
        Err(_) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "界面尚未构建：{} 下没有 index.html。请先运行 cd ui && npm run build",
                s.ui.display()
            ),
        )
            .into_response(),
    }
}
