// Registers Brygga's commands in the app manifest, so capabilities/default.json can grant each one
// (`allow-<command>`) and any command not granted is refused. The names come from the same list as
// the command wrappers, included here verbatim.

include!("../crates/brygga-app/src/command_list.rs");

macro_rules! command_names {
    ($($name:ident($request:ty) -> $response:ty;)*) => {
        &[$(stringify!($name)),*]
    };
}

fn main() {
    println!("cargo:rerun-if-changed=../crates/brygga-app/src/command_list.rs");
    let commands: &'static [&'static str] = with_commands!(command_names);
    let manifest = tauri_build::AppManifest::new().commands(commands);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the Tauri build step failed; is ui/dist built (make ui)?");
}
