//! The background sync runner: once the installation is live (the first-sync baseline is set), the
//! scheduler runs for as long as the app does, without the command line.
//!
//! One task per app owns the engine and the data folder's [`EngineLock`]. It alternates between
//! driving (the scheduler loop, or in demo mode the demo loop that also plays customer and 3PL)
//! and carrying out "run now" requests: a request stops the loop cooperatively (the call in flight
//! finishes and is recorded), runs, and the loop starts again. So the outbox is only ever drained
//! by one worker. When no runner runs (not started, or another process holds the lock) a "run now"
//! runs by itself under the lock. Problems are announced through the shell's [`Notifier`], once per
//! new failure ([`notice`]); what the engine does is reported into one [`Progress`] for the UI.

pub mod notice;

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use brygga_core::schedule::Flow;
use brygga_store::Store;
use brygga_sync::{Engine, Progress, Stop, SyncSettings, Tick};
use tokio::task::JoinHandle;

pub use notice::{Notification, Notifier};

use crate::demo::DemoSystems;
use crate::sync::EngineLock;
use crate::{App, ErrorCode, IpcError};

/// How long the runner waits after its loop failed as a whole (the store, not a flow) before it
/// tries again.
const AFTER_FAILURE: Duration = Duration::from_secs(30);

/// The flows "run everything now" runs, in order; reconciliation runs on its own.
const EVERY_FLOW: [Flow; 4] = [Flow::Articles, Flow::Orders, Flow::Statuses, Flow::Stock];

fn locked<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What the runner and the "run now" tasks share with the commands.
#[derive(Default)]
struct Shared {
    notifier: Mutex<Option<Arc<dyn Notifier>>>,
    progress: Arc<Progress>,
    watch: Mutex<notice::Watch>,
    /// "Run now" requests queued or running.
    waiting: AtomicU32,
}

impl Shared {
    fn announce(&self, notes: Vec<Notification>) {
        if notes.is_empty() {
            return;
        }
        let notifier = locked(&self.notifier).clone();
        for note in notes {
            tracing::warn!(title = %note.title, "{}", note.body);
            if let Some(notifier) = &notifier {
                notifier.notify(note);
            }
        }
    }

    fn ticked(&self, store: &Store, tick: &Tick) {
        let notes = locked(&self.watch).ticked(store, tick);
        self.announce(notes);
    }
}

/// The runner's part of the app: the running task, if any, and what it shares with the commands.
#[derive(Default)]
pub struct Runner {
    shared: Arc<Shared>,
    active: Mutex<Option<Active>>,
}

impl std::fmt::Debug for Runner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runner")
            .field("running", &self.is_running())
            .finish_non_exhaustive()
    }
}

impl Runner {
    fn is_running(&self) -> bool {
        locked(&self.active)
            .as_ref()
            .is_some_and(|active| !active.task.is_finished())
    }
}

struct Active {
    control: Arc<Mutex<Control>>,
    task: JoinHandle<()>,
}

/// What the commands tell the running task.
struct Control {
    /// The stop of what runs now; replaced for every drive and request.
    stop: Arc<Stop>,
    /// Whether the loop is driving (so a request may interrupt it) rather than serving a request.
    driving: bool,
    queue: VecDeque<Vec<Flow>>,
    shutdown: bool,
}

/// What the runner drives between requests.
enum Driver {
    /// The merchant's schedules.
    Schedule,
    /// Demo mode: every flow every `every`, with a sample customer and the 3PL playing along.
    Demo {
        systems: Box<DemoSystems>,
        every: Duration,
        round: u32,
    },
}

/// Hands the shell's notifier to the runner; notifications before this are only logged.
pub fn set_notifier(app: &App, notifier: Arc<dyn Notifier>) {
    *locked(&app.runner().shared.notifier) = Some(notifier);
}

/// Whether the runner task runs.
pub fn is_running(app: &App) -> bool {
    app.runner().is_running()
}

/// What the engine does now, and how many "run now" requests are not finished.
pub fn progress(app: &App) -> (brygga_sync::ProgressSnapshot, u32) {
    let shared = &app.runner().shared;
    (
        shared.progress.snapshot(),
        shared.waiting.load(Ordering::SeqCst),
    )
}

/// Whether the installation is live: the first-sync baseline is set.
pub fn is_live(app: &App) -> Result<bool, IpcError> {
    Ok(SyncSettings::load(app.store()?)?.baseline.is_some())
}

/// Starts the runner if the installation is live and it does not run yet; otherwise does nothing.
/// Call it at start-up and right after going live. Needs a tokio runtime (it spawns the task on
/// the current one); problems are logged, since there is nobody to answer.
pub fn ensure_running(app: &App) {
    if app.runner().is_running() {
        return;
    }
    match is_live(app) {
        Ok(true) => {}
        Ok(false) => return,
        Err(err) => {
            tracing::warn!("the runner cannot tell whether Brygga is live: {err}");
            return;
        }
    }
    if let Err(err) = start(app, Driver::Schedule) {
        tracing::warn!(code = ?err.code, "the sync runner did not start: {err}");
    }
}

/// Stops the runner after the call in flight and waits for it; the engine lock is free after.
pub async fn stop(app: &App) {
    let active = locked(&app.runner().active).take();
    if let Some(active) = active {
        request_shutdown(&active.control);
        if let Err(err) = active.task.await {
            tracing::warn!("the sync runner ended abnormally: {err}");
        }
    }
}

/// Stops the runner and starts it again with the saved connections (after they changed).
pub async fn restart(app: &App) {
    stop(app).await;
    ensure_running(app);
}

fn request_shutdown(control: &Mutex<Control>) {
    let mut control = locked(control);
    control.shutdown = true;
    control.stop.request();
}

/// How a "run now" request was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunVia {
    /// Queued for the running runner.
    Runner,
    /// Runs by itself, since no runner runs.
    Direct,
}

/// Runs `flow` now, or every flow when `None`, and drains the outbox, without waiting for it.
/// Refused before going live: the first real run sets the first-sync baseline, which the go-live
/// step does on purpose.
pub fn run_now(app: &App, flow: Option<Flow>) -> Result<RunVia, IpcError> {
    if !is_live(app)? {
        return Err(IpcError::new(
            ErrorCode::Validation,
            "Brygga is not live yet: finish the go-live steps before running a flow",
        ));
    }
    let flows = flow.map_or_else(|| EVERY_FLOW.to_vec(), |flow| vec![flow]);
    let runner = app.runner();
    if runner.is_running()
        && let Some(active) = locked(&runner.active).as_ref()
    {
        let mut control = locked(&active.control);
        runner.shared.waiting.fetch_add(1, Ordering::SeqCst);
        control.queue.push_back(flows);
        if control.driving {
            control.stop.request();
        }
        return Ok(RunVia::Runner);
    }
    if runner.shared.waiting.load(Ordering::SeqCst) > 0 {
        return Err(IpcError::new(
            ErrorCode::Validation,
            "a run started by hand is still under way; wait until it is done",
        ));
    }
    let lock = EngineLock::acquire(app)?;
    let engine = crate::sync::engine(app)?.with_progress(runner.shared.progress.clone());
    let store = app.shared_store()?;
    let handle = runtime()?;
    let shared = runner.shared.clone();
    locked(&shared.watch).prime(&store);
    shared.waiting.fetch_add(1, Ordering::SeqCst);
    handle.spawn(async move {
        let _lock = lock;
        let _served = Served(&shared);
        serve(&engine, &store, &shared, &flows, &Stop::default()).await;
    });
    Ok(RunVia::Direct)
}

/// Asks the running runner to drain the outbox now (after calls were queued again); nothing when
/// no runner runs, since the next run drains them.
pub fn drain_soon(app: &App) {
    if let Some(active) = locked(&app.runner().active).as_ref()
        && !active.task.is_finished()
    {
        let mut control = locked(&active.control);
        app.runner().shared.waiting.fetch_add(1, Ordering::SeqCst);
        control.queue.push_back(Vec::new());
        if control.driving {
            control.stop.request();
        }
    }
}

fn runtime() -> Result<tokio::runtime::Handle, IpcError> {
    tokio::runtime::Handle::try_current().map_err(|_| {
        IpcError::new(
            ErrorCode::Unknown,
            "no async runtime to run the sync on (the runner must be started from the app)",
        )
    })
}

/// Starts the runner task with `driver`, holding the engine lock.
fn start(app: &App, driver: Driver) -> Result<(), IpcError> {
    let runner = app.runner();
    let mut active = locked(&runner.active);
    if active.as_ref().is_some_and(|a| !a.task.is_finished()) {
        return Ok(());
    }
    let handle = runtime()?;
    let lock = EngineLock::acquire(app)?;
    let engine = crate::sync::engine(app)?.with_progress(runner.shared.progress.clone());
    let store = app.shared_store()?;
    locked(&runner.shared.watch).prime(&store);
    let control = Arc::new(Mutex::new(Control {
        stop: Arc::new(Stop::default()),
        driving: false,
        queue: VecDeque::new(),
        shutdown: false,
    }));
    let task = handle.spawn(run(
        engine,
        store,
        runner.shared.clone(),
        control.clone(),
        driver,
        lock,
    ));
    tracing::info!("the sync runner started");
    *active = Some(Active { control, task });
    Ok(())
}

/// Demo mode's runner: drives the demo systems instead of the schedules. Returns the control a
/// [`crate::demo::LiveDemo`] stops it with.
pub(crate) fn start_demo(
    app: &App,
    systems: DemoSystems,
    every: Duration,
) -> Result<DemoHandle, IpcError> {
    start(
        app,
        Driver::Demo {
            systems: Box::new(systems),
            every,
            round: 0,
        },
    )?;
    let control = locked(&app.runner().active)
        .as_ref()
        .map(|active| active.control.clone())
        .ok_or_else(|| IpcError::new(ErrorCode::Unknown, "the demo runner did not start"))?;
    Ok(DemoHandle { control })
}

/// Stops the demo runner when dropped.
pub(crate) struct DemoHandle {
    control: Arc<Mutex<Control>>,
}

impl std::fmt::Debug for DemoHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DemoHandle")
    }
}

impl Drop for DemoHandle {
    fn drop(&mut self) {
        request_shutdown(&self.control);
    }
}

/// Counts a "run now" request as finished when dropped, even if serving it panicked, so the UI
/// never waits for it forever.
struct Served<'a>(&'a Shared);

impl Drop for Served<'_> {
    fn drop(&mut self) {
        self.0.waiting.fetch_sub(1, Ordering::SeqCst);
    }
}

enum Next {
    Serve(Vec<Flow>, Arc<Stop>),
    Drive(Arc<Stop>),
}

/// The runner task: drive until a request or the shutdown comes, serve requests, drive again.
async fn run(
    engine: Engine,
    store: Arc<Store>,
    shared: Arc<Shared>,
    control: Arc<Mutex<Control>>,
    mut driver: Driver,
    lock: EngineLock,
) {
    let _lock = lock;
    loop {
        let next = {
            let mut control = locked(&control);
            if control.shutdown {
                break;
            }
            control.stop = Arc::new(Stop::default());
            match control.queue.pop_front() {
                Some(flows) => {
                    control.driving = false;
                    Next::Serve(flows, control.stop.clone())
                }
                None => {
                    control.driving = true;
                    Next::Drive(control.stop.clone())
                }
            }
        };
        match next {
            Next::Serve(flows, stop) => {
                let _served = Served(&shared);
                serve(&engine, &store, &shared, &flows, &stop).await;
            }
            Next::Drive(stop) => drive(&mut driver, &engine, &store, &shared, &stop).await,
        }
    }
    // Requests never served are not waited for any more.
    let left = locked(&control).queue.len();
    shared
        .waiting
        .fetch_sub(u32::try_from(left).unwrap_or(u32::MAX), Ordering::SeqCst);
    tracing::info!("the sync runner stopped");
}

/// Runs the driver until `stop`.
async fn drive(driver: &mut Driver, engine: &Engine, store: &Store, shared: &Shared, stop: &Stop) {
    match driver {
        Driver::Schedule => {
            if let Err(err) = engine
                .run_scheduled(stop, |tick| shared.ticked(store, tick))
                .await
            {
                tracing::warn!(code = err.code(), "the scheduler stopped: {err}");
                stop.nap(AFTER_FAILURE).await;
            }
        }
        Driver::Demo {
            systems,
            every,
            round,
        } => {
            if let Err(err) = store
                .outbox()
                .requeue_running(chrono::Utc::now().timestamp_millis())
            {
                tracing::warn!("demo: running calls could not be queued again: {err}");
            }
            while !stop.is_requested() {
                if round.is_multiple_of(3) {
                    tracing::info!("{}", systems.place_next_order());
                }
                match engine.run_once(stop).await {
                    Ok(tick) => shared.ticked(store, &tick),
                    Err(err) => tracing::warn!("demo pass failed: {err}"),
                }
                let sent: Vec<i64> = store
                    .order_links()
                    .list()
                    .map(|links| links.iter().filter_map(|l| l.warehouse_order_id).collect())
                    .unwrap_or_default();
                for line in systems.play_the_warehouse(&sent) {
                    tracing::info!("{line}");
                }
                *round += 1;
                stop.nap(*every).await;
            }
        }
    }
}

/// Runs `flows` one after the other, then drains; an empty list only drains.
async fn serve(engine: &Engine, store: &Store, shared: &Shared, flows: &[Flow], stop: &Stop) {
    for &flow in flows {
        if stop.is_requested() {
            return;
        }
        let result = engine.run_flow(flow, false).await;
        if let Err(err) = &result {
            tracing::warn!(
                flow = flow.as_str(),
                code = err.code(),
                "run now failed: {err}"
            );
        }
        let error = result.as_ref().err().map(ToString::to_string);
        let mut notes: Vec<Notification> = locked(&shared.watch)
            .flow_ran(store, flow, error.as_deref().map_or(Ok(()), Err))
            .into_iter()
            .collect();
        if let Ok(report) = &result {
            notes.extend(locked(&shared.watch).reported(store, report));
        }
        shared.announce(notes);
    }
    match engine.drain(stop.flag()).await {
        Ok(report) => {
            let note = locked(&shared.watch).drained(store, &report);
            shared.announce(note.into_iter().collect());
        }
        Err(err) => tracing::warn!(code = err.code(), "the drain after run now failed: {err}"),
    }
}
