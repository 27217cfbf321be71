//! The content the app ships as data: the MEGA IP versions, the upgrade between them and the HAGA
//! toolkit, split into one file per source and language so a device downloads only the language
//! it shows.
//!
//! The sources in `toolkits/` hold every language; the native tests validate them. [`split`]
//! writes each source once per language (every `{"es": …, "en": …}` text keeps one language) and
//! names each part by a hash of its bytes. The [`Index`] lists the parts and, for each model, the
//! identity of its *full* file: a model read from a part ([`Model::parse_part`]) is the same model
//! as its full file, so results and assessments made with either open with the other.
//!
//! The browser app carries only the index (compiled in), fetches the parts of its language, and
//! reads them with [`Index::assemble`], which refuses a part whose bytes do not match its name.
//! The committed parts in `assets/content/` are checked against [`split`] by the tests, so they
//! cannot drift from their sources.

use crate::base::locale::Lang;
use crate::content::format1::hex_hash;
use crate::content::model::{Model, ModelRef, MEGA_IP_1_JSON, MEGA_IP_JSON};
use crate::content::toolkit::{Haga, DECALOGUE_JSON, EXPERIENCES_JSON, METHODOLOGIES_JSON, TOOLS_JSON};
use crate::content::upgrade::{Upgrade, MEGA_IP_1_TO_2};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The format of `assets/content/index.json`.
pub const INDEX_FORMAT: u32 = 1;
/// Hex digits of a part's hash kept in its file name: enough to tell any two builds apart.
const NAME_HASH_DIGITS: usize = 12;

/// What a source is to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// The current MEGA IP.
    Model,
    /// An earlier MEGA IP version, kept so its assessments still open.
    EarlierModel,
    Upgrade,
    Tools,
    Experiences,
    Decalogue,
    Methodologies,
}

/// One source file and its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The stem of its parts' names (`mega-ip-2.0.0`).
    pub name: String,
    pub role: Role,
    /// For a model: the identity of the full file, which its parts keep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<ModelRef>,
    /// The languages it has, in its own order (a model's declared order).
    pub languages: Vec<String>,
    /// One file name per language, in the order of `languages`.
    pub parts: Vec<String>,
}

/// The list of parts the app can fetch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub format: u32,
    pub sources: Vec<Source>,
    /// [`Index::parts_for`] of every interface language, written out for the page's boot
    /// script, which starts these downloads while the wasm is still loading.
    #[serde(default)]
    pub by_language: BTreeMap<String, Vec<String>>,
}

/// Everything the app shows that is not its interface: read from the parts of one language.
pub struct Content {
    pub mega_ip: Model,
    /// Earlier MEGA IP versions, newest first.
    pub earlier: Vec<Model>,
    pub upgrades: Vec<Upgrade>,
    pub haga: Haga,
}

/// Why the parts could not be read: a broken build or an interrupted download, never the user.
#[derive(Debug, Clone, PartialEq)]
pub enum BundleError {
    /// The index compiled into the app is not readable.
    Index(String),
    /// A part was not fetched.
    Missing(String),
    /// A part's bytes do not match the hash in its name (a stale or damaged copy).
    Damaged(String),
    /// A part does not read as what the index says it is.
    Invalid { part: String, reason: String },
}

impl Source {
    /// The language of this source to show in interface language `ui`: `ui` when the source
    /// has it, else its first language the app speaks (the rule of `Model::content_lang`).
    pub fn lang_for(&self, ui: Lang) -> Option<&str> {
        self.languages
            .iter()
            .find(|l| *l == ui.code())
            .or_else(|| self.languages.iter().find(|l| Lang::from_code(l).is_some()))
            .map(String::as_str)
    }

    /// The file to fetch for interface language `ui`.
    pub fn part_for(&self, ui: Lang) -> Option<&str> {
        let lang = self.lang_for(ui)?;
        let at = self.languages.iter().position(|l| l == lang)?;
        self.parts.get(at).map(String::as_str)
    }
}

impl Index {
    pub fn parse(json: &str) -> Result<Index, BundleError> {
        let index: Index = serde_json::from_str(json).map_err(|e| BundleError::Index(e.to_string()))?;
        if index.format != INDEX_FORMAT {
            return Err(BundleError::Index(format!("format {}", index.format)));
        }
        Ok(index)
    }

    /// The files the app fetches for interface language `ui`.
    pub fn parts_for(&self, ui: Lang) -> Vec<&str> {
        self.sources.iter().filter_map(|s| s.part_for(ui)).collect()
    }

    /// Reads the parts for interface language `ui`; `text_of` gives a fetched part's text by
    /// file name.
    pub fn assemble<'t>(&self, ui: Lang, text_of: impl Fn(&str) -> Option<&'t str>) -> Result<Content, BundleError> {
        let mut current = None;
        let mut earlier = Vec::new();
        let mut upgrades = Vec::new();
        let mut haga_files: [Option<&str>; 4] = [None; 4];
        for source in &self.sources {
            let part = source
                .part_for(ui)
                .ok_or_else(|| BundleError::Missing(source.name.clone()))?;
            let text = text_of(part).ok_or_else(|| BundleError::Missing(part.to_owned()))?;
            if !name_matches(part, text) {
                return Err(BundleError::Damaged(part.to_owned()));
            }
            let invalid = |reason: String| BundleError::Invalid {
                part: part.to_owned(),
                reason,
            };
            let model = |identity: &Option<ModelRef>| -> Result<Model, BundleError> {
                let identity = identity.as_ref().ok_or_else(|| invalid("no model identity".into()))?;
                Model::parse_part(text, identity).map_err(|e| invalid(format!("{e:?}")))
            };
            match source.role {
                Role::Model => current = Some(model(&source.model)?),
                Role::EarlierModel => earlier.push(model(&source.model)?),
                Role::Upgrade => upgrades.push(Upgrade::parse(text).map_err(invalid)?),
                Role::Tools => haga_files[0] = Some(text),
                Role::Experiences => haga_files[1] = Some(text),
                Role::Decalogue => haga_files[2] = Some(text),
                Role::Methodologies => haga_files[3] = Some(text),
            }
        }
        let mega_ip = current.ok_or_else(|| BundleError::Missing("model".into()))?;
        let [Some(tools), Some(experiences), Some(decalogue), Some(methodologies)] = haga_files else {
            return Err(BundleError::Missing("toolkit".into()));
        };
        let haga =
            Haga::parse(tools, experiences, decalogue, methodologies).map_err(|reason| BundleError::Invalid {
                part: "toolkit".into(),
                reason,
            })?;
        Ok(Content {
            mega_ip,
            earlier,
            upgrades,
            haga,
        })
    }
}

/// Whether `text` has the hash its file name `name` (`stem.lang.HASH.json`) carries.
pub fn name_matches(name: &str, text: &str) -> bool {
    let Some(stem) = name.strip_suffix(".json") else {
        return false;
    };
    let Some((_, hash)) = stem.rsplit_once('.') else {
        return false;
    };
    hash.len() == NAME_HASH_DIGITS && name_hash(text) == hash
}

/// The first hex digits of the SHA-256 of `text`, as a part's name carries them.
fn name_hash(text: &str) -> String {
    let full = hex_hash(text.as_bytes());
    let hex = full.strip_prefix("sha256:").unwrap_or(&full);
    hex.chars().take(NAME_HASH_DIGITS).collect()
}

/// The bundled sources: stem, role and full text.
fn sources() -> [(&'static str, Role, &'static str); 7] {
    [
        ("mega-ip-2.0.0", Role::Model, MEGA_IP_JSON),
        ("mega-ip-1.0.0", Role::EarlierModel, MEGA_IP_1_JSON),
        ("upgrade-1.0.0-to-2.0.0", Role::Upgrade, MEGA_IP_1_TO_2),
        ("haga-tools", Role::Tools, TOOLS_JSON),
        ("haga-experiences", Role::Experiences, EXPERIENCES_JSON),
        ("haga-decalogue", Role::Decalogue, DECALOGUE_JSON),
        ("haga-methodologies", Role::Methodologies, METHODOLOGIES_JSON),
    ]
}

/// Splits the bundled sources into their parts: the index, and each part's file name and text.
/// A model's parts have its declared languages; the toolkit's and the upgrade's, the current
/// model's. Deterministic: the same sources always give the same bytes and names.
pub fn split() -> Result<(Index, Vec<(String, String)>), String> {
    let current = Model::parse(MEGA_IP_JSON).map_err(|e| format!("mega-ip: {e:?}"))?;
    let mut index = Index {
        format: INDEX_FORMAT,
        sources: Vec::new(),
        by_language: BTreeMap::new(),
    };
    let mut files = Vec::new();
    for (stem, role, full) in sources() {
        let model = match role {
            Role::Model | Role::EarlierModel => Some(Model::parse(full).map_err(|e| format!("{stem}: {e:?}"))?),
            _ => None,
        };
        let languages: Vec<String> = model.as_ref().unwrap_or(&current).languages().to_vec();
        let value: Value = serde_json::from_str(full).map_err(|e| format!("{stem}: {e}"))?;
        let mut parts = Vec::new();
        for lang in &languages {
            let text =
                serde_json::to_string(&one_language(&value, lang, &languages, true)).map_err(|e| e.to_string())?;
            let name = format!("{stem}.{lang}.{}.json", name_hash(&text));
            parts.push(name.clone());
            files.push((name, text));
        }
        index.sources.push(Source {
            name: stem.to_owned(),
            role,
            model: model.map(|m| m.reference()),
            languages,
            parts,
        });
    }
    for lang in Lang::ALL {
        let parts = index.parts_for(lang).into_iter().map(str::to_owned).collect();
        index.by_language.insert(lang.code().to_owned(), parts);
    }
    Ok((index, files))
}

/// `value` with every localized text keeping only `lang`, and a top-level `languages` list
/// saying so. A localized text is an object whose keys are all among `languages` and whose
/// values are all strings (`base::text::Text`).
fn one_language(value: &Value, lang: &str, languages: &[String], top: bool) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|v| one_language(v, lang, languages, false)).collect()),
        Value::Object(map) => {
            let is_text = !map.is_empty()
                && map
                    .iter()
                    .all(|(k, v)| v.is_string() && languages.iter().any(|l| l == k));
            if is_text {
                return Value::Object(
                    map.iter()
                        .filter(|(k, _)| *k == lang)
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                );
            }
            Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        let v = if top && k == "languages" {
                            Value::Array(vec![Value::String(lang.to_owned())])
                        } else {
                            one_language(v, lang, languages, false)
                        };
                        (k.clone(), v)
                    })
                    .collect(),
            )
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests;
