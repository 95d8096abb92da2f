//! The connection the window holds: a worker thread that owns the database connection and runs
//! one request at a time, and jobs the window polls once a frame (never waiting). A job can be
//! cancelled; its answer is applied only when it finished well, so a failure or a cancel leaves
//! the open graph as it was.

use super::ops::{self, Progress, PushStats, Subgraph};
use super::{Backend, DbError, DbParams};
use crate::model::Dataset;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

/// What a job is asked to do.
#[derive(Clone, Debug, PartialEq)]
pub enum DbRequest {
    /// Open the connection (the first job of a session).
    Connect,
    Search {
        text: String,
        limit: usize,
    },
    Query(String),
    Expand {
        node: String,
        limit: usize,
        skip: usize,
    },
    Push(Arc<Dataset>),
}

/// What a job answers.
#[derive(Clone, Debug, PartialEq)]
pub enum JobOutput {
    Connected,
    Subgraph(Subgraph),
    Pushed(PushStats),
}

#[derive(Debug)]
pub enum JobEvent {
    Progress(Progress),
    Done(Result<JobOutput, DbError>),
}

struct Task {
    request: DbRequest,
    cancel: Arc<AtomicBool>,
    events: Sender<JobEvent>,
}

/// One request on its way. Dropping it cancels it.
#[derive(Debug)]
pub struct DbJob {
    pub request: DbRequest,
    events: Receiver<JobEvent>,
    cancel: Arc<AtomicBool>,
    progress: Progress,
    finished: bool,
}

impl DbJob {
    /// The answer once it is there (exactly once); `None` while the job runs. Never blocks.
    pub fn poll(&mut self) -> Option<Result<JobOutput, DbError>> {
        if self.finished {
            return None;
        }
        loop {
            match self.events.try_recv() {
                Ok(JobEvent::Progress(p)) => self.progress = p,
                Ok(JobEvent::Done(r)) => {
                    self.finished = true;
                    return Some(r);
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    self.finished = true;
                    return Some(Err(DbError::Lost("the database worker stopped".into())));
                }
            }
        }
    }

    /// Wait for the answer (the command line; tests).
    pub fn wait(mut self) -> Result<JobOutput, DbError> {
        loop {
            match self.events.recv() {
                Ok(JobEvent::Progress(p)) => self.progress = p,
                Ok(JobEvent::Done(r)) => {
                    self.finished = true;
                    return r;
                }
                Err(_) => return Err(DbError::Lost("the database worker stopped".into())),
            }
        }
    }

    pub fn progress(&self) -> Progress {
        self.progress
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Stop the job: it ends soon with [`DbError::Cancelled`] and its answer is not applied.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl Drop for DbJob {
    fn drop(&mut self) {
        if !self.finished {
            self.cancel();
        }
    }
}

/// A connection to one database, run on a thread of its own.
pub struct DbSession {
    tasks: Sender<Task>,
    /// What the status line shows: URI and database, never the password.
    pub label: String,
}

impl DbSession {
    /// Start the worker and its first job, which opens the connection.
    pub fn connect(params: DbParams) -> (DbSession, DbJob) {
        let label = if params.database.trim().is_empty() {
            params.uri.clone()
        } else {
            format!("{} ({})", params.uri, params.database.trim())
        };
        let (tx, rx) = mpsc::channel::<Task>();
        let spawned = std::thread::Builder::new()
            .name("atlas-db".into())
            .spawn(move || worker(params, rx));
        let session = DbSession { tasks: tx, label };
        let job = session.submit(DbRequest::Connect);
        if let Err(e) = spawned {
            log::error!("cannot start the database thread: {e}");
        }
        (session, job)
    }

    /// Queue a request; its job answers when the ones before it are done.
    pub fn submit(&self, request: DbRequest) -> DbJob {
        let (events_tx, events) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let task = Task {
            request: request.clone(),
            cancel: Arc::clone(&cancel),
            events: events_tx,
        };
        // A stopped worker drops the task: the job then reports the worker gone.
        let _ = self.tasks.send(task);
        DbJob {
            request,
            events,
            cancel,
            progress: Progress::default(),
            finished: false,
        }
    }

    pub fn search(&self, text: &str, limit: usize) -> DbJob {
        self.submit(DbRequest::Search {
            text: text.to_string(),
            limit,
        })
    }

    pub fn query(&self, cypher: &str) -> DbJob {
        self.submit(DbRequest::Query(cypher.to_string()))
    }

    pub fn expand(&self, node: &str, limit: usize, skip: usize) -> DbJob {
        self.submit(DbRequest::Expand {
            node: node.to_string(),
            limit,
            skip,
        })
    }

    pub fn push(&self, data: Arc<Dataset>) -> DbJob {
        self.submit(DbRequest::Push(data))
    }
}

fn worker(params: DbParams, tasks: Receiver<Task>) {
    let mut conn: Option<Box<dyn Backend>> = None;
    for task in tasks {
        let cancel = &task.cancel;
        let result = if cancel.load(Ordering::Relaxed) {
            Err(DbError::Cancelled)
        } else {
            run(&params, &mut conn, &task, cancel)
        };
        // After a cancel, a timeout or a broken connection the connection may be mid-answer:
        // the next request opens a fresh one.
        if let Err(DbError::Cancelled | DbError::Timeout | DbError::Lost(_)) = &result {
            conn = None;
        }
        let _ = task.events.send(JobEvent::Done(result));
    }
}

fn run(
    params: &DbParams,
    conn: &mut Option<Box<dyn Backend>>,
    task: &Task,
    cancel: &AtomicBool,
) -> Result<JobOutput, DbError> {
    let b = match conn {
        Some(b) => b,
        None => conn.insert(super::connect(params, cancel)?),
    };
    let b: &mut dyn Backend = b.as_mut();
    let sub = |s: Result<Subgraph, DbError>| s.map(JobOutput::Subgraph);
    match &task.request {
        DbRequest::Connect => Ok(JobOutput::Connected),
        DbRequest::Search { text, limit } => sub(ops::search(b, text, *limit, cancel)),
        DbRequest::Query(cypher) => sub(ops::pull(b, cypher, cancel)),
        DbRequest::Expand { node, limit, skip } => sub(ops::expand(b, node, *limit, *skip, cancel)),
        DbRequest::Push(data) => {
            let events = task.events.clone();
            let mut progress = |p| {
                let _ = events.send(JobEvent::Progress(p));
            };
            ops::push(b, data, ops::PUSH_BATCH, cancel, &mut progress).map(JobOutput::Pushed)
        }
    }
}
