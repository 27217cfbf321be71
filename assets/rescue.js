// The rescue page. It lives outside the wasm on purpose: if the app stops working (the release
// build aborts on a panic, which the browser reports as a WebAssembly.RuntimeError), this script
// replaces the page with a plain message and a button that downloads everything saved on this
// device, in the backup format the app reads with "Restaurar una copia"
// (crates/core/src/exchange/backup.rs). It sends nothing anywhere.
//
// Its few sentences are here, not in the app's message catalogs, because the app is exactly what
// is not running when they are needed.
(function () {
  'use strict';
  var TEXT = {
    es: {
      title: 'La aplicación encontró un error',
      body: 'Tus datos siguen guardados en este dispositivo. Descarga una copia para no perder nada y luego recarga la página. Con la copia puedes recuperarlo todo en «Restaurar una copia».',
      download: 'Descargar una copia de mis datos',
      reload: 'Recargar la página',
    },
    en: {
      title: 'The app ran into an error',
      body: 'Your data is still saved on this device. Download a copy so nothing is lost, then reload the page. With the copy you can bring everything back with “Restore a copy”.',
      download: 'Download a copy of my data',
      reload: 'Reload the page',
    },
  };
  var shown = false;

  function isCrash(x) {
    if (typeof WebAssembly !== 'undefined' && x instanceof WebAssembly.RuntimeError) return true;
    return /RuntimeError|unreachable/.test(String(x && (x.message || x)));
  }

  function backup() {
    var out = { kind: 'megaip-backup', format: 1, app_version: 'rescue', exported_at: new Date().toISOString(), assessments: [], models: [], unreadable: [] };
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (!key || key.indexOf('megaip.') !== 0) continue;
      var text = localStorage.getItem(key) || '';
      try {
        if (/^megaip\.assessment\.[^.]+\.v3$/.test(key)) {
          out.assessments.push(JSON.parse(text).assessment);
        } else if (key === 'megaip.assessments.v2' || key === 'megaip.assessments.v1') {
          out.assessments = out.assessments.concat(JSON.parse(text).assessments);
        } else if (key === 'megaip.models.v2') {
          out.models = out.models.concat(JSON.parse(text));
        } else if (key.indexOf('megaip.quarantine.') === 0) {
          out.unreadable.push({ key: key, text: text });
        }
      } catch (e) {
        out.unreadable.push({ key: key, text: text });
      }
    }
    return JSON.stringify(out, null, 2);
  }

  function download() {
    var blob = new Blob([backup()], { type: 'application/json' });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = 'copia-megaip-' + new Date().toISOString().slice(0, 10) + '.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }

  function rescue() {
    if (shown || !document.body) return;
    shown = true;
    var t = TEXT[document.documentElement.lang === 'en' ? 'en' : 'es'];
    var main = el('main', '', { id: 'rescue', class: 'rescue', tabindex: '-1' });
    main.appendChild(el('h1', t.title));
    main.appendChild(el('p', t.body));
    var save = el('button', t.download, { type: 'button', class: 'button button-primary' });
    save.addEventListener('click', download);
    var again = el('button', t.reload, { type: 'button', class: 'button' });
    again.addEventListener('click', function () { location.reload(); });
    var actions = el('p', '', { class: 'actions' });
    actions.appendChild(save);
    actions.appendChild(again);
    main.appendChild(actions);
    document.body.replaceChildren(main);
    main.focus();
  }

  window.addEventListener('error', function (e) {
    if (isCrash(e.error || e.message)) rescue();
  });
  window.addEventListener('unhandledrejection', function (e) {
    if (isCrash(e.reason)) rescue();
  });
})();
