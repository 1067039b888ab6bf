// The managers' figures in Cockpit: a tile on the start page and the page #/recouvrement. They read GET /api/kpis
// with the Cockpit session (the application accepts it for reads), and draw the aged balance in plain SVG: no chart
// library loads under Cockpit's module set-up and its content security policy.

import {element, frenchDate, STAGE_LABELS} from './recouvrement-commun.js';

const PAGE_PATH = '/recouvrement';
const DOSSIER_PROCESS = 'recouvrement-amiable';
const SVG = 'http://www.w3.org/2000/svg';

const EUROS = new Intl.NumberFormat('fr-FR', {style: 'currency', currency: 'EUR'});
const COUNT = new Intl.NumberFormat('fr-FR');
const DAYS = new Intl.NumberFormat('fr-FR', {minimumFractionDigits: 1, maximumFractionDigits: 1});
const PERCENT = new Intl.NumberFormat('fr-FR', {style: 'percent', maximumFractionDigits: 1});

const TYPES = {B2B: 'Entreprises (B2B)', B2C: 'Particuliers (B2C)', PUBLIC: 'Personnes publiques'};
const ROUTES = {
  INJONCTION_DE_PAYER: 'Injonction de payer',
  PETITES_CREANCES: 'Petites créances',
  ASSIGNATION: 'Assignation',
  DECLARATION_CREANCE: 'Déclaration de créance',
  REFERE_PROVISION_TA: 'Référé-provision (tribunal administratif)'
};
const BUCKET_COLOURS = {
  NOT_DUE: '#5b8fc9',
  DAYS_1_30: '#f0c243',
  DAYS_31_60: '#ec9a3c',
  DAYS_61_90: '#e3713a',
  DAYS_91_180: '#cf4a3f',
  OVER_180: '#96281b'
};

function euros(amount) {
  return EUROS.format(Number(amount));
}

function count(number, one, many) {
  return `${COUNT.format(number)} ${number > 1 ? many : one}`;
}

function invoices(number) {
  return count(number, 'facture', 'factures');
}

function dossiers(number) {
  return count(number, 'dossier', 'dossiers');
}

function rate(recoveryRate) {
  return recoveryRate === null ? '—' : PERCENT.format(Number(recoveryRate));
}

// The API answers with its problem+json, or not at all: the manager reads why in French, not a status code.
function kpis(filters) {
  return apiGet('/api/kpis', filters);
}

function apiGet(path, parameters) {
  const query = new URLSearchParams(Object.entries(parameters).filter(([, value]) => value));
  return fetch(`${path}?${query}`, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.json().catch(() => ({}))
      .then(json => (response.ok ? json : Promise.reject({status: response.status, problem: json}))),
    () => Promise.reject({status: 0, problem: {}}));
}

function problemText({status, problem}) {
  if (status === 401) {
    return 'Votre session Cockpit a expiré : reconnectez-vous pour voir les indicateurs.';
  }
  if (status === 403) {
    return 'Les indicateurs du recouvrement sont réservés aux managers, aux analystes et aux administrateurs. '
      + 'Demandez cet accès à un administrateur.';
  }
  if (status === 400) {
    const messages = (problem.errors || []).map(error => error.message);
    return `Filtre refusé : ${messages.length ? messages.join(' ') : problem.detail || ''}`;
  }
  return 'Les indicateurs sont indisponibles pour le moment : l\'application ne répond pas'
    + `${status ? ` (erreur ${status})` : ''}. Réessayez dans un instant.`;
}

function problemBox(failure) {
  return element('div', {class: 'alert alert-danger rec-problem', role: 'alert'}, [
    element('strong', {}, ['Indicateurs indisponibles. ']), problemText(failure)]);
}

function tile(figure, label, value, detail, explanation, tone) {
  return element('div', {class: `rec-tile rec-tone-${tone || 'plain'}`, 'data-figure': figure, title: explanation}, [
    element('div', {class: 'rec-tile-label'}, [label]),
    element('div', {class: 'rec-tile-value'}, [value]),
    element('div', {class: 'rec-tile-detail'}, [detail]),
    element('p', {class: 'rec-caption'}, [explanation])
  ]);
}

function headlineTiles(report) {
  const ledger = report.ledger;
  const dso = ledger.dso;
  const soon = ledger.prescriptionSoon;
  return element('div', {class: 'rec-tiles'}, [
    tile('outstanding', 'Encours', euros(ledger.outstanding.amount), invoices(ledger.outstanding.invoices),
      'Tout ce que les factures doivent encore, litiges et dossiers au juridique compris.'),
    tile('overdue', 'Échu', euros(ledger.overdue.amount), invoices(ledger.overdue.invoices),
      'La part de l\'encours en retard d\'au moins un jour sur l\'échéance.',
      Number(ledger.overdue.amount) > 0 ? 'warning' : 'good'),
    tile('dso', 'DSO', `${DAYS.format(Number(dso.days))} jours`,
      dso.capped ? 'plafonné à 365 jours' : `sur ${count(dso.monthsCounted, 'mois', 'mois')} de facturation`,
      'Délai moyen d\'encaissement, par la méthode du décompte rétrograde (count-back).'),
    tile('disputed', 'En litige', euros(ledger.disputed.amount), invoices(ledger.disputed.invoices),
      'Factures contestées par le débiteur : comprises dans l\'encours, montrées à part.'),
    tile('judicial', 'Au juridique', euros(ledger.judicial.amount), invoices(ledger.judicial.invoices),
      'Factures transmises au service juridique : comprises dans l\'encours, montrées à part.'),
    tile('prescription', 'Prescription proche', euros(soon.amount), invoices(soon.invoices),
      `Factures prescrites d'ici le ${frenchDate(soon.until)} (${soon.withinDays} jours) : agir en justice avant.`,
      soon.invoices ? 'danger' : 'good')
  ]);
}

function svg(tag, attributes, children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  (children || []).forEach(child => node.append(child));
  return node;
}

// One bar per bucket, its height proportional to the amount, the amount above it and the invoice count below.
function agedBalanceChart(buckets) {
  const width = 660;
  const height = 280;
  const top = 28;
  const bottom = 52;
  const slot = width / buckets.length;
  const largest = Math.max(...buckets.map(bucket => Number(bucket.amount)), 1);
  const bars = buckets.map((bucket, i) => {
    const barHeight = (height - top - bottom) * Number(bucket.amount) / largest;
    const x = i * slot + slot * 0.15;
    const y = height - bottom - barHeight;
    const centre = i * slot + slot / 2;
    return svg('g', {class: 'rec-bar', 'data-bucket': bucket.bucket}, [
      svg('title', {}, [`${bucket.label} : ${euros(bucket.amount)}, ${invoices(bucket.invoices)}`]),
      svg('rect', {x, y, width: slot * 0.7, height: Math.max(barHeight, 1), rx: 3,
        fill: BUCKET_COLOURS[bucket.bucket] || '#888'}),
      svg('text', {x: centre, y: y - 8, 'text-anchor': 'middle', class: 'rec-bar-amount'}, [euros(bucket.amount)]),
      svg('text', {x: centre, y: height - bottom + 20, 'text-anchor': 'middle', class: 'rec-bar-label'},
        [bucket.label]),
      svg('text', {x: centre, y: height - bottom + 38, 'text-anchor': 'middle', class: 'rec-bar-count'},
        [invoices(bucket.invoices)])
    ]);
  });
  return svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'rec-chart', role: 'img',
    'aria-label': 'Balance âgée par tranche de retard'}, [
    svg('line', {x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: 'rec-axis'}),
    ...bars
  ]);
}

// The overdue and the outstanding of each day the snapshot was taken, as two lines over the last 12 weeks.
function trendChart(days) {
  const width = 1000;
  const height = 240;
  const left = 10;
  const top = 24;
  const bottom = 36;
  const largest = Math.max(...days.map(day => Number(day.outstanding.amount)), 1);
  const x = i => left + (width - 2 * left) * (days.length === 1 ? 0.5 : i / (days.length - 1));
  const y = amount => height - bottom - (height - top - bottom) * Number(amount) / largest;
  const line = (pick, cssClass) => svg('polyline', {class: cssClass, fill: 'none',
    points: days.map((day, i) => `${x(i)},${y(pick(day))}`).join(' ')});
  const last = days[days.length - 1];
  return svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'rec-chart rec-trend', role: 'img',
    'aria-label': 'Encours et échu, jour par jour'}, [
    svg('line', {x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: 'rec-axis'}),
    line(day => day.outstanding.amount, 'rec-trend-outstanding'),
    line(day => day.overdue.amount, 'rec-trend-overdue'),
    ...days.map((day, i) => svg('circle', {cx: x(i), cy: y(day.overdue.amount), r: 3, class: 'rec-trend-point'},
      [svg('title', {}, [`${frenchDate(day.day)} : échu ${euros(day.overdue.amount)}, encours `
        + `${euros(day.outstanding.amount)}, DSO ${DAYS.format(Number(day.dsoDays))} jours`])])),
    svg('text', {x: left, y: height - 10, class: 'rec-bar-label'}, [frenchDate(days[0].day)]),
    svg('text', {x: width - left, y: height - 10, 'text-anchor': 'end', class: 'rec-bar-label'},
      [frenchDate(last.day)]),
    svg('text', {x: width - left, y: y(last.overdue.amount) - 8, 'text-anchor': 'end', class: 'rec-bar-amount'},
      [`échu ${euros(last.overdue.amount)}`])
  ]);
}

// Filled once the trend has answered: the snapshots are the whole portfolio's, whatever the filters.
function trendSection() {
  const content = element('div', {class: 'rec-trend-content'}, ['Chargement…']);
  apiGet('/api/kpis/trend', {}).then(trend => {
    content.replaceChildren(...(trend.days.length
      ? [trendChart(trend.days), element('p', {class: 'rec-caption rec-trend-caption'}, [
        `${count(trend.days.length, 'jour relevé', 'jours relevés')} du ${frenchDate(trend.from)} au `
        + `${frenchDate(trend.to)} ; en bleu l'encours, en rouge l'échu.`])]
      : [element('p', {}, [`Aucun relevé entre le ${frenchDate(trend.from)} et le ${frenchDate(trend.to)} : `
        + 'le premier se fait au démarrage de l\'application, puis chaque jour à 6 h.'])]));
  }, failure => content.replaceChildren(problemBox(failure)));
  return section('Tendance sur 12 semaines', 'Le relevé quotidien de 6 h (heure de Paris), tous débiteurs confondus.',
    [content], {'data-figure': 'trend'});
}

function section(title, caption, content, attributes) {
  return element('section', Object.assign({class: 'rec-section'}, attributes), [
    element('h3', {}, [title]),
    element('p', {class: 'rec-caption'}, [caption]),
    ...content
  ]);
}

function alert(figure, label, number, detail, explanation, tone) {
  return element('li', {class: `rec-alert rec-tone-${number ? tone : 'good'}`, 'data-figure': figure,
    title: explanation}, [
    element('span', {class: 'rec-alert-count'}, [COUNT.format(number)]),
    element('span', {class: 'rec-alert-text'}, [
      element('strong', {}, [label]), detail ? ` — ${detail}` : '',
      element('br'), element('small', {}, [explanation])])
  ]);
}

function alerts(report) {
  const now = report.operational;
  const soon = report.ledger.prescriptionSoon;
  return element('ul', {class: 'rec-alerts'}, [
    alert('lettersToPost', 'Courriers à poster', now.lettersToPost, '',
      'Lettres et recommandés imprimés, en attente d\'envoi (filtre « Courriers à poster » de Tasklist).', 'warning'),
    alert('failedDeliveries', 'Envois en échec', now.deliveries.failed, '',
      'Messages non remis après tous les essais : un incident attend dans Cockpit.', 'danger'),
    alert('unknownDeliveries', 'Envois incertains', now.deliveries.unknown, '',
      'Peut-être envoyés : une personne doit choisir « envoyé » ou « renvoyer ».', 'warning'),
    alert('prescriptionSoon', 'Prescriptions proches', soon.invoices, soon.invoices ? euros(soon.amount) : '',
      `Factures prescrites d'ici le ${frenchDate(soon.until)} : après, plus d'action en justice possible.`,
      'danger'),
    alert('awaitingReceipt', 'Recommandés sans AR', now.registeredLettersAwaitingReceipt, '',
      'Mises en demeure postées dont le dossier attend encore l\'avis de réception.', 'warning'),
    alert('tasksPastDue', 'Tâches en retard', now.tasksPastDue, '',
      'Tâches ouvertes dont l\'échéance est passée, ou escaladées.', 'warning'),
    alert('brokenPromises', 'Promesses rompues', now.promises.broken,
      `${now.promises.open} en cours, ${now.promises.kept} tenues`,
      `Promesses de paiement dont l'échéance (délai de grâce compris) est passée sans paiement complet, depuis le `
      + `${frenchDate(now.promises.deadlinesSince)}.`, 'warning'),
    alert('missedPlans', 'Échéanciers non tenus', now.plans.missed,
      now.plans.missed ? euros(now.plans.missedAmount) : `${now.plans.running} en cours`,
      'Plans de paiement dont les échéances passées ne sont pas couvertes par les paiements.', 'warning'),
    alert('openDisputes', 'Litiges ouverts', now.disputes.open,
      now.disputes.open ? `${euros(now.disputes.amount)}, le plus ancien du ${frenchDate(now.disputes.oldestSince)}` : '',
      'Factures contestées aujourd\'hui, à instruire.', 'warning')
  ]);
}

function cell(content, attributes) {
  return element('td', attributes || {}, [content]);
}

function table(headers, rows, attributes) {
  return element('table', Object.assign({class: 'table table-condensed rec-table'}, attributes), [
    element('thead', {}, [element('tr', {}, headers.map(([text, explanation, numeric]) =>
      element('th', {title: explanation || '', class: numeric ? 'rec-number' : ''}, [text])))]),
    element('tbody', {}, rows)
  ]);
}

function rateBar(recoveryRate) {
  const share = recoveryRate === null ? 0 : Math.min(Number(recoveryRate), 1);
  return element('span', {class: 'rec-rate'}, [
    element('span', {class: 'rec-rate-track'}, [element('span', {class: 'rec-rate-fill',
      style: `width: ${Math.round(share * 100)}%`})]),
    rate(recoveryRate)
  ]);
}

function stagesTable(report) {
  const now = Object.fromEntries(report.operational.stages.map(stage => [stage.stage, stage]));
  const rows = report.recovery.stages.map(stage => {
    const current = now[stage.stage] || {dossiers: 0, amount: '0.00'};
    return element('tr', {'data-stage': stage.stage}, [
      cell(STAGE_LABELS[stage.stage] || stage.stage),
      cell(euros(stage.paid), {class: 'rec-number'}),
      cell(euros(stage.credited), {class: 'rec-number'}),
      cell(COUNT.format(stage.reached), {class: 'rec-number'}),
      cell(COUNT.format(stage.settled), {class: 'rec-number'}),
      cell(rateBar(stage.recoveryRate)),
      cell(COUNT.format(current.dossiers), {class: 'rec-number'}),
      cell(euros(current.amount), {class: 'rec-number'})
    ]);
  });
  return table([
    ['Étape', 'L\'étape du scénario où se trouvait le dossier'],
    ['Encaissé', 'Paiements datés de la période, comptés à l\'étape du dossier à leur date', true],
    ['Avoirs', 'Avoirs datés de la période, comptés de même, à part', true],
    ['Dossiers entrés', 'Dossiers entrés à cette étape pendant la période (avant échéance : factures échues)', true],
    ['Soldés à l\'étape', 'Parmi eux, ceux soldés sans aller plus loin', true],
    ['Taux de recouvrement', 'Soldés à l\'étape / dossiers entrés'],
    ['Dossiers en cours', 'Dossiers non clos à cette étape aujourd\'hui', true],
    ['Reste dû', 'Ce que les factures de ces dossiers doivent encore aujourd\'hui', true]
  ], rows, {'data-figure': 'stages'});
}

function handoffsLine(handoffs) {
  const parts = handoffs.filter(route => route.dossiers).map(route =>
    `${ROUTES[route.route] || route.route} : ${dossiers(route.dossiers)} (${euros(route.amount)})`);
  return element('p', {class: 'rec-caption'}, [
    `Transmis au juridique, par voie : ${parts.length ? parts.join(' ; ') : 'aucun dossier'}.`]);
}

// The API names the dossiers; the engine knows which of them still run, under the dossier's number as business key.
// Asked from here with the Cockpit session, so Cockpit's own authorizations decide what the manager may open.
function linkDossiers(api, container) {
  container.querySelectorAll('[data-dossier]').forEach(placeholder => {
    const number = placeholder.getAttribute('data-dossier');
    // Paged: the engine refuses an unbounded list (query-max-results-limit).
    const query = new URLSearchParams({processDefinitionKey: DOSSIER_PROCESS, businessKey: number,
      firstResult: 0, maxResults: 1});
    fetch(`${api.engineApi}/process-instance?${query}`, {credentials: 'same-origin',
      headers: {Accept: 'application/json'}})
      .then(response => (response.ok ? response.json() : []))
      .then(instances => {
        if (instances.length) {
          placeholder.replaceWith(element('a', {href: `#/process-instance/${instances[0].id}/runtime`,
            'data-dossier': number, title: 'Ouvrir l\'instance du dossier dans Cockpit'}, [number]));
        } else {
          placeholder.setAttribute('title', 'Dossier clos : plus d\'instance en cours');
        }
      }, () => placeholder.setAttribute('title', 'Instance introuvable pour le moment'));
  });
}

function debtorsTable(report) {
  const rows = report.ledger.topDebtors.map((debtor, i) => element('tr', {'data-debtor': debtor.debtorId}, [
    cell(String(i + 1), {class: 'rec-number rec-rank'}),
    cell(debtor.name),
    cell(debtor.siren || '—'),
    cell(TYPES[debtor.type] || debtor.type),
    cell(debtor.segment),
    cell(euros(debtor.outstanding), {class: 'rec-number', 'data-figure': 'debtorOutstanding'}),
    cell(euros(debtor.overdue), {class: 'rec-number', 'data-figure': 'debtorOverdue'}),
    cell(COUNT.format(debtor.invoices), {class: 'rec-number'}),
    element('td', {class: 'rec-dossiers'}, debtor.dossiers.length
      ? debtor.dossiers.map(number => element('span', {'data-dossier': number}, [number]))
      : ['—'])
  ]));
  return table([
    ['#'], ['Débiteur'], ['SIREN'], ['Type'], ['Segment'],
    ['Encours', 'Ce que ses factures doivent encore', true], ['Échu', 'Dont en retard', true],
    ['Factures', 'Factures dues', true], ['Dossiers', 'Un lien ouvre l\'instance du dossier en cours dans Cockpit']
  ], rows.length ? rows : [element('tr', {}, [element('td', {colspan: 9}, ['Aucune facture due.'])])],
  {'data-figure': 'topDebtors'});
}

function prescriptionTable(soon) {
  return table([['Facture'], ['Dossier'], ['Débiteur'], ['Prescrite le'], ['Solde', '', true]],
    soon.items.map(item => element('tr', {}, [
      cell(item.invoice), cell(item.dossier || '—'), cell(item.debtor), cell(frenchDate(item.prescriptionDate)),
      cell(euros(item.balance), {class: 'rec-number'})])));
}

function renderReport(target, report, api) {
  const soon = report.ledger.prescriptionSoon;
  target.replaceChildren(
    element('p', {class: 'rec-asof'}, [
      `Situation au ${frenchDate(report.asOf)}, en principal, en euros`,
      report.segment || report.debtorType ? ` — ${[report.segment, TYPES[report.debtorType]]
        .filter(Boolean).join(', ')}` : ' — tous les débiteurs']),
    headlineTiles(report),
    element('div', {class: 'rec-columns'}, [
      section('Balance âgée', 'L\'encours par retard sur l\'échéance ; les tranches font exactement l\'encours.',
        [agedBalanceChart(report.ledger.agedBalance)], {class: 'rec-section rec-wide', 'data-figure': 'agedBalance'}),
      section('Alertes', 'La situation à l\'instant, quelle que soit la date des autres chiffres.', [alerts(report)])
    ]),
    trendSection(),
    section('Recouvrement par étape',
      `Du ${frenchDate(report.recovery.from)} au ${frenchDate(report.recovery.to)} : ce qui a été encaissé à chaque `
      + 'étape du scénario, et la part des dossiers soldés sans aller plus loin ; à droite, la situation du moment.',
      [stagesTable(report), handoffsLine(report.operational.judicialHandoffs)]),
    section('Les 20 débiteurs qui doivent le plus',
      'Par encours décroissant ; un numéro de dossier souligné ouvre son instance en cours dans Cockpit.',
      [debtorsTable(report)]),
    ...(soon.items.length ? [section('Prescriptions proches',
      `Les factures dues dont la prescription tombe d'ici le ${frenchDate(soon.until)}, la plus proche d'abord.`,
      [prescriptionTable(soon)])] : [])
  );
  linkDossiers(api, target);
}

function filtersForm(onApply) {
  const segment = element('input', {type: 'text', id: 'rec-segment', name: 'segment', class: 'form-control',
    placeholder: 'tous (ex. PME)'});
  const debtorType = element('select', {id: 'rec-type', name: 'debtorType', class: 'form-control'}, [
    element('option', {value: ''}, ['Tous']),
    ...Object.entries(TYPES).map(([value, label]) => element('option', {value}, [label]))]);
  const exports = ['xlsx', 'csv'].map(extension => element('a', {class: 'btn btn-default', 'data-export': extension,
    title: 'Une ligne par facture due, pour un tableur'}, [`Balance âgée (${extension.toUpperCase()})`]));
  const form = element('form', {class: 'form-inline rec-filters'}, [
    element('div', {class: 'form-group'}, [element('label', {for: 'rec-segment'}, ['Segment']), segment]),
    element('div', {class: 'form-group'}, [element('label', {for: 'rec-type'}, ['Débiteurs']), debtorType]),
    element('button', {type: 'submit', class: 'btn btn-primary'}, ['Appliquer']),
    element('span', {class: 'rec-exports'}, exports)
  ]);
  const apply = () => {
    const filters = {segment: segment.value.trim(), debtorType: debtorType.value};
    const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
    exports.forEach(link => link.setAttribute('href',
      `/api/kpis/aged-balance.${link.getAttribute('data-export')}?${query}`));
    onApply(filters);
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    apply();
  });
  return {form, apply};
}

const page = {
  id: 'recouvrement.kpis',
  pluginPoint: 'cockpit.route',
  properties: {path: PAGE_PATH},
  render(node, {api}) {
    const result = element('div', {class: 'rec-result'});
    const {form, apply} = filtersForm(filters => {
      result.replaceChildren(element('p', {class: 'rec-loading'}, ['Calcul des indicateurs…']));
      kpis(filters).then(report => renderReport(result, report, api),
        failure => result.replaceChildren(problemBox(failure)));
    });
    node.replaceChildren(element('div', {class: 'container-fluid rec-kpis'}, [
      element('h2', {}, ['Recouvrement']), form, result]));
    apply();
  }
};

const menu = {
  id: 'recouvrement.kpis.menu',
  pluginPoint: 'cockpit.navigation',
  priority: 30,
  properties: {path: PAGE_PATH},
  render(node) {
    node.replaceChildren(element('a', {href: `#${PAGE_PATH}`}, ['Recouvrement']));
  }
};

const dashboardTile = {
  id: 'recouvrement.kpis.dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 10,
  render(node) {
    const body = element('div', {class: 'rec-dashboard-body'}, [element('p', {}, ['Calcul des indicateurs…'])]);
    node.replaceChildren(element('div', {class: 'rec-dashboard col-xs-12'}, [
      element('h3', {}, ['Recouvrement']), body]));
    kpis({}).then(report => {
      const now = report.operational;
      const waiting = [
        count(now.lettersToPost, 'courrier à poster', 'courriers à poster'),
        count(now.deliveries.failed, 'envoi en échec', 'envois en échec'),
        count(report.ledger.prescriptionSoon.invoices, 'prescription proche', 'prescriptions proches')];
      body.replaceChildren(
        element('div', {class: 'rec-tiles'}, [
          tile('tile-overdue', 'Échu', euros(report.ledger.overdue.amount), invoices(report.ledger.overdue.invoices),
            `Factures en retard d'au moins un jour, au ${frenchDate(report.asOf)}.`, 'warning'),
          tile('tile-outstanding', 'Encours', euros(report.ledger.outstanding.amount),
            invoices(report.ledger.outstanding.invoices), 'Tout ce que les factures doivent encore.'),
          tile('tile-dso', 'DSO', `${DAYS.format(Number(report.ledger.dso.days))} jours`, 'décompte rétrograde',
            'Délai moyen d\'encaissement.')
        ]),
        element('p', {class: 'rec-dashboard-alerts'}, [`À traiter : ${waiting.join(' · ')}.`]),
        element('a', {href: `#${PAGE_PATH}`, class: 'btn btn-default'}, ['Voir tous les indicateurs du recouvrement'])
      );
    }, failure => body.replaceChildren(problemBox(failure)));
  }
};

export default [dashboardTile, page, menu];
