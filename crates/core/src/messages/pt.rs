//! As frases em português do Brasil. Fala-se com quem lê por "você", em linguagem simples.

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

pub struct Pt;

fn mb(bytes: usize) -> String {
    decimal(bytes as f64 / 1_048_576.0, 1, ',')
}

/// The word for a kind of id, with its indefinite article.
fn kind(k: Kind) -> (&'static str, &'static str) {
    match k {
        Kind::Stage => ("uma", "etapa"),
        Kind::Pillar => ("um", "pilar"),
        Kind::Line => ("uma", "diretriz"),
        Kind::Framework => ("um", "marco de referência"),
        Kind::Condition => ("uma", "condição"),
        Kind::Criterion => ("um", "critério"),
        Kind::Scale => ("uma", "escala de respostas"),
        Kind::Option => ("uma", "opção de resposta"),
        Kind::Language => ("um", "idioma"),
    }
}

fn more(n: usize) -> String {
    format!(" e mais {n}")
}

impl Pt {
    fn problem_text(&self, p: &Problem) -> String {
        match p {
            Problem::Empty(k) => format!("não tem nenhum elemento do tipo {}", kind(*k).1),
            Problem::NoIdentity => "falta o id ou a versão do modelo".into(),
            Problem::EmptyWhen { criterion } => format!("o critério “{criterion}” depende de uma resposta, mas não diz de qual"),
            Problem::TooManyCells(n) => format!("tem {n} células de pilar e etapa, um número grande demais para um autodiagnóstico"),
            Problem::NoKnownLanguage => "não declara nenhum idioma que este aplicativo saiba mostrar (es, en, pt)".into(),
            Problem::TooManyLanguages(n) => format!("declara {n} idiomas; o máximo é 16"),
            Problem::BadThreshold(t) => format!("o limite de {t}% não está entre 1 e 100"),
            Problem::DuplicateId { kind: k, id } => format!("o id “{id}” ({}) está vazio ou repetido", kind(*k).1),
            Problem::UnknownReference { from, kind: k, id } => {
                let (article, word) = kind(*k);
                format!("“{from}” menciona {article} {word} que não existe: “{id}”")
            }
            Problem::EmptyCell { pillar, stage } => format!("não há critérios para “{pillar}” na etapa “{stage}”"),
            Problem::MissingText { place, lang } => format!("falta o texto em “{lang}” de {place}"),
            Problem::MisplacedFloor { stage } => {
                format!("só a primeira etapa pode ser a etapa de partida, e “{stage}” não é a primeira")
            }
            Problem::CriterionAtFloor { criterion } => {
                format!("o critério “{criterion}” está na etapa de partida, que não tem critérios")
            }
            Problem::BadOption { scale, option } => format!(
                "a opção “{option}” de “{scale}” deve ter pontos, ou uma etapa, ou \"counts\": false (só uma das três)"
            ),
            Problem::BadPoints { scale, option } => {
                format!("os pontos da opção “{option}” de “{scale}” devem ir de 0 a 1, com até três casas decimais")
            }
            Problem::BadScale { scale } => format!(
                "a escala “{scale}” mistura pontos e etapas, ou nenhuma das suas opções vale o ponto inteiro"
            ),
            Problem::ScaleDoesNotFit { criterion } => format!(
                "o critério “{criterion}” não combina com a sua escala: com etapa, precisa de uma escala de pontos; sem etapa, de uma escala de frases por etapa"
            ),
            Problem::ConditionScale { condition } => {
                format!("a condição “{condition}” precisa de uma escala com pontos em todas as opções")
            }
            Problem::BothScaleAndOptions { criterion } => {
                format!("o critério “{criterion}” tem ao mesmo tempo uma escala e opções próprias; deixe só uma das duas")
            }
            Problem::WhenNotEarlier { criterion, on } => format!(
                "o critério “{criterion}” depende de “{on}”, que não é um critério anterior"
            ),
            Problem::BadUrl { framework } => {
                format!("o link do marco “{framework}” não é um endereço da web (https:// ou http://)")
            }
            Problem::BadCountry { framework } => {
                format!("o país do marco “{framework}” não é um código de duas letras maiúsculas, como “CO”")
            }
        }
    }

    fn import_text(&self, e: &ImportError) -> String {
        use ImportError::*;
        match e {
            TooLarge { bytes } => format!(
                "O arquivo tem {} MB e o máximo é {} MB. Não parece um arquivo de resultados.",
                mb(*bytes),
                MAX_RESULTS_BYTES / 1_048_576
            ),
            NotJson => "Não foi possível ler o arquivo: ele não é um arquivo JSON. Escolha o arquivo .json que o aplicativo exportou.".into(),
            NotResultsFile => "Este arquivo JSON não é um arquivo de resultados do MEGA IP.".into(),
            IsAModel => "Este arquivo é um modelo, não um arquivo de resultados. Para usá-lo, escolha “Carregar outro modelo”.".into(),
            NewerFormat { found } => format!(
                "O arquivo foi feito com uma versão mais nova do aplicativo (formato {found}; esta versão lê até o formato {RESULTS_FORMAT}). Atualize o aplicativo e tente de novo."
            ),
            Shape { path } => {
                let path = super::short(path);
                format!("O arquivo está incompleto ou danificado: o campo “{path}” está faltando ou tem um valor inválido.")
            }
            UnknownModel { id, version } => format!(
                "O arquivo usa o modelo “{id}” versão {version}, que não está neste aplicativo. Primeiro carregue esse modelo em “Carregar outro modelo”."
            ),
            ModelChanged { id, version } => format!(
                "O arquivo usa uma variante do modelo “{id}” versão {version}, com conteúdo diferente do deste aplicativo. Não é seguro ler as respostas dele."
            ),
            UnknownCriteria(ids) => format!(
                "O arquivo responde a critérios que o modelo não tem: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
            UnknownConditions(ids) => format!(
                "O arquivo responde a condições habilitadoras que o modelo não tem: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
            UnknownOptions(ids) => format!(
                "O arquivo tem respostas que a escala do modelo não oferece: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
            UnknownCanvas(ids) => format!(
                "O arquivo tem canvas que este aplicativo não conhece: {}.",
                id_list(&ids.shown, ids.total, more)
            ),
        }
    }
}

impl Catalog for Pt {
    fn lang(&self) -> Lang {
        Lang::Pt
    }

    fn model_error(&self, e: &ModelError) -> String {
        match e {
            ModelError::TooLarge { bytes } => format!(
                "O arquivo tem {} MB; um modelo não pode passar de {} MB.",
                mb(*bytes),
                MAX_MODEL_BYTES / 1_048_576
            ),
            ModelError::NotJson => "O arquivo não é JSON: não pode ser lido como modelo.".into(),
            ModelError::NotAModel { results_file: true } => {
                "Este é um arquivo de resultados, não um modelo. Para abri-lo, use “Importar resultados”.".into()
            }
            ModelError::NotAModel { results_file: false } => {
                "Este arquivo JSON não é um modelo de autodiagnóstico: faltam as etapas ou os critérios.".into()
            }
            ModelError::Shape { path, reason } => {
                let (path, reason) = (super::short(path), super::short(reason));
                format!("O arquivo não tem a forma de um modelo: confira o campo “{path}” ({reason}).")
            }
            ModelError::UnsupportedFormat { found } => format!(
                "O modelo usa o formato {found}; este aplicativo lê os formatos 1 e 2. Se o arquivo for novo, atualize o aplicativo."
            ),
            ModelError::Problems(problems) => {
                let shown: Vec<String> = problems.shown().iter().take(5).map(|p| self.model_problem(p)).collect();
                let rest = problems.total().saturating_sub(shown.len());
                let head = match problems.total() {
                    1 => "O modelo tem 1 problema: ".to_owned(),
                    n => format!("O modelo tem {n} problemas: "),
                };
                let tail = if rest > 0 { format!(" E mais {rest}.") } else { String::new() };
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
            BackupError::TooLarge { bytes } => format!("O arquivo tem {} MB: é grande demais para ser uma cópia deste dispositivo.", mb(*bytes)),
            BackupError::NotJson => "Não foi possível ler o arquivo: ele não é um arquivo JSON.".into(),
            BackupError::NotABackup => "Este arquivo não é uma cópia do aplicativo. Se for um arquivo de resultados, use “Importar resultados”.".into(),
            BackupError::NewerFormat { found } => format!("A cópia foi feita com uma versão mais nova do aplicativo (formato {found}). Atualize o aplicativo e tente de novo."),
        }
    }

    fn payload_error(&self, e: &PayloadError) -> String {
        match e {
            PayloadError::NotAResponse => "Isto não é uma resposta de uma oficina do MEGA IP.".into(),
            PayloadError::OtherWorkshop { found } => format!(
                "Esta resposta é de outra oficina (código {}). Peça à pessoa que abra a oficina de hoje.",
                super::short(found)
            ),
            PayloadError::OtherModel => {
                "Esta resposta foi feita com outro modelo ou com outra versão do modelo.".into()
            }
            PayloadError::Damaged => "A resposta chegou incompleta ou danificada. Peça que a enviem de novo.".into(),
            PayloadError::TooManyOptions => "Uma pergunta tem opções demais para caber em um código.".into(),
        }
    }

    fn restore_summary(&self, restored: usize, already: usize, refused: usize) -> String {
        let mut parts = vec![match restored {
            1 => "1 autodiagnóstico foi recuperado.".to_owned(),
            n => format!("{n} autodiagnósticos foram recuperados."),
        }];
        if already > 0 {
            parts.push(format!("{already} já estavam neste dispositivo."));
        }
        if refused > 0 {
            parts.push(format!("{refused} não puderam ser lidos e ficaram de fora."));
        }
        parts.join(" ")
    }

    fn import_scores_differ(&self) -> &'static str {
        "Atenção: os números salvos no arquivo não batem com as respostas. Talvez alguém tenha editado o arquivo à mão, ou ele venha de outra versão. Mostramos os números calculados a partir das respostas."
    }

    fn pillar_headline(&self, advice: &PillarAdvice, model: &Model) -> String {
        let lang = model.content_lang(Lang::Pt);
        let pillar = model
            .pillar(&advice.pillar)
            .map(|p| p.name.get(lang))
            .unwrap_or_default();
        let at = advice.level.checked_sub(1).and_then(|i| model.stage_at(i));
        let where_ = match at {
            None => format!("Em {pillar}, você ainda não alcançou a primeira etapa"),
            Some(s) => format!("Em {pillar}, você está na etapa {}", s.name.get(lang)),
        };
        if !advice.assessed {
            return format!("Em {pillar}, tudo o que foi perguntado recebeu a resposta “Não se aplica”, então o pilar não tem etapa. Confira se nada se aplica mesmo ao seu município.");
        }
        let Some(target) = advice.target.as_ref().and_then(|t| model.stage(t)) else {
            return format!(
                "Em {pillar}, você alcançou a etapa mais alta. Mantenha o que conquistou e compartilhe a experiência."
            );
        };
        let target = target.name.get(lang);
        let first = advice
            .missing
            .first()
            .and_then(|c| model.criterion(c))
            .map(|c| lower_first(c.text.get(lang)));
        let rest = advice.missing.len().saturating_sub(1);
        match (first, rest) {
            (Some(f), 0) => format!("{where_}. Para chegar à etapa {target}, falta este critério: “{f}”."),
            (Some(f), 1) => {
                format!("{where_}. Para chegar à etapa {target}, falta este critério: “{f}”. Falta mais 1 critério.")
            }
            (Some(f), n) => {
                format!(
                    "{where_}. Para chegar à etapa {target}, falta este critério: “{f}”. Faltam mais {n} critérios."
                )
            }
            (None, _) => {
                format!(
                    "{where_}. A etapa {target} já está cumprida, mas só vale quando a etapa anterior for alcançada."
                )
            }
        }
    }

    fn pick_reason(&self, advice: &PillarAdvice, pick: &Pick, model: &Model, haga: &Haga) -> String {
        let lang = model.content_lang(Lang::Pt);
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
                    format!("{name} é uma ferramenta de {pillar} para a etapa {target}")
                } else {
                    format!("{name} apoia {pillar} como segundo pilar, na etapa {target}")
                };
                match criterion(criteria) {
                    Some(c) => format!("{base}. Ajuda a cumprir este critério: “{c}”."),
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
                    format!("Foi o que fez {place}, em {pillar}, na etapa {target}")
                } else {
                    format!("Foi o que fez {place}, em {pillar}, na etapa vizinha {stage}")
                };
                match (same_band, same_country) {
                    (true, true) => s.push_str(". Tem população parecida com a sua e fica no seu país"),
                    (true, false) => s.push_str(". Tem população parecida com a sua"),
                    (false, true) => s.push_str(". Fica no seu país"),
                    (false, false) => {}
                }
                s.push('.');
                s
            }
            Why::Methodology { criteria } => {
                let name = haga.methodology(&pick.id).map(|m| m.name.get(lang)).unwrap_or_default();
                match criterion(criteria) {
                    Some(c) => {
                        format!(
                            "{name} serve para {pillar} na etapa {target}. Trabalha diretamente este critério: “{c}”."
                        )
                    }
                    None => format!("{name} serve para {pillar} na etapa {target}."),
                }
            }
        }
    }

    fn condition_reason(&self, advice: &ConditionAdvice, model: &Model, haga: &Haga) -> String {
        let lang = model.content_lang(Lang::Pt);
        let name = model
            .condition(&advice.condition)
            .map(|c| c.name.get(lang))
            .unwrap_or_default();
        let state = if advice.partial {
            format!("“{name}” está pela metade")
        } else {
            format!("Falta “{name}”")
        };
        match advice
            .principles
            .first()
            .and_then(|n| haga.principles.iter().find(|p| p.number == *n))
        {
            Some(p) => format!(
                "{state}. O decálogo pede isso no princípio {}: “{}”.",
                p.number,
                p.title.get(lang)
            ),
            None => format!("{state}."),
        }
    }

    fn plan_refreshed(&self, achieved: usize, new: usize) -> String {
        let achieved = match achieved {
            0 => "nenhum passo cumprido".to_owned(),
            1 => "1 passo cumprido".to_owned(),
            n => format!("{n} passos cumpridos"),
        };
        let new = match new {
            0 => "nenhum novo".to_owned(),
            1 => "1 novo".to_owned(),
            n => format!("{n} novos"),
        };
        format!("Plano atualizado: {achieved}, {new}. O que você escreveu em cada passo foi mantido.")
    }

    fn plan_step_title(&self, step: &PlanStep, model: &Model, haga: &Haga) -> String {
        let lang = model.content_lang(Lang::Pt);
        match &step.subject {
            Subject::Condition { condition } => {
                let name = model
                    .condition(condition)
                    .map_or(condition.as_str(), |c| c.name.get(lang));
                format!("Garantir a condição: {name}")
            }
            Subject::Methodology { methodology, pillar } => {
                let m = haga
                    .methodology(methodology)
                    .map_or(methodology.as_str(), |m| m.name.get(lang));
                let p = model.pillar(pillar).map_or(pillar.as_str(), |p| p.name.get(lang));
                format!("Aplicar “{m}” com a população em {p}")
            }
            Subject::Criterion { criterion } => {
                let text = model
                    .criterion(criterion)
                    .map_or(criterion.as_str(), |c| c.text.get(lang));
                format!("{criterion}: {text}")
            }
            Subject::Reassess => {
                "Repetir o autodiagnóstico daqui a um ano (duplicando o atual) e comparar os resultados".into()
            }
            Subject::Custom { title } => title.clone(),
        }
    }

    fn band(&self, band: PopulationBand) -> &'static str {
        match band {
            PopulationBand::Under20k => "Menos de 20 mil habitantes",
            PopulationBand::From20kTo100k => "De 20 mil a 100 mil habitantes",
            PopulationBand::From100kTo500k => "De 100 mil a 500 mil habitantes",
            PopulationBand::From500kTo1m => "De 500 mil a 1 milhão de habitantes",
            PopulationBand::Over1m => "Mais de 1 milhão de habitantes",
        }
    }

    fn initiative(&self, initiative: Initiative) -> &'static str {
        match initiative {
            Initiative::Government => "Governo",
            Initiative::CivilSociety => "Sociedade civil",
            Initiative::Multilateral => "Organismo multilateral",
            Initiative::Private => "Setor privado",
            Initiative::Academic => "Academia",
            Initiative::OpenSource => "Comunidade de software livre",
        }
    }

    fn availability(&self, a: Availability) -> &'static str {
        match a {
            Availability::Yes => "Em espanhol",
            Availability::Partial => "Parcialmente em espanhol",
            Availability::No => "Só em outros idiomas",
        }
    }

    fn country(&self, code: &str) -> Option<&'static str> {
        Some(match code {
            "AR" => "Argentina",
            "BO" => "Bolívia",
            "BR" => "Brasil",
            "CL" => "Chile",
            "CO" => "Colômbia",
            "CR" => "Costa Rica",
            "CU" => "Cuba",
            "DO" => "República Dominicana",
            "EC" => "Equador",
            "SV" => "El Salvador",
            "GT" => "Guatemala",
            "HN" => "Honduras",
            "MX" => "México",
            "NI" => "Nicarágua",
            "PA" => "Panamá",
            "PY" => "Paraguai",
            "PE" => "Peru",
            "PR" => "Porto Rico",
            "UY" => "Uruguai",
            "VE" => "Venezuela",
            "ES" => "Espanha",
            "US" => "Estados Unidos",
            _ => return None,
        })
    }

    fn no_stage(&self) -> &'static str {
        "Ainda sem etapa"
    }

    fn number(&self, x: f64, decimals: usize) -> String {
        decimal(x, decimals, ',')
    }

    fn percent(&self, share: f64) -> String {
        format!("{}%", (share * 100.0).round())
    }

    fn table_heading(&self, h: Heading) -> &'static str {
        match h {
            Heading::Municipality => "Município",
            Heading::Country => "País",
            Heading::Region => "Estado, departamento ou província",
            Heading::Population => "População",
            Heading::Date => "Data",
            Heading::Assessment => "Autodiagnóstico",
            Heading::Model => "Modelo",
            Heading::Stage => "Etapa",
            Heading::Index => "Índice",
            Heading::Overall => "Etapa geral",
            Heading::MeanIndex => "Índice médio",
            Heading::Answered => "Perguntas respondidas",
            Heading::Asked => "Perguntas",
            Heading::UnmetConditions => "Condições pendentes",
            Heading::Criterion => "Código",
            Heading::Pillar => "Pilar",
            Heading::Question => "Pergunta",
            Heading::Answer => "Resposta",
            Heading::Note => "Nota",
            Heading::Evidence => "Evidência",
        }
    }

    fn report_text(&self, t: ReportText) -> &'static str {
        match t {
            ReportText::Title => "Diagnóstico de governo aberto",
            ReportText::Untitled => "Autodiagnóstico sem nome",
            ReportText::Place => "Local",
            ReportText::Date => "Data do autodiagnóstico",
            ReportText::Model => "Modelo",
            ReportText::TookPart => "Quem participou",
            ReportText::NobodyListed => "A equipe não registrou as pessoas que participaram.",
            ReportText::Overall => "Visão geral",
            ReportText::OverallHow => "A etapa geral é a do pilar mais baixo, porque o governo aberto avança com todos os pilares juntos.",
            ReportText::Heatmap => "Etapas por pilar",
            ReportText::HeatLegend => "Cada quadro mostra quanto dos pontos daquela etapa foi obtido. Uma etapa é alcançada quando chega ao mínimo e as anteriores também chegaram.",
            ReportText::Pillar => "Pilar",
            ReportText::Stage => "Etapa alcançada",
            ReportText::Index => "Índice",
            ReportText::CellReached => "alcançada",
            ReportText::CellMet => "cumprida, falta uma anterior",
            ReportText::CellMissing => "a cumprir",
            ReportText::Radar => "Índice por pilar",
            ReportText::RadarText => "O índice vai de 0 até a última etapa. Quanto mais longe do centro, mais avançado está o pilar.",
            ReportText::Pillars => "Pontos fortes e desafios por pilar",
            ReportText::Strengths => "Pontos fortes",
            ReportText::StrengthsBeforeFirst => "O que já se cumpre na primeira etapa:",
            ReportText::NoStrengths => "Ainda não há critérios totalmente cumpridos nesta etapa.",
            ReportText::Challenges => "Desafios",
            ReportText::TopReached => "Este pilar chegou à etapa mais alta. O desafio é manter o que foi conquistado.",
            ReportText::NotAssessed => "Este pilar não tem etapa: tudo o que foi perguntado recebeu a resposta “Não se aplica”.",
            ReportText::NotAssessedShort => "Sem avaliação",
            ReportText::Recommendations => "Principais recomendações",
            ReportText::NoRecommendations => "A caixa de ferramentas HAGA foi feita para o modelo MEGA IP. Por isso, ela não dá recomendações para este modelo.",
            ReportText::FirstPhase => "Primeira fase do plano",
            ReportText::PlanSaved => "Estes são os passos pendentes do plano que a equipe salvou.",
            ReportText::PlanProposed => "A equipe ainda não salvou um plano. Estes passos vêm dos resultados de hoje e podem ser ajustados.",
            ReportText::Owner => "Responsável",
            ReportText::Due => "Data",
            ReportText::Conditions => "Condições habilitadoras pendentes",
            ReportText::ConditionsLead => "São o que o município precisa para que os avanços durem, como uma equipe responsável ou um orçamento.",
            ReportText::AllConditionsMet => "Todas as condições habilitadoras estão cumpridas.",
            ReportText::Signatures => "Assinaturas",
            ReportText::SignaturesLead => "Ao assinar, a prefeitura e a equipe reconhecem este diagnóstico como ponto de partida do seu plano de governo aberto.",
            ReportText::Mayor => "Prefeito ou prefeita",
            ReportText::Official => "Responsável pelo autodiagnóstico",
            ReportText::SignName => "Nome",
            ReportText::SignHere => "Assinatura",
            ReportText::SignDate => "Data",
            ReportText::Annex => "Anexo: todas as respostas",
            ReportText::Question => "Pergunta",
            ReportText::Answer => "Resposta",
            ReportText::Note => "Nota",
            ReportText::Evidence => "Evidência",
            ReportText::Unanswered => "Sem resposta",
            ReportText::Footer => "Feito com o MEGA IP. Os dados ficaram no dispositivo de quem fez este relatório.",
            ReportText::Print => "Imprimir ou salvar em PDF",
        }
    }

    fn report_overall(&self, name: &str, stage: Option<&str>, mean: &str, max: usize) -> String {
        match stage {
            Some(stage) => format!("{name} está na etapa {stage}, com índice médio de {mean} em {max}."),
            None => format!(
                "{name} ainda não alcançou a primeira etapa em todos os pilares; o índice médio é {mean} em {max}."
            ),
        }
    }

    fn report_strengths_at(&self, stage: &str) -> String {
        format!("O que já se cumpre na etapa {stage}, a mais alta alcançada:")
    }

    fn report_next(&self, next: &str, points: &str, threshold: u32) -> String {
        let missing = if points == "1" {
            "falta 1 ponto".to_owned()
        } else {
            format!("faltam {points} pontos")
        };
        format!("Para chegar à etapa {next}, {missing} (o mínimo é {threshold}%). Veja o que falta:")
    }

    fn report_answer_now(&self, answer: &str) -> String {
        format!("Resposta atual: {answer}")
    }

    fn report_workshop(&self, code: &str, votes: &str, by: DecidedBy, round: u32) -> String {
        let how = match by {
            DecidedBy::Consensus => "por consenso".to_owned(),
            DecidedBy::Discussion => format!("após discussão (rodada {round})"),
        };
        if votes.is_empty() {
            format!("Oficina {code}: {how}")
        } else {
            format!("Oficina {code}: {votes} · {how}")
        }
    }

    fn phase(&self, p: Phase) -> &'static str {
        match p {
            Phase::Design => "1. Desenho",
            Phase::CoDesign => "2. Cocriação com a população",
            Phase::Implementation => "3. Apoio à implementação e monitoramento",
        }
    }

    fn cli_help(&self, topic: CliHelp) -> String {
        match topic {
            CliHelp::Main => {
                "megaip: confere modelos e arquivos de resultados do MEGA IP e calcula as pontuações. Também
combina as respostas de uma oficina, compara municípios e escreve relatórios de diagnóstico.

Uso:
  megaip model check ARQUIVO                      confere um modelo
  megaip results check ARQUIVO [--model MODELO]…  confere um arquivo de resultados
  megaip results score ARQUIVO [--model MODELO]… [--json]
                                                  calcula de novo as pontuações
  megaip workshop merge RESPOSTAS… [--model MODELO]… [--threshold N] [--json] [-o ARQUIVO]
                                                  combina as respostas de uma oficina
  megaip compare ARQUIVOS_OU_PASTAS… --csv SAIDA.csv [--answers RESPOSTAS.csv]
                                                  compara muitos municípios em uma planilha
  megaip report ARQUIVO… --html SAIDA [--model MODELO]…
                                                  escreve o relatório de diagnóstico para imprimir

Opções de todos os comandos:
  --lang es|en|pt  idioma das mensagens (espanhol, se você não indicar)
  --help           esta ajuda

Termina com 0 se o arquivo é válido, 1 se não é e 2 se os argumentos estão errados."
                    .into()
            }
            CliHelp::ModelCheck => "Uso: megaip model check ARQUIVO [--lang es|en|pt]

Lê um modelo (formato 1 ou 2) e mostra o id, a versão, as etapas, os pilares e o número de
critérios. Se o modelo não puder ser usado, mostra os problemas. Termina com 0 se é válido e
com 1 se não é."
                .into(),
            CliHelp::ResultsCheck => "Uso: megaip results check ARQUIVO [--model MODELO]… [--lang es|en|pt]

Confere um arquivo de resultados com o modelo MEGA IP incluído e com os modelos que você indicar
em --model (pode repetir). Se o arquivo for válido, mostra a etapa e o índice de cada pilar.
Termina com 0 se é válido e com 1 se não é."
                .into(),
            CliHelp::ResultsScore => "Uso: megaip results score ARQUIVO [--model MODELO]… [--json] [--lang es|en|pt]

Calcula de novo as pontuações de um arquivo de resultados, sem confiar nas que ele traz. Com
--json, escreve as pontuações em JSON, com os mesmos campos do arquivo de resultados. Termina
com 0 se o arquivo é válido e com 1 se não é."
                .into(),
            CliHelp::Report => "Uso: megaip report ARQUIVO… --html SAIDA [--model MODELO]… [--lang es|en|pt]

Escreve o relatório de diagnóstico de um arquivo de resultados como uma página HTML, que abre e
imprime em qualquer navegador. O relatório tem capa, visão geral, etapas por pilar, pontos fortes
e desafios, recomendações e a primeira fase do plano. Traz também as condições pendentes, as
assinaturas e um anexo com todas as respostas. Com um ARQUIVO, SAIDA é o arquivo HTML. Com vários,
SAIDA é uma pasta, e cada relatório leva o nome do seu arquivo. Os arquivos que não podem ser
usados ficam de fora, com o motivo.

Termina com 0 se escreveu todos os relatórios, com 1 se algum arquivo não pôde ser usado e com 2
se os argumentos estão errados."
                .into(),
            CliHelp::Compare => "Uso: megaip compare ARQUIVOS_OU_PASTAS… --csv SAIDA.csv [--answers RESPOSTAS.csv]
                      [--model MODELO]… [--lang es|en|pt]

Lê muitos arquivos de resultados (e os .json das pastas que você indicar) e escreve uma planilha
com uma linha por autodiagnóstico. Cada linha traz município, data, etapa e índice de cada pilar,
etapa geral e condições pendentes. Com --answers, escreve também uma linha por resposta.
Com --lang es ou pt, usa “;” e vírgula decimal, como o Excel espera em espanhol e em português.
Com --lang en, usa “,” e ponto. Os arquivos que não podem ser usados ficam de fora, com o motivo.

Termina com 0 se conseguiu usar pelo menos um arquivo, com 1 se não conseguiu usar nenhum e com
2 se os argumentos estão errados."
                .into(),
            CliHelp::WorkshopMerge => "Uso: megaip workshop merge RESPOSTAS… [--model MODELO]… [--threshold N] [--json]
                             [-o ARQUIVO] [--lang es|en|pt]

Combina as respostas de uma oficina em uma resposta proposta para cada pergunta. Cada arquivo de
RESPOSTAS é um arquivo de resultados do MEGA IP e vale por uma pessoa. Também pode ser um arquivo
de texto com o código de resposta de um celular (uma linha que começa com MIP1.). Todos devem ser
do mesmo modelo e da mesma oficina. Os que não podem ser usados ficam de fora, com o motivo.

Para cada pergunta, mostra os votos de cada opção, se há consenso e a resposta proposta. Há
consenso quando pelo menos o limite dos votos fica em uma opção ou em duas opções vizinhas.

  --model MODELO   outro modelo, além do MEGA IP (pode repetir)
  --threshold N    o limite de consenso, de 1 a 100 (70, se você não indicar)
  --json           escreve o resultado em JSON, um objeto por pergunta
  -o ARQUIVO       salva também a oficina completa em ARQUIVO (um arquivo de oficina)

Termina com 0 se conseguiu usar pelo menos um arquivo, com 1 se não conseguiu usar nenhum e com
2 se os argumentos estão errados."
                .into(),
        }
    }

    fn cli_usage(&self, detail: &str) -> String {
        format!("Não foi possível entender os argumentos: {detail}. Use --help para ver como usar.")
    }

    fn cli_model_summary(&self, model: &Model) -> String {
        format!(
            "Modelo “{}” ({}), versão {}, formato {}",
            model.name().get(model.content_lang(Lang::Pt)),
            model.id(),
            model.version(),
            model.format()
        )
    }

    fn cli_model_counts(&self, model: &Model) -> String {
        format!(
            "{} etapas, {} pilares, {} critérios, {} condições habilitadoras, {} escalas de respostas",
            model.stages().len(),
            model.pillars().len(),
            model.criteria().len(),
            model.conditions().len(),
            model.scales().len()
        )
    }

    fn cli_valid(&self) -> &'static str {
        "O arquivo é válido."
    }

    fn cli_invalid(&self, path: &str) -> String {
        format!("{path}: o arquivo não é válido.")
    }

    fn cli_unreadable(&self, path: &str, why: &str) -> String {
        format!("{path}: não foi possível ler o arquivo ({why}).")
    }

    fn cli_pillar_line(&self, pillar: &str, stage: &str, index: &str) -> String {
        format!("  {pillar}: {stage} (índice {index})")
    }

    fn cli_overall(&self, stage: &str, mean: &str) -> String {
        format!("Visão geral: {stage}; índice médio dos pilares: {mean}")
    }

    fn cli_results_summary(&self, name: &str, model: &Model) -> String {
        format!(
            "Resultados de “{name}” com o modelo “{}” versão {}",
            model.name().get(model.content_lang(Lang::Pt)),
            model.version()
        )
    }

    fn cli_merge_heading(&self, code: &str, model: &Model, threshold: u32) -> String {
        format!(
            "Oficina {code} com o modelo “{}” versão {}; há consenso a partir de {} dos votos",
            model.name().get(model.content_lang(Lang::Pt)),
            model.version(),
            self.percent(f64::from(threshold) / 100.0)
        )
    }

    fn cli_merge_counts(&self, counts: &[(&str, u32)]) -> String {
        if counts.is_empty() {
            return "nenhuma opção".into();
        }
        let counts: Vec<String> = counts.iter().map(|(label, n)| format!("“{label}” {n}")).collect();
        counts.join(", ")
    }

    fn cli_consensus_one(&self, option: &str, agreement: u32) -> String {
        format!(
            "Consenso em “{option}” ({} dos votos)",
            self.percent(f64::from(agreement) / 100.0)
        )
    }

    fn cli_consensus_neighbours(&self, lower: &str, upper: &str, agreement: u32) -> String {
        format!(
            "Consenso em duas opções vizinhas, “{lower}” e “{upper}” ({} dos votos)",
            self.percent(f64::from(agreement) / 100.0)
        )
    }

    fn cli_consensus_divided(&self, agreement: u32) -> String {
        format!(
            "Sem consenso: a opção mais votada tem {} dos votos",
            self.percent(f64::from(agreement) / 100.0)
        )
    }

    fn cli_consensus_no_votes(&self) -> &'static str {
        "Ninguém respondeu a esta pergunta"
    }

    fn cli_merge_line(&self, criterion: &str, counts: &str, consensus: &str, proposed: Option<&str>) -> String {
        match proposed {
            Some(p) => format!("{criterion}: votos {counts}. {consensus}. Resposta proposta: “{p}”."),
            None => format!("{criterion}: votos {counts}. {consensus}. Sem resposta proposta."),
        }
    }

    fn cli_merge_summary(&self, participants: usize, to_discuss: &[&str]) -> String {
        let discuss = match to_discuss {
            [] => "nenhuma".to_owned(),
            [one] => format!("1 ({one})"),
            many => format!(
                "{} (da mais dividida para a menos dividida: {})",
                many.len(),
                many.join(", ")
            ),
        };
        format!("Participantes: {participants}. Perguntas para discutir: {discuss}.")
    }

    fn cli_merge_refused(&self, path: &str, why: &str) -> String {
        format!("{path}: fica de fora. {why}")
    }

    fn cli_merge_not_input(&self) -> &'static str {
        "Não é um arquivo de resultados do MEGA IP nem uma resposta de oficina (uma linha que começa com MIP1.)."
    }

    fn cli_merge_other_model(&self, found: &Model, expected: &Model) -> String {
        format!(
            "Usa o modelo “{}” versão {}, mas o primeiro arquivo usado é do modelo “{}” versão {}. Todas as respostas devem ser do mesmo modelo.",
            super::short(found.name().get(found.content_lang(Lang::Pt))),
            found.version(),
            super::short(expected.name().get(expected.content_lang(Lang::Pt))),
            expected.version()
        )
    }

    fn cli_merge_nothing(&self) -> &'static str {
        "Nenhum arquivo pôde ser usado: não há respostas para combinar."
    }

    fn cli_cannot_write(&self, path: &str, why: &str) -> String {
        format!("{path}: não foi possível escrever o arquivo ({why}).")
    }

    fn cli_compare_other_model(&self, found: &Model, expected: &Model) -> String {
        format!(
            "Usa o modelo “{}” versão {}, mas o primeiro arquivo usado é do modelo “{}” versão {}. Compare arquivos de um mesmo modelo.",
            super::short(found.name().get(found.content_lang(Lang::Pt))),
            found.version(),
            super::short(expected.name().get(expected.content_lang(Lang::Pt))),
            expected.version()
        )
    }

    fn cli_compare_nothing(&self) -> &'static str {
        "Nenhum arquivo pôde ser usado: não há nada para comparar."
    }

    fn cli_compare_written(&self, files: usize, municipalities: usize, path: &str) -> String {
        let files = match files {
            1 => "1 autodiagnóstico".to_owned(),
            n => format!("{n} autodiagnósticos"),
        };
        let places = match municipalities {
            1 => "1 município".to_owned(),
            n => format!("{n} municípios"),
        };
        format!("{files} de {places}, em {path}.")
    }

    fn cli_report_written(&self, file: &str, out: &str) -> String {
        format!("{file}: relatório de diagnóstico salvo em {out}")
    }

    fn cli_workshop_not_checked(&self, path: &str) -> String {
        format!("{path}: o arquivo da oficina não é lido do mesmo jeito que foi escrito. Não o use.")
    }

    fn cli_workshop_saved(&self, path: &str) -> String {
        format!("Oficina salva em {path}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::points;

    #[test]
    fn points_read_without_needless_decimals() {
        assert_eq!(points(&Pt, 2000), "2");
        assert_eq!(points(&Pt, 1500), "1,5");
        assert_eq!(points(&Pt, 333), "0,333");
    }
}
