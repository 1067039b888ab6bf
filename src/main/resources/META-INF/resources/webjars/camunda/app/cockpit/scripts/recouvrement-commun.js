// What Recouvrement's Cockpit pages share: building the page's elements, and French dates and stage names. A module
// the plugins import by relative path; it is no plugin itself, so config.js does not list it.

export function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  (children || []).forEach(child => node.append(child));
  return node;
}

export function frenchDate(iso) {
  if (!iso) {
    return '—';
  }
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

export const STAGE_LABELS = {
  PRE_ECHEANCE: 'Avant échéance',
  CONCILIATION: 'Conciliation',
  RELANCE_1: 'Relance 1',
  RELANCE_2: 'Relance 2',
  RELANCE_3: 'Relance 3',
  MISE_EN_DEMEURE: 'Mise en demeure',
  JUDICIAIRE: 'Judiciaire'
};
