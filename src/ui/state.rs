//! The app's shared state: the assessments on this device, the models they use, the toolkit.
//!
//! As in Leptos's todomvc, plain core types sit in signals and change only through their own
//! operations: every edit is a [`Change`] handed to [`AppState::update`]. What is saved, and
//! when, is decided here:
//!
//! * each assessment is its own storage record; only the one that changed is written, a short
//!   moment after the last keystroke (and at once when the page is hidden or closed);
//! * every record carries a revision; a write over a revision another window saved is refused
//!   by the core, and this window replays its unsaved changes on top of the newer version and
//!   writes again, telling the user that both were kept;
//! * another window's saves arrive through the browser's `storage` event and are merged the
//!   same way, so a projector window and a console window never erase each other.

use crate::ui::storage::{AppStorage, Notice};
use leptos::prelude::*;
use megaip_core::answers::assessment::{Assessment, Change};
use megaip_core::answers::workshop::Workshop;
use megaip_core::answers::workspace::{ImportPolicy, Workspace};
use megaip_core::base::ids::AssessmentId;
use megaip_core::base::locale::Lang;
use megaip_core::content::bundle::Content;
use megaip_core::content::model::{Model, ModelRef};
use megaip_core::content::toolkit::Haga;
use megaip_core::content::upgrade::Upgrade;
use megaip_core::exchange::keys;
use megaip_core::exchange::records::{self, WriteError};
use megaip_core::exchange::storage::Backend;
use megaip_core::exchange::workshop_file;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// How long after the last change an assessment is written.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Per assessment: the revision this window last read or wrote, and the changes made here
/// since then that are not saved yet.
#[derive(Default)]
struct Sync {
    revisions: HashMap<String, u64>,
    pending: HashMap<String, Vec<Change>>,
    timer: Option<TimeoutHandle>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The assessments on this device. Read it; change it only through the methods below.
    pub workspace: RwSignal<Workspace>,
    /// Bundled models first, then those the user loaded.
    pub models: RwSignal<Vec<Arc<Model>>>,
    /// Ids of assessments with changes not yet saved (shown as "not saved yet").
    pub unsaved: RwSignal<Vec<String>>,
    /// Ids of assessments whose last write failed (the device is full, or storage refused).
    pub failed: RwSignal<Vec<String>>,
    /// The page element of the question edited last, so a failed save is said next to it.
    pub last_edited: RwSignal<Option<String>>,
    /// The workshops run on this device.
    pub workshops: RwSignal<Vec<Workshop>>,
    mega_ip: StoredValue<Arc<Model>>,
    haga: StoredValue<Arc<Haga>>,
    upgrades: StoredValue<Arc<Vec<Upgrade>>>,
    /// How many earlier MEGA IP versions follow the current one in `models`.
    earlier: StoredValue<usize>,
    sync: StoredValue<Sync, LocalStorage>,
    storage: AppStorage,
}

impl AppState {
    /// Loads everything saved on the device, with the content the app shows (read by
    /// `ui::content`, which calls this once the first load has landed).
    pub fn provide(storage: AppStorage, content: Content) -> Self {
        let Content {
            mega_ip,
            earlier,
            upgrades,
            haga,
        } = content;
        let mega_ip = Arc::new(mega_ip);
        let haga = Arc::new(haga);
        let mut models: Vec<Arc<Model>> = vec![mega_ip.clone()];
        let earlier_count = earlier.len();
        models.extend(earlier.into_iter().map(Arc::new));
        models.extend(load_user_models(storage).into_iter().map(Arc::new));
        let refs: Vec<&Model> = models.iter().map(|m| m.as_ref()).collect();
        let loaded = storage
            .with_backend(|b| records::load_all(b, &refs, Some(&haga)))
            .unwrap_or_default();
        if !loaded.problems.is_empty() {
            storage.notify(Notice::SetAside);
        }
        if loaded.migration_failed {
            storage.notify(Notice::QuotaFull);
        }
        let mut sync = Sync::default();
        for r in &loaded.records {
            sync.revisions.insert(r.assessment.id().to_string(), r.revision);
        }
        let workspace = Workspace::new(loaded.records.into_iter().map(|r| r.assessment).collect());
        let state = AppState {
            workspace: RwSignal::new(workspace),
            models: RwSignal::new(models),
            unsaved: RwSignal::new(Vec::new()),
            failed: RwSignal::new(Vec::new()),
            last_edited: RwSignal::new(None),
            workshops: RwSignal::new(storage.with_backend(workshop_file::load_all).unwrap_or_default()),
            mega_ip: StoredValue::new(mega_ip),
            haga: StoredValue::new(haga),
            upgrades: StoredValue::new(Arc::new(upgrades)),
            earlier: StoredValue::new(earlier_count),
            sync: StoredValue::new_local(sync),
            storage,
        };
        state.listen();
        // How many assessments have changes not saved yet, on <html data-unsaved>: the page's
        // styles and the browser tests read it.
        Effect::new(move || {
            let n = state.unsaved.with(Vec::len);
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-unsaved", &n.to_string());
            }
        });
        provide_context(state);
        state
    }

    /// Another window's saves, and saving before the page goes away.
    fn listen(self) {
        let on_storage = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
            let Some(key) = e.key() else { return };
            if let Some(id) = keys::assessment_id(&key) {
                self.external_change(id);
            }
        });
        let on_hide = window_event_listener(leptos::ev::pagehide, move |_| self.flush());
        let on_visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.flush();
            }
        });
        // The state lives as long as the app; the handles are kept so the listeners stay.
        std::mem::forget((on_storage, on_hide, on_visibility));
    }

    /// Another window saved or deleted assessment `id`.
    fn external_change(&self, id: &str) {
        let stored = self.storage.with_backend(|b| records::read(b, id)).and_then(Result::ok);
        match stored.flatten() {
            None => {
                let had = self.workspace.with_untracked(|w| w.contains(id));
                let pending = self
                    .sync
                    .with_value(|s| s.pending.get(id).is_some_and(|p| !p.is_empty()));
                if had && !pending {
                    self.workspace.update(|w| {
                        w.delete(id);
                    });
                    self.sync.update_value(|s| {
                        s.revisions.remove(id);
                    });
                    self.storage.notify(Notice::DeletedElsewhere);
                }
            }
            Some(record) => {
                let known = self.sync.with_value(|s| s.revisions.get(id).copied().unwrap_or(0));
                if record.revision <= known {
                    return;
                }
                let pending = self.sync.with_value(|s| s.pending.get(id).cloned().unwrap_or_default());
                let merged = if pending.is_empty() {
                    record.assessment
                } else {
                    self.storage.notify(Notice::Merged);
                    Assessment::rebase(&record.assessment, &pending, &now_iso())
                };
                self.sync.update_value(|s| {
                    s.revisions.insert(id.to_owned(), record.revision);
                });
                self.workspace.update(|w| w.put(merged));
            }
        }
    }

    /// The same content in another language (the interface language changed). The models
    /// keep their identities, so every assessment still finds its own.
    pub fn replace_content(&self, content: Content) {
        let mega_ip = Arc::new(content.mega_ip);
        let bundled = 1 + self.earlier.get_value();
        self.earlier.set_value(content.earlier.len());
        self.models.update(|models| {
            let loaded: Vec<Arc<Model>> = models.drain(..).skip(bundled).collect();
            models.push(mega_ip.clone());
            models.extend(content.earlier.into_iter().map(Arc::new));
            models.extend(loaded);
        });
        self.mega_ip.set_value(mega_ip);
        self.haga.set_value(Arc::new(content.haga));
        self.upgrades.set_value(Arc::new(content.upgrades));
    }

    /// The bundled MEGA IP model, which the toolkit refers to.
    pub fn mega_ip(&self) -> Arc<Model> {
        self.mega_ip.get_value()
    }

    /// The bundled toolkit (HAGA), which goes with MEGA IP.
    pub fn haga(&self) -> Arc<Haga> {
        self.haga.get_value()
    }

    /// Whether HAGA's recommendations apply to assessments of this model: its tools and cases
    /// are classified by MEGA IP's pillars and stages.
    pub fn toolkit_applies(&self, model: &Model) -> bool {
        self.mega_ip().id() == model.id()
    }

    /// The models a new assessment can be made with: every model but the earlier versions of
    /// MEGA IP, which are kept only to open what was made with them.
    pub fn models_for_new(&self) -> Vec<Arc<Model>> {
        let earlier = self.earlier.get_value();
        self.models.with(|ms| {
            ms.iter()
                .enumerate()
                .filter(|(i, _)| *i == 0 || *i > earlier)
                .map(|(_, m)| m.clone())
                .collect()
        })
    }

    /// The models the user loaded (after the bundled ones).
    pub fn user_models(&self) -> Vec<Arc<Model>> {
        let bundled = 1 + self.earlier.get_value();
        self.models.with(|ms| ms.iter().skip(bundled).cloned().collect())
    }

    /// The upgrade that carries assessments of `model` to a newer version the app has, with
    /// that version.
    pub fn upgrade_for(&self, model: &ModelRef) -> Option<(Upgrade, Arc<Model>)> {
        let upgrade = self.upgrades.with_value(|u| Upgrade::from_model(u, model).cloned())?;
        let newer = self
            .models
            .with(|ms| ms.iter().find(|m| upgrade.leads_to(m)).cloned())?;
        Some((upgrade, newer))
    }

    /// The questions the upgrade to `model` asks again (split or changed) or adds: fixed for a
    /// model, so callers work it out once, not per question or per keystroke.
    pub fn asked_again(&self, model: &Model) -> Vec<String> {
        self.upgrades.with_value(|ups| {
            ups.iter()
                .filter(|u| u.leads_to(model))
                .flat_map(|u| u.asked_again(model))
                .map(|c| c.to_string())
                .collect()
        })
    }

    /// The exact model an assessment was made with, if the app has it.
    pub fn model_for(&self, reference: &ModelRef) -> Option<Arc<Model>> {
        self.models.with(|ms| ms.iter().find(|m| m.is(reference)).cloned())
    }

    pub fn assessment(&self, id: &str) -> Option<Assessment> {
        self.workspace.with(|w| w.get(id).cloned())
    }

    /// Changes one assessment; it is saved a moment later.
    pub fn update(&self, id: &str, change: Change) {
        let now = now_iso();
        let mut applied = false;
        self.workspace.update(|w| applied = w.apply(id, &change, &now));
        if !applied {
            return;
        }
        self.sync
            .update_value(|s| s.pending.entry(id.to_owned()).or_default().push(change));
        // Only the first change of a pause marks the assessment unsaved: notifying on every
        // keystroke would re-run whatever shows "not saved yet".
        if !self.unsaved.with_untracked(|u| u.iter().any(|x| x == id)) {
            self.unsaved.update(|u| u.push(id.to_owned()));
        }
        self.schedule_flush();
    }

    fn schedule_flush(&self) {
        let this = *self;
        let handle = set_timeout_with_handle(move || this.flush(), SAVE_DELAY).ok();
        self.sync.update_value(|s| {
            if let Some(old) = s.timer.take() {
                old.clear();
            }
            s.timer = handle;
        });
    }

    /// Writes every assessment with unsaved changes.
    pub fn flush(&self) {
        let ids: Vec<String> = self.sync.with_value(|s| s.pending.keys().cloned().collect());
        for id in ids {
            if self.write(&id) {
                self.sync.update_value(|s| {
                    s.pending.remove(&id);
                });
                self.unsaved.update(|u| u.retain(|x| *x != id));
                if self.failed.with_untracked(|f| f.contains(&id)) {
                    self.failed.update(|f| f.retain(|x| *x != id));
                }
            } else if !self.failed.with_untracked(|f| f.contains(&id)) {
                // Kept as unsaved: the next change, or the next flush, tries again.
                self.failed.update(|f| f.push(id.clone()));
            }
        }
    }

    /// Writes one assessment over the revision this window knows, merging when another window
    /// saved first. Returns whether it is saved.
    fn write(&self, id: &str) -> bool {
        for _ in 0..3 {
            let Some(current) = self.workspace.with_untracked(|w| w.get(id).cloned()) else {
                return true;
            };
            let base = self.sync.with_value(|s| s.revisions.get(id).copied().unwrap_or(0));
            match self.storage.with_backend(|b| records::write(b, &current, base)) {
                Some(Ok(revision)) => {
                    self.sync.update_value(|s| {
                        s.revisions.insert(id.to_owned(), revision);
                    });
                    return true;
                }
                Some(Err(WriteError::Stale(stored))) => {
                    let pending = self.sync.with_value(|s| s.pending.get(id).cloned().unwrap_or_default());
                    let merged = Assessment::rebase(&stored.assessment, &pending, &now_iso());
                    self.sync.update_value(|s| {
                        s.revisions.insert(id.to_owned(), stored.revision);
                    });
                    self.workspace.update(|w| w.put(merged));
                    self.storage.notify(Notice::Merged);
                }
                Some(Err(WriteError::Save(e))) => {
                    self.storage.report(&e);
                    return false;
                }
                None => return false,
            }
        }
        false
    }

    /// Adds a new assessment and saves it at once.
    pub fn create(&self, assessment: Assessment) -> AssessmentId {
        let id = assessment.id().clone();
        self.workspace.update(|w| w.put(assessment));
        self.sync.update_value(|s| {
            s.revisions.insert(id.to_string(), 0);
            s.pending.insert(id.to_string(), Vec::new());
        });
        self.flush();
        id
    }

    /// A copy to reassess later; returns its id.
    pub fn duplicate(&self, id: &str) -> Option<AssessmentId> {
        let copy = self.assessment(id)?.duplicate(new_id(), &now_iso());
        Some(self.create(copy))
    }

    /// Brings in an imported assessment with the user's choice for a clash.
    pub fn import(&self, assessment: Assessment, policy: ImportPolicy) -> AssessmentId {
        let mut id = AssessmentId::default();
        self.workspace.update(|w| id = w.import(assessment, policy));
        // Replacing writes over whatever is stored now: the user chose the file's version.
        let stored = self
            .storage
            .with_backend(|b| records::read(b, &id))
            .and_then(Result::ok)
            .flatten()
            .map_or(0, |r| r.revision);
        self.sync.update_value(|s| {
            s.revisions.insert(id.to_string(), stored);
            s.pending.insert(id.to_string(), Vec::new());
        });
        self.flush();
        id
    }

    pub fn delete(&self, id: &str) {
        self.workspace.update(|w| {
            w.delete(id);
        });
        self.sync.update_value(|s| {
            s.pending.remove(id);
            s.revisions.remove(id);
        });
        self.unsaved.update(|u| u.retain(|x| x != id));
        if let Some(Err(e)) = self.storage.with_backend(|b| records::delete(b, id)) {
            self.storage.report(&e);
        }
    }

    /// The workshop with this code, as saved now (another window may have changed it).
    pub fn workshop(&self, code: &str) -> Option<Workshop> {
        let key = keys::workshop(code);
        let fresh = self
            .storage
            .with_backend(|b| {
                megaip_core::exchange::storage::load_raw::<Workshop, _>(b, &key)
                    .ok()
                    .flatten()
            })
            .flatten();
        fresh.or_else(|| {
            self.workshops
                .with_untracked(|ws| ws.iter().find(|w| w.id == code).cloned())
        })
    }

    /// A participant's own answers to a workshop, kept on their phone.
    pub fn load_response(&self, code: &str) -> Option<megaip_core::answers::workshop::Response> {
        let key = keys::response(code);
        self.storage
            .with_backend(|b| megaip_core::exchange::storage::load_raw(b, &key).ok().flatten())
            .flatten()
    }

    pub fn save_response(&self, code: &str, response: &megaip_core::answers::workshop::Response) {
        let key = keys::response(code);
        let text = megaip_core::exchange::storage::encode(response);
        let saved = self.storage.with_backend(|b| match text {
            Ok(t) => b.set(&key, &t).map_err(megaip_core::exchange::storage::SaveError::from),
            Err(e) => Err(e),
        });
        if let Some(Err(e)) = saved {
            self.storage.report(&e);
        }
    }

    /// Saves a workshop (the facilitator's console is its only writer).
    pub fn save_workshop(&self, workshop: Workshop) -> bool {
        let saved = self.storage.with_backend(|b| workshop_file::save(b, &workshop));
        match saved {
            Some(Ok(())) => {
                self.workshops
                    .update(|ws| match ws.iter_mut().find(|w| w.id == workshop.id) {
                        Some(w) => *w = workshop,
                        None => ws.push(workshop),
                    });
                true
            }
            Some(Err(e)) => {
                self.storage.report(&e);
                false
            }
            None => false,
        }
    }

    /// Notes that the device's data was just written to a file (a copy or a results file).
    pub fn mark_exported(&self) {
        let answers = self
            .workspace
            .with_untracked(|w| w.all().iter().map(|a| a.answers().len()).sum());
        let mark = megaip_core::exchange::backup::ExportMark {
            at_ms: js_sys::Date::now() as u64,
            answers,
        };
        self.storage.save(keys::EXPORTS, &mark);
    }

    /// The advisor's hand-made joins of assessments to another municipality's history.
    pub fn desk_links(&self) -> std::collections::BTreeMap<String, String> {
        self.storage.load(keys::DESK_LINKS).unwrap_or_default()
    }

    /// Saves those joins; `false` (and a notice) when the device refused.
    pub fn set_desk_links(&self, links: &std::collections::BTreeMap<String, String>) -> bool {
        self.storage.save(keys::DESK_LINKS, links)
    }

    /// The texts of the models the user loaded, as stored.
    pub fn model_texts(&self) -> Vec<String> {
        self.storage.load(keys::MODELS).unwrap_or_default()
    }

    /// Adds a model the user loaded (its file text is kept and re-validated on every start).
    pub fn add_model(&self, model: Model, text: String) {
        let mut texts: Vec<String> = self.storage.load(keys::MODELS).unwrap_or_default();
        texts.push(text);
        if self.storage.save(keys::MODELS, &texts) {
            self.models.update(|ms| ms.push(Arc::new(model)));
        }
    }
}

/// The models the user loaded before, from their file texts. A text that no longer validates
/// stays stored (never deleted) and is reported. Models stored by older versions of the app are
/// moved to the current key first.
fn load_user_models(storage: AppStorage) -> Vec<Model> {
    let mut texts: Vec<String> = storage.load(keys::MODELS).unwrap_or_default();
    let old: Option<Vec<serde_json::Value>> = storage.load(keys::MODELS_V1);
    if let Some(old) = old {
        texts.extend(old.iter().map(|v| v.to_string()));
        if storage.save(keys::MODELS, &texts) {
            storage.remove(keys::MODELS_V1);
        }
    }
    let mut models = Vec::new();
    for text in &texts {
        match Model::parse(text) {
            Ok(m) => models.push(m),
            Err(_) => storage.notify(Notice::SetAside),
        }
    }
    models
}

/// The `:id` segment of the current route.
pub fn use_id_param() -> Memo<String> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()))
}

/// For routes about one assessment: its id, and the model it was made with (`None` when either
/// is unknown here, which the pages show as "not found"). Memos, so answering a question does
/// not rebuild the page.
pub fn use_assessment_route() -> (Memo<String>, Memo<Option<ModelRef>>) {
    let state = use_state();
    let id = use_id_param();
    let model = Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.get(&id.get()).map(|a| a.model().clone()))
            .filter(|r| state.model_for(r).is_some())
    });
    (id, model)
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// The interface language as a core value.
pub fn use_lang() -> Signal<Lang> {
    let i18n = crate::ui::i18n::use_i18n();
    Signal::derive(move || i18n.get_locale().into())
}

/// The language to show a model's own texts in (the interface language when the model has it;
/// the rule is `Model::content_lang`).
pub fn content_lang(model: Arc<Model>, lang: Signal<Lang>) -> Signal<Lang> {
    Signal::derive(move || model.content_lang(lang.get()))
}

/// The browser's clock, as ISO 8601 UTC (`2026-11-21T20:55:00.000Z`).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A new id, unique on this device and unlikely to collide with one from another device.
pub fn new_id() -> AssessmentId {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    AssessmentId::new(format!("a-{time:x}-{random:x}"))
}
