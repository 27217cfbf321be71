//! Las frases en español. Se trata de tú a quien lee, con lenguaje claro.

use super::{decimal, id_list, lower_first, Catalog, CliHelp, ReportText, TableHeading as Heading};
use crate::analysis::recommend::{ConditionAdvice, Pick, PillarAdvice, Why};
use crate::answers::plan::{Phase, PlanStep, Subject};
use crate::answers::workshop::DecidedBy;
use crate::base::locale::Lang;
use crate::content::model::{Kind, Model, ModelError, Problem, MAX_MODEL_BYTES};
use crate::content::places::PopulationBand;
use crate::content::toolkit::{Availability, Haga, Initiative};
use crate::exchange::backup::BackupError;
use crate::exchange::payload::PayloadError;
use crate::exchange::results::{ImportError, MAX_RESULTS_BYTES, RESULTS_FORMAT};

pub struct Es;

fn mb(bytes: usize) -> String {
    decimal(bytes as f64 / 1_048_576.0, 1, ',')
}

/// The word for a kind of id, with its indefinite article.
fn kind(k: Kind) -> (&'static str, &'static str) {
    match k {
        Kind::Stage => ("una", "etapa"),
        Kind::Pillar => ("un", "pilar"),
        Kind::Line => ("un", "lineamiento"),
        Kind::Framework => ("un", "marco de referencia"),
        Kind::Condition => ("una", "condición"),
        Kind::Criterion => ("un", "criterio"),
        Kind::Scale => ("una", "escala de respuestas"),
        Kind::Option => ("una", "opción de respuesta"),
        Kind::Language => ("un", "idioma"),
    }
}

fn more(n: usize) -> String {
    format!(" y {n} más")
}

impl Es {
    fn problem_text(&self, p: &Problem) -> String {
        match p {
            Problem::Empty(k) => format!("no tiene ningún elemento de tipo {}", kind(*k).1),
            Problem::NoIdentity => "le falta el id o la versión del modelo".into(),
            Problem::EmptyWhen { criterion } => format!("el criterio «{criterion}» depende de una respuesta, pero no dice de cuál"),
            Problem::TooManyCells(n) => format!("tiene {n} celdas de pilar y etapa, demasiadas para un autodiagnóstico"),
            Problem::NoKnownLanguage => "no declara ningún idioma que esta aplicación sepa mostrar (es, en, pt)".into(),
            Problem::TooManyLanguages(n) => format!("declara {n} idiomas; el máximo es 16"),
            Problem::BadThreshold(t) => format!("el umbral {t} % no está entre 1 y 100"),
            Problem::DuplicateId { kind: k, id } => format!("el id «{id}» ({}) está vacío o repetido", kind(*k).1),
            Problem::UnknownReference { from, kind: k, id } => {
                let (article, word) = kind(*k);
                format!("«{from}» menciona {article} {word} que no existe: «{id}»")
            }
            Problem::EmptyCell { pillar, stage } => format!("no hay criterios para «{pillar}» en la etapa «{stage}»"),
            Problem::MissingText { place, lang } => format!("falta el texto en «{lang}» de {place}"),
            Problem::MisplacedFloor { stage } => {
                format!("solo la primera etapa puede ser la etapa de partida, y «{stage}» no lo es")
            }
            Problem::CriterionAtFloor { criterion } => {
                format!("el criterio «{criterion}» está en la etapa de partida, que no lleva criterios")
            }
            Problem::BadOption { scale, option } => format!(
                "la opción «{option}» de «{scale}» debe tener puntos, o una etapa, o \"counts\": false (solo una de las tres)"
            ),
            Problem::BadPoints { scale, option } => {
                format!("los puntos de la opción «{option}» de «{scale}» deben ir de 0 a 1, con hasta tres decimales")
            }
            Problem::BadScale { scale } => format!(
                "la escala «{scale}» mezcla puntos y etapas, o ninguna de sus opciones da el punto completo"
            ),
            Problem::ScaleDoesNotFit { criterion } => format!(
                "el criterio «{criterion}» no encaja con su escala: con etapa necesita una escala de puntos; sin etapa, una de frases por etapa"
            ),
            Problem::ConditionScale { condition } => {
                format!("la condición «{condition}» necesita una escala con puntos en todas sus opciones")
            }
            Problem::BothScaleAndOptions { criterion } => {
                format!("el criterio «{criterion}» tiene a la vez una escala y opciones propias; deja solo una")
            }
            Problem::WhenNotEarlier { criterion, on } => format!(
                "el criterio «{criterion}» depende de «{on}», que no es un criterio anterior"
            ),
            Problem::BadUrl { framework } => {
                format!("el enlace del marco «{framework}» no es una dirección web (https:// o http://)")
            }
            Problem::BadCountry { framework } => {
                format!("el país del marco «{framework}» no es un código de dos letras mayúsculas, como «CO»")
            }
        }
    }

    fn import_text(&self, e: &ImportError) -> String {
        use ImportError::*;
        match e {
            TooLarge { bytes } => format!(
                "El archivo pesa {} MB y el máximo es {} MB. No parece un archivo de resultados.",
                mb(*bytes),
                MAX_RESULTS_BYTES / 1_048_576
            ),
            NotJson => "El archivo no se puede leer: no es un archivo JSON. Elige el archivo .json que exportó la aplicación.".into(),
            NotResultsFile => "Este archivo JSON no es un archivo de resultados de MEGA IP.".into(),
            IsAModel => "Este archivo es un modelo, no unos resultados. Para usarlo, elige «Cargar otro modelo».".into(),
            NewerFormat { found } => format!(
                "El archivo se hizo con una versión más nueva de la aplicación (formato {found}; esta lee hasta el {RESULTS_FORMAT}). Actualiza la aplicación e inténtalo de nuevo."
            ),
            Shape { path } => {
                let path = super::short(path);
                format!("El archivo está incompleto o dañado: el campo «{path}» falta o tiene un valor no válido.")
            }
            UnknownModel { id, version } => format!(
                "El archivo usa el modelo «{id}» versión {version}, que no está en esta aplicación. Carga ese modelo primero con «Cargar otro modelo»."
            ),
            ModelChanged { id, version } => format!(
                "El archivo usa una variante del modelo «{id}» versión {version} con otro contenido que el de esta aplicación. Sus respuestas no se pueden leer con seguridad."
            ),
            UnknownCriteria(ids) => format!(
                "El archivo responde criterios que el modelo no tiene: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
            UnknownConditions(ids) => format!(
                "El archivo responde condiciones habilitantes que el modelo no tiene: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
            UnknownOptions(ids) => format!(
                "El archivo tiene respuestas que la escala del modelo no ofrece: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
            UnknownCanvas(ids) => format!(
                "El archivo tiene lienzos que esta aplicación no conoce: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
        }
    }
}

impl Catalog for Es {
    fn lang(&self) -> Lang {
        Lang::Es
    }

    fn model_error(&self, e: &ModelError) -> String {
        match e {
            ModelError::TooLarge { bytes } => format!(
                "El archivo pesa {} MB; un modelo no puede pasar de {} MB.",
                mb(*bytes),
                MAX_MODEL_BYTES / 1_048_576
            ),
            ModelError::NotJson => "El archivo no es JSON: no se puede leer como modelo.".into(),
            ModelError::NotAModel { results_file: true } => {
                "Este es un archivo de resultados, no un modelo. Para abrirlo, usa «Importar resultados».".into()
            }
            ModelError::NotAModel { results_file: false } => {
                "Este archivo JSON no es un modelo de autodiagnóstico: le faltan las etapas o los criterios.".into()
            }
            ModelError::Shape { path, reason } => {
                let (path, reason) = (super::short(path), super::short(reason));
                format!("El archivo no tiene la forma de un modelo: revisa el campo «{path}» ({reason}).")
            }
            ModelError::UnsupportedFormat { found } => format!(
                "El modelo usa el formato {found}; esta aplicación lee los formatos 1 y 2. Si el archivo es nuevo, actualiza la aplicación."
            ),
            ModelError::Problems(problems) => {
                let shown: Vec<String> = problems.shown().iter().take(5).map(|p| self.model_problem(p)).collect();
                let rest = problems.total().saturating_sub(shown.len());
                let head = match problems.total() {
                    1 => "El modelo tiene 1 problema: ".to_owned(),
                    n => format!("El modelo tiene {n} problemas: "),
                };
                let tail = if rest > 0 { format!(" Y {rest} más.") } else { String::new() };
                format!("{head}{}.{tail}", shown.join("; "))
            }
        }
    }

    fn model_problem(&self, p: &Problem) -> String {
        // Ids and places come from the file: a problem stays one readable line.
        super::short_to(&self.problem_text(p), 300)
    }

    fn import_error(&self, e: &ImportError) -> String {
        super::short_to(&self.import_text(e), 2000)
    }
    fn backup_error(&self, e: &BackupError) -> String {
        match e {
            BackupError::TooLarge { bytes } => format!("El archivo pesa {} MB: es demasiado grande para ser una copia de este dispositivo.", mb(*bytes)),
            BackupError::NotJson => "El archivo no se puede leer: no es un archivo JSON.".into(),
            BackupError::NotABackup => "Este archivo no es una copia de la aplicación. Para un archivo de resultados, usa «Importar resultados».".into(),
            BackupError::NewerFormat { found } => format!("La copia se hizo con una versión más nueva de la aplicación (formato {found}). Actualiza la aplicación e inténtalo de nuevo."),
        }
    }

    fn payload_error(&self, e: &PayloadError) -> String {
        match e {
            PayloadError::NotAResponse => "Esto no es una respuesta de un taller de MEGA IP.".into(),
            PayloadError::OtherWorkshop { found } => format!(
                "Esta respuesta es de otro taller (código {}). Pide a la persona que abra el taller de hoy.",
                super::short(found)
            ),
            PayloadError::OtherModel => "Esta respuesta se hizo con otro modelo o con otra versión del modelo.".into(),
            PayloadError::Damaged => "La respuesta llegó incompleta o dañada. Pide que la envíen de nuevo.".into(),
            PayloadError::TooManyOptions => "Una pregunta tiene demasiadas opciones para enviarse en un código.".into(),
        }
    }

    fn restore_summary(&self, restored: usize, already: usize, refused: usize) -> String {
        let mut parts = vec![match restored {
            1 => "Se recuperó 1 autodiagnóstico.".to_owned(),
            n => format!("Se recuperaron {n} autodiagnósticos."),
        }];
        if already > 0 {
            parts.push(format!("{already} ya estaban en este dispositivo."));
        }
        if refused > 0 {
            parts.push(format!("{refused} no se pudieron leer y quedaron fuera."));
        }
        parts.join(" ")
    }

    fn import_scores_differ(&self) -> &'static str {
        "Ojo: las cifras guardadas en el archivo no coinciden con sus respuestas. Puede que alguien lo editara a mano o que venga de otra versión. Mostramos las cifras calculadas a partir de las respuestas."
    }

    fn pillar_headline(&self, advice: &PillarAdvice, model: &Model) -> String {
        let lang = model.content_lang(Lang::Es);
        let pillar = model
            .pillar(&advice.pillar)
            .map(|p| p.name.get(lang))
            .unwrap_or_default();
        let at = advice.level.checked_sub(1).and_then(|i| model.stage_at(i));
        let where_ = match at {
            None => format!("En {pillar} aún no alcanzas la primera etapa"),
            Some(s) => format!("En {pillar} estás en {}", s.name.get(lang)),
        };
        if !advice.assessed {
            return format!("En {pillar} todo lo preguntado se respondió «No aplica», así que el pilar no tiene etapa. Revisa si de verdad nada aplica a tu municipio.");
        }
        let Some(target) = advice.target.as_ref().and_then(|t| model.stage(t)) else {
            return format!("En {pillar} alcanzaste la etapa más alta. Mantén lo logrado y compártelo.");
        };
        let target = target.name.get(lang);
        let first = advice
            .missing
            .first()
            .and_then(|c| model.criterion(c))
            .map(|c| lower_first(c.text.get(lang)));
        let rest = advice.missing.len().saturating_sub(1);
        match (first, rest) {
            (Some(f), 0) => format!("{where_}. Para llegar a {target} te falta este criterio: «{f}»."),
            (Some(f), 1) => {
                format!("{where_}. Para llegar a {target} te falta este criterio: «{f}». Te falta 1 criterio más.")
            }
            (Some(f), n) => {
                format!("{where_}. Para llegar a {target} te falta este criterio: «{f}». Te faltan {n} criterios más.")
            }
            (None, _) => {
                format!("{where_}. {target} ya se cumple, pero solo vale cuando se alcance la etapa anterior.")
            }
        }
    }

    fn pick_reason(&self, advice: &PillarAdvice, pick: &Pick, model: &Model, haga: &Haga) -> String {
        let lang = model.content_lang(Lang::Es);
        let pillar = model
            .pillar(&advice.pillar)
            .map(|p| p.name.get(lang))
            .unwrap_or_default();
        let target = advice
            .target
            .as_ref()
            .and_then(|t| model.stage(t))
            .map(|s| s.name.get(lang))
            .unwrap_or_default();
        let criterion = |ids: &[crate::base::ids::CriterionId]| {
            ids.first()
                .and_then(|c| model.criterion(c))
                .map(|c| lower_first(c.text.get(lang)))
        };
        match &pick.why {
            Why::Tool { main, criteria } => {
                let name = haga.tool(&pick.id).map(|t| t.name.as_str()).unwrap_or_default();
                let base = if *main {
                    format!("{name} es una herramienta de {pillar} para la etapa {target}")
                } else {
                    format!("{name} apoya {pillar} como segundo pilar, en la etapa {target}")
                };
                match criterion(criteria) {
                    Some(c) => format!("{base}. Ayuda a cumplir este criterio: «{c}»."),
                    None => format!("{base}."),
                }
            }
            Why::Experience {
                exact,
                same_band,
                same_country,
            } => {
                let Some(e) = haga.experience(&pick.id) else {
                    return String::new();
                };
                let country = super::country_or_code(self, &e.country);
                let place = format!("{} ({country}, {})", e.place, e.years);
                let stage = model.stage(&e.stage).map(|s| s.name.get(lang)).unwrap_or_default();
                let mut s = if *exact {
                    format!("Así lo hizo {place}, en {pillar} y la etapa {target}")
                } else {
                    format!("Así lo hizo {place}, en {pillar} y la etapa vecina {stage}")
                };
                match (same_band, same_country) {
                    (true, true) => s.push_str(". Tiene una población parecida y está en tu mismo país"),
                    (true, false) => s.push_str(". Tiene una población parecida a la tuya"),
                    (false, true) => s.push_str(". Está en tu mismo país"),
                    (false, false) => {}
                }
                s.push('.');
                s
            }
            Why::Methodology { criteria } => {
                let name = haga.methodology(&pick.id).map(|m| m.name.get(lang)).unwrap_or_default();
                match criterion(criteria) {
                    Some(c) => {
                        format!("{name} sirve para {pillar} en la etapa {target}. Trabaja directamente este criterio: «{c}».")
                    }
                    None => format!("{name} sirve para {pillar} en la etapa {target}."),
                }
            }
        }
    }

    fn condition_reason(&self, advice: &ConditionAdvice, model: &Model, haga: &Haga) -> String {
        let lang = model.content_lang(Lang::Es);
        let name = model
            .condition(&advice.condition)
            .map(|c| c.name.get(lang))
            .unwrap_or_default();
        let state = if advice.partial {
            format!("«{name}» está a medias")
        } else {
            format!("Falta «{name}»")
        };
        match advice
            .principles
            .first()
            .and_then(|n| haga.principles.iter().find(|p| p.number == *n))
        {
            Some(p) => format!(
                "{state}. El decálogo lo pide en el principio {}: «{}».",
                p.number,
                p.title.get(lang)
            ),
            None => format!("{state}."),
        }
    }

    fn plan_refreshed(&self, achieved: usize, new: usize) -> String {
        let achieved = match achieved {
            0 => "ningún paso cumplido".to_owned(),
            1 => "1 paso cumplido".to_owned(),
            n => format!("{n} pasos cumplidos"),
        };
        let new = match new {
            0 => "ninguno nuevo".to_owned(),
            1 => "1 nuevo".to_owned(),
            n => format!("{n} nuevos"),
        };
        format!("Plan actualizado: {achieved}, {new}. Lo que escribiste en cada paso se conserva.")
    }

    fn plan_step_title(&self, step: &PlanStep, model: &Model, haga: &Haga) -> String {
        let lang = model.content_lang(Lang::Es);
        match &step.subject {
            Subject::Condition { condition } => {
                let name = model
                    .condition(condition)
                    .map_or(condition.as_str(), |c| c.name.get(lang));
                format!("Asegurar la condición: {name}")
            }
            Subject::Methodology { methodology, pillar } => {
                let m = haga
                    .methodology(methodology)
                    .map_or(methodology.as_str(), |m| m.name.get(lang));
                let p = model.pillar(pillar).map_or(pillar.as_str(), |p| p.name.get(lang));
                format!("Aplicar «{m}» con la ciudadanía en {p}")
            }
            Subject::Criterion { criterion } => {
                let text = model
                    .criterion(criterion)
                    .map_or(criterion.as_str(), |c| c.text.get(lang));
                format!("{criterion}: {text}")
            }
            Subject::Reassess => {
                "Repetir el autodiagnóstico dentro de un año (duplicándolo) y comparar los resultados".into()
            }
            Subject::Custom { title } => title.clone(),
        }
    }

    fn band(&self, band: PopulationBand) -> &'static str {
        match band {
            PopulationBand::Under20k => "Menos de 20 000 habitantes",
            PopulationBand::From20kTo100k => "De 20 000 a 100 000 habitantes",
            PopulationBand::From100kTo500k => "De 100 000 a 500 000 habitantes",
            PopulationBand::From500kTo1m => "De 500 000 a 1 millón de habitantes",
            PopulationBand::Over1m => "Más de 1 millón de habitantes",
        }
    }

    fn initiative(&self, initiative: Initiative) -> &'static str {
        match initiative {
            Initiative::Government => "Gobierno",
            Initiative::CivilSociety => "Sociedad civil",
            Initiative::Multilateral => "Organismo multilateral",
            Initiative::Private => "Sector privado",
            Initiative::Academic => "Academia",
            Initiative::OpenSource => "Comunidad de software libre",
        }
    }

    fn availability(&self, a: Availability) -> &'static str {
        match a {
            Availability::Yes => "En español",
            Availability::Partial => "Parcialmente en español",
            Availability::No => "Solo en otros idiomas",
        }
    }

    fn country(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "AR" => "Argentina",
            "BO" => "Bolivia",
            "BR" => "Brasil",
            "CL" => "Chile",
            "CO" => "Colombia",
            "CR" => "Costa Rica",
            "CU" => "Cuba",
            "DO" => "República Dominicana",
            "EC" => "Ecuador",
            "SV" => "El Salvador",
            "GT" => "Guatemala",
            "HN" => "Honduras",
            "MX" => "México",
            "NI" => "Nicaragua",
            "PA" => "Panamá",
            "PY" => "Paraguay",
            "PE" => "Perú",
            "PR" => "Puerto Rico",
            "UY" => "Uruguay",
            "VE" => "Venezuela",
            "ES" => "España",
            "US" => "Estados Unidos",
            _ => return None,
        })
    }

    fn no_stage(&self) -> &'static str {
        "Aún sin etapa"
    }

    fn number(&self, x: f64, decimals: usize) -> String {
        decimal(x, decimals, ',')
    }

    fn percent(&self, share: f64) -> String {
        format!("{} %", (share * 100.0).round())
    }

    fn table_heading(&self, h: Heading) -> &'static str {
        match h {
            Heading::Municipality => "Municipio",
            Heading::Country => "País",
            Heading::Region => "Departamento, provincia o estado",
            Heading::Population => "Población",
            Heading::Date => "Fecha",
            Heading::Assessment => "Autodiagnóstico",
            Heading::Model => "Modelo",
            Heading::Stage => "Etapa",
            Heading::Index => "Índice",
            Heading::Overall => "Etapa general",
            Heading::MeanIndex => "Índice promedio",
            Heading::Answered => "Preguntas respondidas",
            Heading::Asked => "Preguntas",
            Heading::UnmetConditions => "Condiciones por cumplir",
            Heading::Criterion => "Código",
            Heading::Pillar => "Pilar",
            Heading::Question => "Pregunta",
            Heading::Answer => "Respuesta",
            Heading::Note => "Nota",
            Heading::Evidence => "Evidencia",
        }
    }

    fn report_text(&self, t: ReportText) -> &'static str {
        match t {
            ReportText::Title => "Diagnóstico de gobierno abierto",
            ReportText::Untitled => "Autodiagnóstico sin nombre",
            ReportText::Place => "Lugar",
            ReportText::Date => "Fecha del autodiagnóstico",
            ReportText::Model => "Modelo",
            ReportText::TookPart => "Quién participó",
            ReportText::NobodyListed => "El equipo no anotó a las personas que participaron.",
            ReportText::Overall => "Lectura general",
            ReportText::OverallHow => "La etapa general es la del pilar más bajo, porque el gobierno abierto avanza con todos sus pilares.",
            ReportText::Heatmap => "Etapas por pilar",
            ReportText::HeatLegend => "Cada casilla dice qué parte de los puntos de esa etapa se obtuvo. Una etapa se alcanza cuando llega al umbral y las anteriores también.",
            ReportText::Pillar => "Pilar",
            ReportText::Stage => "Etapa alcanzada",
            ReportText::Index => "Índice",
            ReportText::CellReached => "alcanzada",
            ReportText::CellMet => "cumplida, falta una anterior",
            ReportText::CellMissing => "por cumplir",
            ReportText::Radar => "Índice por pilar",
            ReportText::RadarText => "El índice va de 0 a la última etapa. Cuanto más lejos del centro, más avanzado está el pilar.",
            ReportText::Pillars => "Fortalezas y desafíos por pilar",
            ReportText::Strengths => "Fortalezas",
            ReportText::StrengthsBeforeFirst => "Lo que ya se cumple en la primera etapa:",
            ReportText::NoStrengths => "Todavía no hay criterios cumplidos del todo en esta etapa.",
            ReportText::Challenges => "Desafíos",
            ReportText::TopReached => "Este pilar llegó a la etapa más alta. El desafío es sostener lo logrado.",
            ReportText::NotAssessed => "Este pilar no tiene etapa: todo lo preguntado se respondió «No aplica».",
            ReportText::NotAssessedShort => "Sin evaluar",
            ReportText::Recommendations => "Recomendaciones principales",
            ReportText::NoRecommendations => "La caja de herramientas HAGA está hecha para el modelo MEGA IP, así que no da recomendaciones para este modelo.",
            ReportText::FirstPhase => "Primera fase del plan",
            ReportText::PlanSaved => "Estos son los pasos pendientes del plan que guardó el equipo.",
            ReportText::PlanProposed => "El equipo aún no guardó un plan. Estos pasos salen de los resultados de hoy y se pueden ajustar.",
            ReportText::Owner => "Responsable",
            ReportText::Due => "Fecha",
            ReportText::Conditions => "Condiciones habilitantes por cumplir",
            ReportText::ConditionsLead => "Son lo que el municipio necesita para que los avances se sostengan, como un equipo a cargo o un presupuesto.",
            ReportText::AllConditionsMet => "Todas las condiciones habilitantes se cumplen.",
            ReportText::Signatures => "Firmas",
            ReportText::SignaturesLead => "Con su firma, la alcaldía y el equipo reconocen este diagnóstico como punto de partida de su plan de gobierno abierto.",
            ReportText::Mayor => "Alcalde o alcaldesa",
            ReportText::Official => "Responsable del autodiagnóstico",
            ReportText::SignName => "Nombre",
            ReportText::SignHere => "Firma",
            ReportText::SignDate => "Fecha",
            ReportText::Annex => "Anexo: todas las respuestas",
            ReportText::Question => "Pregunta",
            ReportText::Answer => "Respuesta",
            ReportText::Note => "Nota",
            ReportText::Evidence => "Evidencia",
            ReportText::Unanswered => "Sin responder",
            ReportText::Footer => "Hecho con MEGA IP. Los datos se quedaron en el dispositivo de quien hizo este informe.",
            ReportText::Print => "Imprimir o guardar en PDF",
        }
    }

    fn report_overall(&self, name: &str, stage: Option<&str>, mean: &str, max: usize) -> String {
        match stage {
            Some(stage) => format!("{name} está en la etapa {stage}, con un índice promedio de {mean} sobre {max}."),
            None => format!("{name} aún no alcanza la primera etapa en todos sus pilares; su índice promedio es {mean} sobre {max}."),
        }
    }

    fn report_strengths_at(&self, stage: &str) -> String {
        format!("Lo que ya se cumple en la etapa {stage}, la más alta alcanzada:")
    }

    fn report_next(&self, next: &str, points: &str, threshold: u32) -> String {
        let missing = if points == "1" {
            "falta 1 punto".to_owned()
        } else {
            format!("faltan {points} puntos")
        };
        format!("Para llegar a la etapa {next} {missing} (el umbral es {threshold} %). Esto es lo que falta:")
    }

    fn report_answer_now(&self, answer: &str) -> String {
        format!("Respuesta actual: {answer}")
    }

    fn report_workshop(&self, code: &str, votes: &str, by: DecidedBy, round: u32) -> String {
        let how = match by {
            DecidedBy::Consensus => "por consenso".to_owned(),
            DecidedBy::Discussion => format!("tras conversarlo (ronda {round})"),
        };
        if votes.is_empty() {
            format!("Taller {code}: {how}")
        } else {
            format!("Taller {code}: {votes} · {how}")
        }
    }

    fn phase(&self, p: Phase) -> &'static str {
        match p {
            Phase::Design => "1. Diseño",
            Phase::CoDesign => "2. Codiseño con la ciudadanía",
            Phase::Implementation => "3. Apoyo a la implementación y seguimiento",
        }
    }

    fn cli_help(&self, topic: CliHelp) -> String {
        match topic {
            CliHelp::Main => "megaip: revisa modelos y archivos de resultados de MEGA IP y calcula sus puntajes. También
combina las respuestas de un taller, compara municipios y escribe informes de diagnóstico.

Uso:
  megaip model check ARCHIVO                      revisa un modelo
  megaip results check ARCHIVO [--model MODELO]…  revisa un archivo de resultados
  megaip results score ARCHIVO [--model MODELO]… [--json]
                                                  calcula de nuevo los puntajes
  megaip workshop merge RESPUESTAS… [--model MODELO]… [--threshold N] [--json] [-o ARCHIVO]
                                                  combina las respuestas de un taller
  megaip compare ARCHIVOS_O_CARPETAS… --csv SALIDA.csv [--answers RESPUESTAS.csv]
                                                  compara muchos municipios en una hoja de cálculo
  megaip report ARCHIVO… --html SALIDA [--model MODELO]…
                                                  escribe el informe de diagnóstico para imprimir

Opciones de todos los comandos:
  --lang es|en|pt  idioma de los mensajes (español si no se indica)
  --help           esta ayuda

Sale con 0 si el archivo es válido, 1 si no lo es y 2 si los argumentos están mal."
                .into(),
            CliHelp::ModelCheck => "Uso: megaip model check ARCHIVO [--lang es|en|pt]

Lee un modelo (formato 1 o 2) y dice su id, versión, etapas, pilares y número de criterios,
o los problemas que impiden usarlo. Sale con 0 si es válido y con 1 si no."
                .into(),
            CliHelp::ResultsCheck => "Uso: megaip results check ARCHIVO [--model MODELO]… [--lang es|en|pt]

Revisa un archivo de resultados con el modelo MEGA IP incluido y los modelos que indiques con
--model (se puede repetir). Si es válido, muestra la etapa y el índice de cada pilar. Sale con
0 si es válido y con 1 si no."
                .into(),
            CliHelp::ResultsScore => "Uso: megaip results score ARCHIVO [--model MODELO]… [--json] [--lang es|en|pt]

Calcula de nuevo los puntajes de un archivo de resultados, sin fiarse de los que trae. Con
--json los escribe en JSON, con los mismos campos que el archivo de resultados. Sale con 0 si
el archivo es válido y con 1 si no."
                .into(),
            CliHelp::Report => "Uso: megaip report ARCHIVO… --html SALIDA [--model MODELO]… [--lang es|en|pt]

Escribe el informe de diagnóstico de un archivo de resultados como una página HTML que se abre e
imprime en cualquier navegador. El informe tiene portada, lectura general, etapas por pilar,
fortalezas y desafíos, recomendaciones y primera fase del plan. También trae las condiciones por
cumplir, las firmas y un anexo con todas las respuestas. Con un ARCHIVO, SALIDA es el archivo HTML; con varios, SALIDA es una
carpeta y cada informe lleva el nombre de su archivo. Los archivos que no se pueden usar se
dejan fuera, y se dice por qué.

Sale con 0 si escribió todos los informes, con 1 si algún archivo no se pudo usar y con 2 si los
argumentos están mal."
                .into(),
            CliHelp::Compare => "Uso: megaip compare ARCHIVOS_O_CARPETAS… --csv SALIDA.csv [--answers RESPUESTAS.csv]
                      [--model MODELO]… [--lang es|en|pt]

Lee muchos archivos de resultados (y los .json de las carpetas que indiques) y escribe una hoja
de cálculo con una fila por autodiagnóstico. Cada fila trae municipio, fecha, etapa e índice de
cada pilar, etapa general y condiciones por cumplir. Con --answers escribe además una fila por respuesta.
Con --lang es o pt usa «;» y coma decimal, como espera Excel en español y en portugués; con
--lang en, «,» y punto.
Los archivos que no se pueden usar se dejan fuera, y se dice por qué.

Sale con 0 si pudo usar al menos un archivo, con 1 si no pudo usar ninguno y con 2 si los
argumentos están mal."
                .into(),
            CliHelp::WorkshopMerge => {
                "Uso: megaip workshop merge RESPUESTAS… [--model MODELO]… [--threshold N] [--json]
                             [-o ARCHIVO] [--lang es|en|pt]

Combina las respuestas de un taller en una respuesta propuesta para cada pregunta. Cada archivo
de RESPUESTAS es un archivo de resultados de MEGA IP, que vale por una persona. También puede ser
un archivo de texto con el código de respuesta de un teléfono (una línea que empieza por MIP1.). Todos deben
ser del mismo modelo y del mismo taller; los que no se pueden usar se dejan fuera, y se dice
por qué.

Para cada pregunta muestra los votos de cada opción, si hay consenso y la respuesta propuesta.
Hay consenso cuando al menos el umbral de los votos cae en una opción o en dos opciones vecinas.

  --model MODELO   otro modelo, además de MEGA IP (se puede repetir)
  --threshold N    el umbral de consenso, de 1 a 100 (70 si no lo indicas)
  --json           escribe el resultado en JSON, un objeto por pregunta
  -o ARCHIVO       guarda además el taller completo en ARCHIVO (un archivo de taller)

Sale con 0 si pudo usar al menos un archivo, con 1 si no pudo usar ninguno y con 2 si los
argumentos están mal."
                    .into()
            }
        }
    }

    fn cli_usage(&self, detail: &str) -> String {
        format!("No se entienden los argumentos: {detail}. Usa --help para ver cómo se usa.")
    }

    fn cli_model_summary(&self, model: &Model) -> String {
        format!(
            "Modelo «{}» ({}), versión {}, formato {}",
            model.name().get(model.content_lang(Lang::Es)),
            model.id(),
            model.version(),
            model.format()
        )
    }

    fn cli_model_counts(&self, model: &Model) -> String {
        format!(
            "{} etapas, {} pilares, {} criterios, {} condiciones habilitantes, {} escalas de respuesta",
            model.stages().len(),
            model.pillars().len(),
            model.criteria().len(),
            model.conditions().len(),
            model.scales().len()
        )
    }

    fn cli_valid(&self) -> &'static str {
        "El archivo es válido."
    }

    fn cli_invalid(&self, path: &str) -> String {
        format!("{path}: el archivo no es válido.")
    }

    fn cli_unreadable(&self, path: &str, why: &str) -> String {
        format!("{path}: no se puede leer el archivo ({why}).")
    }

    fn cli_pillar_line(&self, pillar: &str, stage: &str, index: &str) -> String {
        format!("  {pillar}: {stage} (índice {index})")
    }

    fn cli_overall(&self, stage: &str, mean: &str) -> String {
        format!("Lectura general: {stage}; índice medio de los pilares: {mean}")
    }

    fn cli_results_summary(&self, name: &str, model: &Model) -> String {
        format!(
            "Resultados de «{name}» con el modelo «{}» versión {}",
            model.name().get(model.content_lang(Lang::Es)),
            model.version()
        )
    }

    fn cli_merge_heading(&self, code: &str, model: &Model, threshold: u32) -> String {
        format!(
            "Taller {code} con el modelo «{}» versión {}; hay consenso desde el {} de los votos",
            model.name().get(model.content_lang(Lang::Es)),
            model.version(),
            self.percent(f64::from(threshold) / 100.0)
        )
    }

    fn cli_merge_counts(&self, counts: &[(&str, u32)]) -> String {
        if counts.is_empty() {
            return "ninguna opción".into();
        }
        let counts: Vec<String> = counts.iter().map(|(label, n)| format!("«{label}» {n}")).collect();
        counts.join(", ")
    }

    fn cli_consensus_one(&self, option: &str, agreement: u32) -> String {
        format!(
            "Consenso en «{option}» ({} de los votos)",
            self.percent(f64::from(agreement) / 100.0)
        )
    }

    fn cli_consensus_neighbours(&self, lower: &str, upper: &str, agreement: u32) -> String {
        format!(
            "Consenso en dos opciones vecinas, «{lower}» y «{upper}» ({} de los votos)",
            self.percent(f64::from(agreement) / 100.0)
        )
    }

    fn cli_consensus_divided(&self, agreement: u32) -> String {
        format!(
            "Sin consenso: la opción más votada tiene el {} de los votos",
            self.percent(f64::from(agreement) / 100.0)
        )
    }

    fn cli_consensus_no_votes(&self) -> &'static str {
        "Nadie respondió esta pregunta"
    }

    fn cli_merge_line(&self, criterion: &str, counts: &str, consensus: &str, proposed: Option<&str>) -> String {
        match proposed {
            Some(p) => format!("{criterion}: votos {counts}. {consensus}. Respuesta propuesta: «{p}»."),
            None => format!("{criterion}: votos {counts}. {consensus}. Sin respuesta propuesta."),
        }
    }

    fn cli_merge_summary(&self, participants: usize, to_discuss: &[&str]) -> String {
        let discuss = match to_discuss {
            [] => "ninguna".to_owned(),
            [one] => format!("1 ({one})"),
            many => format!("{} (de la más dividida a la menos: {})", many.len(), many.join(", ")),
        };
        format!("Participantes: {participants}. Preguntas para discutir: {discuss}.")
    }

    fn cli_merge_refused(&self, path: &str, why: &str) -> String {
        format!("{path}: se deja fuera. {why}")
    }

    fn cli_merge_not_input(&self) -> &'static str {
        "No es un archivo de resultados de MEGA IP ni una respuesta de taller (una línea que empieza por MIP1.)."
    }

    fn cli_merge_other_model(&self, found: &Model, expected: &Model) -> String {
        format!(
            "Usa el modelo «{}» versión {}, pero el primer archivo usado es del modelo «{}» versión {}. Todas las respuestas deben ser del mismo modelo.",
            super::short(found.name().get(found.content_lang(Lang::Es))),
            found.version(),
            super::short(expected.name().get(expected.content_lang(Lang::Es))),
            expected.version()
        )
    }

    fn cli_merge_nothing(&self) -> &'static str {
        "No se pudo usar ningún archivo: no hay respuestas que combinar."
    }

    fn cli_cannot_write(&self, path: &str, why: &str) -> String {
        format!("{path}: no se puede escribir el archivo ({why}).")
    }

    fn cli_compare_other_model(&self, found: &Model, expected: &Model) -> String {
        format!(
            "Usa el modelo «{}» versión {}, pero el primer archivo usado es del modelo «{}» versión {}. Compara archivos de un mismo modelo.",
            super::short(found.name().get(found.content_lang(Lang::Es))),
            found.version(),
            super::short(expected.name().get(expected.content_lang(Lang::Es))),
            expected.version()
        )
    }

    fn cli_compare_nothing(&self) -> &'static str {
        "No se pudo usar ningún archivo: no hay nada que comparar."
    }

    fn cli_compare_written(&self, files: usize, municipalities: usize, path: &str) -> String {
        let files = match files {
            1 => "1 autodiagnóstico".to_owned(),
            n => format!("{n} autodiagnósticos"),
        };
        let places = match municipalities {
            1 => "1 municipio".to_owned(),
            n => format!("{n} municipios"),
        };
        format!("{files} de {places}, en {path}.")
    }

    fn cli_report_written(&self, file: &str, out: &str) -> String {
        format!("{file}: informe de diagnóstico escrito en {out}")
    }

    fn cli_workshop_not_checked(&self, path: &str) -> String {
        format!("{path}: el archivo del taller no se lee igual que se escribió. No lo uses.")
    }

    fn cli_workshop_saved(&self, path: &str) -> String {
        format!("Taller guardado en {path}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::points;

    #[test]
    fn points_read_without_needless_decimals() {
        assert_eq!(points(&Es, 2000), "2");
        assert_eq!(points(&Es, 1500), "1,5");
        assert_eq!(points(&Es, 333), "0,333");
    }
}
