//! `brygga info`: the installation at a glance, as text or JSON.

use std::process::ExitCode;

use brygga_app::commands::{app_info, types::AppInfoRequest};
use brygga_app::info::AppInfo;

/// Prints the installation; exits non-zero when the database or the keychain cannot be used.
pub async fn run(app: &brygga_app::App, json: bool) -> ExitCode {
    let info = match app_info(app, AppInfoRequest {}).await {
        Ok(info) => info,
        Err(err) => {
            eprintln!("brygga: {err}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        match serde_json::to_string_pretty(&info) {
            Ok(text) => println!("{text}"),
            Err(err) => {
                eprintln!("brygga: cannot write JSON: {err}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", render(&info));
    }
    let problems: Vec<_> = [&info.database.problem, &info.secrets.problem]
        .into_iter()
        .flatten()
        .collect();
    for problem in &problems {
        eprintln!("brygga: {problem}");
    }
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn render(info: &AppInfo) -> String {
    let schema = match info.database.schema_version {
        Some(version) => format!(
            "{version} (supported: {})",
            info.database.supported_schema_version
        ),
        None => "not available".to_owned(),
    };
    format!(
        "Brygga {version} ({mode:?})\n\
         data folder:   {data}\n\
         log folder:    {logs}\n\
         database:      {db}\n\
         schema:        {schema}\n\
         secrets:       {backend:?}{keychain}\n",
        version = info.version,
        mode = info.mode,
        data = info.data_dir,
        logs = info.log_dir,
        db = info.database.path,
        backend = info.secrets.backend,
        keychain = if info.secrets.problem.is_some() {
            " (not available)"
        } else {
            ""
        },
    )
}
