//! The home page: the MEGA IP model in plain words, and the way into the assessment.

use crate::ui::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="hero">
            <h1 tabindex="-1">{t!(i18n, home.title)}</h1>
            <p class="lead">{t!(i18n, home.lead)}</p>
            <A href="/autodiagnostico" attr:class="button button-primary">{t!(i18n, home.cta)}</A>
        </section>

        <section aria-labelledby="model-title">
            <h2 id="model-title">{t!(i18n, home.model_title)}</h2>
            <p>{t!(i18n, home.model_text)}</p>
        </section>

        <section aria-labelledby="stages-title">
            <h2 id="stages-title">{t!(i18n, home.stages_title)}</h2>
            <p>{t!(i18n, home.stages_text)}</p>
            <ol class="stairs">
                <li class="step step-1"><h3>{t!(i18n, home.stage_1)}</h3><p>{t!(i18n, home.stage_1_text)}</p></li>
                <li class="step step-2"><h3>{t!(i18n, home.stage_2)}</h3><p>{t!(i18n, home.stage_2_text)}</p></li>
                <li class="step step-3"><h3>{t!(i18n, home.stage_3)}</h3><p>{t!(i18n, home.stage_3_text)}</p></li>
                <li class="step step-4"><h3>{t!(i18n, home.stage_4)}</h3><p>{t!(i18n, home.stage_4_text)}</p></li>
                <li class="step step-5"><h3>{t!(i18n, home.stage_5)}</h3><p>{t!(i18n, home.stage_5_text)}</p></li>
            </ol>
        </section>

        <section aria-labelledby="pillars-title">
            <h2 id="pillars-title">{t!(i18n, home.pillars_title)}</h2>
            <p>{t!(i18n, home.pillars_text)}</p>
            <ul class="cards">
                <li class="card"><h3>{t!(i18n, home.pillar_1)}</h3><p>{t!(i18n, home.pillar_1_text)}</p></li>
                <li class="card"><h3>{t!(i18n, home.pillar_2)}</h3><p>{t!(i18n, home.pillar_2_text)}</p></li>
                <li class="card"><h3>{t!(i18n, home.pillar_3)}</h3><p>{t!(i18n, home.pillar_3_text)}</p></li>
                <li class="card"><h3>{t!(i18n, home.pillar_4)}</h3><p>{t!(i18n, home.pillar_4_text)}</p></li>
            </ul>
        </section>

        <section aria-labelledby="lines-title">
            <h2 id="lines-title">{t!(i18n, home.lines_title)}</h2>
            <p>{t!(i18n, home.lines_text)}</p>
            <ul class="cards">
                <li class="card"><h3>{t!(i18n, home.line_1)}</h3><p>{t!(i18n, home.line_1_text)}</p></li>
                <li class="card"><h3>{t!(i18n, home.line_2)}</h3><p>{t!(i18n, home.line_2_text)}</p></li>
                <li class="card"><h3>{t!(i18n, home.line_3)}</h3><p>{t!(i18n, home.line_3_text)}</p></li>
                <li class="card"><h3>{t!(i18n, home.line_4)}</h3><p>{t!(i18n, home.line_4_text)}</p></li>
            </ul>
        </section>

        <section aria-labelledby="how-title">
            <h2 id="how-title">{t!(i18n, home.how_title)}</h2>
            <ol class="how">
                <li>{t!(i18n, home.how_1)}</li>
                <li>{t!(i18n, home.how_2)}</li>
                <li>{t!(i18n, home.how_3)}</li>
                <li>{t!(i18n, home.how_4)}</li>
            </ol>
            <p class="privacy">{t!(i18n, home.privacy)}</p>
            <A href="/autodiagnostico" attr:class="button button-primary">{t!(i18n, home.cta)}</A>
        </section>
    }
}
