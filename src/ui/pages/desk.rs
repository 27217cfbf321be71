//! `/asesoria`, the advisor's desk: results files from many municipalities, received at once,
//! checked like any import (bad ones named with their reason, the rest kept), kept on this device
//! in a read-only collection (`ui::collection`), and read side by side in one table: the stage
//! of each pillar, the overall reading and the unmet conditions, with search, filters, sort and
//! the spreadsheets (`reports::table`) to hand to a team.
//!
//! The rows are `analysis::compare`'s: the latest assessment of each municipality unless the
//! advisor asks for every one.

pub(crate) mod history;
mod spread;
mod views;

use crate::ui::collection::{self, CollectionError};
use crate::ui::files::{download, picked_files, read_texts};
use crate::ui::i18n::*;
use crate::ui::state::{use_lang, use_state, AppState};
use leptos::prelude::*;
use leptos_router::components::A;
use megaip_core::analysis::compare::{history_key, latest_linked, row, Row};
use megaip_core::analysis::overview::{spread, Filter};
use megaip_core::answers::assessment::Assessment;
use megaip_core::content::model::Model;
use megaip_core::content::places::PopulationBand;
use megaip_core::exchange::results::{import, MAX_RESULTS_BYTES};
use megaip_core::exchange::workshop_file;
use megaip_core::messages::{catalog, country_or_code, stage_name};
use megaip_core::reports::table::{answers_csv, assessments_csv};
use std::sync::Arc;

/// One file of the collection, read.
#[derive(Clone, PartialEq)]
pub(crate) struct Entry {
    pub(crate) assessment: Assessment,
    pub(crate) model: Arc<Model>,
    row: Row,
}

impl Entry {
    /// An assessment with its model, scored.
    pub(crate) fn new(assessment: Assessment, model: Arc<Model>) -> Entry {
        let row = row(&model, &assessment);
        Entry { assessment, model, row }
    }
}

/// A file's text read as an entry, through the same import as any results file.
pub(crate) fn read_entry(state: &AppState, text: &str) -> Result<Entry, megaip_core::exchange::results::ImportError> {
    let models = state.models.get_untracked();
    let refs: Vec<&Model> = models.iter().map(|m| m.as_ref()).collect();
    let assessment = import(text, &refs, Some(&state.haga()))?.assessment;
    let model = models.iter().find(|m| m.is(assessment.model())).cloned().ok_or(
        megaip_core::exchange::results::ImportError::UnknownModel {
            id: assessment.model().id.clone(),
            version: assessment.model().version.clone(),
        },
    )?;
    Ok(Entry::new(assessment, model))
}

/// Rows shown at first, and added by each "show more".
const PAGE_ROWS: usize = 50;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sort {
    Municipality,
    DateNewest,
    IndexHighest,
    IndexLowest,
}

#[component]
pub fn Desk() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let entries: RwSignal<Vec<Entry>> = RwSignal::new(Vec::new());
    let loaded = RwSignal::new(false);
    let said: RwSignal<Option<(bool, String)>> = RwSignal::new(None);
    let refused: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    // Workshop files received: their votes show in their assessment's report.
    let workshop_keys: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let say_error = move |e: CollectionError| {
        let text = match e {
            CollectionError::Unavailable => t_string!(i18n, desk.unavailable),
            CollectionError::Full => t_string!(i18n, desk.full),
            CollectionError::Failed => t_string!(i18n, desk.failed),
        };
        said.set(Some((false, text.to_owned())));
    };
    leptos::task::spawn_local(async move {
        match collection::all().await {
            Ok(files) => {
                // A workshop file's key starts with the prefix; an assessment whose id happens
                // to start so is still read as the results file it is.
                let (workshops, results): (Vec<_>, Vec<_>) = files.into_iter().partition(|(key, text)| {
                    key.starts_with(collection::WORKSHOP_PREFIX) && workshop_file::read(text).is_ok()
                });
                workshop_keys.set(workshops.into_iter().map(|(key, _)| key).collect());
                entries.set(
                    results
                        .iter()
                        .filter_map(|(_, text)| read_entry(&state, text).ok())
                        .collect(),
                );
            }
            Err(e) => say_error(e),
        }
        loaded.set(true);
    });
    let receive = move |ev: leptos::ev::Event| {
        let files = picked_files(&ev);
        leptos::task::spawn_local(async move {
            let c = catalog(lang.get_untracked());
            let mut good: Vec<(String, String, Entry)> = Vec::new();
            let mut bad = Vec::new();
            let mut workshops: Vec<(String, String)> = Vec::new();
            let texts = read_texts(&files, MAX_RESULTS_BYTES).await;
            for (file, text) in files.iter().zip(texts) {
                let Ok(text) = text else {
                    bad.push(format!("{}: {}", file.name(), t_string!(i18n, desk.unreadable)));
                    continue;
                };
                match read_entry(&state, &text) {
                    Ok(entry) => good.push((entry.assessment.id().to_string(), text, entry)),
                    // A workshop file from the workshop mode is kept too, for its votes.
                    Err(e) => match workshop_file::read(&text) {
                        Ok(w) => workshops.push((collection::workshop_key(&w.id), text)),
                        Err(_) => bad.push(format!("{}: {}", file.name(), c.import_error(&e))),
                    },
                }
            }
            let mut pairs: Vec<(String, String)> = good.iter().map(|(k, t, _)| (k.clone(), t.clone())).collect();
            let new_workshops: Vec<String> = workshops.iter().map(|(k, _)| k.clone()).collect();
            pairs.extend(workshops);
            let n = pairs.len();
            match collection::put(&pairs).await {
                Ok(()) => {
                    workshop_keys.update(|keys| {
                        keys.retain(|k| !new_workshops.contains(k));
                        keys.extend(new_workshops);
                    });
                    entries.update(|all| {
                        for (_, _, e) in good {
                            all.retain(|x| x.assessment.id() != e.assessment.id());
                            all.push(e);
                        }
                    });
                    said.set(Some((
                        true,
                        t_string!(i18n, desk.added, count = n, bad = bad.len()).to_string(),
                    )));
                }
                Err(e) => say_error(e),
            }
            refused.set(bad);
        });
    };

    // Assessments the advisor joined by hand to another municipality's history.
    let links = RwSignal::new(state.desk_links());
    let every = RwSignal::new(false);
    let search = RwSignal::new(String::new());
    let country = RwSignal::new(String::new());
    let stage = RwSignal::new(String::new());
    let stage_in = RwSignal::new(String::new());
    let band = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let heat = RwSignal::new(false);
    let sort = RwSignal::new(Sort::Municipality);
    // The collection's first model is the table's; files of other models are counted apart.
    let model = Memo::new(move |_| entries.with(|e| e.first().map(|x| x.model.clone())));
    let shown = Memo::new(move |_| {
        let Some(m) = model.get() else { return Vec::new() };
        let rows: Vec<Row> = entries.with(|all| {
            all.iter()
                .filter(|e| e.model.is(&m.reference()))
                .map(|e| e.row.clone())
                .collect()
        });
        let mut rows: Vec<Row> = if every.get() {
            rows
        } else {
            links.with(|l| latest_linked(&rows, l).into_iter().cloned().collect())
        };
        match sort.get() {
            Sort::Municipality => rows.sort_by(|a, b| a.folded_name.cmp(&b.folded_name)),
            Sort::DateNewest => rows.sort_by(|a, b| b.profile.date.cmp(&a.profile.date)),
            Sort::IndexHighest => rows.sort_by(|a, b| b.mean_index.total_cmp(&a.mean_index)),
            Sort::IndexLowest => rows.sort_by(|a, b| a.mean_index.total_cmp(&b.mean_index)),
        }
        rows
    });
    // At most `limit` rows are shown: the browser lays out a long table slowly, and an advisor
    // reads a screenful at a time; "show more" adds the next ones.
    let limit = RwSignal::new(PAGE_ROWS);
    let filter = Memo::new(move |_| Filter {
        country: country.get(),
        band: band.with(|x| PopulationBand::from_id(x)),
        stage: stage.with(|s| s.parse().ok()),
        pillar: stage_in.get(),
        from: from.get(),
        to: to.get(),
        ..Filter::searching(&search.get())
    });
    let matches = Memo::new(move |_| {
        filter.with(|f| {
            shown.with(|rows| {
                rows.iter()
                    .filter(|r| f.keeps(r))
                    .map(|r| r.assessment.to_string())
                    .collect::<Vec<String>>()
            })
        })
    });
    // The stages of each pillar across the rows that match.
    let spread_now = Memo::new(move |_| {
        let m = model.get()?;
        let wanted: std::collections::HashSet<String> = matches.get().into_iter().collect();
        Some(shown.with(|rows| {
            spread(
                rows.iter().filter(|r| wanted.contains(r.assessment.as_str())),
                m.pillars().len(),
                m.stages().len(),
            )
        }))
    });
    // The rows on screen: the first `limit` that match, in order.
    let visible = Memo::new(move |_| {
        let n = limit.get();
        filter.with(|f| {
            shown.with(|rows| {
                rows.iter()
                    .filter(|r| f.keeps(r))
                    .take(n)
                    .cloned()
                    .collect::<Vec<Row>>()
            })
        })
    });
    let countries = Memo::new(move |_| {
        let mut all: Vec<String> = entries.with(|e| {
            e.iter()
                .map(|x| x.row.profile.country.clone())
                .filter(|c| !c.is_empty())
                .collect()
        });
        all.sort();
        all.dedup();
        all
    });
    // Side by side: up to four picked assessments. Over time: one municipality's assessments.
    let picked: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let history: RwSignal<Option<String>> = RwSignal::new(None);
    let dates_of = Memo::new(move |_| {
        let mut counts = std::collections::BTreeMap::<String, usize>::new();
        entries.with(|all| {
            links.with(|l| {
                for e in all {
                    *counts.entry(history_key(&e.row, l)).or_default() += 1;
                }
            })
        });
        counts
    });
    let shared = Shared {
        links,
        dates_of,
        picked,
        history,
    };
    let spreadsheet = move |answers: bool| {
        let Some(m) = model.get_untracked() else { return };
        let c = catalog(lang.get_untracked());
        // Every row that matches the filters, not only those on screen.
        let wanted: std::collections::HashSet<String> = matches.get_untracked().into_iter().collect();
        let rows: Vec<Row> = shown
            .get_untracked()
            .into_iter()
            .filter(|r| wanted.contains(r.assessment.as_str()))
            .collect();
        let (name, text) = if answers {
            let ids: Vec<String> = rows.iter().map(|r| r.assessment.to_string()).collect();
            let list = entries.get_untracked();
            let chosen: Vec<&Assessment> = list
                .iter()
                .map(|e| &e.assessment)
                .filter(|a| ids.iter().any(|i| i == a.id().as_str()))
                .collect();
            ("respuestas-municipios.csv", answers_csv(&m, &chosen, c))
        } else {
            ("municipios.csv", assessments_csv(&m, &rows, c))
        };
        let _ = download(name, "text/csv;charset=utf-8", &text);
    };
    let clear = move |_| {
        if !window()
            .confirm_with_message(t_string!(i18n, desk.clear_confirm))
            .unwrap_or(false)
        {
            return;
        }
        let mut keys: Vec<String> =
            entries.with_untracked(|e| e.iter().map(|x| x.assessment.id().to_string()).collect());
        keys.extend(workshop_keys.get_untracked());
        leptos::task::spawn_local(async move {
            match collection::remove(&keys).await {
                Ok(()) => {
                    entries.set(Vec::new());
                    workshop_keys.set(Vec::new());
                    said.set(Some((true, t_string!(i18n, desk.cleared).to_owned())));
                }
                Err(e) => say_error(e),
            }
        });
    };

    view! {
        <h1 tabindex="-1">{t!(i18n, desk.title)}</h1>
        <p class="lead">{t!(i18n, desk.lead)}</p>
        <section class="card" aria-labelledby="desk-add">
            <h2 id="desk-add">{t!(i18n, desk.add_title)}</h2>
            <p>{t!(i18n, desk.add_text)}</p>
            <label class="button button-primary file-button">
                {t!(i18n, desk.add)}
                <input id="desk-files" type="file" multiple accept=".json,application/json" class="visually-hidden" on:change=receive />
            </label>
            <div role="status" aria-live="polite">
                {move || said.get().map(|(ok, text)| view! { <p class=if ok { "status-ok" } else { "status-error" }>{text}</p> })}
                {move || (!refused.with(Vec::is_empty)).then(|| view! {
                    <ul class="desk-refused">{refused.get().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                })}
            </div>
            <p class="muted">{t!(i18n, desk.private)}</p>
        </section>
        <Show when=move || loaded.get() && !entries.with(Vec::is_empty) fallback=move || view! {
            <p class="muted">{move || if loaded.get() { t_string!(i18n, desk.empty) } else { t_string!(i18n, desk.loading) }}</p>
        }>
            <section aria-labelledby="desk-table-title">
                <h2 id="desk-table-title">{move || t_string!(i18n, desk.table_title, count = matches.with(Vec::len), total = entries.with(Vec::len)).to_string()}</h2>
                <div class="desk-filters">
                    <div class="field">
                        <label for="desk-search">{t!(i18n, desk.search)}</label>
                        <input id="desk-search" type="search" prop:value=search on:input=move |ev| search.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="desk-country">{t!(i18n, profile.country)}</label>
                        <select id="desk-country" on:change=move |ev| country.set(event_target_value(&ev))>
                            <option value="">{t!(i18n, desk.any)}</option>
                            {move || countries.get().into_iter().map(|code| {
                                let name = country_or_code(catalog(lang.get()), &code);
                                view! { <option value=code>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="desk-band">{t!(i18n, profile.population)}</label>
                        <select id="desk-band" on:change=move |ev| band.set(event_target_value(&ev))>
                            <option value="">{t!(i18n, desk.any)}</option>
                            {move || PopulationBand::ALL.into_iter().map(|b| view! { <option value=b.id()>{catalog(lang.get()).band(b)}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="desk-stage">{t!(i18n, desk.stage_filter)}</label>
                        <select id="desk-stage" on:change=move |ev| stage.set(event_target_value(&ev))>
                            <option value="">{t!(i18n, desk.any)}</option>
                            {move || model.get().map(|m| (0..=m.stages().len()).map(|level| {
                                let name = stage_name(catalog(lang.get()), &m, level);
                                view! { <option value=level.to_string()>{name}</option> }
                            }).collect_view())}
                        </select>
                    </div>
                    <div class="field">
                        <label for="desk-stage-in">{t!(i18n, desk.stage_in)}</label>
                        <select id="desk-stage-in" on:change=move |ev| stage_in.set(event_target_value(&ev))>
                            <option value="">{t!(i18n, desk.overall)}</option>
                            {move || model.get().map(|m| {
                                let l = m.content_lang(lang.get());
                                m.pillars().iter().map(|p| view! { <option value=p.id.to_string()>{p.name.get(l).to_owned()}</option> }).collect_view()
                            })}
                        </select>
                    </div>
                    <div class="field">
                        <label for="desk-from">{t!(i18n, desk.from)}</label>
                        <input id="desk-from" type="date" prop:value=from on:change=move |ev| from.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="desk-to">{t!(i18n, desk.to)}</label>
                        <input id="desk-to" type="date" prop:value=to on:change=move |ev| to.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="desk-sort">{t!(i18n, desk.sort)}</label>
                        <select id="desk-sort" on:change=move |ev| sort.set(match event_target_value(&ev).as_str() {
                            "date" => Sort::DateNewest,
                            "high" => Sort::IndexHighest,
                            "low" => Sort::IndexLowest,
                            _ => Sort::Municipality,
                        })>
                            <option value="name">{t!(i18n, desk.sort_name)}</option>
                            <option value="date">{t!(i18n, desk.sort_date)}</option>
                            <option value="high">{t!(i18n, desk.sort_high)}</option>
                            <option value="low">{t!(i18n, desk.sort_low)}</option>
                        </select>
                    </div>
                    <label class="choice" for="desk-every">
                        <input id="desk-every" type="checkbox" prop:checked=every on:change=move |ev| every.set(event_target_checked(&ev)) />
                        <span>{t!(i18n, desk.every)}</span>
                    </label>
                    <label class="choice" for="desk-heat">
                        <input id="desk-heat" type="checkbox" prop:checked=heat on:change=move |ev| heat.set(event_target_checked(&ev)) />
                        <span>{t!(i18n, desk.heat)}</span>
                    </label>
                </div>
                {move || Some(view! { <spread::StageSpread model=model.get()? spread=spread_now.get()? /> })}
                <div class="table-scroll">
                    <table class="desk-table" class:desk-heat=move || heat.get()>
                        <caption class="visually-hidden">{t!(i18n, desk.title)}</caption>
                        <thead><tr>
                            <th scope="col">{t!(i18n, profile.municipality)}</th>
                            <th scope="col">{t!(i18n, profile.country)}</th>
                            <th scope="col">{t!(i18n, profile.date)}</th>
                            {move || model.get().map(|m| {
                                let l = m.content_lang(lang.get());
                                m.pillars().iter().map(|p| view! { <th scope="col">{p.name.get(l).to_owned()}</th> }).collect_view()
                            })}
                            <th scope="col">{t!(i18n, desk.overall)}</th>
                            <th scope="col">{t!(i18n, desk.unmet)}</th>
                        </tr></thead>
                        <tbody>
                            // Keyed rows: a keystroke in the search adds and removes only the
                            // rows that change; a new language builds the rows again.
                            {move || {
                                let m = model.get()?;
                                let l = lang.get();
                                // A join made by hand changes rows' histories: build them again.
                                links.with(|_| ());
                                Some(view! {
                                    <For each=move || visible.get() key=|r| r.assessment.to_string() let:r>
                                        {desk_row(&r, &m, l, shared)}
                                    </For>
                                })
                            }}
                        </tbody>
                    </table>
                </div>
                {move || {
                    let left = matches.with(Vec::len).saturating_sub(limit.get());
                    (left > 0).then(|| view! {
                        <p><button type="button" class="button" id="desk-more" on:click=move |_| limit.update(|l| *l += PAGE_ROWS)>
                            {t_string!(i18n, desk.more, n = left.min(PAGE_ROWS), left = left).to_string()}
                        </button></p>
                    })
                }}
                <div class="actions">
                    <button type="button" class="button" id="desk-csv" on:click=move |_| spreadsheet(false)>{t!(i18n, desk.csv)}</button>
                    <button type="button" class="button" id="desk-answers-csv" on:click=move |_| spreadsheet(true)>{t!(i18n, desk.answers_csv)}</button>
                    <button type="button" class="button" on:click=clear>{t!(i18n, desk.clear)}</button>
                </div>
                <p class="muted">{t!(i18n, desk.read_only)}</p>
            </section>
            <p class="hint">{t!(i18n, desk.pick_hint)}</p>
            {move || {
                let ids = picked.get();
                let m = model.get()?;
                let chosen: Vec<Entry> = ids.iter().filter_map(|id| entries.with(|all| all.iter().find(|e| e.assessment.id().as_str() == id).cloned())).collect();
                (chosen.len() >= 2).then(|| view! { <views::SideBySide model=m picked=chosen /> })
            }}
            {move || {
                let place = history.get()?;
                let m = model.get()?;
                let same: Vec<Entry> = entries.with(|all| links.with(|l| all.iter().filter(|e| e.model.is(&m.reference()) && history_key(&e.row, l) == place).cloned().collect()));
                // Other municipalities of the collection, to join one of their assessments here.
                let others: Vec<(String, String)> = entries.with(|all| links.with(|l| {
                    let mut seen = std::collections::BTreeSet::new();
                    all.iter()
                        .filter(|e| e.model.is(&m.reference()) && history_key(&e.row, l) != place)
                        .filter(|e| seen.insert(e.assessment.id().to_string()))
                        .map(|e| (e.assessment.id().to_string(), format!("{} · {}", e.row.profile.municipality, e.row.profile.date)))
                        .collect()
                }));
                let joined: Vec<(String, String)> = same.iter()
                    .filter(|e| links.with(|l| l.contains_key(e.assessment.id().as_str())))
                    .map(|e| (e.assessment.id().to_string(), format!("{} · {}", e.row.profile.municipality, e.row.profile.date)))
                    .collect();
                Some(view! {
                    <history::History model=m entries=same />
                    <Join place others joined links />
                })
            }}
        </Show>
    }
}

/// Joining an assessment to this municipality's history by hand (a town written two ways, or
/// renamed), and taking one joined by hand back out. Kept on the device with the collection.
#[component]
fn Join(
    place: String,
    others: Vec<(String, String)>,
    joined: Vec<(String, String)>,
    links: RwSignal<std::collections::BTreeMap<String, String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let chosen = RwSignal::new(String::new());
    let save = move |next: std::collections::BTreeMap<String, String>| {
        if state.set_desk_links(&next) {
            links.set(next);
        }
    };
    let join = move |_| {
        let id = chosen.get_untracked();
        if id.is_empty() {
            return;
        }
        let mut next = links.get_untracked();
        next.insert(id, place.clone());
        save(next);
    };
    view! {
        <section class="card desk-join" aria-labelledby="join-title">
            <h3 id="join-title">{t!(i18n, desk.join_title)}</h3>
            <p>{t!(i18n, desk.join_text)}</p>
            <div class="desk-filters">
                <div class="field">
                    <label for="join-pick">{t!(i18n, desk.join_pick)}</label>
                    <select id="join-pick" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {others.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                    </select>
                </div>
                <button type="button" class="button" id="join-add" on:click=join>{t!(i18n, desk.join_add)}</button>
            </div>
            {(!joined.is_empty()).then(|| view! {
                <ul class="desk-joined">
                    {joined.into_iter().map(|(id, label)| view! {
                        <li>
                            {label} " "
                            <button type="button" class="link-button" on:click=move |_| {
                                let mut next = links.get_untracked();
                                next.remove(&id);
                                save(next);
                            }>{t!(i18n, desk.join_undo)}</button>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// What every row of the table reads and changes.
#[derive(Clone, Copy)]
struct Shared {
    links: RwSignal<std::collections::BTreeMap<String, String>>,
    /// How many assessments each history has.
    dates_of: Memo<std::collections::BTreeMap<String, usize>>,
    /// The assessments picked for side by side (at most four).
    picked: RwSignal<Vec<String>>,
    /// The history being read.
    history: RwSignal<Option<String>>,
}

impl Shared {
    fn toggle_pick(self, id: String, on: bool) {
        self.picked.update(|p| {
            p.retain(|x| *x != id);
            if on && p.len() < 4 {
                p.push(id);
            }
        });
    }
}

/// One row of the desk's table: the municipality (pick it for side by side, open its report or
/// its history), country, date, each pillar's stage and index, the overall reading.
fn desk_row(r: &Row, m: &Model, lang: megaip_core::base::locale::Lang, shared: Shared) -> impl IntoView {
    let Shared {
        links,
        dates_of,
        picked,
        history,
    } = shared;
    let i18n = use_i18n();
    let c = catalog(lang);
    let id = r.assessment.to_string();
    let pick_id = format!("pick-{id}");
    let place = links.with_untracked(|l| history_key(r, l));
    let dates = dates_of.with_untracked(|d| d.get(&place).copied().unwrap_or(1));
    let (id_a, id_b) = (id.clone(), id.clone());
    view! {
        <tr>
            <th scope="row">
                <span class="desk-pick">
                    <input type="checkbox" id=pick_id.clone()
                        prop:checked=move || picked.with(|p| p.contains(&id_a))
                        prop:disabled=move || picked.with(|p| p.len() >= 4 && !p.contains(&id_b))
                        on:change=move |ev| shared.toggle_pick(id.clone(), event_target_checked(&ev)) />
                    <label for=pick_id>
                        <span class="visually-hidden">{t!(i18n, desk.pick)} " "</span>{r.profile.municipality.clone()}
                    </label>
                </span>
                <br /><span class="muted">{r.profile.region.clone()}</span>
                <br /><A href=format!("/asesoria/{}", r.assessment) attr:class="desk-report">{t!(i18n, desk.open_report)}</A>
                {(dates > 1).then(|| view! {
                    <br /><button type="button" class="link-button" on:click=move |_| history.set(Some(place.clone()))>
                        {t_string!(i18n, desk.history_open, n = dates).to_string()}
                    </button>
                })}
            </th>
            <td>{country_or_code(c, &r.profile.country)}</td>
            <td>{r.profile.date.clone()}</td>
            {r.pillars.iter().map(|p| {
                let text = if p.assessed { format!("{} · {}", stage_name(c, m, p.level), c.number(p.index, 2)) } else { String::new() };
                view! { <td class=format!("desk-level desk-level-{}", if p.assessed { p.level } else { 0 })>{text}</td> }
            }).collect_view()}
            <td><strong>{stage_name(c, m, r.overall_level)}</strong> " · " {c.number(r.mean_index, 2)}</td>
            <td>{r.unmet_conditions.len()}</td>
        </tr>
    }
}
