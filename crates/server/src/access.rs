//! Who may see and do what in a case.
//!
//! A case is private until its owner publishes it. Members see it with their role; instance
//! administrators (who operate the server and hold its database anyway) see every case; everyone
//! else sees a published case read-only, and for a private case gets exactly the answer a missing
//! case gives: 404.

use accord_core::CaseRole;
use accord_store::CaseHead;

use crate::auth::Viewer;
use crate::{AppError, AppState};

/// A viewer's access to one case, established once per request.
#[derive(Debug, Clone)]
pub struct CaseAccess {
    pub case: CaseHead,
    pub role: Option<CaseRole>,
    pub admin: bool,
    /// The viewer's e-mail address: a restricted record names the members it is shown to by it.
    pub email: Option<String>,
}

impl CaseAccess {
    /// Load the case and the viewer's role; `NotFound` if the viewer may not see it.
    pub async fn load(
        state: &AppState,
        viewer: &Viewer,
        case_id: &str,
    ) -> Result<CaseAccess, AppError> {
        let case = state
            .store
            .case_head(case_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let role = match &viewer.user {
            Some(u) => state.store.role(case_id, u.id).await?,
            None => None,
        };
        let admin = viewer.is_admin();
        if !(case.published || role.is_some() || admin) {
            return Err(AppError::NotFound);
        }
        Ok(CaseAccess {
            case,
            role,
            admin,
            email: viewer.user.as_ref().map(|u| u.email.clone()),
        })
    }

    /// The effective role: administrators act as owners.
    pub fn effective(&self) -> Option<CaseRole> {
        if self.admin {
            Some(CaseRole::Owner)
        } else {
            self.role
        }
    }

    /// Which records of the case this viewer may see (see `visibility.rs`): owners and
    /// administrators every record, other members the public, case and restricted-to-them ones,
    /// everyone else the public ones.
    pub fn audience(&self) -> accord_store::Audience {
        match (self.effective(), &self.email) {
            (Some(CaseRole::Owner), _) => accord_store::Audience::Everything,
            (Some(_), Some(email)) => accord_store::Audience::Member(email.clone()),
            _ => accord_store::Audience::Public,
        }
    }

    /// The same, as accord-core's rule names a reader.
    pub fn reader(&self) -> accord_core::Reader<'_> {
        match (self.effective(), &self.email) {
            (Some(CaseRole::Owner), _) => accord_core::Reader::Owner,
            (Some(_), Some(email)) => accord_core::Reader::Member(email),
            _ => accord_core::Reader::Public,
        }
    }

    pub fn can_edit(&self) -> bool {
        self.effective().is_some_and(CaseRole::can_edit)
    }
    pub fn can_review(&self) -> bool {
        self.effective().is_some_and(CaseRole::can_review)
    }
    pub fn can_manage(&self) -> bool {
        self.effective().is_some_and(CaseRole::can_manage)
    }

    fn require(&self, ok: bool, viewer: &Viewer, what: &str) -> Result<(), AppError> {
        match (ok, &viewer.user) {
            (true, _) => Ok(()),
            (false, None) => Err(AppError::Unauthorized),
            (false, Some(_)) => Err(AppError::Forbidden(format!(
                "Your role in this case does not allow you to {what}."
            ))),
        }
    }

    pub fn require_edit(&self, viewer: &Viewer) -> Result<(), AppError> {
        self.require(self.can_edit(), viewer, "edit it")
    }
    pub fn require_review(&self, viewer: &Viewer) -> Result<(), AppError> {
        self.require(self.can_review(), viewer, "review findings")
    }
    pub fn require_manage(&self, viewer: &Viewer) -> Result<(), AppError> {
        self.require(self.can_manage(), viewer, "manage it")
    }
}
