// Recouvrement's pages in Cockpit. Plain JavaScript: Cockpit's content security policy serves only this application's
// own files, and the pages call the application's /api with the Cockpit session and its anti-CSRF token.

import {element, frenchDate, STAGE_LABELS} from './recouvrement-commun.js';

const PREVIEW_PATH = '/simuler-un-changement';

function stepText(step) {
  return step ? `${STAGE_LABELS[step.step] || step.step}, ${frenchDate(step.date)} (${step.channel})` : '—';
}

function table(headers, rows) {
  return element('table', {class: 'table table-condensed'}, [
    element('thead', {}, [element('tr', {}, headers.map(h => element('th', {}, [h])))]),
    element('tbody', {}, rows.map(row => element('tr', {}, row.map(cell => element('td', {}, [String(cell)])))))
  ]);
}

const SHORT_STEPS = {RELANCE_1: 'R1', RELANCE_2: 'R2', RELANCE_3: 'R3', MISE_EN_DEMEURE: 'MED'};
const CHANNELS = {EMAIL: 'e-mail', LETTER: 'courrier', LRAR: 'LRAR'};

// "5 (R1 e-mail 3, R2 e-mail 2)": what the week sends, step by step.
function weekText(week) {
  const entries = Object.entries(week.messages);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (!total) {
    return '0';
  }
  const detail = entries.map(([key, count]) => {
    const [step, channel] = key.split(' ');
    return `${SHORT_STEPS[step] || step} ${CHANNELS[channel] || channel} ${count}`;
  });
  return `${total} (${detail.join(', ')})`;
}

function renderReport(target, report) {
  const current = report.current;
  const candidate = report.candidate;
  target.replaceChildren(
    element('h3', {}, [`Au ${frenchDate(report.asOf)} : ${report.dossiers.length} dossiers ouverts`]),
    table(['', 'Scénario actuel', 'Scénario proposé'], [
      ['Lettres recommandées (13 semaines)', current.registeredLetters, candidate.registeredLetters],
      ['Coût des lettres recommandées (EUR)', current.registeredLettersCost, candidate.registeredLettersCost],
      ['Mises en demeure', current.notices, candidate.notices],
      ['Transmissions au juridique (estimation)', current.handoffs, candidate.handoffs]
    ]),
    element('h4', {}, ['Envois par semaine']),
    table(['Semaine', 'Du', 'Actuel', 'Proposé'], current.weeks.map((week, i) =>
      [week.week, frenchDate(week.monday), weekText(week), weekText(candidate.weeks[i])])),
    element('h4', {}, [`Dossiers dont la prochaine étape change : ${report.nextStepMoves.length}`]),
    table(['Dossier', 'Segment', 'Prochaine étape actuelle', 'Prochaine étape proposée'],
      report.dossiers.filter(d => report.nextStepMoves.includes(d.number)).map(d =>
        [d.number, `${d.segment} ${d.debtorType}`, stepText(d.current.steps[0]), stepText(d.candidate.steps[0])]))
  );
}

function renderProblem(target, problem) {
  const messages = (problem.errors || []).map(e => e.message);
  target.replaceChildren(element('div', {class: 'alert alert-danger'}, [
    element('strong', {}, [problem.title || 'Erreur']),
    element('p', {}, [messages.length ? messages.join(' ') : (problem.detail || '')])
  ]));
}

const previewPage = {
  id: 'recouvrement.scenario-preview',
  pluginPoint: 'cockpit.route',
  properties: {path: PREVIEW_PATH},
  render(node, {api}) {
    const scenario = element('input', {type: 'file', name: 'scenario', accept: '.dmn', id: 'rec-scenario'});
    const route = element('input', {type: 'file', name: 'voie', accept: '.dmn', id: 'rec-voie'});
    const result = element('div', {class: 'rec-preview-result'});
    const form = element('form', {class: 'form-horizontal'}, [
      element('h2', {}, ['Simuler un changement de scénario']),
      element('p', {}, ['Choisissez la table de décision modifiée dans Camunda Modeler. Rien n\'est déployé : la '
        + 'simulation compare, pour les dossiers ouverts, les prochaines étapes du scénario actuel de chaque dossier '
        + 'avec celles du scénario proposé, sur 13 semaines.']),
      element('div', {class: 'form-group'}, [
        element('label', {for: 'rec-scenario'}, ['scenario-recouvrement.dmn (obligatoire)']), scenario]),
      element('div', {class: 'form-group'}, [
        element('label', {for: 'rec-voie'}, ['voie-judiciaire.dmn (facultatif)']), route]),
      element('button', {type: 'submit', class: 'btn btn-primary'}, ['Simuler'])
    ]);
    form.addEventListener('submit', event => {
      event.preventDefault();
      const body = new FormData(form);
      if (!route.files.length) {
        body.delete('voie');
      }
      result.replaceChildren(element('p', {}, ['Simulation en cours…']));
      fetch('/api/scenario/preview', {
        method: 'POST', body, credentials: 'same-origin', headers: {'X-XSRF-TOKEN': api.CSRFToken}
      })
        .then(response => response.json().then(json => ({ok: response.ok, json})))
        .then(({ok, json}) => (ok ? renderReport(result, json) : renderProblem(result, json)))
        .catch(error => renderProblem(result, {title: 'Erreur', detail: String(error)}));
    });
    node.replaceChildren(element('div', {class: 'container-fluid'}, [form, result]));
  }
};

const previewMenu = {
  id: 'recouvrement.scenario-preview.menu',
  pluginPoint: 'cockpit.navigation',
  priority: 20,
  properties: {path: PREVIEW_PATH},
  render(node) {
    node.replaceChildren(element('a', {href: `#${PREVIEW_PATH}`}, ['Simuler un changement']));
  }
};

export default [previewPage, previewMenu];
