//! What the app holds of a graph database session: the session, its one running job, the
//! connect form (never its password once sent) and how far each node was expanded.

use crate::db::{DbError, DbJob, DbSession};
use crate::ui::ConnectForm;
use std::collections::HashMap;

/// How many neighbours an expansion brings at most (Bloom's default is 100).
pub(super) const EXPAND_LIMIT: usize = 100;

#[derive(Default)]
pub(super) struct DbState {
    pub session: Option<DbSession>,
    pub job: Option<DbJob>,
    pub form: ConnectForm,
    pub open: bool,
    pub error: Option<DbError>,
    /// Node id → how many of its neighbours were fetched, when the database holds more.
    pub more: HashMap<String, usize>,
}
