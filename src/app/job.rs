//! A piece of work on a worker thread whose result the UI polls each frame. A panic on the
//! thread comes back as an error message instead of leaving the UI waiting forever.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

pub struct Job<T> {
    rx: Receiver<Result<T, String>>,
}

impl<T: Send + 'static> Job<T> {
    pub fn spawn(name: &str, work: impl FnOnce() -> T + Send + 'static) -> std::io::Result<Self> {
        let (tx, rx) = channel();
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                    .map_err(|payload| panic_message(payload.as_ref()));
                // The UI may have dropped the job (a newer one replaced it): nothing to tell.
                let _ = tx.send(result);
            })?;
        Ok(Job { rx })
    }

    /// The result once the work is done: `Err` with a message when the thread panicked.
    pub fn poll(&mut self) -> Option<Result<T, String>> {
        match self.rx.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err("the worker thread stopped".into())),
        }
    }
}

pub use crate::layout::worker::panic_message;

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T: Send + 'static>(mut job: Job<T>) -> Result<T, String> {
        loop {
            if let Some(r) = job.poll() {
                return r;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn results_and_panics_come_back() {
        assert_eq!(wait(Job::spawn("t", || 2 + 2).unwrap()), Ok(4));
        let r = wait(Job::spawn("t", || -> u8 { panic!("boom at 1:2") }).unwrap());
        assert_eq!(r, Err("boom at 1:2".to_string()));
    }
}
