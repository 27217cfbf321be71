//! The app's shared state: the assessments on this device and the models they use.
//!
//! As in Leptos's todomvc: plain domain types ([`Workspace`], [`Model`]) in signals, changed
//! through their own methods, and one `Effect` per collection that saves it whenever it changes.
//! Every edit is therefore saved at once; there is no save button to forget.

use crate::domain::assessment::{Assessment, Workspace, ASSESSMENTS_KEY, ASSESSMENTS_KEY_V1};
use crate::domain::haga::Haga;
use crate::domain::model::{Model, ModelRef};
use crate::domain::prefs::Lang;
use crate::domain::storage::Key;
use crate::ui::i18n::use_i18n;
use crate::ui::storage::AppStorage;
use leptos::prelude::*;
use std::sync::Arc;

/// Models the user loaded from files (the bundled ones are not stored).
pub const MODELS_KEY: Key = Key::new("models", 1);

#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    /// Bundled models first, then those the user loaded.
    pub models: RwSignal<Vec<Arc<Model>>>,
    /// The bundled HAGA toolkit (read-only).
    pub haga: StoredValue<Arc<Haga>>,
}

impl AppState {
    pub fn provide(storage: AppStorage) -> Self {
        // Version 1 of the stored list had no canvases or plan; it reads as version 2 and is
        // saved under the new key on the first change (the old key is left as it was).
        let stored = storage
            .load::<Workspace>(ASSESSMENTS_KEY)
            .or_else(|| storage.load(ASSESSMENTS_KEY_V1));
        let workspace = RwSignal::new(stored.unwrap_or_default());
        let mut models = vec![Arc::new(Model::mega_ip())];
        let loaded: Vec<Model> = storage.load(MODELS_KEY).unwrap_or_default();
        models.extend(loaded.into_iter().map(Arc::new));
        let models = RwSignal::new(models);

        // Save on every change after the first run (which is the load itself).
        Effect::new(move |first: Option<()>| {
            workspace.with(|w| {
                if first.is_some() {
                    storage.save(ASSESSMENTS_KEY, w);
                }
            });
        });
        Effect::new(move |first: Option<()>| {
            models.with(|m| {
                if first.is_some() {
                    let user: Vec<&Model> = m.iter().skip(1).map(|m| m.as_ref()).collect();
                    storage.save(MODELS_KEY, &user);
                }
            });
        });

        let state = AppState {
            workspace,
            models,
            haga: StoredValue::new(Arc::new(Haga::bundled())),
        };
        provide_context(state);
        state
    }

    /// The bundled MEGA IP model, which the toolkit refers to.
    pub fn mega_ip(&self) -> Arc<Model> {
        self.models.with_untracked(|m| m[0].clone())
    }

    pub fn haga(&self) -> Arc<Haga> {
        self.haga.get_value()
    }

    /// The exact model an assessment was made with, if the app has it.
    pub fn model_for(&self, reference: &ModelRef) -> Option<Arc<Model>> {
        self.models.with(|ms| {
            ms.iter()
                .find(|m| m.id == reference.id && m.version == reference.version)
                .cloned()
        })
    }

    pub fn assessment(&self, id: &str) -> Option<Assessment> {
        self.workspace.with(|w| w.get(id).cloned())
    }

    /// Changes one assessment in place (and so saves it).
    pub fn update(&self, id: &str, change: impl FnOnce(&mut Assessment, &str)) {
        let now = now_iso();
        self.workspace.update(|w| {
            if let Some(a) = w.get_mut(id) {
                change(a, &now);
            }
        });
    }
}

/// The `:id` segment of the current route.
pub fn use_id_param() -> Memo<String> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()))
}

/// For routes about one assessment: its id, and the model it was made with (`None` when either
/// is unknown here, which the pages show as "not found"). Memos, so answering a question does
/// not rebuild the page.
pub fn use_assessment_route() -> (Memo<String>, Memo<Option<Arc<Model>>>) {
    let state = use_state();
    let id = use_id_param();
    let model = Memo::new(move |_| state.assessment(&id.get()).and_then(|a| state.model_for(&a.model)));
    (id, model)
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// The interface language as a domain value, for picking content texts.
pub fn use_lang() -> Signal<Lang> {
    let i18n = use_i18n();
    Signal::derive(move || i18n.get_locale().into())
}

/// The browser's clock, as ISO 8601 UTC (`2026-11-21T20:55:00.000Z`).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A new id, unique on this device and unlikely to collide with one from another device.
pub fn new_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("a-{time:x}-{random:x}")
}
